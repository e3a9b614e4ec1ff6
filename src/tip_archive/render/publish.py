"""Files the published site needs besides its pages: ``robots.txt`` and the 404 page's
lookup table.

:func:`site_files` returns them as :class:`~.outputs.Output` objects; the MkDocs
plugin adds each as a generated file, so they land in ``site/`` and in
``mkdocs serve`` alike.  (The scripts and styles are listed in :mod:`.manifest`.)
"""

from __future__ import annotations

import json
from typing import Any

from ..crossref.archive import Archive
from ..model.symbols import browser_rules, lookup_keys, parse_symbol
from .outputs import Output
from .urls import record_url

#: The table of record ids, symbols and URLs that the 404 page reads.
LOOKUP_PATH = "data/lookup.json"


def lookup_record(id: str, url: str, type: str, title: str, symbols: list[str]) -> dict[str, Any]:
    """One record of the table: with ``keys``, what the symbol lookup files its symbols
    under (:func:`~..model.symbols.lookup_keys`: ``a/res/64/293``, ``64/293``), so that
    the 404 page reads a prose or short form in an address with the symbol lookup's rules."""
    # The model only admits valid symbols: parsing gives their canonical form.
    parsed = [parse_symbol(symbol) for symbol in symbols]
    keys = sorted({key for symbol in parsed for key in lookup_keys(symbol)})
    return {
        "id": id,
        "url": url,
        "type": type,
        "title": title,
        "symbols": [str(symbol) for symbol in parsed],
        "keys": keys,
    }


def lookup_table(archive: Archive) -> dict[str, Any]:
    """Every record's id, URL (relative to the site root), type, title and UN symbols,
    and the symbol rules of the browser (:func:`~..model.symbols.browser_rules`)."""
    records = [
        lookup_record(record.id, record_url(record), record.type, record.title, record.all_symbols)
        for record in sorted(archive.records(), key=lambda r: r.id)
    ]
    return {"version": 2, "normaliser": browser_rules(), "records": records}


def lookup_json(archive: Archive) -> str:
    return json.dumps(
        lookup_table(archive), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )


def robots_txt(site_url: str) -> str:
    """Allow everything and point crawlers to the sitemap (crawlers read it at the host's root)."""
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines += ["", f"Sitemap: {site_url.rstrip('/')}/sitemap.xml"]
    return "\n".join(lines) + "\n"


def site_files(archive: Archive, site_url: str) -> list[Output]:
    return [Output(LOOKUP_PATH, lookup_json(archive)), Output("robots.txt", robots_txt(site_url))]
