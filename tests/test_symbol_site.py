"""End-to-end: the built site's Find by symbol page, symbol addresses, search and scripts."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tip_archive.render.manifest import page_scripts, page_styles

pytestmark = pytest.mark.e2e


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_find_by_symbol_page_works_without_javascript(mini_site: Path) -> None:
    page = soup(mini_site / "symbols/index.html")
    form = page.select_one("form#symbol-form")
    assert form is not None and form["action"] == "./" and form["method"] == "get"
    assert page.select_one("input#symbol-query")["name"] == "q"  # type: ignore[index]
    assert page.select_one("#symbol-results") is not None
    rows = page.select("table#symbol-table tbody tr")
    assert [r.td.get_text() for r in rows] == [
        "A/64/L.64",
        "A/RES/64/293",
        "A/RES/64/293/Corr.1",
    ]
    for link in page.select("table#symbol-table tbody a"):
        target = posixpath.normpath(posixpath.join("symbols", str(link["href"])))
        assert (mini_site / target / "index.html").is_file(), link["href"]


@pytest.mark.parametrize(
    ("address", "record"),
    [
        ("symbol/A/RES/64/293", "resolutions/a-res-64-293"),
        ("symbol/a/res/64/293", "resolutions/a-res-64-293"),
        ("symbol/A/64/L.64", "resolutions/a-res-64-293"),
        ("symbol/a/64/l.64", "resolutions/a-res-64-293"),
        ("symbol/A/RES/64/293/Corr.1", "resolutions/a-res-64-293"),
        ("symbol/a/res/64/293/corr.1", "resolutions/a-res-64-293"),
        ("symbol/A/RES/64/293/CORR.1", "resolutions/a-res-64-293"),
    ],
)
def test_symbol_address_sends_the_reader_to_the_record(
    mini_site: Path, address: str, record: str
) -> None:
    page = soup(mini_site / address / "index.html")
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh is not None
    target = str(refresh["content"]).removeprefix("0; url=")
    assert posixpath.normpath(posixpath.join(address, target)) == record
    assert (mini_site / record / "index.html").is_file()
    canonical = page.find("link", rel="canonical")
    assert canonical is not None and canonical["href"] == f"https://example.org/{record}/"


def test_lookup_table_is_published(mini_site: Path) -> None:
    manifest = json.loads((mini_site / "symbols/symbols.json").read_text(encoding="utf-8"))
    assert manifest["symbols"] == 3
    for _boundary, name in manifest["shards"]:
        shard = json.loads((mini_site / f"symbols/shards/{name}.json").read_text(encoding="utf-8"))
        for doc in shard["docs"]:
            assert (mini_site / doc["url"] / "index.html").is_file()


def test_every_page_loads_the_archive_scripts_and_no_lunr_index(mini_site: Path) -> None:
    page = soup(mini_site / "resolutions/a-res-64-293/index.html")
    scripts = [str(s["src"]) for s in page.find_all("script", src=True)]
    styles = [str(s["href"]) for s in page.find_all("link", rel="stylesheet")]
    for url in page_scripts():
        assert f"../../{url}" in scripts
        assert (mini_site / url).is_file()
    for url in page_styles():
        assert f"../../{url}" in styles
    for url in page_scripts() + page_styles():  # each once (print.css and print.js were not)
        assert (scripts + styles).count(f"../../{url}") == 1, url
    assert not (mini_site / "search/search_index.json").exists()


def test_pagefind_indexes_the_pages_not_the_redirects(mini_site: Path) -> None:
    bundle = mini_site / "pagefind"
    assert (bundle / "pagefind.js").is_file()
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    pages = sum(language["page_count"] for language in entry["languages"].values())
    articles = [
        p
        for p in mini_site.rglob("index.html")
        if "pagefind" not in p.parts and soup(p).select_one("article.md-content__inner")
    ]
    assert pages == len(articles)
    assert not any(p.relative_to(mini_site).parts[0] == "symbol" for p in articles)


def test_paragraph_anchors_are_there_for_the_copy_buttons(mini_site: Path) -> None:
    draft = soup(mini_site / "documents/draft-2006/index.html")
    anchors = draft.select(".tip-para[id] > a.tip-anchor")
    assert [(a.parent["id"], a["href"]) for a in anchors] == [("op1", "#op1"), ("op2", "#op2")]
    source = soup(mini_site / "sources/mini-source/index.html")
    assert source.select_one("#p3 > a.tip-anchor[href='#p3']") is not None


def _fragments(site: Path) -> dict[str, str]:
    """Each indexed page's text as Pagefind keeps it (gzip, a signature, then JSON), by URL."""
    import gzip

    found = {}
    for path in (site / "pagefind/fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes()).decode("utf-8")
        fragment = json.loads(raw[raw.index("{") :])
        found[fragment["url"]] = fragment["content"]
    return found


def test_pagefind_leaves_out_the_notices_of_a_translation_to_come(mini_site: Path) -> None:
    """They are on most pages of the Russian edition: the records' words are indexed."""
    from tip_archive.render.edition import UNTRANSLATED

    noticed = [
        p
        for p in (mini_site / "ru").rglob("index.html")
        if soup(p).select_one("article .tip-untranslated")
    ]
    assert noticed, "no page of the mini site's Russian edition has the notice"
    fragments = _fragments(mini_site)
    url = "/" + noticed[0].parent.relative_to(mini_site).as_posix() + "/"
    title = soup(noticed[0]).select_one("article h1")
    assert title is not None and title.get_text().strip("¶ ") in fragments[url]
    assert not [u for u, text in fragments.items() if UNTRANSLATED in text]


def test_pagefind_indexes_a_record_not_its_lists_of_other_records(mini_site: Path) -> None:
    """Other records' titles in a page's lists are indexed on their own pages only."""
    fragments = _fragments(mini_site)
    person = fragments["/people/valentin-rybakov/"]
    assert "Valentin Rybakov" in person
    assert "interactive dialogue" in fragments["/statements/statement-2012/"]
    assert "interactive dialogue" not in person  # his part in the initiative, a list
