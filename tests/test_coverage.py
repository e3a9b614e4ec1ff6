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
        "Records per type: body 2, document 1, event 1, person 1, reference 2, resolution 2, "
        "source 1, statement 1" in report
    )
    assert "Records per year: 2006: 1, 2007: 1, 2010: 1, 2012: 1, 2015: 1" in report
    assert (
        "Span 2005-2019, records per year: 2005: none, 2006: 1 (1 quoted, 0 referenced), "
        "2007: 1 (1 quoted, 0 referenced)" in report
    )
    assert "2015: 1 (1 quoted, 1 referenced)" in report
    assert (
        "Years of the span with no dated record: 2005, 2008, 2009, 2011, 2013, 2014, 2016, "
        "2017, 2018, 2019 (add a dated record resting on a quote or a reference)" in report
    )
    assert (
        "Source mini-source (mini.txt): cited by 5 records, 4/6 paragraphs cited, 2 exempt"
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


def test_every_year_of_the_span_has_a_dated_record(real_coverage) -> None:  # type: ignore[no-untyped-def]
    assert real_coverage.empty_years == []


def test_a_year_without_a_dated_record_is_named_in_the_report() -> None:
    report = coverage(load_archive(MINI / "data", MINI))
    assert 2014 in report.empty_years and 2015 not in report.empty_years
    assert report.quoted_by_year[2010] == 1 and report.referenced_by_year[2010] == 0
    assert report.referenced_by_year[2015] == 1


def test_every_reference_can_be_found_by_a_reader() -> None:
    """A reference names a symbol, a press release number or the address it was read at."""
    from tip_archive.model.records import Reference

    archive = load_archive(ROOT / "data", ROOT)
    for mini_or_real in (archive, load_archive(MINI / "data", MINI)):
        for record in mini_or_real.records("reference"):
            assert isinstance(record, Reference)
            assert record.symbol or record.press_release or record.address, record.id
            assert not record.address or record.consulted is not None, record.id
