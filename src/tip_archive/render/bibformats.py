"""Records as reference-manager data: CSL-JSON, BibTeX and RIS.

A record is first described as a CSL-JSON item (:func:`csl_item`); BibTeX and
RIS are written from that item, so the three downloads always agree.

:data:`CITATION_TYPES` is the one table of what each record is to a reference
manager: the Zotero item type its page's head tags make Zotero's connector save
(:mod:`.headmeta`), the CSL type of its CSL-JSON item, and why.  The site's Data
page shows it.  A new record type is one more entry.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..crossref.archive import Archive
from ..i18n import N_
from ..model.dates import DateSpan, PartialDate
from ..model.records import Document, Event, Record, Reference, Resolution, Source, Statement
from . import evidence
from .citations import Facts, facts, is_person, split_name
from .extras import SiteContext


@dataclass(frozen=True)
class CitationType:
    """What one kind of record is to Zotero and to a CSL processor."""

    record: str
    """The records it covers, as the Data page names them."""
    zotero: str
    """Zotero item type (what the Embedded Metadata translator saves from the page)."""
    csl: str
    """CSL type of the record's CSL-JSON item."""
    why: str
    matches: Callable[[Record], bool]


def _document(
    kinds: set[str] | None = None, symbol: bool | None = None
) -> Callable[[Record], bool]:
    def match(record: Record) -> bool:
        if not isinstance(record, Document):
            return False
        if kinds is not None and record.kind not in kinds:
            return False
        return symbol is None or bool(record.symbol) == symbol

    return match


def _source(kinds: set[str]) -> Callable[[Record], bool]:
    return lambda record: isinstance(record, Source) and record.kind in kinds


#: The first entry that matches a record decides its types.
CITATION_TYPES: list[CitationType] = [
    CitationType(
        N_("resolution"), "report", "report",
        N_("A numbered document of the UN: the symbol is its number, the adopting organ its "
        "author, \u201cResolution\u201d its type, the adoption its date. Zotero\u2019s and CSL\u2019s "
        "bill is a legislature\u2019s bill (sponsors, Congress style), and CSL\u2019s legislation drops "
        "the author."),
        lambda r: isinstance(r, Resolution),
    ),
    CitationType(
        N_("document: treaty"), "document", "treaty",
        N_("CSL\u2019s type for treaties (roman title); Zotero has no treaty type."),
        _document({"treaty"}),
    ),
    CitationType(
        N_("document with a UN symbol (report, letter, draft resolution\u2026)"), "report", "report",
        N_("As a resolution: the symbol is its number, the kind its type, its authors or "
        "sponsors its authors."),
        _document(symbol=True),
    ),
    CitationType(
        N_("document without a symbol"), "document", "document",
        N_("An unnumbered document: authors, title, kind, date."),
        _document(symbol=False),
    ),
    CitationType(
        N_("statement"), "presentation", "speech",
        N_("Delivered at a meeting: the speaker is its presenter (CSL: author), the occasion its "
        "meeting (CSL: event-title), \u201cStatement\u201d its type."),
        lambda r: isinstance(r, Statement),
    ),
    CitationType(
        N_("event"), "webpage", "event",
        N_("CSL has an event type (its date is event-date). Zotero has none: it saves the "
        "archive\u2019s page on the event, with the event\u2019s date and \u201cEvent\u201d as its type."),
        lambda r: isinstance(r, Event),
    ),
    CitationType(
        N_("source: news article"), "webpage", "article-newspaper",
        N_("The article as published (author, newspaper, date), in the archive\u2019s copy."),
        _source({"news article"}),
    ),
    CitationType(
        N_("source: web page, press release"), "webpage", "webpage",
        N_("The page as published (author, site, date, its address), in the archive\u2019s copy."),
        _source({"web page", "press release"}),
    ),
    CitationType(
        N_("source: statement"), "webpage", "speech",
        N_("A statement\u2019s text as published, in the archive\u2019s copy."),
        _source({"statement"}),
    ),
    CitationType(
        N_("source: note, other"), "webpage", "document",
        N_("A document as published, in the archive\u2019s copy."),
        _source({"note", "other"}),
    ),
    CitationType(
        N_("reference with a UN symbol"), "report", "report",
        N_("A UN document the archive consulted: the symbol is its number, its publisher its "
        "author."),
        lambda r: isinstance(r, Reference) and bool(r.symbol),
    ),
    CitationType(
        N_("reference: other pages"), "webpage", "webpage",
        N_("A public page the archive consulted: its publisher, date and address."),
        lambda r: isinstance(r, Reference),
    ),
    CitationType(
        N_("body, person"), "webpage", "webpage",
        N_("A page of the archive itself: no author and no date."),
        lambda r: True,
    ),
]  # fmt: skip

#: The name the Data page's renderer reads the table under.
CSL_TYPES = CITATION_TYPES

#: RIS type of each CSL type used (Zotero's RIS import reads these back as the same type).
RIS_TYPES = {
    "report": "RPRT",
    "treaty": "GEN",
    "speech": "SLIDE",
    "article-newspaper": "NEWS",
    "webpage": "ELEC",
    "event": "GEN",
    "document": "GEN",
}

#: BibTeX entry type of each CSL type used.
BIBTEX_TYPES = {"report": "techreport", "article-newspaper": "article"}


def citation_type(record: Record) -> CitationType:
    return next(entry for entry in CITATION_TYPES if entry.matches(record))


def csl_type(record: Record) -> str:
    return citation_type(record).csl


def csl_date(span: DateSpan) -> dict[str, Any]:
    def parts(date: PartialDate) -> list[int]:
        return [p for p in (date.year, date.month, date.day) if p]

    found = [parts(span.start)] + ([parts(span.end)] if span.end else [])
    return {"date-parts": found}


def csl_name(name: str, person: bool) -> dict[str, str]:
    split = split_name(name) if person else None
    return {"family": split[0], "given": split[1]} if split else {"literal": name}


def csl_item(
    archive: Archive, record: Record, site: SiteContext, release: str | None = None
) -> dict[str, Any]:
    """The record as a CSL-JSON item (valid against the CSL 1.0 data schema).

    The release is part of the archive's name (``archive``), never a ``version``:
    the record is not a versioned work.  Every item's ``URL`` is the record's
    permanent URL in the archive."""
    f = facts(archive, record, site, release)
    kind = csl_type(record)
    item: dict[str, Any] = {"id": record.id, "type": kind, "URL": f.url, "archive": f.site}
    if f.title:
        item["title"] = f.title
    item["language"] = record.language if isinstance(record, Source) else "en"
    if record.summary:
        item["abstract"] = " ".join(record.summary.split())
    if f.authors:
        item["author"] = [csl_name(name, is_person(archive, record, name)) for name in f.authors]
    if f.date and kind != "event":
        item["issued"] = csl_date(f.date)
    if f.symbol and kind == "report":
        item["number"] = str(f.symbol)
    if f.genre:
        item["genre"] = f.genre
    _add_by_type(archive, record, item, f)
    # What the record rests on, in words: a reference manager keeps it with the item.
    if rests := evidence.rests_on(archive, record):
        item["note"] = f"{item['note']}. {rests}" if item.get("note") else rests
    return item


def _add_by_type(archive: Archive, record: Record, item: dict[str, Any], f: Facts) -> None:
    if isinstance(record, Resolution):
        item["authority"] = f.authors[0]  # the adopting organ, also the item's author
    elif isinstance(record, Statement):
        # "event" is CSL 1.0.1's name of "event-title", still read by older processors
        # (pandoc 2, Zotero's citeproc-js before 1.4); newer ones treat the two as one.
        item["event-title"] = item["event"] = record.occasion
    elif isinstance(record, Event):
        if record.place:
            item["event-place"] = record.place
        if f.date:
            item["event-date"] = csl_date(f.date)
        if record.announced:
            item["status"] = "announced"
    elif isinstance(record, Source):
        if record.publisher:
            key = (
                "container-title"
                if item["type"] in ("webpage", "article-newspaper")
                else "publisher"
            )
            item[key] = record.publisher
        if record.url:
            # Chicago prints archive_location before the archive's name: the address where
            # the source was first published, then its copy in the archive.
            item["archive_location"] = record.url


# -- BibTeX ---------------------------------------------------------------------------

_BIB_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_BIB_RE = re.compile("|".join(re.escape(c) for c in _BIB_SPECIAL))
_MONTH_MACROS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def bib_escape(text: str) -> str:
    return _BIB_RE.sub(lambda m: _BIB_SPECIAL[m.group(0)], " ".join(text.split()))


def bib_name(name: dict[str, str]) -> str:
    if "literal" in name:
        return "{" + bib_escape(name["literal"]) + "}"  # an institution: never split
    return f"{bib_escape(name['family'])}, {bib_escape(name['given'])}"


def _when(item: dict[str, Any]) -> list[list[int]]:
    """The date parts of an item's date: when it was issued, or when the event took place."""
    date = item.get("issued") or item.get("event-date") or {}
    parts: list[list[int]] = date.get("date-parts", [])
    return parts


def bibtex_entry(item: dict[str, Any]) -> str:
    """One BibTeX entry (UTF-8; the ``date`` and ``url`` fields are biblatex's)."""
    kind = item["type"]
    fields: list[tuple[str, str]] = []

    def add(name: str, value: str | None, raw: bool = False) -> None:
        if value:
            fields.append((name, value if raw else "{" + bib_escape(value) + "}"))

    if item.get("author"):
        add("author", "{" + " and ".join(bib_name(n) for n in item["author"]) + "}", raw=True)
    title = item.get("title") or item.get("number") or item["id"]
    add("title", "{{" + bib_escape(title) + "}}", raw=True)  # braced: keep its capitals
    if kind == "report":
        add("institution", item.get("publisher") or item.get("authority"))
        add("type", item.get("genre"))
        add("number", item.get("number"))
    elif kind == "article-newspaper":
        add("journal", item.get("container-title"))
    else:
        how = [item.get("genre"), item.get("event-title"), item.get("event-place")]
        how += [item.get("publisher"), item.get("container-title")]
        add("howpublished", ", ".join(h for h in how if h))
        add("number", item.get("number"))
    if when := _when(item):
        start = when[0]
        add("year", str(start[0]))
        if len(start) > 1:
            add("month", _MONTH_MACROS[start[1] - 1], raw=True)
        add("date", "/".join("-".join(f"{p:02d}" for p in d) for d in when))
    add("url", "{" + item["URL"] + "}", raw=True)  # verbatim, as the url package reads it
    add("language", {"en": "english", "ru": "russian"}.get(item.get("language", "")))
    add("abstract", item.get("abstract"))
    add("note", item.get("note"))
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@{BIBTEX_TYPES.get(kind, 'misc')}{{{item['id']},\n{body}\n}}\n"


# -- RIS ------------------------------------------------------------------------------


def ris_entry(item: dict[str, Any]) -> str:
    """One RIS record, with the tags Zotero's RIS import reads for its type."""
    kind = item["type"]
    lines: list[tuple[str, str]] = [("TY", RIS_TYPES.get(kind, "GEN")), ("ID", item["id"])]

    def add(tag: str, value: object) -> None:
        if value:
            lines.append((tag, " ".join(str(value).split())))

    add("TI", item.get("title") or item.get("number") or item["id"])
    for name in item.get("author", []):
        add("AU", name.get("literal") or f"{name['family']}, {name['given']}")
    if when := _when(item):
        start = when[0]
        add("PY", start[0])
        padded = [f"{p:04d}" if i == 0 else f"{p:02d}" for i, p in enumerate(start)]
        add("DA", "/".join(padded + [""] * (3 - len(padded))) + "/")
    if kind == "report":
        add("SN", item.get("number"))  # report number
        add("PB", item.get("publisher"))
        add("M3", item.get("genre"))
    elif kind == "speech":
        add("T2", item.get("event-title"))  # meeting name
        add("M3", item.get("genre"))
    elif kind == "article-newspaper":
        add("T2", item.get("container-title"))
    else:
        add("T2", item.get("container-title") or item.get("archive"))
        add("M3", item.get("genre"))
        add("PB", item.get("publisher"))
        add("CY", item.get("event-place"))
    add("AB", item.get("abstract"))
    add("LA", item.get("language"))
    add("UR", item["URL"])
    add("DB", item.get("archive"))
    add("N1", item.get("note"))
    text = "".join(f"{tag}  - {value}\r\n" for tag, value in lines)
    return text + "ER  - \r\n"
