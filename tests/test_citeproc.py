"""The archive's CSL-JSON as citeproc-js renders it with the official Chicago style.

citeproc-js (npm ``citeproc``, pinned in ``tests/browser/package-lock.json``; the CSL
processor behind Zotero and Mendeley) renders every item of the built site's
``data/citations.json`` with the official CSL style "Chicago Manual of Style 18th edition
(notes and bibliography)" and the en-US locale, kept in ``tests/vendor/`` with their
licence (CC BY-SA 3.0).  ``tests/js/citeproc_driver.js`` renders one full note and one
bibliography entry per item.

The page's own Chicago note and bibliography entry ("Cite this") must agree with
citeproc-js's for every record, up to the deliberate differences of :data:`DIFFERENCES`.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from archive_site import BuiltSite
from tip_archive.model.dates import DateSpan
from tip_archive.render.citations import us_span

pytestmark = pytest.mark.e2e

TESTS = Path(__file__).parent
VENDOR = TESTS / "vendor"
DRIVER = TESTS / "js" / "citeproc_driver.js"
CITEPROC = TESTS / "browser" / "node_modules" / "citeproc"
STYLE = VENDOR / "chicago-notes-bibliography.csl"
LOCALE = VENDOR / "locales-en-US.xml"

Item = dict[str, Any]


def _date_text(item: Item) -> str | None:
    date = item.get("issued") or item.get("event-date")
    if not date:
        return None
    return us_span(
        DateSpan.parse("/".join("-".join(f"{p:02d}" for p in d) for d in date["date-parts"]))
    )


def _report_year(page: str, item: Item, site: str) -> str:
    date = _date_text(item)
    if item["type"] == "report" and date:
        return page.replace(date, str(item["issued"]["date-parts"][0][0]))
    return page


def _treaty_archive(page: str, item: Item, site: str) -> str:
    if item["type"] == "treaty":
        return page.replace(f", {site},", ",").replace(f". {site}.", ".")
    return page


def _undated_place(page: str, item: Item, site: str) -> str:
    if item["type"] == "event" and "event-date" not in item and item.get("event-place"):
        return page.replace(f", {item['event-place']}", "").replace("n.d..", "n.d.")
    return page


def _newspaper_without_paper(page: str, item: Item, site: str) -> str:
    if item["type"] == "article-newspaper" and "container-title" not in item:
        return page.replace("\u201c", "").replace(",\u201d", ",").replace(".\u201d", ".")
    return page


#: The reviewed, deliberate differences between the page's Chicago forms and
#: citeproc-js's: each takes the page's form to what citeproc-js prints.  Besides these,
#: letter case is not compared: the style sets titles in headline case, while the page
#: keeps each title as the archive records it (a name such as "Ban Ki-moon" or
#: "Co-operation" is not recapitalised), and the style capitalises the first letter of a
#: source's first address after a full stop ("Https://").
DIFFERENCES: list[tuple[str, Callable[[str, Item, str], str]]] = [
    (
        "A UN document (CSL report) carries its full date on the page, as The Chicago "
        "Manual gives UN resolutions and documents; the style prints a report's year only.",
        _report_year,
    ),
    (
        "A treaty names the archive on the page; the style's treaty form (Bluebook) has "
        "no archive.",
        _treaty_archive,
    ),
    (
        "An undated event keeps its place on the page; the style drops event-place "
        "when there is no event-date.",
        _undated_place,
    ),
    (
        "A news article whose newspaper is not known keeps its title in quotation marks "
        "on the page; the style sets it in italics like a book.",
        _newspaper_without_paper,
    ),
]


@pytest.fixture(scope="module")
def items(archive_site: BuiltSite) -> list[Item]:
    data: list[Item] = json.loads((archive_site.root / "data" / "citations.json").read_text())
    return data


@pytest.fixture(scope="module")
def rendered(archive_site: BuiltSite, items: list[Item]) -> dict[str, dict[str, str]]:
    if shutil.which("node") is None or not CITEPROC.is_dir():
        pytest.skip("citeproc-js is not installed: run `make browser-deps` (needs Node.js)")
    done = subprocess.run(
        ["node", str(DRIVER), str(archive_site.root / "data" / "citations.json"), str(STYLE), str(LOCALE)],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    out: dict[str, dict[str, str]] = json.loads(done.stdout)
    return out


def page_forms(archive_site: BuiltSite, item: Item) -> dict[str, str]:
    """The page's own Chicago note and bibliography entry, as plain text."""
    path = archive_site.root / item["URL"].split("/", 3)[3] / "index.html"
    text = path.read_text(encoding="utf-8")
    found = {}
    for key in ("note", "bibliography"):
        match = re.search(rf'id="cite-chicago-{key}">(.*?)</span>', text, re.S)
        assert match, (path, key)
        found[key] = html.unescape(re.sub(r"<[^>]+>", "", match.group(1)))
    return found


def test_every_item_renders(items: list[Item], rendered: dict[str, dict[str, str]]) -> None:
    assert len(items) > 100
    for item in items:
        assert rendered[item["id"]]["note"].strip(), item["id"]
        assert rendered[item["id"]]["bibliography"].strip(), item["id"]


def test_no_note_says_version(items: list[Item], rendered: dict[str, dict[str, str]]) -> None:
    for item in items:
        assert "version" not in rendered[item["id"]]["note"].lower(), item["id"]
        assert "version" not in item


def test_no_event_date_twice(items: list[Item], rendered: dict[str, dict[str, str]]) -> None:
    events = [item for item in items if item["type"] == "event" and "event-date" in item]
    assert events
    for item in events:
        date, note = _date_text(item), rendered[item["id"]]["note"]
        rest = re.sub(re.escape(item["title"]), "", note.replace(item["URL"], ""), flags=re.I)
        assert date and rest.count(date) == 1, note


def test_every_dated_note_carries_its_date(
    items: list[Item], rendered: dict[str, dict[str, str]]
) -> None:
    """Its date as the record knows it; a report's year (see DIFFERENCES); "n.d." else,
    except for a web page (Chicago gives no "n.d." for a web page)."""
    for item in items:
        note, date = rendered[item["id"]]["note"], _date_text(item)
        if date is None:
            assert item["type"] == "webpage" or "n.d." in note or item["type"] == "treaty", note
        elif item["type"] == "report":
            assert str(item["issued"]["date-parts"][0][0]) in note, note
        else:
            assert date in note, note


def test_page_chicago_agrees_with_citeproc(
    archive_site: BuiltSite, items: list[Item], rendered: dict[str, dict[str, str]]
) -> None:
    used = set()
    disagree = []
    for item in items:
        page = page_forms(archive_site, item)
        for key in ("note", "bibliography"):
            mine = page[key]
            for reason, difference in DIFFERENCES:
                changed = difference(mine, item, item["archive"])
                if changed != mine:
                    used.add(reason)
                mine = changed
            theirs = rendered[item["id"]][key]
            if mine.casefold() != theirs.casefold():
                disagree.append(f"{item['id']} {key}:\n  page     {page[key]}\n  citeproc {theirs}")
    assert not disagree, "\n".join(disagree)
    # Every listed difference still occurs: a fixed one leaves the list.
    assert used == {reason for reason, _ in DIFFERENCES}
