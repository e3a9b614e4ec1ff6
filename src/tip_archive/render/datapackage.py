"""``/data/datapackage.json``: the open data described as a Frictionless Data Package.

A data tool (frictionless, pandas through it, R's ``frictionless``, Open Refine...)
reads the descriptor and loads the tables with the right types, keys and
relations, without reading the archive's documentation:

- ``records.csv``, one row per record, primary key ``id``;
- ``record-sources.csv``, one row per passage a record cites (its ``sources``),
  primary key (``record``, ``position``), foreign keys ``record`` and ``source``
  to ``records.csv``'s ``id`` (a source is a record of type ``source``).

The column list of ``records.csv`` comes from :data:`opendata.CSV_COLUMNS`;
a test checks that every column is described here.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..crossref.archive import Archive
from ..model.records import ID_PATTERN, RECORD_TYPES
from .extras import SiteContext
from .opendata import CSV_COLUMNS, ordered
from .outputs import Output

SOURCES_CSV = "record-sources.csv"
SOURCES_COLUMNS = ["record", "position", "source", "paragraph", "quote"]
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$"

_ID = {"type": "string", "constraints": {"required": True, "pattern": ID_PATTERN}}

#: Each column of records.csv: its type and what it holds.
RECORD_FIELDS: dict[str, dict[str, Any]] = {
    "id": _ID | {"description": "The record's permanent id; also the last part of its URL."},
    "type": {
        "type": "string",
        "constraints": {"required": True, "enum": list(RECORD_TYPES)},
        "description": "The kind of record.",
    },
    "title": {"type": "string", "constraints": {"required": True}},
    "date": {
        "type": "string",
        "constraints": {"pattern": DATE_PATTERN},
        "description": "As precise as the sources: YYYY, YYYY-MM or YYYY-MM-DD, or a span "
        "start/end; empty when the sources give no date.",
    },
    "symbol": {"type": "string", "description": "The UN document symbol, canonical form."},
    "other_symbols": {"type": "string", "description": "Other symbols, separated by '; '."},
    "kind": {"type": "string", "description": "The kind within the type, where there is one."},
    "references": {
        "type": "string",
        "description": "References to other records as field:id pairs, separated by '; '.",
    },
    "related": {"type": "string", "description": "Ids of related records, separated by '; '."},
    "sources": {
        "type": "string",
        "description": "The passages cited, as 'source ¶paragraph', separated by '; ' (one row "
        "each in record-sources.csv).",
    },
    "facts": {
        "type": "string",
        "description": "Facts from the public record, as 'field = value (reference, place)' or "
        "'(unconfirmed)', separated by '; '.",
    },
    "address": {
        "type": "string",
        "description": "A reference's address (the page it was read at); empty for other types.",
    },
    "summary": {"type": "string"},
    "url": {"type": "string", "format": "uri", "description": "The record's page."},
}

SOURCE_FIELDS: list[dict[str, Any]] = [
    {"name": "record"} | _ID | {"description": "The id of the citing record."},
    {
        "name": "position",
        "type": "integer",
        "constraints": {"required": True, "minimum": 1},
        "description": "1 for the record's first cited passage, then 2, 3...",
    },
    {"name": "source"} | _ID | {"description": "The id of the archived source (type source)."},
    {
        "name": "paragraph",
        "type": "integer",
        "constraints": {"required": True, "minimum": 1},
        "description": "The paragraph number (¶) in the source.",
    },
    {
        "name": "quote",
        "type": "string",
        "constraints": {"required": True},
        "description": "The passage, verbatim.",
    },
]


def record_sources_csv(archive: Archive) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(SOURCES_COLUMNS)
    for record in ordered(archive):
        for position, cited in enumerate(record.sources, start=1):
            quote = " ".join(cited.quote.split())
            writer.writerow([record.id, position, cited.source, cited.paragraph, quote])
    return out.getvalue()


def _csv_resource(name: str, path: str, title: str, fields: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "name": name,
        "path": path,
        "title": title,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
        "schema": {"fields": fields},
    }


def datapackage_json(archive: Archive, site: SiteContext) -> str:
    records = _csv_resource(
        "records",
        "records.csv",
        "Records",
        [{"name": name} | RECORD_FIELDS[name] for name in CSV_COLUMNS],
    )
    records["schema"] |= {"primaryKey": ["id"], "missingValues": [""]}
    sources = _csv_resource("record-sources", SOURCES_CSV, "Passages cited", SOURCE_FIELDS)
    sources["schema"] |= {
        "primaryKey": ["record", "position"],
        "foreignKeys": [
            {"fields": ["record"], "reference": {"resource": "records", "fields": ["id"]}},
            {"fields": ["source"], "reference": {"resource": "records", "fields": ["id"]}},
        ],
    }
    descriptor: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": "tip-archive",
        "title": site.name or "The archive",
        "description": "The archive's records (one row each) and the passages of the archived "
        "sources they cite, verbatim.",
        "homepage": site.absolute(""),
        "resources": [records, sources],
    }
    if site.release:
        descriptor["version"] = site.release
    return json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"


def package_files(archive: Archive, site: SiteContext) -> list[Output]:
    """``data/record-sources.csv`` and ``data/datapackage.json``."""
    return [
        Output(f"data/{SOURCES_CSV}", record_sources_csv(archive)),
        Output("data/datapackage.json", datapackage_json(archive, site)),
    ]
