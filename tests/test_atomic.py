"""Nothing lost: a failed, interrupted or concurrent build never damages the last good site."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import build_project, digest
from tip_archive.pipeline import site as site_module
from tip_archive.pipeline.site import recover, swap_in

pytestmark = pytest.mark.e2e

CLI = [sys.executable, "-c", "import sys; from tip_archive.cli import main; sys.exit(main())"]


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".site"))


def test_a_failing_mkdocs_build_keeps_the_site(mini_project: Path) -> None:
    """The data are fine but MkDocs fails half-way (a broken link in strict mode)."""
    site = mini_project / "site"
    status, output = build_project(mini_project, site)
    assert status == 0, output
    before = digest(site)
    (mini_project / "docs/index.md").write_text("# Home\n\n[broken](missing.md)\n")
    status, output = build_project(mini_project, site)
    assert status == 1
    assert "missing.md" in output
    assert f"{site}/ was left as it was." in output
    assert "Traceback" not in output
    assert digest(site) == before
    assert leftovers(mini_project) == []


def _slow_project(project: Path) -> None:
    """Enough pages that a build takes a while, to be killed in the middle of it."""
    for number in range(40):
        (project / "docs" / f"page-{number}.md").write_text(f"# Page {number}\n\nText.\n")


def test_a_killed_build_keeps_the_site_and_the_next_build_cleans_up(mini_project: Path) -> None:
    _slow_project(mini_project)
    site = mini_project / "site"
    status, output = build_project(mini_project, site)
    assert status == 0, output
    before = digest(site)
    (mini_project / "docs/index.md").write_text("# Home, changed\n")
    process = subprocess.Popen(
        [*CLI, "build"], cwd=mini_project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        # Wait until MkDocs is writing the new site into its temporary folder, then kill it.
        while process.poll() is None:
            building = [p for p in mini_project.glob(".site-build-*") if any(p.iterdir())]
            if building:
                process.send_signal(signal.SIGKILL)
                break
            time.sleep(0.005)
        process.wait()
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL, "the build ended before it could be killed"
    assert digest(site) == before
    assert leftovers(mini_project) != []  # the half-written build is still there...
    status, output = build_project(mini_project, site)
    assert status == 0, output
    assert leftovers(mini_project) == []  # ...until the next build removes it
    assert digest(site) != before
    assert "Home, changed" in (site / "index.html").read_text(encoding="utf-8")


def test_concurrent_builds_take_turns(mini_project: Path, mini_site: Path) -> None:
    processes = [
        subprocess.Popen([*CLI, "build"], cwd=mini_project, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    for process in processes:
        _out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        assert "Traceback" not in err
    assert leftovers(mini_project) == []
    assert digest(mini_project / "site") == digest(mini_site)  # complete, and the same


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two renames"])
def test_swap_replaces_the_site_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchange: bool
) -> None:
    if not exchange:
        monkeypatch.setattr(site_module, "_exchange", lambda a, b: False)
    elif not sys.platform.startswith("linux"):
        pytest.skip("renameat2 is Linux only")
    site = _tree(tmp_path / "site", {"index.html": "old", "old-only/page.html": "old"})
    new = _tree(tmp_path / ".site-build-x", {"index.html": "new", "new-only/page.html": "new"})
    swap_in(new, site)
    assert sorted(digest(site)) == ["index.html", "new-only/page.html"]
    assert (site / "index.html").read_text() == "new"
    assert not (site / "old-only").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_exchange_swaps_two_folders_in_one_step(tmp_path: Path) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("renameat2 is Linux only")
    a = _tree(tmp_path / "a", {"f": "a"})
    b = _tree(tmp_path / "b", {"f": "b"})
    inode_a, inode_b = os.stat(a).st_ino, os.stat(b).st_ino
    assert site_module._exchange(a, b)
    assert (a / "f").read_text() == "b" and (b / "f").read_text() == "a"
    assert (os.stat(a).st_ino, os.stat(b).st_ino) == (inode_b, inode_a)


def test_recovery_after_a_swap_interrupted_between_its_renames(tmp_path: Path) -> None:
    """Killed after ``site`` → ``.site-old`` and before the new build took its place."""
    _tree(tmp_path / ".site-old", {"index.html": "previous"})
    _tree(tmp_path / ".site-build-abc", {"index.html": "half"})
    recover(tmp_path / "site")
    assert (tmp_path / "site/index.html").read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_recovery_after_a_swap_interrupted_before_its_clean_up(tmp_path: Path) -> None:
    _tree(tmp_path / "site", {"index.html": "new"})
    _tree(tmp_path / ".site-old", {"index.html": "previous"})
    recover(tmp_path / "site")
    assert (tmp_path / "site/index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_recovery_leaves_other_folders_alone(tmp_path: Path) -> None:
    _tree(tmp_path / "site", {"index.html": "current"})
    _tree(tmp_path / ".site-ru-build-abc", {"x": "another site's build"})
    _tree(tmp_path / "docs", {"index.md": "# Home"})
    recover(tmp_path / "site")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site-ru-build-abc", "docs", "site"]


def test_a_file_in_the_way_of_the_site_is_not_replaced(mini_project: Path) -> None:
    (mini_project / "site").write_text("my notes")
    status, output = build_project(mini_project, mini_project / "site")
    assert status == 1
    assert f"error: {mini_project / 'site'} is a file, not a folder" in output
    assert (mini_project / "site").read_text() == "my notes"
    assert leftovers(mini_project) == []


def test_leftovers_that_are_files_or_links_are_removed(tmp_path: Path) -> None:
    _tree(tmp_path / "site", {"index.html": "current"})
    (tmp_path / ".site-build-file").write_text("x")
    (tmp_path / ".site-build-link").symlink_to(tmp_path / "site")
    recover(tmp_path / "site")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert (tmp_path / "site/index.html").read_text() == "current"
