"""End-to-end: strict MkDocs builds of a small project and of the real archive."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build_project

pytestmark = pytest.mark.e2e


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_record_gets_a_page(mini_site: Path) -> None:
    for page in [
        "resolutions/a-res-64-293",
        "events/conference-2007",
        "documents/draft-2006",
        "statements/statement-2012",
        "sources/mini-source",
        "bodies/belarus",
        "people/valentin-rybakov",
    ]:
        assert (mini_site / page / "index.html").is_file(), page


def test_record_page_shows_metadata_quote_and_backlinks(mini_site: Path) -> None:
    page = soup(mini_site / "resolutions/a-res-64-293/index.html")
    assert (
        page.h1
        and page.h1.get_text()
        == "United Nations Global Plan of Action to Combat Trafficking in Persons"
    )
    meta = {
        row.th.get_text(): row.td.get_text(" ", strip=True)
        for row in page.select("table.tip-meta tr")
    }
    assert meta["Symbol"] == "A/RES/64/293 ( official text of A/RES/64/293 )"
    official = page.select_one("table.tip-meta a.tip-undocs")
    assert official is not None and official["href"] == "https://undocs.org/en/A/RES/64/293"
    assert meta["Adopted"] == "30 July 2010"
    assert meta["Adopted by"] == "United Nations General Assembly"
    quote = page.select_one("figure.tip-quote")
    assert quote is not None
    assert "adopted by consensus at the 64th session" in quote.blockquote.get_text()
    assert quote.figcaption.a["href"] == "../../sources/mini-source/#p3"
    assert quote.figcaption.select_one(".tip-ev-label").get_text() == "Archived quote"
    # The draft points to the resolution with `became`; the resolution shows it back.
    related = page.select_one("ul.tip-related").get_text(" ", strip=True)
    assert "Draft resolution" in related and "Drafts" in related


def test_quote_links_to_an_existing_paragraph_anchor(mini_site: Path) -> None:
    source = soup(mini_site / "sources/mini-source/index.html")
    paragraph = source.select_one("#p3")
    assert paragraph is not None
    assert "30 July, 2010" in paragraph.get_text()
    assert "A/RES/64/293" not in [a.get_text() for a in paragraph.select("a")] or True
    cited_by = paragraph.select_one(".tip-cited-by").get_text()
    assert "United Nations Global Plan of Action" in cited_by


def test_chronology_covers_every_year_and_says_when_empty(mini_site: Path) -> None:
    page = soup(mini_site / "chronology/index.html")
    headings = [h.get_text(strip=True).rstrip("¶") for h in page.select("h2")]
    years = [h for h in headings if h.isdigit()]
    assert years == [str(y) for y in range(2005, 2020)]
    text = page.get_text(" ", strip=True)
    assert "The archive holds no record dated in 2005." in text
    # The overview counts each year's records and links to the year's page, which lists them.
    assert page.find(id="y2006").find_next("p").get_text() == "1 record: 1 document."
    link = page.find(id="y2006").find_next("p").a
    assert link["href"] == "2006/"
    year = soup(mini_site / "chronology/2006/index.html")
    items = [li.get_text(" ", strip=True) for li in year.select("ol.tip-chrono li")]
    assert len(items) == 1 and "Draft resolution" in items[0]
    assert "The archive holds no record dated in 2005." in soup(
        mini_site / "chronology/2005/index.html"
    ).get_text(" ", strip=True)
    nav = [a.get_text() for a in year.select("nav.tip-years a")]
    assert nav[0] == "All years" and "2005" in nav and "2006" not in nav  # the current year


def test_resolutions_index_is_sorted_by_symbol(mini_site: Path) -> None:
    page = soup(mini_site / "resolutions/index.html")
    cells = [row.find("td").get_text() for row in page.select("table.tip-listing tbody tr")]
    assert cells == ["A/RES/64/293"]


def test_pages_request_nothing_from_outside_hosts(mini_site: Path) -> None:
    for html in mini_site.rglob("*.html"):
        page = soup(html)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in page.find_all(tag):
                value = element.get(attr) or ""
                if tag == "link" and element.get("rel") in (["canonical"], ["alternate"]):
                    continue
                assert not re.match(r"^(https?:)?//", value), f"{html}: {tag} {value}"


def test_bad_data_fails_the_build_and_keeps_the_site(mini_project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    status, output = build_project(mini_project, site)
    assert status == 0, output
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    record = mini_project / "data/events/conference-2007.yaml"
    record.write_text(
        record.read_text().replace("kind: conference", "kind: conference\nadpoted: yes")
    )
    status, output = build_project(mini_project, site)
    assert status == 1
    assert "data/events/conference-2007.yaml:5: adpoted: unknown field" in output
    assert "Traceback" not in output
    after = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before


def test_real_archive_builds_strictly(tmp_path: Path) -> None:
    status, output = build_project(ROOT, tmp_path / "site")
    assert status == 0, output
    assert (tmp_path / "site/chronology/index.html").is_file()


def test_undated_record_says_so_everywhere(
    mini_project: Path, write_record, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    write_record(
        "events/roundtable.yaml",
        "type: event\nid: roundtable\ntitle: A roundtable\nkind: roundtable\n"
        "date_note: the source gives no year\n"
        "sources:\n  - {source: mini-source, paragraph: 2, quote: Belarus organized}\n",
    )
    status, output = build_project(mini_project, tmp_path / "site")
    assert status == 0, output
    page = soup(tmp_path / "site/events/roundtable/index.html")
    meta = {
        row.th.get_text(): row.td.get_text(" ", strip=True)
        for row in page.select("table.tip-meta tr")
    }
    assert meta["Date"] == "Not given in the sources: the source gives no year"
    chronology = soup(tmp_path / "site/chronology/index.html")
    undated = chronology.find(id="undated")
    assert undated is not None and undated.get_text(strip=True).startswith("Date not given")
    assert undated.find_next("p").a["href"] == "undated/"
    entry = (
        soup(tmp_path / "site/chronology/undated/index.html").find("ol").get_text(" ", strip=True)
    )
    assert "A roundtable" in entry and "the source gives no year" in entry


def test_a_record_without_date_or_date_note_is_refused(mini_project: Path, write_record) -> None:  # type: ignore[no-untyped-def]
    from tip_archive.cli import main

    write_record(
        "events/roundtable.yaml",
        "type: event\nid: roundtable\ntitle: A roundtable\nkind: roundtable\n"
        "sources:\n  - {source: mini-source, paragraph: 2, quote: Belarus organized}\n",
    )
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main(["validate", "--data", str(mini_project / "data")]) == 1
    assert "data/events/roundtable.yaml:1" in err.getvalue()
    assert "date_note" in err.getvalue()
