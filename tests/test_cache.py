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
    calls: list[Path] = []
    real = engine.load_data

    def counting(data_dir: Path, *args: object) -> loader.LoadResult:
        calls.append(data_dir)
        return real(data_dir, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "load_data", counting)
    status, output = build_project(mini_project)
    assert status == 0, output
    assert calls == [mini_project / "data"]


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
