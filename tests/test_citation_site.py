"""The built mini site: head metadata, the "Cite this" section, the open data files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

pytestmark = pytest.mark.e2e

PAGES = {
    "resolution": "resolutions/a-res-64-293/index.html",
    "statement": "statements/statement-2012/index.html",
    "event": "events/conference-2007/index.html",
    "document": "documents/draft-2006/index.html",
    "body": "bodies/belarus/index.html",
    "person": "people/valentin-rybakov/index.html",
    "source": "sources/mini-source/index.html",
}


def page(site: Path, kind: str) -> BeautifulSoup:
    return BeautifulSoup((site / PAGES[kind]).read_text(encoding="utf-8"), "html.parser")


def metas(soup: BeautifulSoup) -> list[tuple[str, str]]:
    assert soup.head is not None
    found = []
    for tag in soup.head.find_all("meta"):
        name, content = tag.get("name"), tag.get("content")
        if isinstance(name, str) and isinstance(content, str):
            found.append((name, content))
    return found


def json_ld(soup: BeautifulSoup) -> dict[str, object]:
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string or "")
    assert isinstance(data, dict)
    return data


def test_resolution_head_metadata(mini_site: Path) -> None:
    soup = page(mini_site, "resolution")
    tags = metas(soup)
    expected = [
        ("citation_title", "United Nations Global Plan of Action to Combat Trafficking in Persons"),
        ("citation_publication_date", "2010/07/30"),
        ("citation_date", "2010/07/30"),
        ("citation_technical_report_number", "A/RES/64/293"),
        ("citation_author", "United Nations General Assembly,"),  # one name for Zotero
        ("citation_technical_report_institution", "United Nations"),
        ("citation_publisher", "United Nations"),
        ("citation_language", "en"),
        ("citation_public_url", "https://example.org/resolutions/a-res-64-293/"),
        ("DC.title", "United Nations Global Plan of Action to Combat Trafficking in Persons"),
        ("DC.date", "2010-07-30"),
        ("DC.type", "Resolution"),  # Zotero's report type
        ("DC.identifier", "https://example.org/resolutions/a-res-64-293/"),
        ("DC.identifier", "A/RES/64/293"),
        ("DC.publisher", "United Nations"),
    ]
    for pair in expected:
        assert pair in tags
    data = json_ld(soup)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Legislation"
    assert data["legislationIdentifier"] == "A/RES/64/293"
    assert data["legislationDate"] == "2010-07-30"
    assert data["legislationPassedBy"] == {
        "@type": "Organization",
        "name": "United Nations General Assembly",
        "url": "https://example.org/bodies/un-general-assembly/",
    }
    assert soup.find("link", rel="schema.DC") is None  # DC. names need no schema link


@pytest.mark.parametrize(
    ("kind", "schema_type"),
    [
        ("statement", "CreativeWork"),
        ("event", "Event"),
        ("document", "Legislation"),
        ("body", "GovernmentOrganization"),
        ("person", "Person"),
        ("source", "WebPage"),
    ],
)
def test_every_record_page_has_metadata(mini_site: Path, kind: str, schema_type: str) -> None:
    soup = page(mini_site, kind)
    tags = dict(metas(soup))
    assert tags["DC.title"]
    assert tags["DC.identifier"].startswith("https://example.org/")
    assert "author" not in tags  # never the site's author on a record page
    if kind in ("statement", "document"):
        assert tags["citation_title"] == tags["DC.title"]
        assert tags["citation_public_url"].startswith("https://example.org/")
    else:  # a web page for Zotero: Highwire tags would make it a journal article
        assert not [name for name in tags if name.startswith("citation_")]
    assert json_ld(soup)["@type"] == schema_type


def test_metadata_is_escaped(mini_site: Path) -> None:
    raw = (mini_site / PAGES["event"]).read_text(encoding="utf-8")
    title = "International Conference <Trafficking in Women and Girls>"
    assert 'content="International Conference &lt;Trafficking in Women and Girls&gt;"' in raw
    soup = page(mini_site, "event")
    assert dict(metas(soup))["DC.title"] == title
    assert json_ld(soup)["name"] == title
    assert dict(metas(page(mini_site, "statement")))["eprints.creators_name"] == "Rybakov, Valentin"


def cite_section(soup: BeautifulSoup) -> Tag:
    heading = soup.find("h2", id="cite-this")
    assert isinstance(heading, Tag)
    block = heading.find_next_sibling("div", class_="tip-cite")
    assert isinstance(block, Tag)
    return block


def test_cite_block_without_javascript(mini_site: Path) -> None:
    block = cite_section(page(mini_site, "resolution"))
    texts = {
        str(span["id"]): " ".join(span.get_text().split())
        for span in block.find_all("span", class_="tip-cite__text")
    }
    assert texts["cite-oscola"] == "UNGA Res 64/293 (30 July 2010) UN Doc A/RES/64/293"
    assert texts["cite-bluebook"] == "G.A. Res. 64/293, U.N. Doc. A/RES/64/293 (July 30, 2010)"
    assert list(texts) == [
        "cite-chicago-note",
        "cite-chicago-bibliography",
        "cite-oscola",
        "cite-bluebook",
        "cite-aglc",
    ]
    url = block.find("a", id="cite-url")
    assert isinstance(url, Tag)
    assert url["href"] == "https://example.org/resolutions/a-res-64-293/"
    buttons = block.find_all("button", class_="tip-copy")
    assert len(buttons) == 6
    for button in buttons:
        assert button.has_attr("hidden")  # shown by the script only
        assert button["type"] == "button"
        assert str(button["aria-label"]).startswith("Copy the ")
        assert block.find(id=str(button["data-copy"])) is not None


@pytest.mark.parametrize("kind", list(PAGES))
def test_every_record_page_has_a_cite_block_and_downloads(mini_site: Path, kind: str) -> None:
    block = cite_section(page(mini_site, kind))
    folder = (mini_site / PAGES[kind]).parent
    links = {a.get_text(): str(a["href"]) for a in block.select(".tip-cite__downloads a[download]")}
    assert links == {"CSL-JSON": "citation.json", "BibTeX": "citation.bib", "RIS": "citation.ris"}
    for href in links.values():
        assert (folder / href).is_file()
    data_link = block.select_one('.tip-cite__downloads a[href$="data/"]')
    assert data_link is not None
    assert (folder / str(data_link["href"]) / "index.html").is_file()


def test_cite_assets_are_linked_and_local(mini_site: Path) -> None:
    soup = page(mini_site, "resolution")
    script = soup.find("script", src=lambda s: bool(s and s.endswith("tip-cite.js")))
    style = soup.find("link", href=lambda s: bool(s and s.endswith("tip-cite.css")))
    assert isinstance(script, Tag) and isinstance(style, Tag)
    folder = (mini_site / PAGES["resolution"]).parent
    assert (folder / str(script["src"])).resolve().is_file()
    assert (folder / str(style["href"])).resolve().is_file()
    assert "TipCopy.copy" in (mini_site / "assets/tip-cite.js").read_text()
    # ... the one copy helper, loaded once, before the cite script runs (deferred)
    helpers = soup.find_all("script", src=lambda s: bool(s and s.endswith("tip-archive/copy.js")))
    assert (
        len(helpers) == 1
        and "navigator.clipboard" in (mini_site / "assets/tip-archive/copy.js").read_text()
    )
    home = BeautifulSoup((mini_site / "index.html").read_text(), "html.parser")
    assert home.find("script", type="application/ld+json") is None  # record pages only


def test_open_data_files(mini_site: Path) -> None:
    data = mini_site / "data"
    for name in (
        "records.json",
        "records.csv",
        "citations.json",
        "citations.bib",
        "citations.ris",
        "record.schema.json",
    ):
        assert (data / name).is_file(), name
    records = json.loads((data / "records.json").read_text(encoding="utf-8"))
    assert records["count"] == len(records["records"]) == 8
    items = json.loads((data / "citations.json").read_text(encoding="utf-8"))
    assert sorted(i["id"] for i in items) == sorted(r["id"] for r in records["records"])
    schema = json.loads((data / "record.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert (data / "citations.bib").read_text().count("\n@") == 7
    assert (data / "records.csv").read_text().splitlines()[0].startswith("id,type,title,date")


def test_data_page_links_every_file(mini_site: Path) -> None:
    soup = BeautifulSoup((mini_site / "data/index.html").read_text(), "html.parser")
    hrefs = {str(a["href"]) for a in soup.select(".tip-data-files a")}
    assert hrefs == {
        "records.json",
        "records.csv",
        "citations.json",
        "citations.bib",
        "citations.ris",
        "record.schema.json",
        "record-sources.csv",
        "datapackage.json",
    }
    types = soup.select(".tip-data-types tbody tr")
    assert [td.get_text() for td in types[0].find_all("td")][:3] == [
        "resolution",
        "report",
        "report",
    ]
    home = BeautifulSoup((mini_site / "index.html").read_text(), "html.parser")
    author = home.find("meta", attrs={"name": "author"})  # the archive's own pages keep it
    assert isinstance(author, Tag) and author["content"]
