"""One builder, one cache: the data folder the plugin is configured with is the one
validated, it is read once per build, and a rebuild re-reads only what changed."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from conftest import build_project
from tip_archive.loading import loader
from tip_archive.pipeline import engine
from tip_archive.pipeline.cache import BuildCache
from tip_archive.pipeline.engine import load_archive


def _move_data(project: Path, folder: str) -> None:
    (project / "data").rename(project / folder)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("  - tip-archive\n", f"  - tip-archive:\n      data_dir: {folder}\n"),
        encoding="utf-8",
    )


@pytest.mark.e2e
def test_build_validates_the_data_dir_the_plugin_is_configured_with(mini_project: Path) -> None:
    _move_data(mini_project, "records")
    status, output = build_project(mini_project)
    assert status == 0, output
    assert (mini_project / "site/resolutions/a-res-64-293/index.html").is_file()


@pytest.mark.e2e
def test_a_bad_record_in_the_configured_folder_stops_the_build(mini_project: Path) -> None:
    _move_data(mini_project, "records")
    bad = mini_project / "records/events/conference-2007.yaml"
    bad.write_text(bad.read_text(encoding="utf-8") + "colour: blue\n", encoding="utf-8")
    status, output = build_project(mini_project)
    assert status == 1
    assert "records/events/conference-2007.yaml:" in output and "colour" in output
    assert "site/ was left as it was." in output
    assert not (mini_project / "site").exists()


@pytest.mark.e2e
def test_the_plugin_renders_the_archive_the_build_validated(
    mini_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = mini_project / "calls.txt"  # a file: the pages are made in a child process
    real = engine.load_data

    def counting(data_dir: Path, *args: object) -> loader.LoadResult:
        with calls.open("a", encoding="utf-8") as file:
            file.write(f"{data_dir}\n")
        return real(data_dir, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "load_data", counting)
    status, output = build_project(mini_project)
    assert status == 0, output
    assert calls.read_text(encoding="utf-8").splitlines() == [str(mini_project / "data")]


def test_a_cache_rereads_only_changed_files_and_keeps_an_unchanged_archive(
    mini_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = BuildCache()
    data = mini_project / "data"
    first = load_archive(data, mini_project, cache)
    assert load_archive(data, mini_project, cache) is first  # same files: same archive
    parsed: list[str] = []
    real = loader.parse_record

    def counting(raw: bytes, name: str, *args: object) -> object:
        parsed.append(name)
        return real(raw, name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "parse_record", counting)
    event = data / "events/conference-2007.yaml"
    event.write_text(event.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    second = load_archive(data, mini_project, cache)
    assert second is not first
    assert parsed == ["conference-2007.yaml"]
    cache.close()


def test_only_a_cache_freezes_the_collector_and_it_lets_go(mini_project: Path) -> None:
    assert gc.get_freeze_count() == 0
    load_archive(mini_project / "data", mini_project)
    assert gc.get_freeze_count() == 0  # no owner, no freeze
    cache = BuildCache()
    load_archive(mini_project / "data", mini_project, cache)
    assert gc.get_freeze_count() > 0
    cache.close()
    assert gc.get_freeze_count() == 0


def test_an_archive_holds_no_reference_cycles() -> None:
    """Dropped, the archive is freed by reference counting, frozen or not: a serve rebuild
    need not walk the whole heap to be rid of the last one (``BuildCache.release``).  Were
    a cycle added (a record pointing back at its archive, say), every save would leave the
    old archive in the collector's frozen generation for good."""
    root = Path(__file__).resolve().parent.parent
    gc.collect()
    archive = load_archive(root / "data", root)
    gc.collect()  # what reading left
    found: list[object] = []
    gc.callbacks.append(lambda phase, info: found.append(info) if phase == "stop" else None)
    try:
        del archive
        unreachable = gc.collect()
    finally:
        gc.callbacks.pop()
    assert unreachable == 0, f"{unreachable} objects of the archive are in reference cycles"


@pytest.mark.e2e
def test_a_swept_cache_lets_the_next_archive_go_without_collecting(
    mini_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = BuildCache()
    data = mini_project / "data"
    load_archive(data, mini_project, cache)
    collections: list[int] = []
    full = gc.collect

    def counting(generation: int = 2) -> int:
        collections.append(generation)
        return full(generation)

    monkeypatch.setattr(gc, "collect", counting)
    record = next((data / "statements").glob("*.yaml"))
    record.write_text(record.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    cache.built()
    load_archive(data, mini_project, cache)  # not swept: the release collects everything
    assert 2 in collections
    collections.clear()
    record.write_text(record.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    cache.built()
    cache.sweep()
    assert collections == [2]
    collections.clear()
    load_archive(data, mini_project, cache)  # swept: only the young garbage before freezing
    assert collections == [1]
    assert gc.get_freeze_count() > 0
    cache.close()
    assert gc.get_freeze_count() == 0


def test_a_cache_reads_again_only_files_whose_stamp_changed(
    mini_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A serve rebuild does not read every record file for the one saved: a file is read
    again when its modification time, change time, size or inode changed, or when it was
    written too shortly before it was last read to trust its stamp."""
    reads: list[str] = []
    real = loader.read_limited

    def counting(path: Path, *args: object) -> bytes:
        reads.append(path.name)
        return real(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "read_limited", counting)
    data, cache = mini_project / "data", BuildCache()
    records = sorted(p.name for p in data.glob("*/*.yaml"))
    load_archive(data, mini_project, cache)  # the fixture was copied just now: too fresh
    reads.clear()
    load_archive(data, mini_project, cache)
    assert sorted(r for r in reads if r.endswith(".yaml")) == records  # read again, all
    monkeypatch.setattr(loader, "SETTLED_NS", 0)  # as if written long before
    load_archive(data, mini_project, cache)
    reads.clear()
    first = load_archive(data, mini_project, cache)
    assert [r for r in reads if r.endswith(".yaml")] == []
    event = data / "events/conference-2007.yaml"
    event.write_text(event.read_text(encoding="utf-8") + "# saved\n", "utf-8")
    second = load_archive(data, mini_project, cache)
    assert [r for r in reads if r.endswith(".yaml")] == ["conference-2007.yaml"]
    assert second is not first
    cache.close()
