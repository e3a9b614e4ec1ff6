"""Metadata in each record page's head, for reference managers and search engines.

Three vocabularies, because readers use different tools:

- Highwire Press ``citation_*`` tags, which Zotero's browser connector and Google
  Scholar read first (a record with a UN symbol carries it as
  ``citation_technical_report_number``, so Zotero saves it as a numbered report);
- Dublin Core ``DC.*`` tags;
- schema.org JSON-LD: ``Legislation`` for resolutions and draft resolutions,
  ``Event``, ``Report``, ``Organization``, ``Person``, ``WebPage``...

The provider puts them in the page's front matter under ``tip_citation``;
``tip_archive/theme/partials/tip-citation-meta.html`` writes them into ``<head>``.
"""

from __future__ import annotations

import json
from typing import Any

from ..crossref.archive import Archive
from ..model.dates import PartialDate
from ..model.records import Body, Document, Event, Person, Record, Resolution, Source, Statement
from .citations import Facts, facts, inverted
from .extras import SiteContext
from .urls import record_url

DCMI_TYPES = {"event": "Event"}
"""DCMI Type Vocabulary term of each record type; every other record is ``Text``."""

_SOURCE_SCHEMA = {"web page": "WebPage", "news article": "NewsArticle", "press release": "Article"}


def highwire_date(date: PartialDate) -> str:
    """Google Scholar's form: ``2010/07/30``, ``2010/07`` or ``2010``."""
    return date.iso().replace("-", "/")


def meta_tags(archive: Archive, record: Record, f: Facts) -> list[tuple[str, str]]:
    """(name, content) of every ``<meta>`` tag, Highwire first, then Dublin Core."""
    tags: list[tuple[str, str]] = [("citation_title", record.title)]
    persons = _personal_authors(archive, record)
    tags += [("citation_author", inverted(name)) for name in persons]
    if f.date:
        tags += [
            ("citation_publication_date", highwire_date(f.date.start)),
            ("citation_date", highwire_date(f.date.start)),
        ]
    publisher = _publisher(record, f)
    if f.symbol:
        tags.append(("citation_technical_report_number", str(f.symbol)))
        institution = f.authors[0] if isinstance(record, Resolution) else "United Nations"
        tags.append(("citation_technical_report_institution", institution))
    tags.append(("citation_publisher", publisher))
    language = record.language if isinstance(record, Source) else "en"
    tags += [("citation_language", language), ("citation_public_url", f.url)]
    if record.summary:
        tags.append(("citation_abstract", " ".join(record.summary.split())))

    tags.append(("DC.title", record.title))
    tags += [("DC.creator", name) for name in f.authors]
    if f.date:
        tags.append(("DC.date", f.date.iso()))
    tags.append(("DC.type", DCMI_TYPES.get(record.type, "Text")))
    tags.append(("DC.identifier", f.url))
    tags += [("DC.identifier", symbol) for symbol in record.all_symbols]
    tags += [("DC.publisher", publisher), ("DC.language", language)]
    if record.summary:
        tags.append(("DC.description", " ".join(record.summary.split())))
    if isinstance(record, Source) and record.url:
        tags.append(("DC.source", record.url))
    return tags


def _personal_authors(archive: Archive, record: Record) -> list[str]:
    """Authors that are persons: Highwire has no field for an institution as author."""
    if isinstance(record, Statement):
        return [archive[record.speaker].title]
    if isinstance(record, Document):
        return [archive[i].title for i in record.authors if archive[i].type == "person"]
    return []


def _publisher(record: Record, f: Facts) -> str:
    if f.symbol:
        return "United Nations"  # a UN symbol is given only to United Nations documents
    if isinstance(record, Source) and record.publisher:
        return record.publisher
    return f.site


# -- schema.org -----------------------------------------------------------------------


def json_ld(archive: Archive, record: Record, f: Facts, site: SiteContext) -> dict[str, Any]:
    website = {"@type": "WebSite", "name": f.site, "url": site.absolute("")}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@id": f.url,
        "url": f.url,
        "name": record.title,
        "isPartOf": website,
        "inLanguage": record.language if isinstance(record, Source) else "en",
    }
    if record.summary:
        data["description"] = " ".join(record.summary.split())
    if record.all_symbols:
        data["identifier"] = record.all_symbols
    date = f.date.iso() if f.date else None

    def ref(record_id: str) -> dict[str, str]:
        other = archive[record_id]
        kind = "Person" if other.type == "person" else "Organization"
        url = site.absolute(record_url(other))
        return {"@type": kind, "name": other.title, "url": url}

    if isinstance(record, Resolution) or (
        isinstance(record, Document) and record.kind == "draft resolution"
    ):
        data["@type"] = "Legislation"
        data["legislationType"] = "resolution" if isinstance(record, Resolution) else record.kind
        if f.symbol:
            data["legislationIdentifier"] = str(f.symbol)
        if date:
            data["legislationDate"] = date
        if isinstance(record, Resolution):
            data["legislationPassedBy"] = ref(record.body)
        elif record.authors:
            data["author"] = [ref(i) for i in record.authors]
    elif isinstance(record, Document):
        data["@type"] = "Report" if f.symbol else "CreativeWork"
        if f.symbol:
            data["reportNumber"] = str(f.symbol)
        if record.authors:
            data["author"] = [ref(i) for i in record.authors]
        if date:
            data["dateCreated"] = date
        data["genre"] = record.kind
    elif isinstance(record, Statement):
        data["@type"] = "CreativeWork"
        data["genre"] = "statement"
        data["author"] = ref(record.speaker)
        if date:
            data["dateCreated"] = date
        if record.event:
            data["recordedAt"] = {"@type": "Event", "name": archive[record.event].title}
    elif isinstance(record, Event):
        data["@type"] = "Event"
        if f.date:
            data["startDate"] = f.date.start.iso()
            if f.date.end:
                data["endDate"] = f.date.end.iso()
        if record.place:
            data["location"] = {"@type": "Place", "name": record.place}
        if record.organisers:
            data["organizer"] = [ref(i) for i in record.organisers]
        if record.announced:
            data["eventStatus"] = "https://schema.org/EventScheduled"
    elif isinstance(record, Body):
        data["@type"] = "GovernmentOrganization" if record.kind == "government" else "Organization"
        names = [record.abbreviation] if record.abbreviation else []
        if names + record.other_names:
            data["alternateName"] = names + record.other_names
    elif isinstance(record, Person):
        data["@type"] = "Person"
        if record.offices:
            data["jobTitle"] = [office.title for office in record.offices]
        if record.other_names:
            data["alternateName"] = record.other_names
    elif isinstance(record, Source):
        data["@type"] = _SOURCE_SCHEMA.get(record.kind, "CreativeWork")
        if record.author:
            data["author"] = record.author  # as the source gives it: a person or a body
        if record.publisher:
            data["publisher"] = {"@type": "Organization", "name": record.publisher}
        if date:
            data["datePublished"] = date
        if record.url:
            data["isBasedOn"] = record.url
    return data


def script_json(data: object) -> str:
    """JSON that is safe inside ``<script>``: ``<``, ``>`` and ``&`` as ``\\u`` escapes,
    so no ``</script>`` or ``<!--`` in the data can end the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def citation_meta(archive: Archive, record: Record, here: str, site: SiteContext) -> dict[str, Any]:
    """A meta provider: front-matter key ``tip_citation`` with the tags and JSON-LD."""
    f = facts(archive, record, site)
    return {
        "tip_citation": {
            "meta": [list(pair) for pair in meta_tags(archive, record, f)],
            "jsonld": script_json(json_ld(archive, record, f, site)),
        }
    }
