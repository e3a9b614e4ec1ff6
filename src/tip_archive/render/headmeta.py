"""Metadata in each record page's head, for reference managers and search engines.

The tags are chosen for what Zotero's connector saves from the page (its "Embedded
Metadata" translator, which reads Highwire ``citation_*``, Dublin Core ``DC.*``,
ePrints ``eprints.*`` and Open Graph tags, and not JSON-LD), with the Zotero item type
of :data:`.bibformats.CITATION_TYPES`:

- a ``report`` (resolutions, UN documents with a symbol): Highwire tags with
  ``citation_technical_report_institution`` (which makes the item a report) and the
  symbol as ``citation_technical_report_number``; the type (``Resolution``) is
  ``DC.type``, which Zotero saves as the report type;
- a ``document``: Highwire tags, ``DC.type`` ``document``;
- a ``presentation`` (statements): ePrints tags for an unpublished conference item
  (``eprints.type`` ``conference_item``, ``eprints.ispublished`` ``unpub``), the speaker
  as ``eprints.creators_name`` (Zotero's presenter) and the occasion as
  ``eprints.event_title`` (its meeting); no ``citation_author`` (it would make the
  speaker an author);
- a ``webpage`` (events, bodies, people, sources): no Highwire tags (Zotero would take
  the page for a journal article, and Google Scholar indexes no such page), Dublin Core
  only; an event's ``DC.type`` is DCMI's ``Event``.

Authors are written as Zotero reads them: a person ``Family, Given``; a body ``Name,``
(the comma after it makes Zotero keep it as one name, where it would split ``United
Nations General Assembly`` into a first and a last name).  Dates are the record's own:
a record without one gets none, and the page carries a ``<time datetime="PT0S">`` before
any other (see :func:`citation_meta`), so that the translator does not take the first
date printed on the page (when the record last changed, or an act's date).

The provider puts them in the page's front matter under ``tip_citation``;
``tip_archive/theme/partials/tip-citation-meta.html`` writes them into ``<head>``.  The
schema.org JSON-LD is for search engines.
"""

from __future__ import annotations

import json
from typing import Any

from ..crossref.archive import Archive
from ..model.dates import PartialDate
from ..model.records import Body, Document, Event, Person, Record, Resolution, Source, Statement
from .bibformats import citation_type
from .citations import Facts, facts, inverted
from .edition import Edition
from .extras import SiteContext
from .urls import record_url

_SOURCE_SCHEMA = {"web page": "WebPage", "news article": "NewsArticle", "press release": "Article"}


def highwire_date(date: PartialDate) -> str:
    """Google Scholar's form: ``2010/07/30``, ``2010/07`` or ``2010``."""
    return date.iso().replace("-", "/")


def zotero_name(name: str, person: bool) -> str:
    """``Rybakov, Valentin`` for a person; ``United Nations General Assembly,`` for a body."""
    return inverted(name) if person else f"{name},"


def meta_tags(archive: Archive, record: Record, f: Facts) -> list[tuple[str, str]]:
    """(name, content) of every ``<meta>`` tag: Highwire or ePrints first, then Dublin Core."""
    zotero = citation_type(record).zotero
    names = [zotero_name(name, f.persons.get(name, False)) for name in f.authors]
    language = record.language if isinstance(record, Source) else "en"
    summary = " ".join(record.summary.split()) if record.summary else None
    title = f.title or record.title
    tags: list[tuple[str, str]] = []
    if zotero != "webpage":
        tags.append(("citation_title", title))
        if zotero != "presentation":
            tags += [("citation_author", name) for name in names]
        if f.date:
            date = highwire_date(f.date.start)
            tags += [("citation_publication_date", date), ("citation_date", date)]
        if zotero == "report" and f.symbol:
            tags.append(("citation_technical_report_number", str(f.symbol)))
            tags.append(("citation_technical_report_institution", "United Nations"))
        if zotero != "presentation":
            tags.append(("citation_publisher", _publisher(record, f)))
        tags += [("citation_language", language), ("citation_public_url", f.url)]
        if summary:
            tags.append(("citation_abstract", summary))
    if isinstance(record, Statement):
        tags += [
            ("eprints.type", "conference_item"),
            ("eprints.ispublished", "unpub"),
            ("eprints.creators_name", names[0]),
            ("eprints.event_title", record.occasion),
            ("eprints.event_type", "Statement"),
        ]
        event = archive.get(record.event)
        if isinstance(event, Event) and event.place:
            tags.append(("eprints.event_location", event.place))

    tags.append(("DC.title", title))
    # Zotero reads DC.creator only for a web page (where there are no Highwire authors).
    tags += [("DC.creator", name) for name in (names if zotero == "webpage" else f.authors)]
    if f.date:
        tags.append(("DC.date", f.date.iso()))
    dc_type = _dc_type(record, zotero, f)
    if dc_type:
        tags.append(("DC.type", dc_type))
    tags.append(("DC.identifier", f.url))
    tags += [("DC.identifier", symbol) for symbol in record.all_symbols]
    tags += [("DC.publisher", _publisher(record, f)), ("DC.language", language)]
    if summary:
        tags.append(("DC.description", summary))
    if isinstance(record, Source) and record.url:
        # DC.relation, not DC.source: Zotero would take DC.source for the site's name.
        tags.append(("DC.relation", record.url))
    return tags


def _dc_type(record: Record, zotero: str, f: Facts) -> str | None:
    """What Zotero saves as the item's own type (report type, presentation type...)."""
    if zotero == "report":
        return f.genre
    if zotero == "document":
        return "document"  # Zotero's item type name: a document, not a journal article
    if zotero == "presentation":
        return "Text"
    if isinstance(record, Event):
        return "Event"
    return None


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


def in_edition(
    tags: list[tuple[str, str]], data: dict[str, Any], record: Record, site: SiteContext
) -> tuple[list[tuple[str, str]], dict[str, Any]]:
    """The tags and JSON-LD of a page of another edition than English: its language, its
    address and its title are the page's own (the rest describes the same record)."""
    ed = Edition.of(site.lang)
    english_url = site.absolute(record_url(record))
    url = site.absolute(ed.url(record))
    title = ed.plain_title(record)
    own = {
        "citation_language": ed.lang,
        "DC.language": ed.lang,
        "citation_title": title,
        "DC.title": title,
    }
    out = []
    for name, value in tags:
        if name in own:
            value = own[name]
        elif value == english_url:
            value = url
        out.append((name, value))
    data = dict(data, inLanguage=ed.lang, name=title, url=url)
    data["@id"] = url
    translated = ed.ru(record)
    if translated is not None and translated.summary:
        data["description"] = " ".join(translated.summary.split())
    return out, data


def citation_meta(archive: Archive, record: Record, here: str, site: SiteContext) -> dict[str, Any]:
    """A meta provider: front-matter key ``tip_citation`` with the tags and JSON-LD, in the
    page's edition (``citation_language`` and ``inLanguage`` are the page's language)."""
    f = facts(archive, record, site.edition("en"))
    tags, data = meta_tags(archive, record, f), json_ld(archive, record, f, site)
    if site.lang != "en":
        tags, data = in_edition(tags, data, record, site)
    return {
        "tip_citation": {
            "meta": [list(pair) for pair in tags],
            "jsonld": script_json(data),
            # No date of its own: the page tells Zotero so (see the module's docstring).
            "undated": f.date is None,
        }
    }
