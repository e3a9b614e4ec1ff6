"""A reader's journeys through the archive, in a real browser.

Each test opens its pages with ``open_page``: a console error, a failed request
or a request to another host on any of them fails the test.

Each reader's way in is here: the chronology, a UN symbol typed into the
search box or given to ``/symbols/?q=``, and a citation copied for a report.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from archive_site import BuiltSite
from tip_archive.model.records import Record
from tip_archive.model.symbols import parse_symbol

from .browsing import (
    SEARCH_RESULT,
    OpenPage,
    citation_copy_button,
    normalise,
    open_search,
    path_of,
    record_page,
    screenshot,
    settle,
    visit,
)

pytestmark = pytest.mark.browser


#: What a copy button says once its text is on the clipboard.
COPIED = re.compile("copied", re.IGNORECASE)


def test_home_to_chronology_to_a_resolution_to_the_source_paragraph(
    open_page: OpenPage, server: str
) -> None:
    page = visit(open_page(), "")
    expect(page.locator("h1")).to_contain_text("Belarus at the United Nations")
    screenshot(page, "home")

    page.locator(".md-tabs").get_by_role("link", name="Chronology", exact=True).click()
    settle(page)
    assert path_of(page, server) == "chronology/"
    expect(page.locator("h1")).to_contain_text("Chronology")
    screenshot(page, "chronology")
    page.locator("nav.tip-years").get_by_role("link", name=re.compile(r"^2010\b")).click()
    settle(page)
    assert path_of(page, server) == "chronology/2010/"

    items = page.locator("li.tip-chrono__item[data-type=resolution] a[href]")
    preferred = items.filter(has_text="Global Plan of Action")
    link = preferred.first if preferred.count() else items.first
    title = normalise(link.inner_text())
    link.click()
    settle(page)
    assert re.fullmatch(r"resolutions/[a-z0-9-]+/", path_of(page, server))
    expect(page.locator("h1")).to_contain_text(title)
    screenshot(page, "resolution")

    quote_box = page.locator("figure.tip-quote").first
    quote = normalise(quote_box.locator("blockquote").inner_text())
    cite = quote_box.locator("figcaption a.tip-cite")
    paragraph = re.search(r"¶(\d+)", cite.inner_text())
    assert paragraph, cite.inner_text()
    cite.click()
    settle(page)
    assert re.fullmatch(r"sources/[a-z0-9-]+/", path_of(page, server))
    assert page.url.endswith(f"#p{paragraph[1]}")
    target = page.locator(":target")
    expect(target).to_have_count(1)
    expect(target).to_have_id(f"p{paragraph[1]}")
    expect(target).to_be_in_viewport()
    assert quote in normalise(target.inner_text())
    screenshot(page, "source-paragraph", full_page=False)


def test_a_record_page_links_back_to_the_chronology_and_its_related_records(
    open_page: OpenPage, archive_site: BuiltSite, server: str
) -> None:
    url = record_page(archive_site, "resolutions", "a-res-64-293")
    page = visit(open_page(), url)
    related = page.locator("ul.tip-related a")
    expect(related.first).to_be_visible()
    related.first.click()
    settle(page)
    assert path_of(page, server) != url
    expect(page.locator("h1")).to_be_visible()
    page.locator(".md-tabs").get_by_role("link", name="Chronology", exact=True).click()
    settle(page)
    assert path_of(page, server) == "chronology/"


# -- find by symbol (issue 4) -----------------------------------------------------------------


def _symbol_subject(site: BuiltSite) -> tuple[Record, str]:
    """A resolution with a GA symbol to look for, and the URL of its page."""
    archive = site.archive()
    record = archive.by_symbol.get("A/RES/64/293")
    if record is None:
        record = next(
            r for r in archive.records("resolution") if r.symbol_value and r.symbol_value[0] == "A"
        )
    return record, f"resolutions/{record.id}/"


def symbol_variants(symbol: str) -> list[str]:
    """Ways readers write a resolution's symbol (``A/RES/64/293`` → ``64/293``, ...)."""
    parsed = parse_symbol(symbol)
    variants = [symbol, symbol.lower(), f"  {symbol} "]
    if parsed.short:
        variants += [parsed.short, f"resolution {parsed.short}", f"GA res {parsed.short}"]
    return variants


def _first_result_is(page: Page, url: str) -> None:
    expect(page.locator(SEARCH_RESULT).first).to_have_attribute(
        "href", re.compile(rf"(^|/){re.escape(url)}(#.*)?$")
    )


def test_a_symbol_typed_into_the_search_box_finds_its_record_first(
    open_page: OpenPage, archive_site: BuiltSite
) -> None:
    record, url = _symbol_subject(archive_site)
    assert record.symbol_value
    page = visit(open_page(), "")
    box = open_search(page)
    for variant in symbol_variants(record.symbol_value):
        box.fill("")
        expect(page.locator(SEARCH_RESULT)).to_have_count(0)
        box.press_sequentially(variant)
        _first_result_is(page, url)
    screenshot(page, "search-results", full_page=False)


def test_symbols_query_arrives_at_the_record(
    open_page: OpenPage, archive_site: BuiltSite, server: str
) -> None:
    record, url = _symbol_subject(archive_site)
    assert record.symbol_value
    page = open_page()
    for query in symbol_variants(record.symbol_value):
        page.goto(f"symbols/?q={query.strip()}")
        page.wait_for_url(f"{server}{url}*")
        settle(page)
        expect(page.locator("h1")).to_contain_text(normalise(record.title))


def test_symbols_query_for_a_document_the_archive_lacks_says_so(
    open_page: OpenPage, server: str
) -> None:
    page = visit(open_page(), "symbols/?q=A/RES/99/999")
    assert path_of(page, server) == "symbols/"
    expect(page.locator("main, article").first).to_contain_text("A/RES/99/999")
    screenshot(page, "symbols-not-found", full_page=False)


def test_the_symbols_page_lists_every_symbol(open_page: OpenPage, archive_site: BuiltSite) -> None:
    page = visit(open_page(), "symbols/")
    text = page.locator("article").inner_text()
    for symbol in archive_site.archive().by_symbol:
        assert symbol in text
    screenshot(page, "symbols")


# -- citations (issue 4) ----------------------------------------------------------------------


def test_copying_a_citation_puts_it_on_the_clipboard(
    open_page: OpenPage, archive_site: BuiltSite
) -> None:
    record, url = _symbol_subject(archive_site)
    page = visit(open_page(permissions=["clipboard-read", "clipboard-write"]), url)
    button = page.locator(citation_copy_button(page))
    expect(button).to_be_visible()
    button.scroll_into_view_if_needed()
    screenshot(page, "cite-this", full_page=False)
    button.click()
    expect(button).to_have_text(COPIED)  # the clipboard write has completed
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert record.symbol_value and record.symbol_value in copied
    assert normalise(copied) in normalise(page.locator("article").inner_text())


def test_every_copy_button_of_the_citation_block_copies_what_it_stands_beside(
    open_page: OpenPage, archive_site: BuiltSite
) -> None:
    _record, url = _symbol_subject(archive_site)
    page = visit(open_page(permissions=["clipboard-read", "clipboard-write"]), url)
    buttons = page.locator("button[data-copy]")
    assert buttons.count() >= 2
    for index in range(buttons.count()):
        button = buttons.nth(index)
        target = page.locator(f"#{button.get_attribute('data-copy')}")
        button.click()
        expect(button).to_have_text(COPIED)
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert normalise(copied) == normalise(target.inner_text())
    permalink = page.locator("button[data-copy=cite-url]")
    expect(permalink).not_to_have_text(COPIED)
    permalink.click()
    expect(permalink).to_have_text(COPIED)
    assert page.evaluate("() => navigator.clipboard.readText()").endswith("/" + url)
