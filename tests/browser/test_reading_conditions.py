"""The archive on a phone, and with JavaScript switched off."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from archive_site import BuiltSite

from .browsing import (
    PHONE,
    OpenPage,
    normalise,
    path_of,
    record_page,
    screenshot,
    settle,
    visit,
)

pytestmark = pytest.mark.browser


def key_pages(site: BuiltSite) -> dict[str, str]:
    """The pages a reader meets first: name → site-relative URL."""
    return {
        "home": "",
        "chronology": "chronology/",
        "resolutions": "resolutions/",
        "resolution": record_page(site, "resolutions", "a-res-64-293"),
        "statement": record_page(site, "statements"),
        "source": record_page(site, "sources"),
        "symbols": "symbols/",
        "data": "data/",
        "about": "about/",
    }


def _horizontal_overflow(page: Page) -> list[str]:
    """Elements wider than the viewport that make the page itself scroll sideways."""
    overflow: list[str] = page.evaluate(
        """() => {
          const width = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth <= width) return [];
          return [...document.querySelectorAll("body *")]
            .filter(el => el.getBoundingClientRect().right > width + 1)
            .slice(0, 5)
            .map(el => el.tagName.toLowerCase() + "." + [...el.classList].join("."));
        }"""
    )
    return overflow


# -- phone ------------------------------------------------------------------------------


def test_key_pages_fit_a_phone_screen(open_page: OpenPage, archive_site: BuiltSite) -> None:
    page = open_page(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    for name, url in key_pages(archive_site).items():
        visit(page, url)
        expect(page.locator("h1")).to_be_visible()
        assert _horizontal_overflow(page) == [], f"{name} ({url}) scrolls sideways"
        if name in ("home", "chronology", "resolution", "source", "symbols"):
            screenshot(page, f"phone-{name}")


def test_the_navigation_is_reachable_through_the_drawer_on_a_phone(
    open_page: OpenPage, server: str
) -> None:
    page = visit(open_page(viewport=PHONE, is_mobile=True, has_touch=True), "")
    drawer_nav = page.locator("nav.md-nav--primary")
    expect(
        drawer_nav.get_by_role("link", name="Chronology", exact=True).first
    ).not_to_be_in_viewport()
    page.locator("label.md-header__button[for=__drawer]").click()
    chronology = drawer_nav.get_by_role("link", name="Chronology", exact=True).first
    expect(chronology).to_be_in_viewport()
    page.wait_for_function(  # the drawer has slid in completely
        "() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0"
    )
    screenshot(page, "phone-drawer", full_page=False)
    chronology.click()
    settle(page)
    assert path_of(page, server) == "chronology/"
    # The timeline stays inside the page: it scrolls within its own frame.
    frame = page.locator(".tip-timeline__frame")
    expect(frame).to_be_visible()
    assert _horizontal_overflow(page) == []


# -- no JavaScript ----------------------------------------------------------------------


def test_the_chronology_is_complete_and_usable_without_javascript(
    open_page: OpenPage, server: str
) -> None:
    page = visit(open_page(java_script_enabled=False), "chronology/")
    expect(page.locator("#tip-filters")).to_be_hidden()
    expect(page.locator("figure.tip-timeline svg")).to_be_visible()
    marks = page.locator(".tip-tl__mark:visible")
    assert marks.count() > 0
    screenshot(page, "nojs-chronology")
    # An old link to a year's section lands on it, and the section leads to the year.
    visit(page, "chronology/#y2010")
    assert path_of(page, server) == "chronology/"
    page.locator("#y2010 + p a").click()
    settle(page)
    assert path_of(page, server) == "chronology/2010/"
    items = page.locator("li.tip-chrono__item")
    count = items.count()
    assert count > 0
    for index in range(count):
        expect(items.nth(index)).to_be_visible()
    expect(page.locator("#tip-filters")).to_be_hidden()
    expect(page.locator(".tip-chrono__none:visible")).to_have_count(0)
    link = items.first.locator("a[href]").first
    title = normalise(link.inner_text())
    link.click()
    settle(page)
    assert path_of(page, server) != "chronology/"
    expect(page.locator("h1")).to_contain_text(title)


def test_a_record_page_is_complete_and_usable_without_javascript(
    open_page: OpenPage, archive_site: BuiltSite, server: str
) -> None:
    url = record_page(archive_site, "resolutions", "a-res-64-293")
    page = visit(open_page(java_script_enabled=False), url)
    for selector in ("h1", "table.tip-meta", "figure.tip-quote blockquote"):
        expect(page.locator(selector).first).to_be_visible()
    screenshot(page, "nojs-resolution")
    cite = page.locator("figure.tip-quote figcaption a.tip-cite").first
    cite.click()
    settle(page)
    assert path_of(page, server).startswith("sources/")
    target = page.locator(":target")
    expect(target).to_be_visible()
    expect(target).to_have_css("outline-style", "solid")  # the cited paragraph is highlighted
