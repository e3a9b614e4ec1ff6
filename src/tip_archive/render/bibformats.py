"""Records as reference-manager data: CSL-JSON, BibTeX and RIS.

A record is first described as a CSL-JSON item (:func:`csl_item`); BibTeX and
RIS are written from that item, so the three downloads always agree.

CSL has no type for a UN resolution.  The archive's choices, and why
(:data:`CSL_TYPES` is the table shown on the site's Data page):

- a resolution, and a draft resolution, is a ``bill``: CSL's type for the
  resolutions of a legislative body (RIS calls it "Bill/Resolution"); its
  ``number`` is the symbol and its ``authority`` the adopting body, which the
  Chicago and APA styles print as "Resolution A/RES/64/293, United Nations
  General Assembly 64 (2010)".  ``legislation`` is for enacted law, which a
  General Assembly resolution is not, and its styles drop the number.
- a statement is a ``speech``; an event an ``event``; a report, note or letter
  with a symbol a ``report`` (``number`` = symbol); other documents a ``document``;
- a body or person is an ``entry`` of the archive (an entry in a database);
- a source is a ``webpage``, ``article-newspaper``, ``speech`` or ``document``
  according to its kind.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..crossref.archive import Archive
from ..model.dates import DateSpan, PartialDate
from ..model.records import Document, Event, Record, Reference, Resolution, Source, Statement
from . import evidence
from .citations import Facts, facts, split_name
from .extras import SiteContext

#: CSL type of each record type (and kind), with the reason, for the Data page.
CSL_TYPES: list[tuple[str, str, str]] = [
    ("resolution", "bill", "the CSL (and RIS) type for a legislative body's resolutions"),
    ("document: draft resolution", "bill", "a resolution before adoption"),
    ("document: report, note, letter", "report", "numbered UN documents; number = symbol"),
    ("document: other kinds", "document", "no closer CSL type"),
    ("statement", "speech", "a statement delivered at a meeting"),
    ("event", "event", "CSL 1.0.2's type for events"),
    ("body, person", "entry", "an entry in the archive, as in a database"),
    ("source: web page", "webpage", ""),
    ("source: news article", "article-newspaper", ""),
    ("source: statement", "speech", ""),
    ("source: other kinds", "document", ""),
    (
        "reference: with a UN symbol",
        "report",
        "a UN document the archive consulted; number = symbol",
    ),
    ("reference: other kinds", "webpage", "a page the archive consulted"),
]

#: RIS type of each CSL type used (Zotero's RIS import reads these back as the same type).
RIS_TYPES = {
    "bill": "BILL",
    "report": "RPRT",
    "speech": "SLIDE",
    "article-newspaper": "NEWS",
    "webpage": "ELEC",
    "entry": "ELEC",
    "event": "GEN",
    "document": "GEN",
}

#: BibTeX entry type of each CSL type used.
BIBTEX_TYPES = {"bill": "techreport", "report": "techreport", "article-newspaper": "article"}

_REPORT_KINDS = {"report", "note", "letter"}
_SOURCE_TYPES = {"web page": "webpage", "news article": "article-newspaper", "statement": "speech"}


def csl_type(record: Record) -> str:
    if isinstance(record, Resolution):
        return "bill"
    if isinstance(record, Document):
        if record.kind == "draft resolution":
            return "bill"
        return "report" if record.kind in _REPORT_KINDS and record.symbol else "document"
    if isinstance(record, Statement):
        return "speech"
    if isinstance(record, Event):
        return "event"
    if isinstance(record, Source):
        return _SOURCE_TYPES.get(record.kind, "document")
    if isinstance(record, Reference):
        return "report" if record.symbol else "webpage"
    return "entry"


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
    """The record as a CSL-JSON item (valid against the CSL 1.0 data schema)."""
    f = facts(archive, record, site, release)
    kind = csl_type(record)
    item: dict[str, Any] = {"id": record.id, "type": kind, "title": record.title, "URL": f.url}
    item["language"] = record.language if isinstance(record, Source) else "en"
    if record.summary:
        item["abstract"] = " ".join(record.summary.split())
    if f.date:
        item["issued"] = csl_date(f.date)
    if f.symbol:
        item["number"] = str(f.symbol)
    release = release if release is not None else site.release
    if release:
        item["version"] = release
    if kind == "entry":
        item["container-title"] = f.site
    else:
        item["archive"] = f.site
    _add_by_type(archive, record, item, f)
    # What the record rests on, in words: a reference manager keeps it with the item.
    if rests := evidence.rests_on(archive, record):
        item["note"] = f"{item['note']}. {rests}" if item.get("note") else rests
    return item


def _add_by_type(archive: Archive, record: Record, item: dict[str, Any], f: Facts) -> None:
    if isinstance(record, Resolution):
        item["genre"] = "Resolution"
        item["authority"] = f.authors[0]
        if record.session:
            item["chapter-number"] = record.session
    elif isinstance(record, Document):
        item["genre"] = record.kind[:1].upper() + record.kind[1:]
        people = {i: archive[i].type == "person" for i in record.authors}
        if record.authors:
            item["author"] = [csl_name(archive[i].title, people[i]) for i in record.authors]
        if f.symbol:
            item["publisher"] = "United Nations"
    elif isinstance(record, Statement):
        item["genre"] = "Statement"
        item["author"] = [csl_name(f.authors[0], person=True)]
        # "event" is CSL 1.0.1's name of "event-title", still read by older processors
        # (pandoc 2, Zotero's citeproc-js before 1.4); newer ones treat the two as one.
        item["event-title"] = item["event"] = record.occasion
    elif isinstance(record, Event):
        item["genre"] = record.kind[:1].upper() + record.kind[1:]
        if record.place:
            item["event-place"] = record.place
        if f.date:
            item["event-date"] = item["issued"]
        if record.organisers:
            item["organizer"] = [
                csl_name(archive[i].title, archive[i].type == "person") for i in record.organisers
            ]
        if record.announced:
            item["status"] = "announced"
    elif isinstance(record, Source):
        if record.author:
            item["author"] = [csl_name(record.author, person=False)]
        if record.publisher:
            key = "container-title" if item["type"] == "article-newspaper" else "publisher"
            item[key] = record.publisher
        if record.url:
            item["note"] = f"Originally published at {record.url}"


def csl_json(items: list[dict[str, Any]]) -> str:
    return json.dumps(items, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


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


def bibtex_entry(item: dict[str, Any]) -> str:
    """One BibTeX entry (UTF-8; the ``date`` and ``url`` fields are biblatex's)."""
    kind = item["type"]
    fields: list[tuple[str, str]] = []

    def add(name: str, value: str | None, raw: bool = False) -> None:
        if value:
            fields.append((name, value if raw else "{" + bib_escape(value) + "}"))

    if item.get("author"):
        add("author", "{" + " and ".join(bib_name(n) for n in item["author"]) + "}", raw=True)
    add("title", "{{" + bib_escape(item["title"]) + "}}", raw=True)  # braced: keep its capitals
    if kind in ("bill", "report"):
        add("institution", item.get("authority") or item.get("publisher"))
        add("type", item.get("genre"))
        add("number", item.get("number"))
    elif kind == "article-newspaper":
        add("journal", item.get("container-title"))
    else:
        how = [item.get("genre"), item.get("event-title"), item.get("event-place")]
        how += [item.get("publisher"), item.get("container-title")]
        add("howpublished", ", ".join(h for h in how if h))
        add("number", item.get("number"))
    if "issued" in item:
        start = item["issued"]["date-parts"][0]
        add("year", str(start[0]))
        if len(start) > 1:
            add("month", _MONTH_MACROS[start[1] - 1], raw=True)
        add("date", "/".join("-".join(f"{p:02d}" for p in d) for d in item["issued"]["date-parts"]))
    add("url", "{" + item["URL"] + "}", raw=True)  # verbatim, as the url package reads it
    add("language", {"en": "english", "ru": "russian"}.get(item.get("language", "")))
    add("abstract", item.get("abstract"))
    add("version", item.get("version"))
    add("note", item.get("note"))
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@{BIBTEX_TYPES.get(kind, 'misc')}{{{item['id']},\n{body}\n}}\n"


def bibtex(items: list[dict[str, Any]]) -> str:
    return "\n".join(bibtex_entry(item) for item in items)


# -- RIS ------------------------------------------------------------------------------


def ris_entry(item: dict[str, Any]) -> str:
    """One RIS record, with the tags Zotero's RIS import reads for its type."""
    kind = item["type"]
    lines: list[tuple[str, str]] = [("TY", RIS_TYPES.get(kind, "GEN")), ("ID", item["id"])]

    def add(tag: str, value: object) -> None:
        if value:
            lines.append((tag, " ".join(str(value).split())))

    add("TI", item["title"])
    for name in item.get("author", []):
        add("AU", name.get("literal") or f"{name['family']}, {name['given']}")
    if "issued" in item:
        start = item["issued"]["date-parts"][0]
        add("PY", start[0])
        padded = [f"{p:04d}" if i == 0 else f"{p:02d}" for i, p in enumerate(start)]
        add("DA", "/".join(padded + [""] * (3 - len(padded))) + "/")
    if kind == "bill":
        add("M1", item.get("number"))  # bill number
        add("T3", item.get("authority"))  # legislative body
        add("ET", item.get("chapter-number"))  # session
    elif kind == "report":
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
    add("ET" if kind != "bill" else "N1", item.get("version"))
    add("N1", item.get("note"))
    text = "".join(f"{tag}  - {value}\r\n" for tag, value in lines)
    return text + "ER  - \r\n"


def ris(items: list[dict[str, Any]]) -> str:
    return "\r\n".join(ris_entry(item) for item in items)
