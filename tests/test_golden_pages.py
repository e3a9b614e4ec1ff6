"""Golden tests: each record of the mini fixture and the Markdown page it renders to.

The expected pages sit in ``tests/golden/*.yml`` (``input``: a record id of the mini
fixture; ``output``: the page).  After a deliberate change to the rendering, run
``pytest tests/test_golden_pages.py --update-goldens`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import public_record_copy
from tip_archive.pipeline.engine import generate
from tip_archive.render.pages import SiteOptions

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    archive, rendered = generate(MINI / "data", SiteOptions(), MINI)
    by_id = {}
    for page in rendered:
        stem = page.src.rsplit("/", 1)[-1].removesuffix(".md")
        by_id[stem] = page.markdown
    return by_id


@pytest.mark.golden_test("golden/*.yml")
def test_record_page_matches_golden(golden, pages: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert pages[golden["input"]] == golden.out["output"]


@pytest.fixture(scope="module")
def public_record_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The pages of the mini fixture with the public-record records laid over it."""
    project = public_record_copy(tmp_path_factory.mktemp("public-record") / "project")
    _archive, rendered = generate(project / "data", SiteOptions(), project)
    return {page.src.rsplit("/", 1)[-1].removesuffix(".md"): page.markdown for page in rendered}


@pytest.mark.golden_test("golden/public-record/*.yml")
def test_public_record_page_matches_golden(golden, public_record_pages: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """A record page with referenced facts, and a reference page with what rests on it."""
    assert public_record_pages[golden["input"]] == golden.out["output"]


@pytest.fixture(scope="module")
def russian_pages() -> dict[str, str]:
    """The Russian edition's pages of the mini fixture."""
    _archive, rendered = generate(MINI / "data", SiteOptions(), MINI, lang="ru")
    return {page.src.rsplit("/", 1)[-1].removesuffix(".md"): page.markdown for page in rendered}


@pytest.mark.golden_test("golden/ru/*.yml")
def test_russian_record_page_matches_golden(golden, russian_pages: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """A record page of the Russian edition: Russian interface, dates and GOST reference;
    English text marked where the fixture has no Russian one."""
    assert russian_pages[golden["input"]] == golden.out["output"]
