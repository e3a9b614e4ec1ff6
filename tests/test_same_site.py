"""The byte-identity check (``tests/same_site.py``) sees every kind of difference."""

from __future__ import annotations

from pathlib import Path

from same_site import compare


def _site(root: Path, files: dict[str, bytes]) -> Path:
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content)
    return root


def test_identical_sites_have_no_changes(tmp_path: Path) -> None:
    files = {"index.html": b"<p>a</p>\n", "data/records.json": b"[]"}
    assert compare(_site(tmp_path / "a", files), _site(tmp_path / "b", files)) == {}


def test_a_changed_byte_a_missing_and_a_new_file_are_each_reported(tmp_path: Path) -> None:
    old = _site(
        tmp_path / "a", {"index.html": b"<p>a</p>\n", "gone.html": b"x", "x.bin": b"\xff\0"}
    )
    new = _site(tmp_path / "b", {"index.html": b"<p>b</p>\n", "new.html": b"y", "x.bin": b"\xfe"})
    changes = compare(old, new)
    assert set(changes) == {"index.html", "gone.html", "new.html", "x.bin"}
    assert "-<p>a</p>" in changes["index.html"] and "+<p>b</p>" in changes["index.html"]
    assert changes["gone.html"] == "missing from the new site"
    assert changes["new.html"] == "new in the new site"
    assert "binary" in changes["x.bin"]
