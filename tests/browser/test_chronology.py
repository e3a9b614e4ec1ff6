"""The chronology's timeline graphic and its filters, in a real browser."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Locator, Page, expect

from .browsing import (
    SCREENSHOTS,
    OpenPage,
    focus_is_visible,
    focus_style,
    path_of,
    screenshot,
    settle,
    tab_to,
    visit,
)

pytestmark = pytest.mark.browser

ITEMS = "li.tip-chrono__item"
MARKS = ".tip-tl__mark"


def _visible(page: Page, selector: str) -> list[str]:
    """The record links of the visible list items or timeline marks matching ``selector``."""
    found: list[str] = page.evaluate(
        """s => [...document.querySelectorAll(s)]
               .filter(el => el.getClientRects().length > 0)
               .map(el => (el.querySelector('a[href]') || el).getAttribute('href'))""",
        selector,
    )
    return sorted(found)


def _attribute_values(page: Page, attribute: str) -> set[str]:
    values: list[str] = page.eval_on_selector_all(
        ITEMS, f"els => els.flatMap(el => (el.dataset.{attribute} || '').split(' '))"
    )
    return {v for v in values if v}


#: A year of the real archive with records of several types, bodies and people.
YEAR = "chronology/2010/"


def _listed(page: Page) -> list[str]:
    """The record links of every year's page, as the overview's marks write them."""
    links: list[str] = page.evaluate(
        """async () => {
             const years = [...document.querySelectorAll('nav.tip-years a[href]')];
             const found = [];
             for (const a of years) {
               const html = await (await fetch(a.href)).text();
               const doc = new DOMParser().parseFromString(html, 'text/html');
               for (const l of doc.querySelectorAll('li.tip-chrono__item a[href]'))
                 found.push(new URL(l.getAttribute('href'), a.href).pathname);
             }
             return found;
           }"""
    )
    return sorted(links)


def test_the_timeline_has_a_mark_per_record_linked_to_its_page(open_page: OpenPage) -> None:
    page = visit(open_page(), "chronology/")
    figure = page.locator("figure.tip-timeline")
    expect(figure).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    figure.screenshot(path=str(SCREENSHOTS / "timeline.png"))
    svg = figure.locator("svg")
    expect(svg).to_have_attribute("role", "group")
    expect(svg).to_have_attribute("aria-labelledby", "tip-timeline-title")
    note_id = svg.get_attribute("aria-describedby")
    assert note_id and "year's page" in page.locator(f"#{note_id}").inner_text()
    expect(svg.locator("text.tip-tl__year")).to_have_count(15)
    # Every mark is one of the years' records (their text equivalent, a page per year).
    marks = page.evaluate(
        f"""() => [...document.querySelectorAll('{MARKS}')]
               .map(a => new URL(a.getAttribute('href'), location.href).pathname)"""
    )
    listed = _listed(page)
    assert marks and set(marks) <= set(listed)


def test_a_timeline_mark_opens_its_record(open_page: OpenPage, server: str) -> None:
    page = visit(open_page(), "chronology/")
    mark = page.locator(f"{MARKS}[data-type=resolution]").first
    href = mark.get_attribute("href")
    assert href
    mark.click()
    settle(page)
    assert path_of(page, server) == href.replace("../", "")


def test_the_years_link_each_to_their_page_and_to_each_other(
    open_page: OpenPage, server: str
) -> None:
    page = visit(open_page(), "chronology/")
    years = page.locator("nav.tip-years a")
    expect(years).to_have_count(page.locator("h2.tip-chrono__section").count())
    page.locator("nav.tip-years").get_by_role("link", name=re.compile(r"^2010\b")).click()
    settle(page)
    assert path_of(page, server) == YEAR
    expect(page.locator("h1")).to_contain_text("2010")
    expect(page.locator("nav.tip-years [aria-current=page]")).to_have_text("2010")
    page.get_by_role("link", name="2011 ›").click()
    settle(page)
    assert path_of(page, server) == "chronology/2011/"
    page.get_by_role("link", name="‹ 2010").click()
    settle(page)
    assert path_of(page, server) == YEAR
    page.locator("nav.tip-years").get_by_role("link", name="All years").click()
    settle(page)
    assert path_of(page, server) == "chronology/"


def test_an_old_link_to_a_year_of_the_chronology_lands_on_its_page(
    open_page: OpenPage, server: str
) -> None:
    """``/chronology/#y2010`` was the year's section of the one-page chronology: it is cited."""
    page = visit(open_page(), "chronology/?type=resolution#y2010")
    page.wait_for_url(re.compile(r"/chronology/2010/"))
    settle(page)
    assert path_of(page, server) == YEAR
    assert parse_qs(urlsplit(page.url).query) == {"type": ["resolution"]}
    expect(page.locator("select[name=type]")).to_have_value("resolution")
    # An anchor that is not a year's stays on the overview.
    page = visit(page, "chronology/#tip-filters")
    assert path_of(page, server) == "chronology/"


def _filter_by_type(page: Page, selector: str) -> tuple[Locator, list[str]]:
    """The filters' form, after checking that choosing resolutions shows only the
    ``selector`` elements of resolutions and says how many of all; and every element."""
    everything = _visible(page, selector)
    form = page.locator("#tip-filters")
    expect(form).to_be_visible()
    expect(form.locator(".tip-filters__status")).to_have_text(
        f"Showing all {len(everything)} records."
    )
    form.locator("select[name=type]").select_option("resolution")
    resolutions = _visible(page, f"{selector}[data-type=resolution]")
    assert resolutions and _visible(page, selector) == resolutions
    expect(form.locator(".tip-filters__status")).to_have_text(
        f"Showing {len(resolutions)} of {len(everything)} records."
    )
    assert parse_qs(urlsplit(page.url).query) == {"type": ["resolution"]}
    return form, everything


def test_on_the_overview_the_filters_narrow_the_graphic(open_page: OpenPage) -> None:
    page = visit(open_page(), "chronology/")
    form, everything = _filter_by_type(page, MARKS)
    form.get_by_role("button", name="Show all").click()
    expect(form.locator(".tip-filters__status")).to_have_text(
        f"Showing all {len(everything)} records."
    )


def test_filters_narrow_a_years_list(open_page: OpenPage) -> None:
    page = visit(open_page(), YEAR)
    form, everything = _filter_by_type(page, ITEMS)

    form.locator("select[name=type]").select_option("")
    body = sorted(_attribute_values(page, "bodies"))[0]
    form.locator("select[name=body]").select_option(body)
    with_body = page.eval_on_selector_all(
        ITEMS,
        "(els, b) => els.filter(el => el.dataset.bodies.split(' ').includes(b))"
        ".map(el => el.querySelector('a[href]').getAttribute('href'))",
        body,
    )
    assert _visible(page, ITEMS) == sorted(with_body)
    screenshot(page, "chronology-filtered-by-body")

    person = sorted(_attribute_values(page, "people"))[0]
    form.locator("select[name=body]").select_option("")
    form.locator("select[name=person]").select_option(person)
    shown = _visible(page, ITEMS)
    assert shown and len(shown) < len(everything)

    form.get_by_role("button", name="Show all").click()
    expect(form.locator(".tip-filters__status")).to_have_text(
        f"Showing all {len(everything)} records."
    )
    assert _visible(page, ITEMS) == everything
    assert urlsplit(page.url).query == ""


def test_a_filtered_chronology_can_be_linked_to(open_page: OpenPage) -> None:
    page = visit(open_page(), YEAR + "?type=event")
    expect(page.locator("select[name=type]")).to_have_value("event")
    events = _visible(page, f"{ITEMS}[data-type=event]")
    assert events and _visible(page, ITEMS) == events


def test_the_filters_work_from_the_keyboard_with_visible_focus(open_page: OpenPage) -> None:
    page = visit(open_page(), YEAR)
    tab_to(page, "select[name=type]")
    assert focus_is_visible(focus_style(page)), focus_style(page)
    page.keyboard.press("ArrowDown")  # a closed <select> changes its value on arrow keys
    expect(page.locator("select[name=type]")).to_have_value("resolution")
    assert _visible(page, ITEMS) == _visible(page, f"{ITEMS}[data-type=resolution]")
    for name in ("body", "person"):
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.name") == name
        assert focus_is_visible(focus_style(page)), focus_style(page)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.type") == "reset"
    assert focus_is_visible(focus_style(page)), focus_style(page)
    page.keyboard.press("Enter")
    expect(page.locator("select[name=type]")).to_have_value("")
