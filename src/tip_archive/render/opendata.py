"""The archive as open data: files under ``/data/`` and each record's citation files.

These paths are part of the archive's public interface and do not change between
builds (the Data page lists them):

- ``/data/records.json``: every record, references expanded to ``{id, type, title, url}``;
- ``/data/records.csv``: one row per record;
- ``/data/citations.json`` (CSL-JSON), ``/data/citations.bib``, ``/data/citations.ris``;
- ``/data/record.schema.json``: the JSON Schema of record files;
- ``/<type folder>/<id>/citation.json|.bib|.ris``: one record's citation.

Output is deterministic: records sorted by type then id, keys sorted, no timestamps.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..crossref.archive import Archive, iter_refs
from ..i18n import N_
from ..model.records import RECORD_TYPES, Fact, Record, Reference
from ..model.schema import schema_json
from . import bibformats, cite_block, extras
from .edition import ENGLISH, Edition
from .outputs import Output
from .pages import Page, SiteOptions, environment
from .urls import record_url, relative

CSL_JSON = "application/vnd.citationstyles.csl+json"

DATA_PAGE = "data/index.md"

#: The archive-wide files: (path, title, description).
DATA_FILES = [
    (
        "data/records.json",
        N_("Records (JSON)"),
        N_(
            "Every record with all its fields, as in the record format; each reference to "
            "another record is expanded to its id, type, title and URL, and each record has its "
            "page's URL."
        ),
    ),
    (
        "data/records.csv",
        N_("Records (CSV)"),
        N_(
            "One row per record: the main fields, with the facts from the public record, for a "
            "spreadsheet. UTF-8, comma-separated."
        ),
    ),
    (
        "data/citations.json",
        N_("Citations (CSL-JSON)"),
        N_(
            "Every record as a CSL-JSON item, for Zotero, pandoc, citeproc-js and other CSL "
            "processors."
        ),
    ),
    ("data/citations.bib", N_("Citations (BibTeX)"), N_("Every record as a BibTeX entry (UTF-8).")),
    ("data/citations.ris", N_("Citations (RIS)"), N_("Every record as an RIS record.")),
    (
        "data/record-sources.csv",
        N_("Passages cited (CSV)"),
        N_("One row per passage a record cites: record, position, source, paragraph, quote."),
    ),
    (
        "data/datapackage.json",
        N_("Data package (Frictionless)"),
        N_(
            "Describes records.csv and record-sources.csv for data tools: column types, keys, "
            "and the links from each passage to its record and its source."
        ),
    ),
    (
        "data/record.schema.json",
        N_("Record schema (JSON Schema)"),
        N_("The JSON Schema of the archive's record files, generated from the record model."),
    ),
]

CSV_COLUMNS = [
    "id",
    "type",
    "title",
    "date",
    "symbol",
    "other_symbols",
    "kind",
    "references",
    "related",
    "sources",
    "facts",
    "address",
    "summary",
    "url",
]


def ordered(archive: Archive) -> list[Record]:
    order = {kind: n for n, kind in enumerate(RECORD_TYPES)}
    return sorted(archive.records(), key=lambda r: (order[r.type], r.id))


# -- records.json ---------------------------------------------------------------------


def record_data(archive: Archive, record: Record, site: extras.SiteContext) -> dict[str, Any]:
    """The record's fields with every reference to another record expanded."""
    data: dict[str, Any] = record.model_dump(mode="json")
    for loc, target_id, _marker in iter_refs(record):
        target = archive[target_id]
        _put(
            data,
            loc,
            {
                "id": target.id,
                "type": target.type,
                "title": target.title,
                "url": site.absolute(record_url(target)),
            },
        )
    data["url"] = site.absolute(record_url(record))
    return data


def _put(data: Any, loc: tuple[str | int, ...], value: object) -> None:
    for key in loc[:-1]:
        data = data[key]
    data[loc[-1]] = value


def records_json(archive: Archive, site: extras.SiteContext, records: list[str]) -> str:
    """``records.json``, from each record's :attr:`Pieces.record` in order."""
    document: dict[str, Any] = {
        "site": site.absolute(""),
        "schema": site.absolute("data/record.schema.json"),
        "count": len(archive.entries),
        "records": _RECORDS,
    }
    if site.release:
        document["release"] = site.release
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
    # The keys are sorted: "count" (a number) comes before "records", whose marker is so
    # the first one in the text.
    return text.replace(json.dumps(_RECORDS), _json_list(records, "  "), 1) + "\n"


_RECORDS = "\x00records"


def _json_list(elements: list[str], indent: str) -> str:
    """A JSON list of encoded ``elements`` as ``json.dumps(..., indent=2)`` writes it at
    ``indent`` (each element already encoded at that depth)."""
    if not elements:
        return "[]"
    inner = "\n" + indent + "  "
    return "[" + inner + ("," + inner).join(elements) + "\n" + indent + "]"


def _element(value: Any, indent: str) -> str:
    """``value`` encoded as an element of a list at ``indent`` (see :func:`_json_list`)."""
    text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)
    # (A newline in the text is the indentation's: one inside a string is escaped.)
    return text.replace("\n", "\n" + indent + "  ")


# -- records.csv ----------------------------------------------------------------------


def csv_row(record: Record, site: extras.SiteContext) -> dict[str, str]:
    date = record.date_value
    refs = [
        f"{loc[0]}:{target}"
        for loc, target, _m in iter_refs(record)
        if loc[0]
        not in ("related", "sources", "figures", "disagreements", "text", "offices", "facts")
    ]
    return {
        "id": record.id,
        "type": record.type,
        "title": record.title,
        "date": date.iso() if date else "",
        "symbol": record.symbol_value or "",
        "other_symbols": "; ".join(s for s in record.all_symbols if s != record.symbol_value),
        "kind": record.kind_text,
        "references": "; ".join(refs),
        "related": "; ".join(record.related),
        "sources": "; ".join(f"{c.source} ¶{c.paragraph}" for c in record.sources),
        "facts": "; ".join(_fact_cell(f) for f in record.facts),
        "address": (record.address or "") if isinstance(record, Reference) else "",
        "summary": " ".join((record.summary or "").split()),
        "url": site.absolute(record_url(record)),
    }


def _fact_cell(fact: Fact) -> str:
    """``date = 2010-07-30 (un-ga-10968, para. 1)``, or ``(unconfirmed)``."""
    where = ", ".join(p for p in (fact.reference, fact.at) if p) or "unconfirmed"
    return f"{fact.field} = {' '.join(fact.value.split())} ({where})"


def _csv_line(record: Record, site: extras.SiteContext) -> str:
    out = io.StringIO()
    csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n").writerow(
        csv_row(record, site)
    )
    return out.getvalue()


def _csv_header() -> str:
    out = io.StringIO()
    csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n").writeheader()
    return out.getvalue()


# -- every generated file ---------------------------------------------------------------


@dataclass(frozen=True)
class Pieces:
    """One record's share of the archive-wide files, encoded as they hold it.

    Under ``mkdocs serve`` the pieces of the records an edit does not touch are kept
    from the last build (see the plugin), so a save encodes only the few it touches."""

    record: str
    """Its element of ``records.json``."""
    item: str
    """Its CSL-JSON item, as an element of ``citations.json``."""
    bibtex: str
    ris: str
    row: str
    """Its line of ``records.csv``."""


def record_pieces(
    archive: Archive, options: SiteOptions, kept: Mapping[str, Pieces] | None = None
) -> dict[str, Pieces]:
    """Every record's :class:`Pieces`, in the files' order; those in ``kept`` as they are."""
    site = options.site()
    kept = kept or {}
    return {r.id: kept.get(r.id) or _pieces(archive, r, site) for r in ordered(archive)}


def _pieces(archive: Archive, record: Record, site: extras.SiteContext) -> Pieces:
    item = bibformats.csl_item(archive, record, site)
    return Pieces(
        record=_element(record_data(archive, record, site), "  "),
        item=_element(item, ""),
        bibtex=bibformats.bibtex_entry(item),
        ris=bibformats.ris_entry(item),
        row=_csv_line(record, site),
    )


def site_files(
    archive: Archive, options: SiteOptions, pieces: dict[str, Pieces] | None = None
) -> list[Output]:
    """The open data: archive-wide files, and each record's citation files (made from
    ``pieces``, :func:`record_pieces`, when given)."""
    site = options.site()
    if pieces is None:
        pieces = record_pieces(archive, options)
    every = list(pieces.values())
    files = [
        Output("data/records.json", records_json(archive, site, [p.record for p in every])),
        Output("data/records.csv", _csv_header() + "".join(p.row for p in every)),
        Output("data/citations.json", _json_list([p.item for p in every], "") + "\n", CSL_JSON),
        Output("data/citations.bib", "\n".join(p.bibtex for p in every)),
        Output("data/citations.ris", "\r\n".join(p.ris for p in every)),
        Output("data/record.schema.json", schema_json(), "application/schema+json"),
    ]
    for record_id, piece in pieces.items():
        json_path, bib_path, ris_path = cite_block.download_paths(archive[record_id])
        files += [
            Output(json_path, _json_list([piece.item], "") + "\n", CSL_JSON),
            Output(bib_path, piece.bibtex),
            Output(ris_path, piece.ris),
        ]
    return files


def data_page(archive: Archive, options: SiteOptions, ed: Edition = ENGLISH) -> Page:
    """The Data page: every file of the public interface, and how records map to CSL.

    Every word of it is in the page's edition (the citations it shows stay English: they are
    the English styles' own)."""
    here = ed.page("data/")
    counts: dict[str, int] = {}
    for record in archive.records():
        counts[record.type] = counts.get(record.type, 0) + 1
    example = next(iter(ordered(archive)), None)
    context = {
        "title": ed._("Open data"),
        "description": ed._(
            "The archive's records and citations as JSON, CSV, CSL-JSON, BibTeX and RIS."
        ),
        "lang": ed.lang,
        "ed": ed,
        "root": relative(here, ""),
        "releases": "releases/index.md",
        "hide_nav": False,
        "meta": {},
        "files": [
            {
                "href": relative(here, path),
                "path": "/" + path,
                "title": ed._(title),
                "text": ed._(text),
            }
            for path, title, text in DATA_FILES
        ],
        "count": len(archive.entries),
        "counts": [
            (ed.type_name(kind, plural=True) if not ed.english else kind, n)
            for kind, n in sorted(counts.items(), key=lambda kv: list(RECORD_TYPES).index(kv[0]))
        ],
        "csl_types": bibformats.CSL_TYPES,
        "ris_types": bibformats.RIS_TYPES,
        "bibtex_types": bibformats.BIBTEX_TYPES,
        "example": "/" + ed.url(example) if example else "/resolutions/a-res-64-293/",
        "release": options.release,
        "published": bool(options.published),
    }
    return Page(ed.src(DATA_PAGE), environment(ed.m).get_template("data.md.j2").render(context))
