"""Long lists go on to next pages: the chronology's years, indexes, a body's records, a
long source.  A build of the mini project with many statements and a small page budget
shows every kind of split, with the links between the parts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import build_project
from tip_archive.render import paging


def test_split_keeps_order_and_budget() -> None:
    assert paging.split([3, 3, 3, 5, 1], lambda n: n, 6) == [[3, 3], [3], [5, 1]]
    # An item heavier than the budget gets a part of its own; nothing gives one empty part.
    assert paging.split([9, 1], lambda n: n, 6) == [[9], [1]]
    assert paging.split([], lambda n: n, 6) == [[]]


def test_page_addresses_follow_the_first_page() -> None:
    assert paging.page_src("bodies/belarus.md", 1) == "bodies/belarus.md"
    assert paging.page_src("bodies/belarus.md", 2) == "bodies/belarus/page/2.md"
    assert paging.page_url("statements/index.md", 3) == "statements/page/3/"
    nav = paging.Pager("chronology/2012/index.md", 2, 3).nav("Chronology, 2012")
    links = re.findall(r'<a href="([^"]+)"(?: rel="(\w+)")?>([^<]+)</a>', nav)
    assert links == [
        ("../../", "prev", "‹ Previous"),
        ("../../", "", "1"),
        ("../3/", "", "3"),
        ("../3/", "next", "Next ›"),
    ]
    assert '<span aria-current="page">2</span>' in nav
    assert paging.Pager("chronology/2012/index.md", 1, 1).nav("x") == ""


STATEMENTS = 7


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini project with seven more statements by Belarus citing the source, built with
    a budget of two rows (and about two paragraphs) per page."""
    import shutil

    from conftest import MINI

    project = tmp_path_factory.mktemp("paged") / "project"
    shutil.copytree(MINI, project)
    for n in range(1, STATEMENTS + 1):
        (project / f"data/statements/statement-2012-{n}.yaml").write_text(
            f"type: statement\nid: statement-2012-{n}\ntitle: Statement number {n}\n"
            f"date: 2012-05-{n:02d}\nspeaker: valentin-rybakov\non_behalf_of: belarus\n"
            "office: Assistant to the President\noccasion: Debate\n"
            "sources:\n  - source: mini-source\n    paragraph: 4\n    quote: broad international\n",
            encoding="utf-8",
        )
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - tip-archive\n", "  - tip-archive:\n      page_bytes: 1300\n"
        ),
        encoding="utf-8",
    )
    status, output = build_project(project)  # strict: every link and anchor between parts
    assert status == 0, output
    return project / "site"


def _soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def _pager(page: BeautifulSoup) -> list[str]:
    nav = page.select_one("nav.tip-pager")
    assert nav is not None
    return [a.get_text() for a in nav.select("a, span[aria-current]")]


@pytest.mark.e2e
def test_a_long_year_of_the_chronology_goes_on_to_next_pages(paged_site: Path) -> None:
    items: list[str] = []
    number = 1
    while True:
        url = "chronology/2012/" + (f"page/{number}/" if number > 1 else "")
        if not (paged_site / url / "index.html").is_file():
            break
        page = _soup(paged_site, url)
        found = [li.a.get_text() for li in page.select("li.tip-chrono__item")]
        assert 0 < len(found) <= 2
        items += found
        number += 1
    assert number - 1 == 4  # eight statements of 2012, two a page
    assert items == ["Statement at the interactive dialogue"] + [
        f"Statement number {n}" for n in range(1, STATEMENTS + 1)
    ]
    assert _pager(_soup(paged_site, "chronology/2012/page/2/")) == [
        "‹ Previous", "1", "2", "3", "4", "Next ›"
    ]  # fmt: skip
    # The overview counts the whole year on its section, and links to its first page.
    overview = _soup(paged_site, "chronology/")
    assert overview.find(id="y2012").find_next("p").get_text().startswith("8 records")


@pytest.mark.e2e
def test_a_long_index_goes_on_to_next_pages(paged_site: Path) -> None:
    first = _soup(paged_site, "statements/")
    rows = first.select("table.tip-listing tbody tr")
    assert len(rows) == 2
    assert _pager(first)[-1] == "Next ›"
    last = _soup(paged_site, "statements/page/4/")
    assert len(last.select("table.tip-listing tbody tr")) == 2
    assert last.h1.get_text(strip=True).startswith("Statements, page 4")


@pytest.mark.e2e
def test_a_body_with_many_records_lists_them_over_pages(paged_site: Path) -> None:
    first = _soup(paged_site, "bodies/belarus/")
    # The first screen is the record itself: its metadata, then the first of its records.
    assert first.select_one("table.tip-meta") is not None
    assert len(first.select("ol.tip-involved li")) == 2
    more = _soup(paged_site, "bodies/belarus/page/2/")
    assert more.h1.get_text(strip=True).startswith("Republic of Belarus, page 2")
    back = more.select_one("p.tip-kicker a")
    assert back.get_text() == "The record's page" and back["href"] == "../../"
    assert more.select_one("table.tip-meta") is None  # said once, on the record's page
    involved = [
        li.a.get_text()
        for n in range(1, 6)
        if (paged_site / f"bodies/belarus/page/{n}/index.html").is_file() or n == 1
        for li in _soup(paged_site, "bodies/belarus/" + (f"page/{n}/" if n > 1 else "")).select(
            "ol.tip-involved li"
        )
    ]
    assert sum("Statement number" in t for t in involved) == STATEMENTS


@pytest.mark.e2e
def test_a_long_source_is_split_and_its_paragraphs_keep_their_address(
    paged_site: Path,
) -> None:
    first = _soup(paged_site, "sources/mini-source/")
    text = first.select_one("div.tip-source-text")
    assert text is not None and text.get("data-paragraph-pages")
    starts = dict(part.split(":") for part in text["data-paragraph-pages"].split())
    # Paragraph 4, cited by every statement, is on a later part; the statements link there.
    holder = max((int(n), href) for n, href in starts.items() if int(n) <= 4)[1]
    assert holder != "./"
    part = _soup(paged_site, "sources/mini-source/" + holder)
    assert part.find(id="p4") is not None and first.find(id="p4") is None
    statement = _soup(paged_site, "statements/statement-2012-1/")
    cite = statement.select_one("figure.tip-quote a.tip-cite")
    assert cite["href"] == f"../../sources/mini-source/{holder}#p4"
    # Every paragraph is on exactly one part.
    ids = [
        p["id"]
        for href in starts.values()
        for p in _soup(paged_site, "sources/mini-source/" + href).select("div.tip-para[id]")
    ]
    assert sorted(ids, key=lambda i: int(i[1:])) == [f"p{n}" for n in range(1, len(ids) + 1)]
