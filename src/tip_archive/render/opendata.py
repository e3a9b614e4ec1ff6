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
from dataclasses import dataclass
from typing import Any

from ..crossref.archive import Archive, iter_refs
from ..model.records import RECORD_TYPES, Record
from ..model.schema import schema_json
from . import bibformats, cite_block, extras
from .pages import Page, SiteOptions, environment
from .urls import record_url, relative

DATA_PAGE = "data/index.md"

#: The archive-wide files: (path, title, description).
DATA_FILES = [
    (
        "data/records.json",
        "Records (JSON)",
        "Every record with all its fields, as in the record format; each reference to "
        "another record is expanded to its id, type, title and URL, and each record has its "
        "page's URL.",
    ),
    (
        "data/records.csv",
        "Records (CSV)",
        "One row per record: the main fields, for a spreadsheet. UTF-8, comma-separated.",
    ),
    (
        "data/citations.json",
        "Citations (CSL-JSON)",
        "Every record as a CSL-JSON item, for Zotero, pandoc, citeproc-js and other CSL processors.",
    ),
    ("data/citations.bib", "Citations (BibTeX)", "Every record as a BibTeX entry (UTF-8)."),
    ("data/citations.ris", "Citations (RIS)", "Every record as an RIS record."),
    (
        "data/record.schema.json",
        "Record schema (JSON Schema)",
        "The JSON Schema of the archive's record files, generated from the record model.",
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
    "summary",
    "url",
]


@dataclass(frozen=True)
class DataFile:
    path: str
    """Path inside the site, e.g. ``data/records.json``."""
    content: str


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


def records_json(archive: Archive, site: extras.SiteContext) -> str:
    document: dict[str, Any] = {
        "site": site.absolute(""),
        "schema": site.absolute("data/record.schema.json"),
        "count": len(archive.entries),
        "records": [record_data(archive, r, site) for r in ordered(archive)],
    }
    if site.release:
        document["release"] = site.release
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


# -- records.csv ----------------------------------------------------------------------


def csv_row(record: Record, site: extras.SiteContext) -> dict[str, str]:
    date = record.date_value
    refs = [
        f"{loc[0]}:{target}"
        for loc, target, _m in iter_refs(record)
        if loc[0] not in ("related", "sources", "figures", "disagreements", "text", "offices")
    ]
    return {
        "id": record.id,
        "type": record.type,
        "title": record.title,
        "date": date.iso() if date else "",
        "symbol": record.symbol_value or "",
        "other_symbols": "; ".join(s for s in record.all_symbols if s != record.symbol_value),
        "kind": str(getattr(record, "kind", "") or ""),
        "references": "; ".join(refs),
        "related": "; ".join(record.related),
        "sources": "; ".join(f"{c.source} ¶{c.paragraph}" for c in record.sources),
        "summary": " ".join((record.summary or "").split()),
        "url": site.absolute(record_url(record)),
    }


def records_csv(archive: Archive, site: extras.SiteContext) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for record in ordered(archive):
        writer.writerow(csv_row(record, site))
    return out.getvalue()


# -- every generated file ---------------------------------------------------------------


def site_files(archive: Archive, options: SiteOptions) -> list[DataFile]:
    """Every non-page file the archive adds to the site: open data, each record's
    citation files, and the script and style of the "Cite this" section."""
    site = options.site()
    with extras.using_site(site):
        items = {r.id: bibformats.csl_item(archive, r, site) for r in ordered(archive)}
    all_items = list(items.values())
    files = [
        DataFile("data/records.json", records_json(archive, site)),
        DataFile("data/records.csv", records_csv(archive, site)),
        DataFile("data/citations.json", bibformats.csl_json(all_items)),
        DataFile("data/citations.bib", bibformats.bibtex(all_items)),
        DataFile("data/citations.ris", bibformats.ris(all_items)),
        DataFile("data/record.schema.json", schema_json()),
    ]
    for record in ordered(archive):
        item = items[record.id]
        json_path, bib_path, ris_path = cite_block.download_paths(record)
        files += [
            DataFile(json_path, bibformats.csl_json([item])),
            DataFile(bib_path, bibformats.bibtex_entry(item)),
            DataFile(ris_path, bibformats.ris_entry(item)),
        ]
    files += [DataFile(path, text) for path, text in cite_block.asset_files().items()]
    return files


def data_page(archive: Archive, options: SiteOptions) -> Page:
    """The Data page: every file of the public interface, and how records map to CSL."""
    here = "data/"
    counts: dict[str, int] = {}
    for record in archive.records():
        counts[record.type] = counts.get(record.type, 0) + 1
    example = next(iter(ordered(archive)), None)
    context = {
        "title": "Open data",
        "description": "The archive's records and citations as JSON, CSV, CSL-JSON, BibTeX and RIS.",
        "hide_nav": False,
        "meta": {},
        "files": [
            {"href": relative(here, path), "path": "/" + path, "title": title, "text": text}
            for path, title, text in DATA_FILES
        ],
        "count": len(archive.entries),
        "counts": sorted(counts.items(), key=lambda kv: list(RECORD_TYPES).index(kv[0])),
        "csl_types": bibformats.CSL_TYPES,
        "ris_types": bibformats.RIS_TYPES,
        "bibtex_types": bibformats.BIBTEX_TYPES,
        "example": "/" + record_url(example) if example else "/resolutions/a-res-64-293/",
        "release": options.release,
    }
    return Page(DATA_PAGE, environment().get_template("data.md.j2").render(context))
