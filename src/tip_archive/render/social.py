"""Open Graph and Twitter card keys for a record page's front matter.

``tip_archive/theme/partials/tip-social-meta.html`` writes the ``<meta>`` tags; for a
record it reads the ``og_*`` keys given here, so a link to a resolution pasted
into a message previews as "A/RES/64/293: United Nations Global Plan of Action…"
with a line saying what the record is.
"""

from __future__ import annotations

from typing import Any

from ..crossref.archive import Archive
from ..model.records import Record
from .edition import Edition
from .extras import SiteContext

#: Longest description kept; previews cut longer ones anyway.
MAX_DESCRIPTION = 200


def _shorten(text: str, limit: int = MAX_DESCRIPTION) -> str:
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def describe(record: Record, ed: Edition | None = None) -> str:
    """One line saying what the record is, in the edition's language: its summary's start,
    or its kind, symbol and date."""
    ed = ed or Edition.of("en")
    if record.summary:
        return _shorten(record.summary)
    title = ed.plain_title(record)
    if record.type in ("body", "person"):
        line = ed._("%(title)s: its part in the initiative, in the archive's records.")
        return _shorten(line % {"title": title})
    parts = [ed.label(record)]
    if record.symbol_value:
        parts.append(record.symbol_value)
    line = " ".join(parts)
    if record.date_value:
        line += f", {ed.date(record.date_value)}"
    return f"{line}: {title}"


def social_meta(archive: Archive, record: Record, here: str, site: SiteContext) -> dict[str, Any]:
    """A meta provider: the Open Graph title and description of a record page."""
    symbol = record.symbol_value
    ed = Edition.of(site.lang)
    name = ed.plain_title(record)
    title = f"{symbol}: {name}" if symbol and symbol not in name else name
    translated = ed.ru(record)
    if translated is not None and translated.summary:
        described = _first_words(translated.summary)
    else:
        described = describe(record, ed)
    return {"og_type": "article", "og_title": title, "og_description": described}


def _first_words(text: str) -> str:
    flat = " ".join(text.split())
    end = flat.find(". ")
    return flat if end == -1 else flat[: end + 1]
