"""``tip-archive new``: a correctly shaped YAML skeleton for a record author to fill in."""

from __future__ import annotations

from pathlib import Path

from ..model.records import FOLDERS, RECORD_TYPES, slugify
from ..model.symbols import SymbolError, parse_symbol

_SOURCES = """sources:
  - source: SOURCE-ID          # an archived source (data/sources/)
    paragraph: 1               # the ¶ number shown on the source page
    quote: "…"                 # copied verbatim from that paragraph
"""

_BODIES = {
    "resolution": """symbol: {symbol}
date: "YYYY-MM-DD"             # as precise as the sources allow: YYYY, YYYY-MM or YYYY-MM-DD
body: un-general-assembly      # id of the adopting body
session: 0
adoption: consensus            # consensus, without a vote, recorded vote or vote
initiators: [belarus]
""",
    "statement": """date: "YYYY-MM-DD"
speaker: PERSON-ID
office: "Office held at the time, as the source gives it"
occasion: "Where it was said"
key_points: []
""",
    "event": """kind: conference
date: "YYYY-MM-DD"             # or a span: YYYY-MM-DD/YYYY-MM-DD
place: "As the sources give it"
organisers: []
participants: []
""",
    "document": """kind: report                   # report, letter, draft resolution, declaration, note, press release, other
{symbol_line}date: "YYYY"
authors: []
""",
    "body": """kind: un body                  # un organ, un body, un agency, government, organisation, group, ngo, other
abbreviation: null
""",
    "person": """offices: []
""",
    "source": """text_file: FILE.txt            # the verbatim text, in data/sources/texts/
language: en
kind: web page
provenance: "Where this text was archived from"
""",
}


def write_skeleton(data_dir: Path, kind: str, name: str) -> Path:
    """Write ``data/<folder>/<id>.yaml``; refuse to overwrite an existing record."""
    if kind not in RECORD_TYPES:
        raise ValueError(f"unknown record type {kind!r}; choose one of {', '.join(RECORD_TYPES)}")
    symbol = None
    try:
        symbol = str(parse_symbol(name))
        record_id = parse_symbol(name).slug
    except SymbolError:
        if kind == "resolution" and "/" in name:
            raise ValueError(f"{name!r} is not a UN document symbol") from None
        record_id = slugify(name)
    if not record_id:
        raise ValueError(f"{name!r} gives an empty id")
    path = data_dir / FOLDERS[kind] / f"{record_id}.yaml"
    if path.exists():
        raise ValueError(f"{path} already exists")
    body = _BODIES[kind].format(
        symbol=symbol or "null", symbol_line=f"symbol: {symbol}\n" if symbol else ""
    )
    text = (
        "# yaml-language-server: $schema=../../schema/record.schema.json\n"
        f'type: {kind}\nid: {record_id}\ntitle: "TITLE"\n{body}'
        f"summary: >-\n  In the archive's own words.\n"
        f"{_SOURCES if RECORD_TYPES[kind].needs_sources else 'sources: []' + chr(10)}"
        "related: []\n"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
