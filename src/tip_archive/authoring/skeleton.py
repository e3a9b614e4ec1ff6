"""``tip-archive new``: a correctly shaped YAML skeleton for a record author to fill in."""

from __future__ import annotations

import re
from pathlib import Path

from ..files import write_atomic
from ..model.records import FOLDERS, RECORD_TYPES
from ..model.symbols import SymbolError, parse_symbol, slugify
from .typed_dates import typed_date

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
    "reference": """kind: un document             # un document, press release, un page, official page, press, other
{symbol_line}press_release: null            # a UN press release's number, e.g. GA/SHC/4090
publisher: "As the page or document names it"
date: "YYYY-MM-DD"             # its own date, as precise as it shows
url: https://...               # where you read it (or read_at: for a copy of a UN document)
consulted: "YYYY-MM-DD"        # the day you read it
language: en
""",
    "source": """text_file: FILE.txt            # the verbatim text, in data/sources/texts/
language: en
kind: web page
provenance: "Where this text was archived from"
""",
}


_FACTS = """facts:                         # facts from the public record, in the archive's words
  - field: date
    value: "YYYY-MM-DD"
    reference: REFERENCE-ID    # a reference (data/references/); or unconfirmed: why
    at: para. 1                # where in it
"""


def _evidence(kind: str) -> str:
    if kind == "reference":
        return ""
    if RECORD_TYPES[kind].needs_sources:
        return (
            _SOURCES
            + "# or, for a record resting on the public record:\n# "
            + (_FACTS.rstrip("\n").replace("\n", "\n# ") + "\n")
        )
    return "sources: []\n"


def write_skeleton(data_dir: Path, kind: str, name: str, date: str | None = None) -> Path:
    """Write ``data/<folder>/<id>.yaml``; refuse to overwrite an existing record.

    ``date``, as a person types it ("18 December 2009", "Dec 2009"), fills the record's
    date field, as precise as it was typed (see :mod:`.typed_dates`)."""
    if kind not in RECORD_TYPES:
        raise ValueError(f"unknown record type {kind!r}; choose one of {', '.join(RECORD_TYPES)}")
    if date is not None and "date:" not in _BODIES[kind]:
        raise ValueError(f"a {kind} record has no date: leave out --date")
    iso = typed_date(date).iso() if date is not None else None
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
    if kind == "reference" and symbol:
        record_id = f"un-{record_id}"  # a reference's id starts with its publisher
    path = data_dir / FOLDERS[kind] / f"{record_id}.yaml"
    if path.exists() or path.is_symlink():
        raise ValueError(f"{path} already exists")
    body = _BODIES[kind].format(
        symbol=symbol or "null", symbol_line=f"symbol: {symbol}\n" if symbol else ""
    )
    if iso is not None:
        body = re.sub(r'^date: "[^"]*"', f'date: "{iso}"', body, count=1, flags=re.M)
    text = (
        "# yaml-language-server: $schema=../../schema/record.schema.json\n"
        f'type: {kind}\nid: {record_id}\ntitle: "TITLE"\n{body}'
        f"summary: >-\n  In the archive's own words.\n"
        f"{_evidence(kind)}"
        "related: []\n"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    try:  # never over another author's record, even one written a moment ago
        return write_atomic(path, text, exclusive=True)
    except FileExistsError:
        raise ValueError(f"{path} already exists") from None
