"""What Zotero's connector saves from a record page of each type.

Zotero's browser connector runs its "Embedded Metadata" translator on a record page.
The translator reads the head's ``citation_*`` (Highwire), ``DC.*`` (Dublin Core),
``eprints.*`` and Open Graph tags and ``<meta name="author">``, and falls back on the
first ``<time datetime>`` of the page for a date.  ``tests/golden/zotero/<type>.json``
keeps, for one record page of each type of the mini fixture, the tags the translator
reads (``tags``, with the first ``time`` it would fall back on) and the item Zotero's
own translation-server saved from that page (``item``).

The first test checks the built pages' tags against the golden tags on every machine.
The second runs Zotero's translation-server, when it runs on this machine
(CONTRIBUTING.md says how to set it up; ``TIP_ZOTERO_SERVER``, default
``http://127.0.0.1:1969``), on the built pages and compares the items it saves with the
golden items; it is skipped, saying why, where the server does not answer.

After a deliberate change, ``TIP_UPDATE_ZOTERO=1 pytest tests/test_zotero_head.py``
rewrites the golden files (the items only where the server runs); review the diff.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from chromium import static_host

pytestmark = pytest.mark.e2e

GOLDEN = Path(__file__).parent / "golden" / "zotero"
SERVER = os.environ.get("TIP_ZOTERO_SERVER", "http://127.0.0.1:1969")
UPDATE = os.environ.get("TIP_UPDATE_ZOTERO") == "1"

PAGES = {
    "resolution": "resolutions/a-res-64-293/",
    "statement": "statements/statement-2012/",
    "event": "events/conference-2007/",
    "document": "documents/draft-2006/",
    "body": "bodies/belarus/",
    "person": "people/valentin-rybakov/",
    "source": "sources/mini-source/",
}

#: What the item must be, whatever else changes: (item type, creators, date or None).
EXPECTED: dict[str, tuple[str, list[dict[str, str]], str | None]] = {
    "resolution": (
        "report",
        [{"name": "United Nations General Assembly", "creatorType": "author"}],
        "2010/07/30",
    ),
    "statement": (
        "presentation",
        [{"firstName": "Valentin", "lastName": "Rybakov", "creatorType": "presenter"}],
        "2012/04/03",
    ),
    "event": ("webpage", [], "2007"),
    "document": ("document", [], "2006/09/11"),
    "body": ("webpage", [], None),
    "person": ("webpage", [], None),
    "source": ("webpage", [], None),
}

#: Fields that depend on the moment or the host the page was served from.
VOLATILE = {"key", "version", "accessDate", "libraryCatalog"}


def read_tags(html: str) -> list[list[str]]:
    """The head tags the Embedded Metadata translator reads, in order, then the first
    ``<time datetime>`` of the page (its last resort for a date)."""
    soup = BeautifulSoup(html, "html.parser")
    assert soup.head is not None
    found = []
    for tag in soup.find_all("meta"):
        name = tag.get("name") or tag.get("property")
        content = tag.get("content")
        if not isinstance(name, str) or not isinstance(content, str):
            continue
        if name.startswith(("citation_", "DC.", "eprints.", "og:")) or name == "author":
            found.append([name, content])
    first_time = soup.find("time", attrs={"datetime": True})
    if isinstance(first_time, Tag):
        found.append(["time", str(first_time["datetime"])])
    return found


def golden(kind: str) -> dict[str, Any]:
    path = GOLDEN / f"{kind}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def write_golden(kind: str, data: dict[str, Any]) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    (GOLDEN / f"{kind}.json").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("kind", PAGES)
def test_head_tags_match_golden(mini_site: Path, kind: str) -> None:
    tags = read_tags((mini_site / PAGES[kind] / "index.html").read_text(encoding="utf-8"))
    expected = golden(kind)
    if UPDATE:
        write_golden(kind, {**expected, "page": PAGES[kind], "tags": tags})
        return
    assert tags == expected["tags"]
    names = [name for name, _ in tags]
    # Never the site's author, never a "last changed" date for Zotero to fall back on.
    assert "author" not in names
    item_type, creators, date = EXPECTED[kind]
    if date is None:
        assert ["time", "PT0S"] in tags and not {"citation_date", "DC.date"} & set(names)
    assert expected["item"]["itemType"] == item_type
    assert expected["item"]["creators"] == creators
    assert expected["item"].get("date") == date


def _server_answers() -> str | None:
    """None when the translation-server answers, else why not."""
    try:
        with urllib.request.urlopen(SERVER + "/", timeout=3):
            return None
    except urllib.error.HTTPError:
        return None  # it answers (with an error page for GET /): it runs
    except OSError as error:
        return f"Zotero's translation-server does not answer at {SERVER} ({error})"


def translate(url: str) -> dict[str, Any]:
    request = urllib.request.Request(
        SERVER + "/web", data=url.encode(), headers={"Content-Type": "text/plain"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        items = json.load(response)
    assert len(items) == 1
    item: dict[str, Any] = items[0]
    return {key: value for key, value in item.items() if key not in VOLATILE}


def test_translation_server_saves_the_golden_items(mini_site: Path) -> None:
    why = _server_answers()
    if why:
        pytest.skip(why + "; CONTRIBUTING.md, 'Zotero's translation-server', says how to run it")
    with static_host(mini_site) as base:
        saved = {kind: translate(f"{base}/{page}") for kind, page in PAGES.items()}
    for kind, item in saved.items():
        if UPDATE:
            write_golden(kind, {**golden(kind), "item": item})
        else:
            assert item == golden(kind)["item"], kind
