"""Accessibility: axe-core on every kind of page, and the keyboard on the controls.

axe-core (npm, pinned in ``tests/browser/package.json``) is injected into each
page; a violation of serious or critical impact fails the test.  Every result,
whatever its impact, is written to ``test-artifacts/axe/<page>.json``.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from archive_site import ARTIFACTS, BuiltSite

from .browsing import (
    PAGES,
    SEARCH_BUTTON,
    SEARCH_INPUT,
    SEARCH_RESULT,
    OpenPage,
    citation_copy_button,
    focus_is_visible,
    focus_style,
    open_search,
    page_url,
    record_page,
    run_axe,
    tab_to,
    visit,
)

pytestmark = pytest.mark.browser


BLOCKING = ("serious", "critical")


def check_axe(page: Page, name: str) -> None:
    violations = run_axe(page)
    folder = ARTIFACTS / "axe"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.json").write_text(json.dumps(violations, indent=2), encoding="utf-8")
    blocking: list[dict[str, Any]] = [v for v in violations if v["impact"] in BLOCKING]
    report = "\n".join(f"{v['impact']} {v['id']}: {v['help']} — {v['nodes']}" for v in blocking)
    assert not blocking, f"{name} ({page.url}):\n{report}"


@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_accessibility_violation(
    open_page: OpenPage, archive_site: BuiltSite, name: str
) -> None:
    page = visit(open_page(), page_url(archive_site, PAGES[name]))
    check_axe(page, name)


def test_no_serious_accessibility_violation_on_a_phone(
    open_page: OpenPage, archive_site: BuiltSite
) -> None:
    page = open_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    for name in ("chronology", "resolution", "source"):
        visit(page, page_url(archive_site, PAGES[name]))
        check_axe(page, f"phone-{name}")


def test_no_serious_accessibility_violation_in_search_results(open_page: OpenPage) -> None:
    page = visit(open_page(), "")
    box = open_search(page)
    box.press_sequentially("64/293")
    expect(page.locator(SEARCH_RESULT).first).to_be_visible()
    check_axe(page, "search-results-symbol")
    box.fill("")
    box.press_sequentially("trafficking")
    expect(page.locator("#tip-search-page-list a[href]").first).to_be_visible()
    check_axe(page, "search-results-pages")


def test_no_serious_accessibility_violation_on_the_symbols_page(open_page: OpenPage) -> None:
    page = visit(open_page(), "symbols/")
    check_axe(page, "symbols")
    page.locator("#symbol-query").press_sequentially("A/RES/6")
    expect(page.locator("#symbol-results a[href]").first).to_be_visible()
    check_axe(page, "symbols-suggestions")


# -- keyboard ---------------------------------------------------------------------------


def test_the_keyboard_reaches_the_search_box_with_visible_focus(open_page: OpenPage) -> None:
    page = visit(open_page(), "chronology/")
    tab_to(page, SEARCH_BUTTON)
    assert focus_is_visible(focus_style(page)), focus_style(page)
    page.keyboard.press("Enter")
    expect(page.locator(SEARCH_INPUT)).to_be_focused()
    assert focus_is_visible(focus_style(page)), focus_style(page)
    page.keyboard.type("64/293")
    expect(page.locator(SEARCH_RESULT).first).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator(SEARCH_BUTTON)).to_be_focused()


def test_the_skip_link_comes_first_and_is_visible_when_focused(open_page: OpenPage) -> None:
    page = visit(open_page(), "chronology/")
    assert tab_to(page, "a.md-skip", limit=1) == 1
    expect(page.locator("a.md-skip")).to_be_visible()
    assert focus_is_visible(focus_style(page)), focus_style(page)


def test_links_in_the_content_show_their_focus(open_page: OpenPage) -> None:
    page = visit(open_page(), "chronology/2010/")
    tab_to(page, "li.tip-chrono__item a[href]")
    assert focus_is_visible(focus_style(page)), focus_style(page)


def test_the_keyboard_reaches_the_citation_copy_button_with_visible_focus(
    open_page: OpenPage, archive_site: BuiltSite
) -> None:
    url = record_page(archive_site, "resolutions", "a-res-64-293")
    page = visit(open_page(permissions=["clipboard-read", "clipboard-write"]), url)
    tab_to(page, citation_copy_button(page), limit=300)
    assert focus_is_visible(focus_style(page)), focus_style(page)
    page.keyboard.press("Enter")
    expect(page.locator(citation_copy_button(page))).to_have_text(re.compile("copied", re.I))
    assert page.evaluate("() => navigator.clipboard.readText()").strip()
