"""What the renderers show of a record: its metadata rows, its role labels, its dates.

Plain functions over the archive, shared by every page type and data file.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..crossref.archive import Archive
from ..model.dates import DateSpan
from ..model.records import (
    Body,
    Document,
    Event,
    Person,
    Record,
    Reference,
    Resolution,
    Source,
    Statement,
)
from . import evidence
from .urls import record_url, relative

#: How a backlink's field reads on the page of the record it points to.
ROLE_LABELS = {
    "related": "Related",
    "body": "Adopted",
    "initiators": "Initiated",
    "cosponsors": "Co-sponsored",
    "speaker": "Spoke",
    "on_behalf_of": "Represented in",
    "event": "Statements at this event",
    "organisers": "Organised",
    "participants": "Took part in",
    "authors": "Wrote or submitted",
    "became": "Drafts",
    "text": "Text archived in",
}


@dataclass
class Row:
    label: str
    value: Markup


def link(archive: Archive, from_url: str, record_id: str) -> Markup:
    record = archive[record_id]
    # f-strings with escape(): Markup.format costs several times more, on every link.
    href = escape(relative(from_url, record_url(record)))
    return Markup(f'<a href="{href}">{escape(record.title)}</a>')


def links(archive: Archive, from_url: str, ids: list[str]) -> Markup:
    return Markup(", ").join(link(archive, from_url, i) for i in ids)


def marked(record: Record, field: str, value: Markup | str) -> Markup:
    """A value, with a mark when a fact from the public record supplies it."""
    return escape(value) + evidence.mark(record, field)


def date_html(record: Record) -> Markup:
    return time_html(record.date_value)


def time_html(date: DateSpan | None) -> Markup:
    if date is None:
        return Markup("")
    return Markup(f'<time datetime="{escape(date.iso())}">{escape(date.human())}</time>')


def metadata_rows(archive: Archive, record: Record, here: str) -> list[Row]:
    rows: list[Row] = [Row("Type", escape(record.label))]

    def add(label: str, value: Markup | str | None, field: str = "") -> None:
        if value:
            rows.append(Row(label, marked(record, field, value) if field else escape(value)))

    if record.symbol_value:
        add("Symbol", evidence.symbol_html(record.symbol_value), "symbol")
    date = record.date_value
    if date is not None:
        add(_date_label(record), date_html(record), "date")
    elif note := getattr(record, "date_note", None):
        add("Date", f"Not given in the sources: {note}")
    if isinstance(record, Resolution):
        add("Adopted by", link(archive, here, record.body))
        add("Session", str(record.session) if record.session else None, "session")
        add("Agenda item", record.agenda_item)
        add(
            "Draft",
            evidence.symbol_html(record.draft_symbol) if record.draft_symbol else None,
            "draft_symbol",
        )
        add("Adoption", record.adoption, "adoption")
        if record.votes:
            add("Votes", ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in record.votes.items()))
        add("Initiated by", links(archive, here, record.initiators))
        add("Co-sponsors named", links(archive, here, record.cosponsors))
    elif isinstance(record, Statement):
        add("Speaker", link(archive, here, record.speaker))
        add("Office held", record.office)
        add(
            "On behalf of",
            link(archive, here, record.on_behalf_of) if record.on_behalf_of else None,
        )
        add("Occasion", link(archive, here, record.event) if record.event else record.occasion)
        if record.event:
            add("Occasion as given", record.occasion)
    elif isinstance(record, Event):
        add("Kind", record.kind)
        add("Status", "Announced" if record.status == "announced" else None)
        add("Place", record.place, "place")
        add("Organised by", links(archive, here, record.organisers))
        add("Participants named", links(archive, here, record.participants))
    elif isinstance(record, Document):
        add("Kind", record.kind)
        add(
            "Symbol as printed",
            Markup("<code>{}</code>").format(record.symbol_as_given)
            if record.symbol_as_given
            else None,
        )
        add("Authors", links(archive, here, record.authors))
        add("Became", link(archive, here, record.became) if record.became else None)
    elif isinstance(record, Body):
        add("Kind", record.kind)
        add("Abbreviation", record.abbreviation)
    elif isinstance(record, Source):
        add("Kind", record.kind)
        add("Language", {"en": "English", "ru": "Russian"}[record.language])
        add("Author", record.author)
        add("Publisher", record.publisher)
        add("Provenance", record.provenance)
        if record.url:
            add("Published at", evidence.outside_link(record.url, record.url))
    elif isinstance(record, Reference):
        add("Kind", record.kind)
        add("Press release", record.press_release)
        add("Publisher", record.publisher)
        add("Language", {"en": "English", "ru": "Russian"}[record.language])
        if record.url:
            add("Read at", evidence.outside_link(record.url, record.url))
        if record.read_at:
            add("Copy read at", evidence.outside_link(record.read_at, record.read_at))
        add("Consulted", time_html(record.consulted))
    other = [
        s
        for s in record.all_symbols
        if s != record.symbol_value
        and not (isinstance(record, Resolution) and s == record.draft_symbol)
    ]
    if other:
        add("Other symbols", Markup(", ").join(evidence.symbol_html(s) for s in other))
    names = getattr(record, "other_names", [])
    if names:
        add("Other names", "; ".join(names))
    return rows


def _date_label(record: Record) -> str:
    if isinstance(record, Resolution):
        return "Adopted"
    if isinstance(record, Event) and record.status == "announced":
        return "Announced for"
    return "Date"


def chrono_key(record: Record) -> tuple[object, ...]:
    date = record.date_value
    return (date.sort_key() if date else (9999, 0, 0), record.type, record.title)


def role_label(field: str) -> str:
    return ROLE_LABELS.get(field, field.replace("_", " ").capitalize())


def subject_records(archive: Archive, entity: Body | Person) -> list[tuple[str, Record]]:
    """What a body or person did: each record that points to it, with the role."""
    found = [(role_label(b.field), b.record) for b in archive.backlinks.get(entity.id, [])]
    return sorted(found, key=lambda pair: chrono_key(pair[1]))
