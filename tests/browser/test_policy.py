"""The Content Security Policy in a real browser: every kind of page runs under it, untouched.

The guard (``browsing.Guard``) reports any ``securitypolicyviolation`` event and any
console message about the policy on every page of every browser test; here each kind
of page is opened and its scripts exercised (search, symbol lookup, copy buttons, the
404 page's recovery, the symbol redirects), and the guard itself is shown to catch what
the policy refuses.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, expect

from archive_site import BuiltSite

from .browsing import (
    PAGES,
    SEARCH_RESULT,
    Guard,
    OpenPage,
    open_search,
    page_url,
    settle,
    visit,
)

pytestmark = pytest.mark.browser

#: Kinds of page besides those of the accessibility suite.
MORE_PAGES = {
    "symbols": "symbols/",
    "symbol lookup": "symbols/?q=A%2FRES%2F6",
    "record format": "reference/records/",
    "performance": "performance/",
}


def policy_of(page: Page) -> str:
    policy: str = page.evaluate(
        """() => {
          const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
          return meta ? meta.content : "";
        }"""
    )
    return policy


@pytest.mark.parametrize("name", [*PAGES, *MORE_PAGES])
def test_every_kind_of_page_runs_under_its_policy(
    open_page: OpenPage, archive_site: BuiltSite, name: str
) -> None:
    url = MORE_PAGES.get(name) or page_url(archive_site, PAGES[name])
    page = visit(open_page(), url)
    policy = policy_of(page)
    assert "script-src 'self'" in policy and "object-src 'none'" in policy
    assert "unsafe-inline" not in policy and "'unsafe-eval'" not in policy
    # mkdocs-material's inline script ran: the policy's hash of it is right.
    assert page.evaluate("() => typeof __md_get") == "function"
    # The archive's own scripts ran: the search box is in the header.
    expect(page.locator("button.tip-search-open")).to_be_visible()
    # Print styles and the "print" date script load under the policy too.
    page.emulate_media(media="print")
    page.emulate_media(media="screen")


SITE_URL = "https://tip-archive.github.io/"


@pytest.mark.parametrize("name", [*PAGES, *MORE_PAGES])
def test_every_page_names_its_twins_in_its_head_and_fetches_no_sitemap(
    open_page: OpenPage, archive_site: BuiltSite, name: str
) -> None:
    """``hreflang`` alternates for each edition and ``x-default``, absolute, in the page as
    served and as loaded; Material's bundle, which fetches a sitemap.xml beside every
    ``<link rel="alternate">`` it sees (another host here: the guard would report it), is
    kept from seeing them, and the feed's link no longer costs the whole sitemap either."""
    url = (MORE_PAGES.get(name) or page_url(archive_site, PAGES[name])).split("?")[0]
    wanted = {"en": SITE_URL + url, "ru": SITE_URL + "ru/" + url, "x-default": SITE_URL + url}
    sitemaps: list[str] = []
    for path in (url, "ru/" + url):
        served = BeautifulSoup(
            archive_site.path_of(path).read_text(encoding="utf-8"), "html.parser"
        )
        links = served.select("head link[rel=alternate][hreflang]")
        assert {str(link["hreflang"]): str(link["href"]) for link in links} == wanted, path
        assert len(links) == 3
        page = open_page()
        page.on("request", lambda r: "sitemap" in r.url and sitemaps.append(r.url))
        visit(page, path)
        loaded = page.evaluate(
            """() => Object.fromEntries([...document.querySelectorAll(
                 "head link[rel=alternate][hreflang]")].map(l => [l.hreflang, l.href]))"""
        )
        assert loaded == wanted, path
        canonical = page.locator("link[rel=canonical]").get_attribute("href")
        assert canonical == SITE_URL + path
    assert sitemaps == []


def test_search_runs_under_the_policy(open_page: OpenPage) -> None:
    """Pagefind compiles WebAssembly and starts a worker: both within the policy."""
    page = visit(open_page(), "chronology/")
    box = open_search(page)
    box.press_sequentially("trafficking")
    expect(page.locator("#tip-search-page-list a[href]").first).to_be_visible()
    box.fill("")
    box.press_sequentially("64/293")
    expect(page.locator(SEARCH_RESULT).first).to_be_visible()


def test_search_without_a_worker_runs_under_the_policy(open_page: OpenPage) -> None:
    """When Pagefind cannot start its worker (none in the browser, or one too slow to start)
    it compiles its WebAssembly in the page: what the policy's 'wasm-unsafe-eval' is for."""
    page = open_page()
    page.add_init_script("delete window.Worker")
    visit(page, "chronology/")
    box = open_search(page)
    box.press_sequentially("trafficking")
    expect(page.locator("#tip-search-page-list a[href]").first).to_be_visible()


def test_the_copy_buttons_run_under_the_policy(
    open_page: OpenPage, archive_site: BuiltSite
) -> None:
    url = page_url(archive_site, PAGES["resolution"])
    page = visit(open_page(permissions=["clipboard-read", "clipboard-write"]), url)
    page.locator("button").filter(has_text="Copy").first.click()
    settle(page)


def guarded(browser: Browser, server: str) -> tuple[Guard, Page]:
    guard = Guard(server)
    context = browser.new_context(base_url=server)
    guard.watch(context)
    return guard, context.new_page()


def test_the_404_page_and_the_symbol_redirects_run_under_their_policy(
    browser: Browser, server: str
) -> None:
    guard, page = guarded(browser, server)
    try:
        # A missing address at depth, with nothing like it: the 404 page stays and offers help.
        visit(page, "no/such/place/at/all/")
        expect(page.locator("#tip-notfound-q")).to_be_visible()
        assert "object-src 'none'" in policy_of(page)
        # A symbol as an address: notfound.js sends the reader to the record.
        page.goto("A/RES/64/293")
        page.wait_for_url("**/resolutions/a-res-64-293/")
        settle(page)
        # A permanent symbol address: a static redirect page, with its own policy.
        page.goto("symbol/A/RES/64/293/")
        page.wait_for_url("**/resolutions/a-res-64-293/")
        settle(page)
    finally:
        page.context.close()
    # The two missing addresses are the only faults: each an HTTP 404 and the browser's note of it.
    missing = {f"HTTP 404: {server}no/such/place/at/all/", f"HTTP 404: {server}A/RES/64/293"}
    note = "console error: Failed to load resource: the server responded with a status of 404 (Not Found)"
    assert sorted(guard.problems) == sorted([*missing, note, note])
    assert len(guard.visited) >= 4


#: A script of the site's own origin that tries what the policy forbids.
PROBE = """
window.probe = {inline: false, evaluated: false, constructed: false};
const script = document.createElement("script");
script.textContent = "window.probe.inline = true";
document.head.appendChild(script);
try { window.probe.evaluated = eval("true"); } catch (e) {}
try { window.probe.constructed = new Function("return true")(); } catch (e) {}
const style = document.createElement("style");
style.textContent = "body { color: red }";
document.head.appendChild(style);
const bar = document.createElement("div");
bar.setAttribute("style", "color: red");
document.body.appendChild(bar);
const plugin = document.createElement("object");
plugin.data = "../assets/images/favicon.png";
document.body.appendChild(plugin);
"""


def test_the_guard_reports_what_the_policy_refuses(
    browser: Browser, server: str, archive_site: BuiltSite
) -> None:
    """Under a real page's policy, an injected script, eval, inline styles and a plugin are
    refused, and the guard reports each."""
    built = archive_site.path_of("about/").read_text(encoding="utf-8")
    meta = re.search(r'<meta http-equiv="Content-Security-Policy"[^>]*>', built)
    assert meta is not None
    probe_page = (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">{meta[0]}'
        "<title>probe</title><script>window.unhashed = true</script></head>"
        '<body><script src="probe.js"></script></body></html>'
    )
    guard, page = guarded(browser, server)
    files = {"probe.html": ("text/html", probe_page), "probe.js": ("text/javascript", PROBE)}
    page.route(
        f"{server}__probe__/*",
        lambda route: route.fulfill(
            content_type=files[route.request.url.rsplit("/", 1)[1]][0],
            body=files[route.request.url.rsplit("/", 1)[1]][1],
        ),
    )
    try:
        visit(page, "__probe__/probe.html")
        page.wait_for_function("() => window.probe !== undefined")
        page.wait_for_timeout(300)
        ran = page.evaluate("() => [window.unhashed === true, window.probe]")
    finally:
        page.context.close()
    assert ran == [False, {"inline": False, "evaluated": False, "constructed": False}]
    found = "\n".join(p for p in guard.problems if p.startswith("CSP violation on "))
    for directive in ("script-src-elem", "script-src", "style-src-elem", "style-src-attr"):
        assert f": {directive} " in found, found
    assert ": object-src " in found, found
