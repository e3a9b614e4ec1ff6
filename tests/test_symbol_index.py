"""Find by symbol and symbol addresses: the lookup table, its shards, the page, the redirects."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tip_archive.model.records import Resolution
from tip_archive.model.symbols import Symbol, interpret_query, lookup_keys, query_key
from tip_archive.pipeline.engine import generate, load_archive
from tip_archive.render.pages import SiteOptions, environment
from tip_archive.render.redirects import redirect_pages, symbol_paths
from tip_archive.render.symbol_index import (
    MANIFEST_SRC,
    SYMBOLS_SRC,
    SymbolEntry,
    lookup_files,
    symbol_entries,
    symbol_pages,
)

MINI = Path(__file__).parent / "fixtures" / "mini"

#: Ways readers write symbols, and the symbol each one means.
QUERIES = [
    ("A/RES/64/293", "A/RES/64/293"),
    ("a/res/64/293", "A/RES/64/293"),
    ("A/RES/64/293 ", "A/RES/64/293"),
    ("  A / RES / 64 / 293  ", "A/RES/64/293"),
    ("64/293", "A/RES/64/293"),
    ("res 64/293", "A/RES/64/293"),
    ("resolution 64/293", "A/RES/64/293"),
    ("Resolution 64/293.", "A/RES/64/293"),
    ("GA res 64/293", "A/RES/64/293"),
    ("General Assembly resolution 64/293", "A/RES/64/293"),
    ("UN Doc A/RES/64/293", "A/RES/64/293"),
    ("U.N. Doc. A/RES/64/293", "A/RES/64/293"),
    ("A/RES/064/293", "A/RES/64/293"),
    ("E/RES/2008/33", "E/RES/2008/33"),
    ("ECOSOC resolution 2008/33", "E/RES/2008/33"),
    ("2008/33", "E/RES/2008/33"),
    ("A/65/497", "A/65/497"),
    ("a/65/497", "A/65/497"),
    ("A/C.3/61/L.9", "A/C.3/61/L.9"),
    ("a/c.3/61/l.9", "A/C.3/61/L.9"),
    ("draft resolution A/C.3/61/L.9", "A/C.3/61/L.9"),
    ("A/64/L.64", "A/64/L.64"),
    ("draft A/64/L.64", "A/64/L.64"),
    ("A/RES/64/293/Corr.1", "A/RES/64/293/Corr.1"),
    ("a/res/64/293/corr.1", "A/RES/64/293/Corr.1"),
    ("S/RES/2331 (2016)", "S/RES/2331 (2016)"),
    ("Security Council resolution 2331 (2016)", "S/RES/2331 (2016)"),
    ("E/CN.15/2006/L.9", "E/CN.15/2006/L.9"),
]


@pytest.mark.parametrize(("query", "meant"), QUERIES)
def test_query_key_is_a_key_of_the_symbol_the_query_means(query: str, meant: str) -> None:
    symbols = interpret_query(query)
    assert [str(s) for s in symbols] == [meant]
    assert query_key(query).key in lookup_keys(symbols[0])


@pytest.mark.parametrize(
    ("query", "key", "organ"),
    [
        ("GA res 64/293", "64/293", "a"),
        ("ECOSOC resolution 2008/33", "2008/33", "e"),
        ("SC res 2331 (2016)", "2331(2016)", "s"),
        ("a/res/64/293", "a/res/64/293", None),
        ("trafficking in persons", "traffickinginpersons", None),
        ("", "", None),
    ],
)
def test_query_key(query: str, key: str, organ: str | None) -> None:
    assert (query_key(query).key, query_key(query).organ) == (key, organ)


def test_lookup_keys_hold_canonical_and_short_forms() -> None:
    assert lookup_keys(Symbol("A", (), "RES", "64", "293")) == ["a/res/64/293", "64/293"]
    assert lookup_keys(Symbol("E", (), "RES", "2008", "33")) == ["e/res/2008/33", "2008/33"]
    assert lookup_keys(Symbol("S", (), "RES", None, "2331 (2016)")) == [
        "s/res/2331(2016)",
        "2331(2016)",
    ]
    assert lookup_keys(Symbol("A", ("C.3",), None, "61", "L.9")) == ["a/c.3/61/l.9"]


# -- the mini archive's table ----------------------------------------------------------------


@pytest.fixture(scope="module")
def entries() -> list[SymbolEntry]:
    return symbol_entries(load_archive(MINI / "data", MINI))


def test_every_symbol_of_every_record_is_in_the_table(entries: list[SymbolEntry]) -> None:
    table = [(e.text, e.record.id, e.field, e.label, e.short) for e in entries]
    assert table == [
        ("A/64/L.64", "a-res-64-293", "draft", "Draft", ""),
        ("A/RES/64/293", "a-res-64-293", "symbol", "Own symbol", "64/293"),
        ("A/RES/64/293/Corr.1", "a-res-64-293", "other", "Corrigendum", ""),
    ]


def read_table(files: dict[str, str], key: str) -> list[dict[str, object]]:
    """What the browser does: find the key's shard in the manifest, read it there."""
    manifest = json.loads(files[MANIFEST_SRC])
    boundaries = [b for b, _ in manifest["shards"]]
    index = max(i for i, b in enumerate(boundaries) if b <= key)
    shard = json.loads(files[f"symbols/shards/{manifest['shards'][index][1]}.json"])
    return [shard["docs"][i] for i in shard["keys"].get(key, [])]


def test_lookup_table_leads_each_key_to_its_record(entries: list[SymbolEntry]) -> None:
    files = lookup_files(entries)
    manifest = json.loads(files[MANIFEST_SRC])
    assert manifest["symbols"] == 3
    assert manifest["normaliser"]["noise"].startswith("^(?:un|")
    assert read_table(files, "64/293") == [
        {
            "symbol": "A/RES/64/293",
            "url": "resolutions/a-res-64-293/",
            "title": "United Nations Global Plan of Action to Combat Trafficking in Persons",
            "type": "Resolution",
            "field": "symbol",
            "label": "Own symbol",
            "record_symbol": None,
        }
    ]
    draft = read_table(files, query_key("draft A/64/L.64").key)
    assert [(d["symbol"], d["url"], d["label"], d["record_symbol"]) for d in draft] == [
        ("A/64/L.64", "resolutions/a-res-64-293/", "Draft", "A/RES/64/293")
    ]
    corr = read_table(files, query_key("a/res/64/293/corr.1").key)
    assert [(d["label"], d["record_symbol"]) for d in corr] == [("Corrigendum", "A/RES/64/293")]
    assert read_table(files, query_key("A/RES/99/1").key) == []


def synthetic_entries(count: int) -> list[SymbolEntry]:
    """``count`` General Assembly resolutions, a quarter of them with a draft symbol."""
    found = []
    for n in range(count):
        session, number = 30 + n // 200, 100 + n % 200
        record = Resolution.model_validate(
            {
                "type": "resolution",
                "id": f"a-res-{session}-{number}",
                "title": f"Resolution number {n} on the coordination of efforts against trafficking",
                "symbol": f"A/RES/{session}/{number}",
                "body": "un-general-assembly",
            }
        )
        found.append(
            SymbolEntry(Symbol("A", (), "RES", str(session), str(number)), record, "symbol")
        )
        if n % 4 == 0:
            draft = Symbol("A", ("C.3",), None, str(session), f"L.{number}")
            found.append(SymbolEntry(draft, record, "draft"))
    return found


def test_a_lookup_stays_under_50_kb_at_10000_records() -> None:
    entries = synthetic_entries(10_000)
    files = lookup_files(entries)
    manifest_size = len(files[MANIFEST_SRC].encode())
    shard_sizes = [len(text.encode()) for path, text in files.items() if path != MANIFEST_SRC]
    assert len(shard_sizes) > 10
    assert manifest_size + max(shard_sizes) < 50_000
    # Every key of every symbol is found in the shard the manifest sends it to.
    for entry in entries[::37]:
        for key in entry.keys:
            assert entry.text in [d["symbol"] for d in read_table(files, key)], key


# -- the page and the redirects --------------------------------------------------------------


@pytest.fixture(scope="module")
def outputs() -> dict[str, str]:
    _archive, pages = generate(MINI / "data", SiteOptions(site_url="https://example.org/"), MINI)
    return {page.src: page.markdown for page in pages}


def test_symbols_page_lists_every_symbol_with_its_record(outputs: dict[str, str]) -> None:
    page = BeautifulSoup(outputs[SYMBOLS_SRC], "html.parser")
    assert page.select_one("input#symbol-query[name=q]") is not None
    assert page.select_one("ul#symbol-results") is not None
    rows = [
        [td.get_text(" ", strip=True) for td in tr.find_all("td")]
        for tr in page.select("table#symbol-table tbody tr")
    ]
    title = "Resolution United Nations Global Plan of Action to Combat Trafficking in Persons"
    assert rows == [
        ["A/64/L.64", "", "Draft of A/RES/64/293", title],
        ["A/RES/64/293", "64/293", "Own symbol", title],
        ["A/RES/64/293/Corr.1", "", "Corrigendum of A/RES/64/293", title],
    ]
    links = [a["href"] for a in page.select("table#symbol-table tbody a")]
    assert links == ["../resolutions/a-res-64-293/"] * 3
    assert page.select_one("tr#a-res-64-293") is not None


def refresh_target(html: str) -> str:
    page = BeautifulSoup(html, "html.parser")
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh is not None
    match = re.fullmatch(r"0; url=(.+)", str(refresh["content"]))
    assert match, refresh
    link = page.find("a")
    assert link is not None and link["href"] == match[1]
    return match[1]


@pytest.mark.parametrize(
    ("symbol", "record_url"),
    [
        ("A/RES/64/293", "resolutions/a-res-64-293/"),
        ("A/64/L.64", "resolutions/a-res-64-293/"),
        ("A/RES/64/293/Corr.1", "resolutions/a-res-64-293/"),
    ],
)
def test_every_symbol_address_leads_to_its_record(
    outputs: dict[str, str], symbol: str, record_url: str
) -> None:
    paths = symbol_paths(symbol)
    assert f"symbol/{symbol}/" in paths and f"symbol/{symbol.lower()}/" in paths
    for here in paths:
        html = outputs[here + "index.html"]
        target = refresh_target(html)
        assert not target.startswith(("/", "http"))
        assert posixpath.normpath(posixpath.join(here, target)) + "/" == record_url
        canonical = BeautifulSoup(html, "html.parser").find("link", rel="canonical")
        assert canonical is not None and canonical["href"] == "https://example.org/" + record_url
        assert symbol in html


def test_symbol_folder_leads_to_find_by_symbol(outputs: dict[str, str]) -> None:
    assert refresh_target(outputs["symbol/index.html"]) == "../symbols/"


def test_redirects_are_relative_without_a_site_url(entries: list[SymbolEntry]) -> None:
    pages = redirect_pages(entries)
    html = pages["symbol/a/res/64/293/index.html"]
    canonical = BeautifulSoup(html, "html.parser").find("link", rel="canonical")
    assert canonical is not None
    assert canonical["href"] == "../../../../../resolutions/a-res-64-293/"
    assert len(pages) == 1 + sum(len(symbol_paths(e.text)) for e in entries)


def test_a_long_table_is_split_into_a_page_per_series_and_session() -> None:
    entries = synthetic_entries(600)  # sessions 30, 31 and 32, with drafts
    pages = symbol_pages(environment(), entries, {"hide_nav": False, "meta": {}}, split_above=500)
    assert sorted(pages) == [
        "symbols/a-c-3-30/index.md",
        "symbols/a-c-3-31/index.md",
        "symbols/a-c-3-32/index.md",
        "symbols/a-res-30/index.md",
        "symbols/a-res-31/index.md",
        "symbols/a-res-32/index.md",
        SYMBOLS_SRC,
    ]
    main = BeautifulSoup(pages[SYMBOLS_SRC], "html.parser")
    assert main.select_one("#symbol-table") is None
    groups = [
        (a.get_text(), a["href"], a.find_parent("tr").find_all("td")[1].get_text())
        for a in main.select("table#symbol-groups a")
    ]
    assert groups[0] == ("A/C.3/30/…", "a-c-3-30/", "50")
    assert groups[3] == ("A/RES/30/…", "a-res-30/", "200")
    listed = []
    for src, text in pages.items():
        if src != SYMBOLS_SRC:
            page = BeautifulSoup(text, "html.parser")
            listed += [tr.td.get_text() for tr in page.select("table#symbol-table tbody tr")]
            assert page.select_one("table#symbol-table a")["href"].startswith("../../resolutions/")  # type: ignore[index]
    assert sorted(listed) == sorted(e.text for e in entries)
