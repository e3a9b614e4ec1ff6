"""Link integrity of the whole built site, read as files (no browser, nothing fetched).

Every internal link and asset reference must reach a file, every ``#anchor`` an
element of the target page, and every HTML page must be reachable from the home
page by following links.  External links are listed in
``test-artifacts/external-links.txt`` for a human to review, never fetched.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict, deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from archive_site import ARTIFACTS, BuiltSite

#: Pages that no page links to, on purpose; each with the reason.  Nothing else may be an orphan.
ORPHAN_EXCEPTIONS = {
    "404.html": "the web host serves it for any unknown address; no page links to it",
}
#: Redirect pages (``<meta http-equiv="refresh">``) are not orphans either: they exist for
#: inbound links from outside (literal symbol paths, old addresses), and their target is checked.
REDIRECTS_ARE_ENTRY_POINTS = True

_LOCAL = "http://site.invalid/"
_ATTRIBUTES = {
    "a": ("href", "xlink:href"),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src",),
    "source": ("src",),
    "iframe": ("src",),
    "use": ("href", "xlink:href"),
}


@dataclass(frozen=True)
class Link:
    page: str
    """The page the link is on (``chronology/index.html``)."""
    href: str
    """The link as written."""
    target: str
    """The file it points to, site-relative (``resolutions/x/index.html``)."""
    fragment: str
    follow: bool
    """Whether a reader follows it (an ``<a>`` or a redirect), as opposed to an asset."""


@dataclass
class Crawl:
    ids: dict[str, set[str]] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    external: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    redirects: set[str] = field(default_factory=set)


def _canonical_base(site: Path) -> str | None:
    """The published address of the site (``site_url``), read from the home page's canonical link."""
    home = site / "index.html"
    if not home.exists():
        return None
    link = BeautifulSoup(home.read_text(encoding="utf-8"), "html.parser").find(
        "link", rel="canonical"
    )
    href = link.get("href") if isinstance(link, Tag) else None
    return str(href) if href else None


def _refresh_target(tag: Tag) -> str | None:
    content = str(tag.get("content", ""))
    _, _, rest = content.partition(";")
    key, _, url = rest.strip().partition("=")
    return url.strip(" '\"") if key.strip().lower() == "url" else None


def crawl(site: Path) -> Crawl:
    found = Crawl()
    base = _canonical_base(site)
    for file in sorted(site.rglob("*.html")):
        page = file.relative_to(site).as_posix()
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        found.ids[page] = {str(t["id"]) for t in soup.find_all(id=True)} | {
            str(t["name"]) for t in soup.find_all("a", attrs={"name": True})
        }
        refs: list[tuple[str, bool]] = []
        for tag in soup.find_all(list(_ATTRIBUTES)):
            for attribute in _ATTRIBUTES[tag.name]:
                if tag.has_attr(attribute):
                    refs.append((str(tag[attribute]), tag.name == "a"))
        for meta in soup.find_all("meta", attrs={"http-equiv": True}):
            if str(meta["http-equiv"]).lower() == "refresh" and (url := _refresh_target(meta)):
                found.redirects.add(page)
                refs.append((url, True))
        for href, follow in refs:
            _add_link(found, site, base, page, href.strip(), follow)
    return found


def _add_link(
    found: Crawl, site: Path, base: str | None, page: str, href: str, follow: bool
) -> None:
    if not href or href.startswith(("javascript:", "data:")):
        return
    absolute = urljoin(_LOCAL + page, href)
    if base and absolute.startswith(base):
        absolute = _LOCAL + absolute[len(base) :]
    parts = urlsplit(absolute)
    if not absolute.startswith(_LOCAL):
        found.external[href].add(page)
        return
    path = posixpath.normpath(unquote(parts.path)).lstrip("/")
    path = "" if path == "." else path
    if parts.path.endswith("/") or not path or (site / path).is_dir():
        path = posixpath.join(path, "index.html") if path else "index.html"
    found.links.append(Link(page, href, path, unquote(parts.fragment), follow))


def broken_links(found: Crawl, site: Path) -> list[str]:
    problems = []
    for link in found.links:
        if not (site / link.target).is_file():
            problems.append(f"{link.page}: {link.href} → no such file {link.target}")
        elif (
            link.fragment
            and link.target.endswith(".html")
            and link.fragment not in found.ids.get(link.target, set())
        ):
            problems.append(f"{link.page}: {link.href} → {link.target} has no #{link.fragment}")
    return problems


def orphan_pages(found: Crawl) -> list[str]:
    outgoing: dict[str, set[str]] = defaultdict(set)
    for link in found.links:
        if link.follow and link.target.endswith(".html"):
            outgoing[link.page].add(link.target)
    seen = {"index.html"}
    queue = deque(["index.html"])
    while queue:
        for target in outgoing[queue.popleft()] - seen:
            seen.add(target)
            queue.append(target)
    exempt = set(ORPHAN_EXCEPTIONS) | (found.redirects if REDIRECTS_ARE_ENTRY_POINTS else set())
    return sorted(set(found.ids) - seen - exempt)


def write_external_report(found: Crawl, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        "# External links of the built site (listed, not fetched): URL, then the pages linking to it",
        *(
            f"{url}\t{len(pages)} page(s): {', '.join(sorted(pages)[:3])}"
            for url, pages in sorted(found.external.items())
        ),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# -- the real site ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site_crawl(archive_site: BuiltSite) -> Crawl:
    found = crawl(archive_site.root)
    write_external_report(found, ARTIFACTS / "external-links.txt")
    return found


@pytest.mark.e2e
def test_no_broken_internal_link_or_missing_anchor(
    archive_site: BuiltSite, site_crawl: Crawl
) -> None:
    assert len(site_crawl.ids) > 10, "the crawl found too few pages to be the whole site"
    assert broken_links(site_crawl, archive_site.root) == []


@pytest.mark.e2e
def test_every_page_is_reachable_from_the_home_page(site_crawl: Crawl) -> None:
    assert orphan_pages(site_crawl) == []


@pytest.mark.e2e
def test_record_pages_are_all_crawled(archive_site: BuiltSite, site_crawl: Crawl) -> None:
    archive = archive_site.archive()
    pages = set(site_crawl.ids)
    for record in archive.records():
        folder = type(record).plural
        assert f"{folder}/{record.id}/index.html" in pages
        assert f"ru/{folder}/{record.id}/index.html" in pages  # and its Russian twin


@pytest.mark.e2e
def test_external_links_are_reported(site_crawl: Crawl) -> None:
    report = (ARTIFACTS / "external-links.txt").read_text(encoding="utf-8")
    for url in site_crawl.external:
        assert url in report


# -- the crawler itself, on a tiny site with known faults ----------------------------------


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, body in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<!doctype html><html><head></head><body>{body}</body></html>")
    return root


def test_crawler_finds_broken_links_missing_anchors_and_orphans(tmp_path: Path) -> None:
    site = _write(
        tmp_path,
        {
            "index.html": '<a href="a/">a</a> <a href="a/#here">ok</a> <a href="a/#gone">x</a>'
            ' <a href="missing/">m</a> <a href="https://example.org/x">ext</a>'
            ' <svg><a href="b/"><title>b</title></a></svg>',
            "a/index.html": '<p id="here">here</p><a href="../">home</a>',
            "b/index.html": '<img src="../pic.png" alt="">',
            "lonely/index.html": "nobody links here",
            "old/index.html": '<meta http-equiv="refresh" content="0; url=../a/">',
            "404.html": "not found",
        },
    )
    found = crawl(site)
    assert sorted(broken_links(found, site)) == [
        "b/index.html: ../pic.png → no such file pic.png",
        "index.html: a/#gone → a/index.html has no #gone",
        "index.html: missing/ → no such file missing/index.html",
    ]
    assert orphan_pages(found) == ["lonely/index.html"]
    assert dict(found.external) == {"https://example.org/x": {"index.html"}}


def test_crawler_treats_links_to_the_published_address_as_internal(tmp_path: Path) -> None:
    site = _write(
        tmp_path,
        {
            "index.html": '<link rel="canonical" href="https://archive.example/">'
            '<a href="https://archive.example/a/">a</a>'
            '<a href="https://archive.example/nope/">n</a>',
            "a/index.html": "a",
        },
    )
    found = crawl(site)
    assert broken_links(found, site) == [
        "index.html: https://archive.example/nope/ → no such file nope/index.html"
    ]
    assert orphan_pages(found) == []
    assert not found.external
