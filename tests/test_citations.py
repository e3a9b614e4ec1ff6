"""Ready citations: the exact text a reader copies, style by style."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tip_archive.crossref.archive import Archive
from tip_archive.model.dates import DateSpan
from tip_archive.pipeline.engine import load_archive
from tip_archive.render.citations import (
    inverted,
    record_citations,
    split_name,
    us_span,
)
from tip_archive.render.extras import SiteContext

SITE = SiteContext("https://example.org/", "Mini archive")

ECOSOC = """\
type: body
id: ecosoc
title: Economic and Social Council
kind: un organ
abbreviation: ECOSOC
"""

RESOLUTION_2008 = """\
type: resolution
id: e-res-2008-33
title: Strengthening coordination of efforts against trafficking in persons
symbol: E/RES/2008/33
date: {date}
body: ecosoc
sources:
  - source: mini-source
    paragraph: 3
    quote: the UN Global Plan of Action
"""


def citations(archive: Archive, record_id: str, release: str | None = None) -> dict[str, str]:
    found = record_citations(archive, archive[record_id], SITE, release=release)
    return {c.key: c.text for c in found}


@pytest.fixture
def archive(mini_project: Path) -> Archive:
    return load_archive(mini_project / "data", mini_project)


@pytest.fixture
def ecosoc_archive(
    mini_project: Path, write_record: Callable[[str, str], Path]
) -> Callable[[str], Archive]:
    def make(date: str) -> Archive:
        write_record("bodies/ecosoc.yaml", ECOSOC)
        write_record("resolutions/e-res-2008-33.yaml", RESOLUTION_2008.format(date=date))
        return load_archive(mini_project / "data", mini_project)

    return make


def test_resolution_with_a_day_date(archive: Archive) -> None:
    assert citations(archive, "a-res-64-293") == {
        # The form of the official CSL Chicago style for a UN document (tests/test_citeproc.py),
        # with the full date of adoption.
        "chicago-note": "United Nations General Assembly, United Nations Global Plan of Action "
        "to Combat Trafficking in Persons, Resolution A/RES/64/293 (July 30, 2010), "
        "Mini archive, https://example.org/resolutions/a-res-64-293/.",
        "chicago-bibliography": "United Nations General Assembly. United Nations Global Plan of "
        "Action to Combat Trafficking in Persons. Resolution A/RES/64/293. "
        "July 30, 2010. Mini archive. https://example.org/resolutions/a-res-64-293/.",
        "oscola": "UNGA Res 64/293 (30 July 2010) UN Doc A/RES/64/293",
        "bluebook": "G.A. Res. 64/293, U.N. Doc. A/RES/64/293 (July 30, 2010)",
        "aglc": "United Nations Global Plan of Action to Combat Trafficking in Persons, "
        "GA Res 64/293, UN Doc A/RES/64/293 (30 July 2010)",
    }


def test_titles_are_italic_in_html(archive: Archive) -> None:
    found = {c.key: str(c.html) for c in record_citations(archive, archive["a-res-64-293"], SITE)}
    title = "<i>United Nations Global Plan of Action to Combat Trafficking in Persons</i>"
    assert found["aglc"] == f"{title}, GA Res 64/293, UN Doc A/RES/64/293 (30 July 2010)"
    assert title in found["chicago-note"]
    assert "<i>" not in found["oscola"]


def test_ecosoc_resolution_with_a_year_only(ecosoc_archive: Callable[[str], Archive]) -> None:
    title = "Strengthening coordination of efforts against trafficking in persons"
    url = "https://example.org/resolutions/e-res-2008-33/"
    assert citations(ecosoc_archive("2008"), "e-res-2008-33") == {
        "chicago-note": f"Economic and Social Council, {title}, Resolution "
        f"E/RES/2008/33 (2008), Mini archive, {url}.",
        "chicago-bibliography": f"Economic and Social Council. {title}. Resolution "
        f"E/RES/2008/33. 2008. Mini archive. {url}.",
        "oscola": "UNESC Res 2008/33 (2008) UN Doc E/RES/2008/33",
        "bluebook": "E.S.C. Res. 2008/33, U.N. Doc. E/RES/2008/33 (2008)",
        "aglc": f"{title}, ESC Res 2008/33, UN Doc E/RES/2008/33 (2008)",
    }


@pytest.mark.parametrize(
    ("date", "oscola", "bluebook"),
    [
        ("2008-07", "(July 2008)", "(July 2008)"),
        ("2008-09", "(September 2008)", "(Sept. 2008)"),
        ("2008-09-04", "(4 September 2008)", "(Sept. 4, 2008)"),
    ],
)
def test_partial_dates_print_only_what_is_known(
    ecosoc_archive: Callable[[str], Archive], date: str, oscola: str, bluebook: str
) -> None:
    found = citations(ecosoc_archive(date), "e-res-2008-33")
    assert found["oscola"] == f"UNESC Res 2008/33 {oscola} UN Doc E/RES/2008/33"
    assert found["bluebook"] == f"E.S.C. Res. 2008/33, U.N. Doc. E/RES/2008/33 {bluebook}"


def test_statement(archive: Archive) -> None:
    url = "https://example.org/statements/statement-2012/"
    assert citations(archive, "statement-2012") == {
        "chicago-note": "Valentin Rybakov, \u201cStatement at the interactive dialogue,\u201d "
        f"statement, Interactive dialogue, April 3, 2012, Mini archive, {url}.",
        "chicago-bibliography": "Rybakov, Valentin. \u201cStatement at the interactive "
        f"dialogue.\u201d Statement. Interactive dialogue, April 3, 2012. Mini archive. {url}.",
    }


def test_event(archive: Archive) -> None:
    title = "International Conference <Trafficking in Women and Girls>"
    url = "https://example.org/events/conference-2007/"
    assert citations(archive, "conference-2007") == {
        # The CSL Chicago style's event form: the title in roman, the date once.
        "chicago-note": f"{title}, conference, 2007, Mini archive, {url}.",
        "chicago-bibliography": f"{title}. Conference. 2007. Mini archive. {url}.",
    }


def test_body_person_source_and_document(archive: Archive) -> None:
    assert citations(archive, "belarus")["chicago-note"] == (
        "\u201cRepublic of Belarus,\u201d Mini archive, https://example.org/bodies/belarus/."
    )
    assert citations(archive, "mini-source")["chicago-bibliography"] == (
        "Ministry of Foreign Affairs of the Republic of Belarus. \u201cHuman Trafficking "
        "(test page).\u201d Mini archive. https://example.org/sources/mini-source/."
    )
    assert citations(archive, "draft-2006")["chicago-note"] == (
        "\u201cDraft resolution,\u201d draft resolution, September 11, 2006, Mini archive, "
        "https://example.org/documents/draft-2006/."
    )


def test_a_release_is_named_after_the_archive(archive: Archive) -> None:
    found = citations(archive, "conference-2007", release="2025.1")
    assert found["chicago-note"].endswith(
        "conference, 2007, Mini archive, release 2025.1, "
        "https://example.org/events/conference-2007/."
    )
    assert citations(archive, "a-res-64-293", release="2025.1")["oscola"] == (
        "UNGA Res 64/293 (30 July 2010) UN Doc A/RES/64/293"
    )


def test_a_resolution_without_symbol_gets_chicago_only(
    mini_project: Path, write_record: Callable[[str, str], Path]
) -> None:
    write_record(
        "resolutions/ga-2006.yaml",
        RESOLUTION_2008.replace("symbol: E/RES/2008/33\n", "")
        .replace("id: e-res-2008-33", "id: ga-2006")
        .replace("body: ecosoc", "body: un-general-assembly")
        .format(date="2006"),
    )
    archive = load_archive(mini_project / "data", mini_project)
    assert citations(archive, "ga-2006") == {
        "chicago-note": "United Nations General Assembly, Strengthening coordination of efforts "
        "against trafficking in persons, Resolution (2006), Mini archive, "
        "https://example.org/resolutions/ga-2006/.",
        "chicago-bibliography": "United Nations General Assembly. Strengthening coordination of "
        "efforts against trafficking in persons. Resolution. 2006. Mini archive. "
        "https://example.org/resolutions/ga-2006/.",
    }


def test_dates_in_month_day_year_order() -> None:
    assert us_span(DateSpan.parse("2013-05-13/2013-05-14")) == "May 13\u201314, 2013"
    assert us_span(DateSpan.parse("2013-05-30/2013-06-02")) == "May 30\u2013June 2, 2013"
    assert us_span(DateSpan.parse("2010-05/2010-06")) == "May\u2013June 2010"
    assert us_span(DateSpan.parse("2009")) == "2009"


def test_names() -> None:
    assert split_name("Valentin Rybakov") == ("Rybakov", "Valentin")
    assert inverted("Alexander G. Lukashenko") == "Lukashenko, Alexander G."
    assert split_name("UNODC") is None
    assert inverted("Ludwig van Beethoven") == "Ludwig van Beethoven"


def test_inner_quotes_initials_and_family_name_first(
    mini_project: Path, write_record: Callable[[str, str], Path]
) -> None:
    write_record(
        "people/s-n-martynov.yaml",
        "type: person\nid: s-n-martynov\ntitle: S.N. Martynov\n",
    )
    write_record(
        "statements/martynov-2005.yaml",
        """\
type: statement
id: martynov-2005
title: 'Proposal of a "Global Partnership against Slavery"'
date: 2005-09
speaker: s-n-martynov
office: Minister of Foreign Affairs
occasion: General debate
sources:
  - {source: mini-source, paragraph: 2, quote: Belarus organized}
""",
    )
    archive = load_archive(mini_project / "data", mini_project)
    assert citations(archive, "martynov-2005")["chicago-bibliography"] == (
        "Martynov, S. N. \u201cProposal of a \u2018Global Partnership against Slavery.\u2019\u201d "
        "Statement. General debate, September 2005. Mini archive. "
        "https://example.org/statements/martynov-2005/."
    )
    assert split_name("Ban Ki-moon") is None
    assert inverted("Ban Ki-moon") == "Ban Ki-moon"


def test_security_council_resolution(
    mini_project: Path, write_record: Callable[[str, str], Path]
) -> None:
    write_record(
        "bodies/un-security-council.yaml",
        "type: body\nid: un-security-council\ntitle: United Nations Security Council\nkind: un organ\n",
    )
    write_record(
        "resolutions/s-res-1325-2000.yaml",
        RESOLUTION_2008.replace("symbol: E/RES/2008/33", "symbol: S/RES/1325 (2000)")
        .replace("id: e-res-2008-33", "id: s-res-1325-2000")
        .replace("body: ecosoc", "body: un-security-council")
        .format(date="2000-10-31"),
    )
    found = citations(load_archive(mini_project / "data", mini_project), "s-res-1325-2000")
    assert found["oscola"] == "UNSC Res 1325 (31 October 2000) UN Doc S/RES/1325"
    assert found["bluebook"] == "S.C. Res. 1325, U.N. Doc. S/RES/1325 (Oct. 31, 2000)"
    assert found["aglc"].endswith(", SC Res 1325, UN Doc S/RES/1325 (31 October 2000)")
    assert found["chicago-note"].startswith(
        "United Nations Security Council, Strengthening coordination of "
        "efforts against trafficking in persons, Resolution S/RES/1325 (October 31, 2000), "
    )


def test_single_quotes_in_a_title_open_and_close_as_chicago_prints_them() -> None:
    from tip_archive.render.citations import _punct, _q

    title = _q("Citing 'Abject Poverty', Secretary-General Says 'We Need Your Funds.'")
    assert (
        title
        == "\u201cCiting \u2018Abject Poverty\u2019, Secretary-General Says \u2018We Need Your Funds.\u2019\u201d"
    )
    assert (
        _q("Members' States and Belarus's Plan")
        == "\u201cMembers\u2019 States and Belarus\u2019s Plan\u201d"
    )
    # Punctuation after a title ending in a nested quote goes inside both marks.
    assert _punct([_q("Designating 30 July 'World Day'")], ",") == [
        "\u201cDesignating 30 July \u2018World Day,\u2019\u201d"
    ]
