"""Golden tests: each record of the mini fixture and the Markdown page it renders to.

The expected pages sit in ``tests/golden/*.yml`` (``input``: a record id of the mini
fixture; ``output``: the page).  After a deliberate change to the rendering, run
``pytest tests/test_golden_pages.py --update-goldens`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

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
