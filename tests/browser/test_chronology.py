"""The chronology's timeline graphic and its filters, in a real browser."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

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
    assert note_id and "list below" in page.locator(f"#{note_id}").inner_text()
    expect(svg.locator("text.tip-tl__year")).to_have_count(15)
    # Every mark is one of the list's records, and the marks are in the list (the text equivalent).
    marks = _visible(page, MARKS)
    listed = _visible(page, ITEMS)
    assert marks and set(marks) <= set(listed)


def test_a_timeline_mark_opens_its_record(open_page: OpenPage, server: str) -> None:
    page = visit(open_page(), "chronology/")
    mark = page.locator(f"{MARKS}[data-type=resolution]").first
    href = mark.get_attribute("href")
    assert href
    mark.click()
    settle(page)
    assert path_of(page, server) == href.replace("../", "")


def test_filters_narrow_both_the_graphic_and_the_list(open_page: OpenPage) -> None:
    page = visit(open_page(), "chronology/")
    everything = _visible(page, ITEMS)
    form = page.locator("#tip-filters")
    expect(form).to_be_visible()
    expect(form.locator(".tip-filters__status")).to_have_text(
        f"Showing all {len(everything)} records."
    )

    resolution_marks = _visible(page, f"{MARKS}[data-type=resolution]")
    form.locator("select[name=type]").select_option("resolution")
    resolutions = _visible(page, f"{ITEMS}[data-type=resolution]")
    assert resolutions and _visible(page, ITEMS) == resolutions
    # Resolutions dated outside the graphic's years are in the list only.
    assert _visible(page, MARKS) == resolution_marks
    assert set(resolution_marks) <= set(resolutions)
    expect(form.locator(".tip-filters__status")).to_have_text(
        f"Showing {len(resolutions)} of {len(everything)} records."
    )
    assert parse_qs(urlsplit(page.url).query) == {"type": ["resolution"]}

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
    assert set(_visible(page, MARKS)) <= set(with_body)
    screenshot(page, "chronology-filtered-by-body")

    person = sorted(_attribute_values(page, "people"))[0]
    form.locator("select[name=body]").select_option("")
    form.locator("select[name=person]").select_option(person)
    shown = _visible(page, ITEMS)
    assert shown and len(shown) < len(everything)
    # Years left without a matching record say so instead of showing an empty list.
    expect(page.locator(".tip-chrono__none:visible").first).to_be_visible()

    form.get_by_role("button", name="Show all").click()
    expect(form.locator(".tip-filters__status")).to_have_text(
        f"Showing all {len(everything)} records."
    )
    assert _visible(page, ITEMS) == everything
    assert urlsplit(page.url).query == ""


def test_a_filtered_chronology_can_be_linked_to(open_page: OpenPage) -> None:
    page = visit(open_page(), "chronology/?type=event")
    expect(page.locator("select[name=type]")).to_have_value("event")
    events = _visible(page, f"{ITEMS}[data-type=event]")
    assert events and _visible(page, ITEMS) == events


def test_the_filters_work_from_the_keyboard_with_visible_focus(open_page: OpenPage) -> None:
    page = visit(open_page(), "chronology/")
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
