"""Publishing: canonical links, previews, robots.txt and sitemap, print, the build summary."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, build_project
from tip_archive.crossref.archive import Archive
from tip_archive.pipeline.engine import load_archive
from tip_archive.render.edition import Edition
from tip_archive.render.extras import SiteContext
from tip_archive.render.publish import robots_txt
from tip_archive.render.social import describe, social_meta

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def meta(page: BeautifulSoup, key: str) -> str | None:
    tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
    return str(tag["content"]) if tag else None


def pages(site: Path) -> list[Path]:
    """The site's pages, without the /symbol/... pages that only forward to a record."""
    return sorted(
        p
        for p in site.rglob("index.html")
        if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")
    )


@pytest.fixture(scope="module")
def mini_archive() -> Archive:
    mini = Path(__file__).parent / "fixtures/mini"
    return load_archive(mini / "data", mini)


def test_robots_txt_points_to_the_sitemap() -> None:
    assert robots_txt("https://example.org/archive/") == (
        "User-agent: *\nAllow: /\n\nSitemap: https://example.org/archive/sitemap.xml\n"
    )
    assert robots_txt("") == "User-agent: *\nAllow: /\n"


def test_record_previews_name_the_symbol_and_say_what_it_is(mini_archive: Archive) -> None:
    resolution = mini_archive["a-res-64-293"]
    assert social_meta(mini_archive, resolution, "resolutions/a-res-64-293/", SiteContext()) == {
        "og_type": "article",
        "og_title": "A/RES/64/293: United Nations Global Plan of Action to Combat Trafficking in Persons",
        "og_description": "The General Assembly adopted the Global Plan of Action by consensus.",
    }
    # Without a summary, the description says what the record is.
    assert describe(mini_archive["draft-2006"]) == "Document, 11 September 2006: Draft resolution"
    assert describe(mini_archive["belarus"]) == (
        "Republic of Belarus: its part in the initiative, in the archive's records."
    )
    # On a Russian page, in Russian: the kind, the date and the title of the Russian edition.
    russian = Edition.of("ru")
    assert describe(mini_archive["draft-2006"], russian).startswith(
        "Документ, 11 сентября 2006 г.: "
    )
    assert describe(mini_archive["belarus"], russian).endswith(
        ": участие в инициативе по записям архива."
    )


@pytest.mark.e2e
def test_every_page_has_its_canonical_url_and_a_preview(mini_site: Path) -> None:
    found = pages(mini_site)
    assert len(found) >= 17
    for html in found:
        page = soup(html)
        url = "https://example.org/" + html.parent.relative_to(mini_site).as_posix() + "/"
        url = url.replace("https://example.org/./", "https://example.org/")
        canonical = page.find("link", rel="canonical")
        assert canonical is not None and canonical["href"] == url, html
        assert meta(page, "og:url") == url, html
        assert meta(page, "og:site_name") == "Mini archive"
        assert meta(page, "og:title") and meta(page, "twitter:title") == meta(page, "og:title")
        assert meta(page, "twitter:card") == "summary"
        # No preview image: a pasted link must not make anyone fetch anything.
        assert meta(page, "og:image") is None and meta(page, "twitter:image") is None


@pytest.mark.e2e
def test_record_page_preview_and_other_pages_defaults(mini_site: Path) -> None:
    page = soup(mini_site / "resolutions/a-res-64-293/index.html")
    assert meta(page, "og:type") == "article"
    assert meta(page, "og:title") == (
        "A/RES/64/293: United Nations Global Plan of Action to Combat Trafficking in Persons"
    )
    assert meta(page, "og:description") == (
        "The General Assembly adopted the Global Plan of Action by consensus."
    )
    # A title with markup-like text stays text in the attribute.
    event = (mini_site / "events/conference-2007/index.html").read_text(encoding="utf-8")
    assert (
        '<meta property="og:title" content="International Conference '
        '&lt;Trafficking in Women and Girls&gt;">' in event
    )
    listing = soup(mini_site / "resolutions/index.html")
    assert meta(listing, "og:type") == "website"
    assert meta(listing, "og:title") == "Resolutions"
    home = soup(mini_site / "index.html")
    assert meta(home, "og:title") == "Mini archive"


@pytest.mark.e2e
def test_sitemap_lists_every_page_and_robots_points_to_it(mini_site: Path) -> None:
    tree = ET.parse(mini_site / "sitemap.xml")
    locs = {loc.text for loc in tree.iter(f"{SITEMAP}loc")}
    expected = {
        "https://example.org/" + p.parent.relative_to(mini_site).as_posix() + "/"
        for p in pages(mini_site)
    }
    expected = {u.replace("https://example.org/./", "https://example.org/") for u in expected}
    assert locs == expected
    assert "https://example.org/resolutions/a-res-64-293/" in locs
    assert "https://example.org/sources/mini-source/" in locs
    robots = (mini_site / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://example.org/sitemap.xml" in robots.splitlines()


@pytest.mark.e2e
def test_a_robots_txt_written_by_hand_wins(mini_project: Path, tmp_path: Path) -> None:
    (mini_project / "docs/robots.txt").write_text("User-agent: *\nDisallow: /drafts/\n")
    status, output = build_project(mini_project, tmp_path / "site")
    assert status == 0, output
    assert (tmp_path / "site/robots.txt").read_text() == "User-agent: *\nDisallow: /drafts/\n"


@pytest.mark.e2e
def test_pages_print_as_documents(mini_site: Path) -> None:
    page = soup(mini_site / "sources/mini-source/index.html")
    styles = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    assert "../../assets/tip-archive/print.css" in styles
    assert page.select_one('script[src="../../assets/tip-archive/print.js"]') is not None
    colophon = page.select_one("footer.tip-colophon")
    assert colophon is not None
    # The colophon comes last, after the full text of the source.
    assert colophon.find_previous(class_="tip-source-text") is not None
    permalink = colophon.select_one("a.tip-permalink")
    assert permalink["href"] == "https://example.org/sources/mini-source/"
    assert colophon.get_text(" ", strip=True).startswith(
        "Retrieved from https://example.org/sources/mini-source/"
    )
    # The date of printing is filled in by print.js at beforeprint; hidden until then.
    printed = colophon.select_one(".tip-printed")
    assert printed is not None and printed.has_attr("hidden") and printed.time is not None

    css = (mini_site / "assets/tip-archive/print.css").read_text(encoding="utf-8")
    screen, _, printing = css.partition("@media print")
    assert ".tip-colophon { display: none; }" in screen
    for hidden in (
        ".md-header",
        ".md-tabs",
        ".md-sidebar",
        ".md-footer",
        ".md-search",
        ".tip-edit",
    ):
        assert hidden in printing.split("display: none !important")[0], hidden
    assert 'a[href^="https://"]::after' in printing and "attr(href)" in printing
    js = (mini_site / "assets/tip-archive/print.js").read_text(encoding="utf-8")
    assert 'addEventListener("beforeprint"' in js


@pytest.mark.e2e
def test_build_ends_with_a_summary(mini_project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    status, output = build_project(mini_project, site)
    assert status == 0, output
    html_pages = len(list(site.rglob("*.html")))
    assert output.splitlines()[-4:] == [
        "Records: 8 (1 resolution, 1 statement, 1 event, 1 document, 2 bodies, 1 person, 1 source)",
        f"Pages written: {html_pages}",
        "Warnings: 0",
        f"Site built in {site.resolve()}/ (for https://example.org/)",
    ]


@pytest.mark.e2e
def test_build_summary_counts_warnings(mini_project: Path, tmp_path: Path) -> None:
    (mini_project / "docs/index.md").write_text("# Home\n\nSee [the missing page](missing.md).\n")
    import contextlib
    import io
    import os

    from tip_archive.cli import main

    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(mini_project)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            status = main(["build", "--no-strict", "--site-dir", str(tmp_path / "site")])
    finally:
        os.chdir(cwd)
    assert status == 0
    assert "Warnings: 1" in out.getvalue().splitlines()


def test_workflow_tests_then_publishes() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    build = workflow["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in build]
    test_at = next(i for i, r in enumerate(runs) if r.strip() == "make test")
    site_at = next(i for i, r in enumerate(runs) if "make site" in r)
    assert test_at < site_at
    checkout = next(s for s in build if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # the history dates every record
    uses = [
        step["uses"] for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step
    ]
    assert {u.split("@")[0] for u in uses} >= {
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    }
    # How each action is pinned (a commit SHA and its release): tests/test_workflow.py.
    upload = next(s for s in build if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


def test_site_url_is_set_once_from_the_environment() -> None:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^site_url: !ENV \[SITE_URL, \"https://[^\"]+/\"\]$", text, re.M)
    assert "history_base: !ENV [ARCHIVE_HISTORY_BASE" in text
