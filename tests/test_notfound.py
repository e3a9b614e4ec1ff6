"""The 404 page: a broken, old or hand-typed address still reaches its record.

The logic is ``render/assets/notfound.js``, run here with Node.js on a table of
paths; the end-to-end tests check the page a static host serves and its lookup table.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from chromium import dump_dom
from chromium import static_host as serve_static
from conftest import MINI, build_project
from tip_archive.pipeline.engine import load_archive
from tip_archive.render.publish import ASSETS, lookup_table

SCRIPT = ASSETS / "notfound.js"
DRIVER = Path(__file__).parent / "js/notfound_driver.js"


def resolve(paths: list[str], table: dict[str, Any], root: str = "/") -> dict[str, Any]:
    """Each path → what notfound.js makes of it, from one run of node."""
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI"):
            pytest.fail("Node.js (`node`) is needed to test the 404 page's script")
        pytest.skip("Node.js (`node`) is not installed")
    done = subprocess.run(
        [node, str(DRIVER)],
        input=json.dumps({"script": str(SCRIPT), "root": root, "table": table, "paths": paths}),
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(zip(paths, json.loads(done.stdout), strict=True))


def record(kind: str, folder: str, id: str, title: str, *symbols: str) -> dict[str, Any]:
    return {
        "id": id,
        "url": f"{folder}/{id}/",
        "type": kind,
        "title": title,
        "symbols": list(symbols),
    }


TABLE = {
    "version": 1,
    "records": [
        record("resolution", "resolutions", "a-res-64-293", "Global Plan", "A/RES/64/293"),
        record(
            "resolution",
            "resolutions",
            "a-res-61-180",
            "Improving the coordination",
            "A/RES/61/180",
            "A/C.3/61/L.9",
        ),
        record("resolution", "resolutions", "e-res-2008-33", "ECOSOC 2008/33", "E/RES/2008/33"),
        record("document", "documents", "a-65-497", "Report of the Third Committee", "A/65/497"),
        record(
            "event",
            "events",
            "2007-conference-trafficking-women-girls",
            "International Conference",
        ),
        record("person", "people", "valentin-rybakov", "Valentin Rybakov"),
        record("statement", "statements", "2012-04-03-rybakov-statement", "Statement"),
        record("body", "bodies", "unodc", "UNODC"),
    ],
}


def test_an_address_naming_a_record_leads_to_it() -> None:
    found = {
        # the symbol as a path, in the ways reports write it
        "/A/RES/64/293": "resolutions/a-res-64-293/",
        "/A/RES/64/293/": "resolutions/a-res-64-293/",
        "/a/res/64/293/index.html": "resolutions/a-res-64-293/",
        "/resolutions/A-RES-64-293": "resolutions/a-res-64-293/",
        "/resolutions/a-res-64-293.html": "resolutions/a-res-64-293/",
        "/a_res_64_293": "resolutions/a-res-64-293/",
        "/a-res-64-293/": "resolutions/a-res-64-293/",
        "/A/RES/064/0293": "resolutions/a-res-64-293/",
        # prose and short forms
        "/res/64/293": "resolutions/a-res-64-293/",
        "/resolution/64/293": "resolutions/a-res-64-293/",
        "/ga-res-64-293": "resolutions/a-res-64-293/",
        "/resolution%2064%2F293": "resolutions/a-res-64-293/",
        "/E/RES/2008/33": "resolutions/e-res-2008-33/",
        "/ecosoc/2008/33": "resolutions/e-res-2008-33/",
        "/2008/33": "resolutions/e-res-2008-33/",
        # a record's other symbols: its draft
        "/A/C.3/61/L.9": "resolutions/a-res-61-180/",
        "/symbol/a/c.3/61/l.9/": "resolutions/a-res-61-180/",
        # documents, and ids on their own or under a wrong folder
        "/A/65/497": "documents/a-65-497/",
        "/valentin-rybakov": "people/valentin-rybakov/",
        "/bodies/valentin-rybakov/": "people/valentin-rybakov/",
        "/events/2007-conference-trafficking-women-girls.html": (
            "events/2007-conference-trafficking-women-girls/"
        ),
        "/old/site/pages/unodc": "bodies/unodc/",
    }
    results = resolve(list(found), TABLE)
    assert {path: r.get("url") for path, r in results.items()} == found


def test_an_address_close_to_records_offers_them() -> None:
    suggested = {
        # a truncated id, a typo, words in another order
        "/events/2007-conference": ["2007-conference-trafficking-women-girls"],
        "/events/2007-conferense": ["2007-conference-trafficking-women-girls"],
        "/events/conference-2007-trafficking": ["2007-conference-trafficking-women-girls"],
        # ... the folder named first
        "/people/rybakov": ["valentin-rybakov", "2012-04-03-rybakov-statement"],
        "/statements/rybakov": ["2012-04-03-rybakov-statement", "valentin-rybakov"],
        "/people/valentin-rybakow": ["valentin-rybakov"],
        # a symbol one transposition away: offered, never followed (64/239 is not 64/293)
        "/A/RES/64/239": ["a-res-64-293"],
        # nothing close
        "/A/RES/99/1": [],
        "/nothing-like-it": [],
        "/": [],
    }
    results = resolve(list(suggested), TABLE)
    assert all(r["kind"] == "suggest" for r in results.values())
    assert {path: r["ids"] for path, r in results.items()} == suggested


def test_the_find_box_is_filled_with_the_symbol_the_address_names() -> None:
    results = resolve(["/symbol/A/RES/99/1/", "/a-res-99-1", "/people/rybakov"], TABLE)
    assert results["/symbol/A/RES/99/1/"]["guess"] == "A/RES/99/1"
    assert results["/symbol/A/RES/99/1/"]["symbol"] is True
    assert results["/a-res-99-1"]["symbol"] is True
    assert results["/people/rybakov"] == {
        "kind": "suggest",
        "ids": ["valentin-rybakov", "2012-04-03-rybakov-statement"],
        "guess": "",
        "symbol": False,
    }


def test_a_site_in_a_folder_reads_paths_below_its_root() -> None:
    results = resolve(
        ["/archive/A/RES/64/293", "/archive/events/2007-conference"], TABLE, "/archive/"
    )
    assert results["/archive/A/RES/64/293"] == {"kind": "found", "url": "resolutions/a-res-64-293/"}
    assert results["/archive/events/2007-conference"]["ids"] == [
        "2007-conference-trafficking-women-girls"
    ]


def test_the_address_reaches_the_page_as_text_only() -> None:
    """The requested path is the reader's (or an attacker's) input: never parsed as HTML."""
    script = SCRIPT.read_text(encoding="utf-8")
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script
    assert "document.write" not in script and "eval(" not in script


def test_the_lookup_table_names_every_record_and_its_symbols() -> None:
    archive = load_archive(MINI / "data", MINI)
    table = lookup_table(archive)
    by_id = {r["id"]: r for r in table["records"]}
    assert set(by_id) == set(archive.entries)
    assert by_id["a-res-64-293"] == {
        "id": "a-res-64-293",
        "url": "resolutions/a-res-64-293/",
        "type": "resolution",
        "title": "United Nations Global Plan of Action to Combat Trafficking in Persons",
        "symbols": ["A/RES/64/293", "A/64/L.64", "A/RES/64/293/Corr.1"],
    }
    assert by_id["valentin-rybakov"]["url"] == "people/valentin-rybakov/"


# -- the built page ----------------------------------------------------------------------


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def urls_of(page: BeautifulSoup) -> list[str]:
    found = []
    for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("form", "action")):
        found += [str(e[attr]) for e in page.find_all(tag) if e.get(attr)]
    return found


@pytest.mark.e2e
def test_404_page_works_at_any_depth(mini_site: Path) -> None:
    page = soup(mini_site / "404.html")
    box = page.select_one("#tip-notfound")
    assert box is not None
    assert box["data-root"] == "/"
    assert box["data-lookup"] == "/data/lookup.json"
    assert page.select_one('script[src="/assets/tip-archive/notfound.js"]') is not None
    form = page.select_one("form.tip-notfound-find")
    assert form is not None and form["action"] == "/symbols/"
    assert form.select_one("input[name=q]") is not None
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    # Served for /a/b/c/ as well as for /x: no URL may be relative to where it is served.
    relative = [u for u in urls_of(page) if not re.match(r"^(/|https?://|#)", u)]
    assert relative == []
    assert (mini_site / "assets/tip-archive/notfound.js").is_file()


@pytest.mark.e2e
def test_404_lookup_leads_to_pages_that_exist(mini_site: Path) -> None:
    table = json.loads((mini_site / "data/lookup.json").read_text(encoding="utf-8"))
    for entry in table["records"]:
        assert (mini_site / entry["url"] / "index.html").is_file(), entry["url"]
    results = resolve(["/A/RES/64/293", "/events/conferense-2007"], table)
    assert results["/A/RES/64/293"]["url"] == "resolutions/a-res-64-293/"
    assert results["/events/conferense-2007"]["ids"] == ["conference-2007"]


@pytest.mark.e2e
def test_404_page_of_a_site_in_a_folder(mini_project: Path, tmp_path: Path) -> None:
    config = mini_project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("https://example.org/", "https://example.org/archive/")
    )
    site = tmp_path / "site"
    status, output = build_project(mini_project, site)
    assert status == 0, output
    page = soup(site / "404.html")
    box = page.select_one("#tip-notfound")
    assert box is not None
    assert (box["data-root"], box["data-lookup"]) == ("/archive/", "/archive/data/lookup.json")
    local = [u for u in urls_of(page) if not re.match(r"^(https?://|#)", u)]
    assert local and all(u.startswith("/archive/") for u in local), local
    table = json.loads((site / "data/lookup.json").read_text(encoding="utf-8"))
    found = resolve(["/archive/a_res_64_293"], table, "/archive/")["/archive/a_res_64_293"]
    assert found["url"] == "resolutions/a-res-64-293/"


# -- in a real browser -------------------------------------------------------------------


@pytest.fixture
def static_host(mini_site: Path) -> Iterator[str]:
    """The built site on a plain static host: files as they are, 404.html for the rest."""
    with serve_static(mini_site) as url:
        yield url


def dom_after_scripts(url: str) -> BeautifulSoup:
    return BeautifulSoup(dump_dom(url), "html.parser")


@pytest.mark.e2e
@pytest.mark.browser
def test_404_page_in_a_browser(static_host: str) -> None:
    # A symbol as an address: the reader lands on the record's page.
    page = dom_after_scripts(f"{static_host}/A/RES/64/293")
    assert page.h1 is not None
    assert page.h1.get_text(strip=True).startswith("United Nations Global Plan of Action")
    assert page.select_one("#tip-notfound") is None

    # A typo: the closest record is offered, with the find-by-symbol box.
    page = dom_after_scripts(f"{static_host}/events/conferense-2007")
    matches = page.select("#tip-notfound-matches a")
    assert [a["href"] for a in matches] == ["/events/conference-2007/"]
    message = page.select_one("#tip-notfound-message")
    assert message is not None and "Did you mean" in message.get_text()
    assert page.select_one("form.tip-notfound-find input[name=q]") is not None

    # An address full of markup is shown as text, never run.
    page = dom_after_scripts(f"{static_host}/%3Cimg%20src=x%20onerror=alert(1)%3E")
    message = page.select_one("#tip-notfound-message")
    assert message is not None
    assert "<img src=x onerror=alert(1)>" in message.get_text()
    assert message.find("img") is None
