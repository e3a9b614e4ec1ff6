"""The Russian edition in Chromium: the journeys of the English suite, in Russian.

Every page goes through the same guard as the English suite (no console error, no
failed request, no other host, no policy violation).  The language switch is tried
both ways on every kind of page; the symbol lookup and the search box of a Russian page
stay in the Russian edition; the 404 page answers a Russian address in Russian.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from archive_site import BuiltSite
from tip_archive.crossref.translation import translation_coverage

from .browsing import (
    PAGES,
    SEARCH_RESULT,
    OpenPage,
    english_left_on,
    normalise,
    open_search,
    page_url,
    path_of,
    run_axe,
    screenshot,
    settle,
    visit,
)

pytestmark = pytest.mark.browser

#: Every kind of page, in the Russian edition as well: those of the English suite and these.
MORE_PAGES = {
    "symbols": "symbols/",
    "record format": "reference/records/",
    "performance": "performance/",
    "releases": "data/releases/",
}


def kinds(site: BuiltSite) -> dict[str, str]:
    found = {name: page_url(site, spec) for name, spec in PAGES.items()}
    return found | MORE_PAGES


def switch_to(page: Page, lang: str) -> None:
    """Choose ``lang`` in the header's language menu, as a reader does."""
    page.locator(".md-header__option .md-select").hover()
    link = page.locator(f"a.tip-lang-link[hreflang={lang}]")
    expect(link).to_be_visible()
    link.click()
    settle(page)


def test_russian_chronology_to_a_resolution_to_the_source_paragraph(
    open_page: OpenPage, server: str
) -> None:
    page = visit(open_page(), "ru/")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator("h1")).to_contain_text("Беларусь в Организации Объединённых Наций")
    page.locator(".md-tabs").get_by_role("link", name="Хронология", exact=True).click()
    settle(page)
    assert path_of(page, server) == "ru/chronology/"
    expect(page.locator("h1")).to_contain_text("Хронология")
    # The overview leads to a page per year.
    page.locator("nav.tip-years").get_by_role("link", name=re.compile(r"^2010\b")).click()
    settle(page)
    assert path_of(page, server) == "ru/chronology/2010/"
    expect(page.locator("h1")).to_contain_text("Хронология: 2010")
    items = page.locator("li.tip-chrono__item[data-type=resolution] a[href]")
    preferred = items.filter(has_text="Глобальный план")
    link = preferred.first if preferred.count() else items.first
    title = normalise(link.inner_text()).removesuffix("(перевод ещё не готов)").strip()
    link.click()
    settle(page)
    assert re.fullmatch(r"ru/resolutions/[a-z0-9-]+/", path_of(page, server))
    expect(page.locator("h1")).to_contain_text(title)
    expect(page.locator("table.tip-meta")).to_contain_text("Условное обозначение")
    screenshot(page, "ru-resolution")
    quote_box = page.locator("figure.tip-quote").first
    quote = normalise(quote_box.locator("blockquote").inner_text())
    cite = quote_box.locator("figcaption a.tip-cite")
    paragraph = re.search(r"¶(\d+)", cite.inner_text())
    assert paragraph, cite.inner_text()
    cite.click()
    settle(page)
    assert re.fullmatch(r"ru/sources/[a-z0-9-]+/", path_of(page, server))
    target = page.locator(":target")
    expect(target).to_have_id(f"p{paragraph[1]}")
    expect(target).to_be_in_viewport()
    assert quote in normalise(target.inner_text())


@pytest.mark.parametrize("name", [*PAGES, *MORE_PAGES])
def test_the_language_switch_leads_to_the_same_page_both_ways(
    name: str, open_page: OpenPage, archive_site: BuiltSite, server: str
) -> None:
    url = kinds(archive_site)[name]
    page = visit(open_page(), url)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    switch_to(page, "ru")
    assert path_of(page, server) == "ru/" + url
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    switch_to(page, "en")
    assert path_of(page, server) == url
    expect(page.locator("html")).to_have_attribute("lang", "en")


@pytest.mark.parametrize("name", [*PAGES, *MORE_PAGES])
def test_every_kind_of_russian_page_speaks_russian(
    name: str, open_page: OpenPage, archive_site: BuiltSite, server: str
) -> None:
    """The interface of every kind of page is Russian: no phrase of the catalogue's English
    strings is left in the article (outside what is marked English: quotes, originals, the
    English citation styles), and counts take their Russian plural form; the record's own
    text is Russian where it is translated (checked word for word for fully translated
    records), and the untranslated ones are listed in the test's output."""
    url = "ru/" + kinds(archive_site)[name]
    page = visit(open_page(), url)
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    tabs = page.locator(".md-tabs")
    expect(tabs).to_contain_text("Хронология")
    expect(tabs).not_to_contain_text("Chronology")
    # Material's own strings are Russian too (the skip link, the header's search label).
    expect(page.locator("a.md-skip")).to_have_text(re.compile("Перейти к содержанию"))
    h1 = normalise(page.locator("h1").first.inner_text())
    assert re.search("[а-яё]", h1, re.IGNORECASE) or page.locator("h1 [lang=en]").count(), h1
    assert english_left_on(page) == []
    if isinstance(PAGES.get(name), tuple):
        expect(page.locator("table.tip-meta caption")).to_have_text("Об этой записи")
        # Its versions lead to the Russian page of the data releases.
        releases = page.locator("section.tip-versions p a")
        expect(releases).to_have_text("все выпуски данных")
        assert (releases.get_attribute("href") or "").endswith("data/releases/")
        releases.click()
        settle(page)
        assert path_of(page, server) == "ru/data/releases/"
        expect(page.locator("h1")).to_have_text(re.compile("Выпуски данных"))
        page.go_back()
        settle(page)
        record_id = url.rstrip("/").rsplit("/", 1)[-1]
        missing = translation_coverage(archive_site.archive()).missing
        if record_id in missing:
            print(f"{url}: not yet translated: {', '.join(missing[record_id])}")
        else:
            expect(page.locator("article")).not_to_contain_text("перевод ещё не готов")


def test_the_russian_symbol_lookup_lands_on_the_russian_record(
    open_page: OpenPage, server: str
) -> None:
    page = open_page()
    page.goto("ru/symbols/?q=a/res/64/293")
    page.wait_for_url(f"{server}ru/resolutions/a-res-64-293/*")
    settle(page)
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    page = visit(open_page(), "ru/symbols/?q=A/RES/99/999")
    expect(page.locator("#symbol-status")).to_contain_text("В архиве нет документа с обозначением")


def test_a_russian_search_searches_the_russian_edition(open_page: OpenPage, server: str) -> None:
    page = visit(open_page(), "ru/")
    expect(page.locator(".tip-search-open")).to_contain_text("Поиск")
    box = open_search(page)
    # A Russian word form the pages do not use as such: Pagefind's Russian stemming finds it.
    box.press_sequentially("резолюцией")
    results = page.locator(SEARCH_RESULT)
    expect(results.first).to_be_visible()
    hrefs = [results.nth(i).get_attribute("href") or "" for i in range(results.count())]
    assert hrefs and all("/ru/" in h or h.startswith("ru/") for h in hrefs), hrefs
    box.fill("")
    box.press_sequentially("64/293")
    expect(results.first).to_have_attribute("href", re.compile(r"ru/resolutions/a-res-64-293/"))


@pytest.mark.parametrize("name", ["home", "chronology", "resolution", "source", "symbols"])
def test_no_serious_accessibility_violation_in_russian(
    name: str, open_page: OpenPage, archive_site: BuiltSite
) -> None:
    page = visit(open_page(), "ru/" + kinds(archive_site)[name])
    serious = [v["id"] for v in run_axe(page) if v.get("impact") in ("serious", "critical")]
    assert serious == []


def test_the_404_page_answers_a_russian_address_in_russian(browser, server: str) -> None:  # type: ignore[no-untyped-def]
    from .test_policy import guarded

    guard, page = guarded(browser, server)
    try:
        visit(page, "ru/no/such/place/at/all/")
        expect(page.locator("html")).to_have_attribute("lang", "ru")
        expect(page.locator("h1")).to_have_text("Страница не найдена")
        expect(page.locator("#tip-notfound-message")).to_contain_text("Страницы с адресом")
        assert english_left_on(page) == []
        page.goto("ru/A/RES/64/293")
        page.wait_for_url("**/ru/resolutions/a-res-64-293/")
        settle(page)
    finally:
        page.context.close()
    missing = {f"HTTP 404: {server}ru/no/such/place/at/all/", f"HTTP 404: {server}ru/A/RES/64/293"}
    note = "console error: Failed to load resource: the server responded with a status of 404 (Not Found)"
    assert sorted(guard.problems) == sorted([*missing, note, note])
