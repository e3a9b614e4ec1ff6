"""The two editions side by side: which edition a page is in, its twin in the other,
the navigation of each, and the interface strings the browser scripts need.

Plain functions over page paths; the plugin hands them MkDocs' files and navigation.
A page's edition is decided by its path alone: ``ru/...`` is Russian, every other page
English; the twin of ``chronology/index.md`` is ``ru/chronology/index.md``.
"""

from __future__ import annotations

import json
from typing import Any

from ..i18n import DEFAULT, LANGUAGE_NAMES, N_, Messages
from ..model.dates import DateSpan, PartialDate
from .outputs import Output
from .urls import relative

#: The tables of the scripts' strings (read by ``TipI18n.t`` of ``assets/i18n.js``).
MESSAGES_PATH = "assets/tip-archive/messages.js"


def page_language(src: str) -> str:
    """``ru`` for ``ru/...``, otherwise the default edition's language."""
    head = src.split("/", 1)[0]
    return head if head in LANGUAGE_NAMES and head != DEFAULT and "/" in src else DEFAULT


def twin_of(src: str, lang: str) -> str:
    """The source path of the page ``src`` in the edition ``lang``."""
    own = page_language(src)
    bare = src if own == DEFAULT else src[len(own) + 1 :]
    return bare if lang == DEFAULT else f"{lang}/{bare}"


def nav_config(nav: Any, lang: str, exists: Any) -> Any:
    """The ``nav`` of ``mkdocs.yml`` for the edition ``lang``: its titles translated, its
    pages the edition's twins (where a twin exists; otherwise the page itself)."""
    m = Messages.of(lang)

    def walk(item: Any) -> Any:
        if isinstance(item, list):
            return [walk(i) for i in item]
        if isinstance(item, dict):
            return {m.gettext(str(k)): walk(v) for k, v in item.items()}
        if isinstance(item, str) and item.endswith(".md"):
            twin = twin_of(item, lang)
            return twin if exists(twin) else item
        return item

    return walk(nav)


def alternates(src: str, urls: dict[str, str], site_url: str) -> list[dict[str, Any]]:
    """The page ``src`` in every edition that has it: for the language switch and the
    ``hreflang`` links.  ``urls`` maps a source path to its site URL (``ru/chronology/``;
    MkDocs gives the home page's as ``./``)."""

    def bare(url: str) -> str:
        return "" if url in ("./", ".") else url

    here = bare(urls.get(src, ""))
    own = page_language(src)
    found = []
    for lang, name in LANGUAGE_NAMES.items():
        twin = twin_of(src, lang)
        exists = twin in urls
        if not exists:
            twin = twin_of("index.md", lang)  # no twin: the other edition's home
        if twin not in urls:
            continue  # a site without that edition's pages (a project with no docs/ru/)
        url = bare(urls[twin])
        found.append(
            {
                "lang": lang,
                "name": name,
                "href": relative(here, url),
                "url": site_url.rstrip("/") + "/" + url if site_url else "/" + url,
                "current": lang == own,
                "twin": exists,
            }
        )
    return found


#: The strings of the browser scripts, in English; each script asks for them with
#: ``TipI18n.t(english, values)`` and gets the page's edition's (a test checks that every
#: ``t("...")`` of the scripts is listed here, and the catalogue test that each is translated).
SCRIPT_MESSAGES = (
    "Showing {shown} of {total} records.",
    "Showing all {total} records.",
    "Copied",
    "Copy",
    "Copied to the clipboard.",
    "The text is selected: press Ctrl+C (\u2318C on a Mac) to copy it.",
    "Copy link",
    "Copy link to paragraph {name}",
    "Copy failed",
    "Link to paragraph {name} copied: {link}",
    "Could not copy; the link is {link}",
    "This address is now ",
    "No page has the address \u201c/{path}\u201d.",
    "The archive holds no document with the UN symbol {symbol}.",
    "{text} Did you mean one of these?",
    "{text} No record of the archive has a name or UN symbol close to it.",
    "Search (press /)",
    "Search",
    "Words, or a UN symbol such as 64/293",
    "Searching\u2026",
    "The archive holds no document with the symbol \u201c{symbol}\u201d.",
    "Suggestions appear as you type; press Enter to go to the record.",
    "The archive holds no document with the symbol \u201c{symbol}\u201d. ",
    "See every symbol the archive holds",
    "Found: {symbol}.",
    "No exact match; the closest record:",
    "The symbol table could not be loaded; look the symbol up in the table below.",
    "{count} records match; choose one:",
    ". Taking you there\u2026",
    "1 record with this symbol",
    "{count} records with this symbol",
    "full-text search is not available on this copy of the site",
    "no page contains \u201c{q}\u201d",
    "no other page contains \u201c{q}\u201d",
    "1 page",
    "1 other page",
    "{count} pages",
    "{count} other pages",
    ", the first {shown} shown",
    "Search the archive",
    "Words or a UN document symbol",
    "Close",
    "UN document symbol",
    "Pages",
    "Find by symbol",
    ": the table of every UN symbol in the archive.",
)


def messages_script() -> str:
    """``messages.js``: every edition's strings for the scripts, for ``TipI18n.t``
    (``assets/i18n.js``, loaded just before it)."""
    tables = {
        lang: {s: Messages.of(lang).gettext(s) for s in SCRIPT_MESSAGES}
        for lang in LANGUAGE_NAMES
        if lang != DEFAULT
    }
    lines = [
        "/* The scripts' interface strings in each edition, generated from the archive's",
        " * message catalogue (src/tip_archive/i18n); read by TipI18n.t (i18n.js). */",
    ]
    for lang, table in tables.items():
        data = json.dumps(table, ensure_ascii=False, sort_keys=True, indent=1)
        lines.append(f"window.TipI18n.tables[{json.dumps(lang)}] = {data};")
    return "\n".join(lines) + "\n"


#: The strings of the archive's theme partials (the printed colophon, the footer), which
#: read them from ``config.extra.tip_text[lang]``: MkDocs' and Zensical's templates have
#: no catalogue of their own.
THEME_MESSAGES = (
    N_("Retrieved from"),
    N_("on"),
    N_("Record last changed on"),
    N_("Made with"),
    N_("data releases"),
)


def theme_text(site_name: str) -> dict[str, dict[str, str]]:
    """``config.extra.tip_text``: each edition's theme strings, and its site name."""
    tables = {}
    for lang in LANGUAGE_NAMES:
        m = Messages.of(lang)
        tables[lang] = {text: m.gettext(text) for text in THEME_MESSAGES}
        tables[lang]["site_name"] = m.gettext(site_name) if site_name else ""
    return tables


def release_editions(number: int, day: PartialDate) -> dict[str, dict[str, str]]:
    """The current release's name and date in each edition (``tip_release.editions``)."""
    found = {}
    for lang in LANGUAGE_NAMES:
        m = Messages.of(lang)
        human = m.date(DateSpan(day))
        found[lang] = {
            "label": m.gettext("Data release %(number)s") % {"number": number},
            "human": human,
            "dated": m.gettext("data release %(number)s of %(date)s")
            % {"number": number, "date": human},
        }
    return found


def outputs() -> list[Output]:
    return [Output(MESSAGES_PATH, messages_script())]


__all__ = ["MESSAGES_PATH", "SCRIPT_MESSAGES", "alternates", "nav_config", "page_language"]
