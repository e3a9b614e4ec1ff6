"""Unsafe content in records is rendered inert: record text is text, never markup.

A set of records full of markup, script, hostile links and Markdown that tries to
break out of a heading or a table is built into a site, and every page is read
with an HTML parser: no script but the theme's own, no ``on*`` attribute, no
``javascript:`` or ``data:`` address, and each hostile string shown as plain text.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from conftest import build_project
from tip_archive.model.texts import split_paragraphs
from tip_archive.render.text import md_inline, yaml_scalar

pytestmark = pytest.mark.e2e

#: Hostile strings; each says XSS so that any script or handler made of one is easy to spot.
PAYLOADS = [
    '<script>alert("XSS-script")</script>',
    '<img src=x onerror=alert("XSS-img")>',
    "<a href=\"javascript:alert('XSS-a')\">link</a>",
    '[click](javascript:alert("XSS-md"))',
    "![pic](javascript:alert('XSS-mdimg'))",
    "[data](data:text/html;base64,PHNjcmlwdD5YU1M8L3NjcmlwdD4=)",
    "<javascript:alert('XSS-autolink')>",
    '<iframe src="data:text/html,XSS-iframe"></iframe>',
    '<svg onload=alert("XSS-svg")>',
    "{: onclick=\"alert('XSS-attr')\" }",
    '</title><script>alert("XSS-title")</script>',
    '" onmouseover="alert(\'XSS-quote\')" x="',
    "&lt;script&gt;alert('XSS-entity')&lt;/script&gt;",
    "| a | b |",
    "<!-- XSS-comment -->",
]
ONE_LINE = " ".join(PAYLOADS)
#: Markdown that tries to leave a paragraph: a heading, a table, a code block, a list.
BLOCKS = "\n\n".join(
    [
        "First paragraph " + PAYLOADS[0],
        "# Injected heading XSS-heading",
        "| a | b |\n|---|---|\n| XSS-table | d |",
        "    indented code XSS-code",
        "- list XSS-list\n- " + PAYLOADS[1],
        "---\ntitle: XSS-front-matter\n---",
        *PAYLOADS[2:],
    ]
)
TITLE = 'He said: "yes" --- \n---\ntitle: injected\n' + ONE_LINE
SOURCE_TEXT = "\n\n".join(["Evil source", *PAYLOADS, BLOCKS]) + "\n"


def _records() -> dict[str, dict[str, Any]]:
    quote = {"source": "evil-source", "paragraph": 2, "quote": PAYLOADS[0]}
    quote_img = {"source": "evil-source", "paragraph": 3, "quote": PAYLOADS[1]}
    return {
        "sources/evil-source.yaml": {
            "type": "source",
            "id": "evil-source",
            "title": "Source " + TITLE,
            "text_file": "evil.txt",
            "language": "en",
            "kind": "web page",
            "author": "Author " + ONE_LINE,
            "publisher": "Publisher " + ONE_LINE,
            "url": 'https://example.org/"><script>alert("XSS-url")</script>',
            "provenance": "Provenance " + ONE_LINE,
            "uncited": {1: "Reason " + ONE_LINE},
        },
        "references/un-evil.yaml": {
            "type": "reference",
            "id": "un-evil",
            "title": "Reference " + TITLE,
            "kind": "press release",
            "press_release": "GA/10968",
            "publisher": "Publisher " + ONE_LINE,
            "url": 'https://example.org/"><script>alert("XSS-refurl")</script>',
            "consulted": "2026-12-02",
            "summary": BLOCKS,
        },
        "bodies/evil-body.yaml": {
            "type": "body",
            "id": "evil-body",
            "title": "Body " + TITLE,
            "kind": "other",
            "abbreviation": PAYLOADS[1],
            "other_names": PAYLOADS[:3],
        },
        "people/evil-person.yaml": {
            "type": "person",
            "id": "evil-person",
            "title": "Person " + TITLE,
            "offices": [
                {"title": "Office " + ONE_LINE, "cited": quote},
                {
                    "title": "Office " + ONE_LINE,
                    "referenced": {"reference": "un-evil", "at": ONE_LINE},
                },
            ],
            "other_names": PAYLOADS[3:6],
        },
        "events/evil-event.yaml": {
            "type": "event",
            "id": "evil-event",
            "title": "Event " + TITLE,
            "kind": "conference",
            "date": "2008-05-01",
            "place": "Place " + ONE_LINE,
            "organisers": ["evil-body"],
            "participants": ["evil-person"],
            "summary": BLOCKS,
            "figures": [
                {"label": "Figure " + ONE_LINE, "value": 400, "qualifier": "over", "cited": quote}
            ],
            "disagreements": [
                {
                    "note": "Note " + BLOCKS,
                    "readings": [
                        {"field": "title " + PAYLOADS[0], "value": ONE_LINE, "cited": quote},
                        {"field": "title", "value": PAYLOADS[1], "cited": quote_img},
                    ],
                }
            ],
            "facts": [
                {"field": "date " + ONE_LINE, "value": ONE_LINE, "reference": "un-evil"},
                {"field": "place", "value": ONE_LINE, "unconfirmed": "Why " + ONE_LINE},
            ],
            "translations": {"ru": {"title": "Ru " + ONE_LINE, "summary": BLOCKS}},
            "sources": [quote | {"translation": "Translation " + BLOCKS}, quote_img],
        },
        "statements/evil-statement.yaml": {
            "type": "statement",
            "id": "evil-statement",
            "title": "Statement " + TITLE,
            "date": "2008-05-02",
            "speaker": "evil-person",
            "office": "Office " + ONE_LINE,
            "on_behalf_of": "evil-body",
            "occasion": "Occasion " + ONE_LINE,
            "event": "evil-event",
            "key_points": [BLOCKS, *PAYLOADS],
            "summary": "Summary " + ONE_LINE,
            "related": ["evil-event"],
            "sources": [quote],
        },
        "documents/evil-document.yaml": {
            "type": "document",
            "id": "evil-document",
            "title": "Document " + TITLE,
            "kind": "letter",
            "symbol_as_given": PAYLOADS[1],
            "date": "2008",
            "authors": ["evil-body"],
            "text": [{"label": "OP1", "source": "evil-source", "paragraph": 2}],
            "sources": [quote],
        },
        "resolutions/a-res-63-1.yaml": {
            "type": "resolution",
            "id": "a-res-63-1",
            "symbol": "A/RES/63/1",
            "title": "Resolution " + TITLE,
            "date": "2008-10-01",
            "body": "evil-body",
            "agenda_item": "Item " + ONE_LINE,
            "initiators": ["evil-person"],
            "summary": BLOCKS,
            "related": ["evil-document", "evil-statement"],
            "sources": [quote_img],
        },
    }


class _NoAliases(yaml.SafeDumper):
    """Writes a value used twice in full (records refuse YAML aliases)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


@pytest.fixture(scope="module")
def evil_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    from conftest import MINI

    project = tmp_path_factory.mktemp("evil") / "project"
    shutil.copytree(MINI, project)
    (project / "data/sources/texts/evil.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("plugins:\n", "plugins:\n  - search\n"))
    for relative, record in _records().items():
        path = project / "data" / relative
        path.parent.mkdir(exist_ok=True)
        path.write_text(yaml.dump(record, Dumper=_NoAliases, allow_unicode=True, sort_keys=False))
    status, output = build_project(project)
    assert status == 0, output
    return project / "site"


_PARSED: dict[Path, list[tuple[Path, BeautifulSoup]]] = {}


def _pages(site: Path) -> list[tuple[Path, BeautifulSoup]]:
    """Every page of the site, parsed once."""
    if site not in _PARSED:
        _PARSED[site] = [
            (path, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser"))
            for path in sorted(site.rglob("*.html"))
        ]
    return _PARSED[site]


@functools.cache
def _elements(site: Path) -> list[tuple[Path, Tag]]:
    """Every element of every page, with its page."""
    return [
        (path, element)
        for path, page in _pages(site)
        for element in page.find_all(True)
        if isinstance(element, Tag)
    ]


def _flat(text: str) -> str:
    return " ".join(text.split())


UNSAFE_SCHEME = re.compile(r"^(javascript|data|vbscript):", re.IGNORECASE)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background"}


def test_no_script_but_the_themes_own(evil_site: Path) -> None:
    for path, page in _pages(evil_site):
        for script in page.find_all("script"):
            source = str(script.get("src") or "")
            if script.get("type") in ("application/ld+json", "application/json"):
                json.loads(script.get_text())  # data, not code: whole, and valid JSON
                continue
            assert "XSS" not in script.get_text() + source, path
            assert not source or source.startswith(("../", "assets/")) or "/assets/" in source
        for tag in ("iframe", "object", "embed", "svg"):
            for element in page.find_all(tag):
                # Record text may be the escaped text of an element (a timeline mark's
                # <title>), never part of a tag or an attribute.
                markup = BeautifulSoup(str(element), "html.parser")
                for text in markup.find_all(string=True):
                    text.extract()
                assert "XSS" not in str(markup), path


def test_no_event_handler_attributes(evil_site: Path) -> None:
    for path, element in _elements(evil_site):
        handlers = [name for name in element.attrs if name.lower().startswith("on")]
        assert not handlers, f"{path}: <{element.name} {handlers}>"


def test_no_javascript_or_data_addresses(evil_site: Path) -> None:
    for path, element in _elements(evil_site):
        for name in URL_ATTRIBUTES & element.attrs.keys():
            value = re.sub(r"[\s\x00-\x1f]", "", str(element[name]))
            assert not UNSAFE_SCHEME.match(value), f"{path}: <{element.name} {name}={value}>"
        assert not (element.name == "img" and element.get("src") == "x"), path


def test_markdown_does_not_break_out(evil_site: Path) -> None:
    """No heading, table, code block or list is made of record text."""
    for path, page in _pages(evil_site):
        for element in page.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "pre", "li"]):
            text = element.get_text()
            for marker in ("XSS-heading", "XSS-table", "XSS-code", "XSS-list", "XSS-front-matter"):
                if marker in text:
                    # Only as part of the whole escaped block, never as an element of its own.
                    assert "First paragraph" in text or "Injected heading" in text, (path, marker)
        assert not page.find("title", string=re.compile("XSS-front-matter")), path
        headings = [h.get_text() for h in page.find_all(re.compile("^h[1-6]$"))]
        assert not any(h.strip().startswith("Injected heading") for h in headings), path


def test_hostile_strings_are_shown_as_text(evil_site: Path) -> None:
    page = BeautifulSoup(
        (evil_site / "events/evil-event/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    article = page.find("article")
    assert isinstance(article, Tag)
    text = _flat(article.get_text(" "))
    for payload in PAYLOADS:
        assert _flat(payload) in text, payload
    title = _flat("Event " + TITLE)
    assert page.h1 is not None and _flat(page.h1.get_text()) == title
    assert page.title is not None and page.title.get_text() == f"{title} - Mini archive"
    description = page.find("meta", attrs={"name": "description"})
    assert isinstance(description, Tag)
    assert str(description["content"]).startswith("First paragraph " + PAYLOADS[0])


def test_titles_are_text_in_listings_chronology_and_navigation(evil_site: Path) -> None:
    titles = {
        _flat(kind + " " + TITLE) for kind in ("Event", "Statement", "Document", "Resolution")
    }
    for relative in (
        "chronology/index.html",
        "events/index.html",
        "statements/evil-statement/index.html",
    ):
        page = BeautifulSoup((evil_site / relative).read_text(encoding="utf-8"), "html.parser")
        links = {_flat(a.get_text()) for a in page.find_all("a")}
        assert titles & links, relative


def test_source_text_is_text(evil_site: Path) -> None:
    page = BeautifulSoup(
        (evil_site / "sources/evil-source/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    paragraphs = page.select(".tip-source-text .tip-para")
    assert len(paragraphs) == len(split_paragraphs(SOURCE_TEXT))
    shown = _flat(" ".join(p.get_text(" ") for p in paragraphs))
    for payload in PAYLOADS:
        assert _flat(payload) in shown
    link = page.find("a", string=re.compile("^https://example.org/"))
    assert isinstance(link, Tag)
    assert link["href"] == 'https://example.org/"><script>alert("XSS-url")</script>'


@pytest.mark.parametrize(
    "title",
    [
        'He said: "yes"',
        "colon: value",
        "---",
        "line one\nline two\n---\ntitle: other",
        "back\\slash and 'single' quotes",
        "# not a comment",
        "[a, list]",
        "{a: mapping}",
        "&amp; & <b>bold</b>",
        "tab\there",
        "\u2028separator\u2029",
    ],
)
def test_front_matter_values_stay_one_escaped_string(title: str) -> None:
    value = yaml_scalar(title)
    assert "\n" not in value
    parsed = yaml.safe_load(f"title: {value}\n")
    import html

    assert html.unescape(parsed["title"]) == _flat(title)
    assert "<" not in parsed["title"] and '"' not in parsed["title"]
    assert json.loads(value) == parsed["title"]


def test_inline_text_escapes_markdown_and_html() -> None:
    assert md_inline("# a | b [c](javascript:x) <i>") == (
        r"\# a \| b \[c\]\(javascript:x\) &lt;i&gt;"
    )


def test_search_index_holds_no_markup_from_records(evil_site: Path) -> None:
    """The theme's search shows titles and text as HTML: they must be escaped there too."""
    index = json.loads((evil_site / "search/search_index.json").read_text(encoding="utf-8"))
    found = 0
    for doc in index["docs"]:
        for key in ("title", "text"):
            fragment = BeautifulSoup(doc[key], "html.parser")
            assert not fragment.find_all(["script", "img", "iframe", "svg", "a"]), doc["location"]
            for element in fragment.find_all(True):
                assert isinstance(element, Tag)
                assert not [n for n in element.attrs if n.lower().startswith("on")]
            found += "XSS-script" in fragment.get_text()
    assert found
