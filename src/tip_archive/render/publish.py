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
from ..model.symbols import parse_symbol
from .outputs import Output
from .urls import record_url

#: The table of record ids, symbols and URLs that the 404 page reads.
LOOKUP_PATH = "data/lookup.json"


def lookup_table(archive: Archive) -> dict[str, Any]:
    """Every record's id, URL (relative to the site root), type, title and UN symbols."""
    records = []
    for record in sorted(archive.records(), key=lambda r: r.id):
        # The model only admits valid symbols: parsing gives their canonical form.
        symbols = [str(parse_symbol(symbol)) for symbol in record.all_symbols]
        records.append(
            {
                "id": record.id,
                "url": record_url(record),
                "type": record.type,
                "title": record.title,
                "symbols": symbols,
            }
        )
    return {"version": 1, "records": records}


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
