"""What the browser tests share: Chromium's settings, the page guard, and small helpers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from playwright.sync_api import (
    BrowserContext,
    ConsoleMessage,
    Locator,
    Page,
    Request,
    Route,
    expect,
)

from archive_site import ARTIFACTS, BuiltSite

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ARTIFACTS / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

#: The site's search: a header button opens a dialog (``assets/tip-archive/search.js``) whose
#: results list the UN symbol's record first, then Pagefind's pages.
SEARCH_BUTTON = "button.tip-search-open"
SEARCH_INPUT = "#tip-search-input"
SEARCH_RESULT = "#tip-search-results a[href]:visible"

#: Each kind of page of the archive: name → (section, preferred record id) or a URL.
PAGES: dict[str, tuple[str, str] | str] = {
    "home": "",
    "chronology": "chronology/",
    "chronology-year": "chronology/2010/",
    "listing": "resolutions/",
    "about": "about/",
    "data": "data/",
    "permalinks": "permalinks/",
    "resolution": ("resolutions", "a-res-64-293"),
    "statement": ("statements", ""),
    "event": ("events", ""),
    "document": ("documents", ""),
    "body": ("bodies", "belarus"),
    "person": ("people", ""),
    "source": ("sources", ""),
    "references": "references/",
}


def page_url(site: BuiltSite, spec: tuple[str, str] | str) -> str:
    """The URL of a kind of page in :data:`PAGES`."""
    return spec if isinstance(spec, str) else record_page(site, *spec)


OpenPage = Callable[..., Page]
"""The ``open_page`` fixture: ``open_page(**browser_context_options)`` → a guarded page."""


#: Runs in every page before its own scripts: each Content Security Policy violation is
#: reported to the guard (through a Playwright binding, which no page policy can block).
_CSP_LISTENER = """
window.addEventListener("securitypolicyviolation", (e) => {
  window.__tipPolicyViolation([e.violatedDirective, e.blockedURI || "inline",
    (e.sourceFile || "") + ":" + e.lineNumber, (e.sample || "").slice(0, 80)].join(" "));
}, true);
"""


@dataclass
class Guard:
    """Collects everything that must not happen on a page of the archive.

    A console error, an uncaught exception, a failed request, an HTTP error, a request
    to another host, and any Content Security Policy violation (the page's
    ``securitypolicyviolation`` event, or the browser's console message about it, of
    whatever level).
    """

    origin: str
    problems: list[str] = field(default_factory=list)
    visited: list[str] = field(default_factory=list)

    def watch(self, context: BrowserContext) -> None:
        context.route("**/*", self._route)
        context.expose_binding(
            "__tipPolicyViolation",
            lambda source, what: self._add(f"CSP violation on {source['page'].url}: {what}"),
        )
        context.add_init_script(_CSP_LISTENER)
        context.on("page", self._watch_page)

    def _route(self, route: Route) -> None:
        url = route.request.url
        if url.startswith(self.origin) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.problems.append(f"request to another host: {url}")
            route.abort("blockedbyclient")

    def _watch_page(self, page: Page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda e: self._add(f"uncaught exception: {e}"))
        page.on("response", lambda r: r.status >= 400 and self._add(f"HTTP {r.status}: {r.url}"))
        page.on("requestfailed", self._failed)
        page.on(
            "framenavigated",
            lambda f: f.parent_frame is None and self.visited.append(f.url),
        )

    def _failed(self, request: Request) -> None:
        # ERR_ABORTED is the browser cancelling a request because the page moved on (a
        # redirect, a click): not a fault of the site.  A missing file is an HTTP 404 and a
        # dead server a connection error, both reported.  Requests to other hosts are
        # reported by the route, whatever becomes of them.
        if request.url.startswith(self.origin) and request.failure != "net::ERR_ABORTED":
            self._add(f"failed request: {request.url} ({request.failure})")

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self._add(f"console error: {message.text}")
        elif "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self._add(f"console {message.type}: {message.text}")

    def _add(self, problem: str) -> None:
        self.problems.append(problem)


def visit(page: Page, url: str) -> Page:
    """Go to a site-relative URL and wait until the page and its requests have settled."""
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page


def settle(page: Page) -> Page:
    page.wait_for_load_state("load")
    page.wait_for_load_state("networkidle")
    return page


def screenshot(page: Page, name: str, full_page: bool = True) -> Path:
    """Save a screenshot as a test artefact (``test-artifacts/screenshots/<name>.png``)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def path_of(page: Page, server: str) -> str:
    """The page's address relative to the site root, without query (``chronology/``)."""
    url = page.url.split("#")[0].split("?")[0]
    assert url.startswith(server), url
    return url[len(server) :]


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def run_axe(page: Page) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now.

    axe is evaluated by Playwright, not added as a ``<script>``: the page's policy
    refuses inline scripts, and a test must not loosen it.
    """
    assert AXE.exists(), f"{AXE} is missing: run `make browser-deps` (or `make test`)"
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;void 0")
    violations: list[dict[str, Any]] = page.evaluate(
        """async () => {
          const result = await axe.run(document, {resultTypes: ["violations"]});
          return result.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ")),
          }));
        }"""
    )
    return violations


def record_page(site: BuiltSite, folder: str, prefer: str = "") -> str:
    """A record page of a section to test: ``prefer`` (an id) when present, else the first."""
    urls = site.record_urls(folder)
    assert urls, f"the built site has no record page under {folder}/"
    wanted = f"{folder}/{prefer}/"
    return wanted if wanted in urls else urls[0]


def focus_style(page: Page) -> dict[str, Any]:
    """How the focused element is drawn: its outline and box shadow, and what it is."""
    style: dict[str, Any] = page.evaluate(
        """() => {
          const el = document.activeElement;
          const s = getComputedStyle(el);
          return {tag: el.tagName.toLowerCase(), name: el.getAttribute("name") || el.className || "",
                  focusVisible: el.matches(":focus-visible"),
                  outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0,
                  boxShadow: s.boxShadow};
        }"""
    )
    return style


def focus_is_visible(style: dict[str, Any]) -> bool:
    outline = style["outlineStyle"] != "none" and style["outlineWidth"] >= 2
    return bool(style["focusVisible"] and (outline or style["boxShadow"] != "none"))


def tab_to(page: Page, selector: str, limit: int = 200) -> int:
    """Press Tab until the focused element matches ``selector``; return the number of presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return presses
    raise AssertionError(f"{limit} presses of Tab never reached {selector}")


_FIND_COPY_BUTTON = r"""() => {
  const heading = [...document.querySelectorAll("h2, h3")].find(h => /cite this/i.test(h.textContent));
  if (!heading) return false;
  const buttons = [...document.querySelectorAll("button")].filter(b =>
    heading.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING &&
    /copy/i.test((b.getAttribute("aria-label") || "") + (b.title || "") + b.textContent) &&
    !/\burl\b|link/i.test((b.getAttribute("aria-label") || "") + (b.title || "")));
  if (!buttons.length) return false;
  buttons[0].setAttribute("data-test-copy", "");
  return true;
}"""


def citation_copy_button(page: Page) -> str:
    """Mark the first button that copies a citation (not the URL) after the "Cite this" heading."""
    assert page.evaluate(_FIND_COPY_BUTTON), "no copy button after a 'Cite this' heading"
    return "[data-test-copy]"


def open_search(page: Page) -> Locator:
    """Open the search dialog from the header, as a reader does; return its input."""
    page.locator(SEARCH_BUTTON).click()
    box = page.locator(SEARCH_INPUT)
    expect(box).to_be_focused()
    return box


# -- a Russian page reads as Russian ------------------------------------------------------

#: What a Russian page's article may show in English: text marked ``lang="en"`` (English
#: quotes and originals, untranslated text), code, and the English citation styles.
ENGLISH_ALLOWED = "[lang=en], code, pre, kbd, .tip-cite__text, script, style"

#: Where a Russian page counts things in the interface's own words (not in a record's text,
#: whose "5 резолюции" may be a genitive): the chronology's years, its timeline, leads, notes.
COUNTED = ".tip-chrono__year, .tip-timeline svg title, .tip-lead, .tip-note, caption"

_PLACEHOLDER = re.compile(
    r"%\(\w+\)s|\{\w+\}|<[^>]+>|\[|\]\([^)]*\)|`[^`]*`|\*\*|[:;.,()\u201c\u201d\"\u00ab\u00bb!?]"
)


@cache
def english_phrases() -> frozenset[str]:
    """Every phrase of three words or more of the interface's English strings that the
    Russian catalogue translates (from ``ru.po``): none may be left on a Russian page."""
    from babel.messages.pofile import read_po

    from tip_archive.i18n import catalogue_path

    with catalogue_path("ru").open("rb") as file:
        catalogue = read_po(file, locale="ru")
    found = set()
    for message in catalogue:
        if not message.id:
            continue
        english = message.id[0] if isinstance(message.id, tuple) else message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        russian = " ".join(strings)
        for part in _PLACEHOLDER.split(english):
            words = " ".join(part.split())
            if len(re.findall(r"[A-Za-z]{2,}", words)) >= 3 and words not in russian:
                found.add(words)
    return frozenset(found)


#: A record's own values on its page: the metadata table's cells, and where in a reference
#: each piece of evidence was read (on the record's page and on the reference's).
VALUES = "table.tip-meta td"
LOCATED = ".tip-ev--referenced, ul.tip-uses li"


def _english_values(page: Page) -> list[str]:
    """A metadata value in English words with no Russian one (``106 (Crime prevention and
    criminal justice)``, an author's name), and a location in English (``para. 3``),
    outside what is marked English."""
    from tip_archive.i18n.locations import WORDS

    texts: dict[str, list[str]] = page.evaluate(
        """([skip, values, located]) => {
          const texts = (selector) => [...document.querySelectorAll(selector)].map((el) => {
            const copy = el.cloneNode(true);
            copy.querySelectorAll(skip + ", a.tip-outside, a.tip-undocs").forEach((e) => e.remove());
            return copy.textContent;
          });
          return { values: texts(values), located: texts(located) };
        }""",
        [ENGLISH_ALLOWED, VALUES, LOCATED],
    )
    found = [
        f"English value: {normalise(v)!r}"
        for v in texts["values"]
        if re.search(r"[a-z]{3,}", v) and not re.search("[а-яё]", v, re.IGNORECASE)
    ]
    words = re.compile(r"\b(?:" + "|".join(w for w in WORDS if len(w) > 2) + r")\b")
    found += [f"English location: {normalise(t)!r}" for t in texts["located"] if words.search(t)]
    return found


@cache
def counted_forms() -> dict[str, int]:
    """Each Russian word form a number of records takes → its plural form's index (0 for
    1, 21; 1 for 2–4, 22; 2 for 5–20, 25), from the catalogue's ``%(num)s <type>`` entries."""
    from babel.messages.pofile import read_po

    from tip_archive.i18n import catalogue_path

    with catalogue_path("ru").open("rb") as file:
        catalogue = read_po(file, locale="ru")
    forms: dict[str, int] = {}
    for message in catalogue:
        if isinstance(message.id, tuple) and re.fullmatch(r"%\(num\)s [a-z]+", message.id[0]):
            for index, form in enumerate(message.string):
                forms[form.removeprefix("%(num)s ")] = index
    return forms


def russian_plural_index(n: int) -> int:
    """The plural form a Russian noun takes after ``n`` (gettext's rule for ``ru``)."""
    if n % 10 == 1 and n % 100 != 11:
        return 0
    return 1 if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else 2


def english_left_on(page: Page) -> list[str]:
    """The interface's English phrases in the article of a Russian page, and every number
    followed by a record type's name in the wrong plural form."""
    text: str = page.evaluate(
        """(skip) => {
          const article = document.querySelector("article");
          if (!article) return "";
          const copy = article.cloneNode(true);
          copy.querySelectorAll(skip).forEach((el) => el.remove());
          return copy.textContent;
        }""",
        ENGLISH_ALLOWED,
    )
    text = normalise(text)
    found = [f"English: {p!r}" for p in sorted(english_phrases()) if p in text]
    found += _english_values(page)
    counted: list[str] = page.evaluate(
        "(s) => [...document.querySelectorAll(s)].map((el) => el.textContent)", COUNTED
    )
    forms = counted_forms()
    for piece in counted:
        for number, word in re.findall(r"(?<![\d/.,:\-])(\d+) ([а-яё]+)", normalise(piece)):
            if word in forms and forms[word] != russian_plural_index(int(number)):
                found.append(f"plural: {number} {word}")
    return found
