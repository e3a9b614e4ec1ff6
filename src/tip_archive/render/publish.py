"""Files the published site needs besides its pages: ``robots.txt``, the 404 page's
lookup table, and the archive's own scripts and print styles.

:func:`site_files` returns them as ``{path in the site: content}``; the MkDocs
plugin adds each as a generated file, so they land in ``site/`` and in
``mkdocs serve`` alike.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..crossref.archive import Archive
from ..model.symbols import SymbolError, parse_symbol
from .urls import record_url

ASSETS = Path(__file__).parent / "assets"
#: Where the archive's scripts and styles are published inside the site.
ASSET_DIR = "assets/tip-archive"
#: The table of record ids, symbols and URLs that the 404 page reads.
LOOKUP_PATH = "data/lookup.json"
#: Styles and scripts every page loads (added to MkDocs' ``extra_css``/``extra_javascript``).
PAGE_CSS = [f"{ASSET_DIR}/print.css"]
PAGE_JS = [f"{ASSET_DIR}/print.js"]
#: This module's files in ``render/assets/`` (the 404 page loads ``notfound.*`` itself).
OWN_ASSETS = ("notfound.css", "notfound.js", "print.css", "print.js")


def lookup_table(archive: Archive) -> dict[str, Any]:
    """Every record's id, URL (relative to the site root), type, title and UN symbols."""
    records = []
    for record in sorted(archive.records(), key=lambda r: r.id):
        symbols = []
        for symbol in record.all_symbols:
            try:
                symbols.append(str(parse_symbol(symbol)))
            except SymbolError:  # pragma: no cover - the model only admits valid symbols
                continue
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


def site_files(archive: Archive, site_url: str) -> dict[str, str]:
    files = {
        LOOKUP_PATH: lookup_json(archive),
        "robots.txt": robots_txt(site_url),
    }
    for name in OWN_ASSETS:
        files[f"{ASSET_DIR}/{name}"] = (ASSETS / name).read_text(encoding="utf-8")
    return files
