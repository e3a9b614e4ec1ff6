"""The archive uses its evidence: every passage of a seed is recorded or deliberately left out."""

from __future__ import annotations

import pytest

from conftest import MINI, ROOT
from tip_archive.crossref.coverage import coverage
from tip_archive.pipeline.engine import load_archive

SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def real_coverage():  # type: ignore[no-untyped-def]
    return coverage(load_archive(ROOT / "data", ROOT))


def test_mini_report_counts_types_years_and_sources() -> None:
    report = coverage(load_archive(MINI / "data", MINI)).report()
    assert (
        "Records per type: body 2, document 1, event 1, person 1, resolution 1, source 1, statement 1"
        in report
    )
    assert "Records per year: 2006: 1, 2007: 1, 2010: 1, 2012: 1" in report
    assert (
        "Source mini-source (mini.txt): cited by 4 records, 4/6 paragraphs cited, 2 exempt"
        in report
    )


def test_every_seed_is_archived_as_a_source(real_coverage) -> None:  # type: ignore[no-untyped-def]
    archived = {item.source.text_file for item in real_coverage.sources}
    seeds = {p.name for p in SEEDS.glob("*.txt")} if SEEDS.is_dir() else archived
    assert seeds <= archived
    for name in archived:
        copy = ROOT / "data/sources/texts" / name
        if (SEEDS / name).is_file():
            assert copy.read_bytes() == (SEEDS / name).read_bytes(), f"{name} differs from its seed"


def test_every_paragraph_describing_events_is_cited(real_coverage) -> None:  # type: ignore[no-untyped-def]
    """Uncited paragraphs must be listed, with the reason, in the source's `uncited` field."""
    gaps = {item.source.id: item.uncovered for item in real_coverage.sources if item.uncovered}
    assert gaps == {}


def test_every_source_is_cited(real_coverage) -> None:  # type: ignore[no-untyped-def]
    assert all(item.records > 0 for item in real_coverage.sources)


def test_exemptions_are_not_also_cited(real_coverage) -> None:  # type: ignore[no-untyped-def]
    both = {
        item.source.id: sorted(item.exempt & item.cited)
        for item in real_coverage.sources
        if item.exempt & item.cited
    }
    assert both == {}
