"""The public record as evidence: references, facts resting on them, and what the reader sees.

``tests/fixtures/public-record`` adds to the mini fixture two references (a press release
read on its page, a UN document read in a copy), a resolution resting on them
(``a-res-70-179``) and an office resting on one.  Their pages are golden files
(``tests/golden/public-record/``, checked in ``test_golden_pages.py``); here are the rules,
the exact lines a record author sees when one is broken, and what the pages and data say.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PUBLIC_RECORD, public_record_copy
from tip_archive.cli import main
from tip_archive.pipeline.engine import generate, load_archive
from tip_archive.render import bibformats, evidence
from tip_archive.render.extras import SiteContext
from tip_archive.render.opendata import csv_row, record_data
from tip_archive.render.pages import SiteOptions

REFERENCE = "references/un-ga-10968.yaml"
GOOD_REFERENCE = (PUBLIC_RECORD / "data" / REFERENCE).read_text()
RESOLUTION = "resolutions/a-res-70-179.yaml"
GOOD_RESOLUTION = (PUBLIC_RECORD / "data" / RESOLUTION).read_text()


def _validate(project: Path, relative: str, content: str, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    (project / "data" / relative).write_text(content, encoding="utf-8")
    status = main(["validate", "--data", str(project / "data")])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return status, captured.err.splitlines()[:-1]


def _without(text: str, *starts: str) -> str:
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith(starts))


CASES = [
    (
        "a reference a reader cannot find",
        REFERENCE,
        _without(GOOD_REFERENCE, "press_release:", "url:", "consulted:"),
        [
            "data/references/un-ga-10968.yaml:1: url: a reference needs a 'symbol', a "
            "'press_release' number or an address ('url', or 'read_at' for a copy): add where "
            "a reader can find it"
        ],
    ),
    (
        "a reference with an address but no day of reading",
        REFERENCE,
        _without(GOOD_REFERENCE, "consulted:"),
        [
            "data/references/un-ga-10968.yaml:1: consulted: a reference with an address needs "
            "'consulted': the day it was read, e.g. consulted: '2026-12-02'"
        ],
    ),
    (
        "a reference consulted in a month",
        REFERENCE,
        GOOD_REFERENCE.replace('consulted: "2026-12-02"', 'consulted: "2026-12"'),
        [
            "data/references/un-ga-10968.yaml:9: consulted: 'consulted' is the day it was read: "
            "write a full date such as '2026-12-02'"
        ],
    ),
    (
        "a press release number that is not one",
        REFERENCE,
        GOOD_REFERENCE.replace("press_release: GA/10968", "press_release: press release 10968"),
        [
            "data/references/un-ga-10968.yaml:5: press_release: must match the pattern "
            "^[A-Z]{1,6}(?:/[A-Z0-9.]{1,12}){0,3}/\\d{1,6}(?:[-/][A-Z0-9.]{1,12})*$ "
            "(got the text 'press release 10968')"
        ],
    ),
    (
        "a fact from a reference that carries a quote",
        RESOLUTION,
        GOOD_RESOLUTION.replace(
            "    at: header\n", "    at: header\n    quote: Adopted on 17 December 2015\n", 1
        ),
        [
            "data/resolutions/a-res-70-179.yaml:18: facts[0].quote: the public record is never "
            "quoted: remove 'quote' and give the value in the archive's own words (verbatim "
            "quotes come only from archived sources, under 'cited' or 'sources')"
        ],
    ),
    (
        "a referenced figure that carries a quote",
        RESOLUTION,
        GOOD_RESOLUTION.replace("      at: para. 2\n", "      at: para. 2\n      quote: 80\n"),
        [
            "data/resolutions/a-res-70-179.yaml:32: figures[0].referenced.quote: the public "
            "record is never quoted: remove 'quote' and give the value in the archive's own "
            "words (verbatim quotes come only from archived sources, under 'cited' or 'sources')"
        ],
    ),
    (
        "a fact resting on nothing",
        RESOLUTION,
        GOOD_RESOLUTION.replace("    reference: un-a-res-70-179\n    at: header\n", "", 1),
        [
            "data/resolutions/a-res-70-179.yaml:14: facts[0].reference: a fact needs "
            "'reference' (the id of the reference it comes from) or 'unconfirmed' (why no "
            "consulted page confirms it): add one"
        ],
    ),
    (
        "a fact both referenced and unconfirmed",
        RESOLUTION,
        GOOD_RESOLUTION.replace(
            "    at: header\n", "    at: header\n    unconfirmed: Not sure.\n", 1
        ),
        [
            "data/resolutions/a-res-70-179.yaml:18: facts[0].unconfirmed: a fact has either "
            "'reference' or 'unconfirmed', not both: remove 'unconfirmed' once a reference "
            "confirms it"
        ],
    ),
    (
        "a figure both cited and referenced",
        RESOLUTION,
        GOOD_RESOLUTION.replace(
            "      at: para. 2\n",
            "      at: para. 2\n    cited:\n      source: mini-source\n      paragraph: 3\n"
            "      quote: adopted by consensus\n",
        ),
        [
            "data/resolutions/a-res-70-179.yaml:29: figures[0].referenced: a figure has both "
            "'cited' and 'referenced': keep the archived quote under 'cited' or the public "
            "record under 'referenced', not both"
        ],
    ),
    (
        "a fact resting on a record that is not a reference",
        RESOLUTION,
        GOOD_RESOLUTION.replace("reference: un-a-res-70-179", "reference: mini-source", 1),
        [
            "data/resolutions/a-res-70-179.yaml:16: facts[0].reference: 'mini-source' is a "
            "source, not a reference: give the id of a reference"
        ],
    ),
    (
        "a fact resting on a reference the archive lacks",
        RESOLUTION,
        GOOD_RESOLUTION.replace("reference: un-a-res-70-179", "reference: un-a-res-70-197", 1),
        [
            "data/resolutions/a-res-70-179.yaml:16: facts[0].reference: no record with id "
            "'un-a-res-70-197': did you mean 'un-a-res-70-179'?"
        ],
    ),
]


@pytest.mark.parametrize(
    ("relative", "content", "expected"),
    [pytest.param(rel, content, lines, id=name) for name, rel, content, lines in CASES],
)
def test_a_broken_rule_gets_one_clear_line(
    public_record_project: Path,
    capsys: pytest.CaptureFixture[str],
    relative: str,
    content: str,
    expected: list[str],
) -> None:
    status, lines = _validate(public_record_project, relative, content, capsys)
    assert status == 1
    assert lines == expected


def test_a_record_needs_quotes_or_referenced_facts(
    public_record_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unconfirmed_only = GOOD_RESOLUTION.replace(
        "    reference: un-a-res-70-179\n    at: header\n", "    unconfirmed: Not seen.\n", 1
    ).replace("    reference: un-ga-10968\n    at: para. 4\n", "    unconfirmed: Not seen.\n")
    status, lines = _validate(public_record_project, RESOLUTION, unconfirmed_only, capsys)
    assert status == 1
    assert lines == [
        "data/resolutions/a-res-70-179.yaml:1: sources: a record needs at least one source "
        "passage (under 'sources') or a fact from a reference (under 'facts', with "
        "'reference'): add what it rests on"
    ]


# -- what rests on a reference ----------------------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return public_record_copy(tmp_path_factory.mktemp("public-record") / "project")


@pytest.fixture(scope="module")
def pages(project: Path) -> dict[str, BeautifulSoup]:
    _archive, rendered = generate(project / "data", SiteOptions(), project)
    return {page.src: BeautifulSoup(page.markdown, "html.parser") for page in rendered}


def test_each_fact_shows_its_kind_of_evidence_in_words(pages: dict[str, BeautifulSoup]) -> None:
    page = pages["resolutions/a-res-70-179.md"]
    labels = {
        li["id"]: li.select_one(".tip-ev-label").get_text()  # type: ignore[union-attr]
        for li in page.select("ul.tip-facts li")
    }
    assert labels == {"fact-1": "Public record", "fact-2": "Public record", "fact-3": "Unconfirmed"}
    readings = [
        li.select_one(".tip-ev-label").get_text() for li in page.select(".tip-disagreement li")
    ]  # type: ignore[union-attr]
    assert readings == ["Public record", "Archived quote"]
    outside = page.select("a.tip-outside, a.tip-undocs")
    assert outside and all(a["rel"] == ["noopener", "noreferrer"] for a in outside)
    assert page.select_one("a.tip-undocs")["href"] == "https://undocs.org/en/A/RES/70/179"  # type: ignore[index]


def test_a_reference_page_links_every_fact_figure_reading_and_office_resting_on_it(
    pages: dict[str, BeautifulSoup],
) -> None:
    links = [a["href"] for a in pages["references/un-a-res-70-179.md"].select("ul.tip-uses a")]
    # In the order of the records, and of each record's page.
    assert links == [
        "../../resolutions/a-res-70-179/#reading-1-1",
        "../../resolutions/a-res-70-179/#fact-1",
    ]
    press = [a["href"] for a in pages["references/un-ga-10968.md"].select("ul.tip-uses a")]
    assert press == [
        "../../resolutions/a-res-70-179/#figure-1",
        "../../resolutions/a-res-70-179/#fact-2",
        "../../people/valentin-rybakov/#office-2",
    ]
    # Every anchor a reference page links to exists on the record's page.
    resolution = pages["resolutions/a-res-70-179.md"]
    person = pages["people/valentin-rybakov.md"]
    for href in links + press:
        anchor = href.split("#")[1]
        target = person if "valentin" in href else resolution
        assert target.find(id=anchor) is not None, href


def test_open_data_and_citations_carry_the_references(project: Path) -> None:
    archive = load_archive(project / "data", project)
    site = SiteContext("https://example.org/", "Mini archive")
    record = archive["a-res-70-179"]
    data = record_data(archive, record, site)
    assert data["facts"][0]["reference"]["url"] == "https://example.org/references/un-a-res-70-179/"
    assert data["facts"][2] == {
        "field": "session",
        "value": "70",
        "reference": None,
        "at": None,
        "unconfirmed": "Inferred from the symbol; no consulted page gives the session in words.",
        "ru": None,
    }
    row = csv_row(record, site)
    assert row["facts"].startswith("date = 2015-12-17 (un-a-res-70-179, header); ")
    assert row["facts"].endswith("session = 70 (unconfirmed)")
    assert csv_row(archive["un-ga-10968"], site)["address"].startswith("https://press.un.org/")
    item = bibformats.csl_item(archive, record, site)
    assert item["note"] == (
        "Rests on: Human Trafficking (test page) (¶3, archived); "
        "Improving the coordination of efforts against trafficking in persons "
        "(A/RES/70/179, https://example.org/copies/a-res-70-179.pdf); "
        "General Assembly Adopts Global Plan of Action (test page) "
        "(GA/10968, https://press.un.org/en/2010/ga10968.doc.htm)"
    )
    assert "note = {Rests on: Human Trafficking" in bibformats.bibtex_entry(item)
    assert "N1  - Rests on: Human Trafficking" in bibformats.ris_entry(item)


def test_the_official_text_link_takes_the_language_from_one_place() -> None:
    assert (
        evidence.symbol_html("A/RES/64/293", "ru").count("https://undocs.org/ru/A/RES/64/293") == 1
    )


def test_a_symbol_lands_on_its_record_before_the_reference_that_names_it(project: Path) -> None:
    from tip_archive.model.symbols import query_key
    from tip_archive.render.redirects import redirect_pages
    from tip_archive.render.symbol_index import lookup_table, symbol_entries

    entries = symbol_entries(load_archive(project / "data", project))
    found = [(e.text, e.record.id, e.label) for e in entries if e.text == "A/RES/70/179"]
    assert found == [
        ("A/RES/70/179", "a-res-70-179", "Own symbol"),
        ("A/RES/70/179", "un-a-res-70-179", "Reference (public record)"),
    ]
    table = lookup_table(entries)
    docs = [table.docs[i]["url"] for i in table.keys[query_key("70/179").key]]
    assert docs == ["resolutions/a-res-70-179/", "references/un-a-res-70-179/"]
    redirect = redirect_pages(entries)["symbol/A/RES/70/179/index.html"]
    assert "resolutions/a-res-70-179/" in redirect and "references/" not in redirect


def test_every_link_to_another_host_is_an_ordinary_link_that_tells_nothing(
    pages: dict[str, BeautifulSoup],
) -> None:
    outside = [
        a
        for page in pages.values()
        for a in page.find_all("a", href=True)
        if str(a["href"]).startswith(("http://", "https://"))
        and not str(a["href"]).startswith("https://example.org/resolutions/")
    ]
    assert any("undocs.org" in a["href"] for a in outside)
    for a in outside:
        assert a.get("rel") == ["noopener", "noreferrer"], a
        assert not a.get("target"), a


def test_the_references_index_lists_each_reference_with_what_rests_on_it(
    pages: dict[str, BeautifulSoup],
) -> None:
    rows = [
        [td.get_text(" ", strip=True) for td in tr.find_all("td")]
        for tr in pages["references/index.md"].select("table.tip-listing tbody tr")
    ]
    assert rows == [
        [
            "30 July 2010",
            "General Assembly Adopts Global Plan of Action (test page)",
            "GA/10968",
            "3",
        ],
        [
            "17 December 2015",
            "Improving the coordination of efforts against trafficking in persons",
            "A/RES/70/179",
            "2",
        ],
    ]
