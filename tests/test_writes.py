"""Every file the tools write is written whole or not at all, and a record is never overwritten."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tip_archive import files
from tip_archive.files import write_atomic
from users import CLI


def test_a_file_is_replaced_whole_and_nothing_is_left_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "record.schema.json"
    target.write_text("old")
    write_atomic(target, "new ✓")
    assert target.read_text(encoding="utf-8") == "new ✓"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["record.schema.json"]
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask  # not the temporary file's 0600


def test_a_write_that_fails_half_way_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "releases.yaml"
    target.write_text("the old text")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, "the new text, never complete")
    assert target.read_text() == "the old text"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["releases.yaml"]


def test_an_exclusive_write_never_replaces_a_file(tmp_path: Path) -> None:
    target = tmp_path / "x.yaml"
    target.write_text("an author's record")
    with pytest.raises(FileExistsError):
        write_atomic(target, "a skeleton", exclusive=True)
    assert target.read_text() == "an author's record"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.yaml"]


def test_new_records_started_at_once_write_one_file(mini_project: Path) -> None:
    """Eight ``tip-archive new`` for the same record at the same moment: one writes it, the
    others are told it exists, and the file is one whole skeleton."""
    runs = [
        subprocess.Popen(
            [*CLI, "new", "event", "Conference 2030", "--date", "2030"],
            cwd=mini_project,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(8)
    ]
    results = [(run.wait(timeout=120), *run.communicate()) for run in runs]
    path = Path("data/events/conference-2030.yaml")
    assert sorted(status for status, _out, _err in results) == [0] + [1] * 7
    assert [out for status, out, _err in results if status == 0] == [f"wrote {path}\n"]
    assert {err for status, _out, err in results if status == 1} == {
        f"error: {path} already exists\n"
    }
    written = (mini_project / path).read_text(encoding="utf-8")
    assert written.startswith("# yaml-language-server: $schema=../../schema/record.schema.json\n")
    assert written.endswith("related: []\n")
    assert sorted(p.name for p in (mini_project / "data/events").iterdir()) == [
        "conference-2007.yaml",
        "conference-2030.yaml",
    ]
