"""The full-text index is made once the build has let go of the archive and its pages.

Pagefind holds a whole edition in memory; the build must not hold its own beside it.
"""

from __future__ import annotations

import gc
import json
import shutil
from pathlib import Path

import pytest

from conftest import MINI

pytestmark = pytest.mark.e2e


def test_tip_archive_build_indexes_with_nothing_of_the_build_alive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs.structure.pages import Page

    from tip_archive.crossref.archive import Archive
    from tip_archive.loading.loader import LoadedRecord
    from tip_archive.pipeline.site import build_site
    from tip_archive.render import fulltext

    project = tmp_path / "project"
    shutil.copytree(MINI, project)
    alive: dict[str, int] = {}
    index = fulltext.index_site
    kinds = (Archive, LoadedRecord, Page)
    # Only what the build made: other tests of the same run may hold an archive of their own
    # (the browser suite keeps the built site's, cached for the session).
    gc.collect()
    before = {id(o) for o in gc.get_objects() if isinstance(o, kinds)}

    def counting(site: Path) -> None:
        gc.collect()
        for kind in kinds:
            alive[kind.__name__] = sum(
                isinstance(o, kind) and id(o) not in before for o in gc.get_objects()
            )
        index(site)

    monkeypatch.setattr(fulltext, "index_site", counting)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1577836800")
    assert build_site(project / "mkdocs.yml", project / "site") == 0
    assert alive == {"Archive": 0, "LoadedRecord": 0, "Page": 0}
    entry = json.loads((project / "site/pagefind/pagefind-entry.json").read_text("utf-8"))
    assert sorted(entry["languages"]) == ["en", "ru"]  # one run per edition, merged


def test_each_edition_is_indexed_by_a_run_of_its_own(tmp_path: Path) -> None:
    from tip_archive.render.fulltext import GLOB, slices

    for folder in ("resolutions/a", "ru/resolutions/a", "references/b", "pagefind"):
        (tmp_path / folder).mkdir(parents=True)
    assert slices(tmp_path) == [GLOB]  # no Russian home page: not an edition
    (tmp_path / "ru/index.html").write_text("", encoding="utf-8")
    assert slices(tmp_path) == [
        "{index.html,references/**/index.html,resolutions/**/index.html}",
        "ru/**/index.html",
    ]
