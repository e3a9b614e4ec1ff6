"""What the renderers show of a record: its metadata rows, its role labels, its dates.

Plain functions over the archive, shared by every page type and data file.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..crossref.archive import Archive
from ..i18n import N_
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
from .edition import ENGLISH, Edition
from .urls import relative

#: How a backlink's field reads on the page of the record it points to.
ROLE_LABELS = {
    "related": N_("Related"),
    "body": N_("Adopted"),
    "initiators": N_("Initiated"),
    "cosponsors": N_("Co-sponsored"),
    "speaker": N_("Spoke"),
    "on_behalf_of": N_("Represented in"),
    "event": N_("Statements at this event"),
    "organisers": N_("Organised"),
    "participants": N_("Took part in"),
    "authors": N_("Wrote or submitted"),
    "became": N_("Drafts"),
    "text": N_("Text archived in"),
}


@dataclass
class Row:
    label: str
    value: Markup


def link(archive: Archive, from_url: str, record_id: str, ed: Edition = ENGLISH) -> Markup:
    record = archive[record_id]
    # f-strings with escape(): Markup.format costs several times more, on every link.
    href = escape(relative(from_url, ed.url(record)))
    return Markup(f'<a href="{href}">{ed.title(record)}</a>')


def links(archive: Archive, from_url: str, ids: list[str], ed: Edition = ENGLISH) -> Markup:
    return Markup(", ").join(link(archive, from_url, i, ed) for i in ids)


def marked(record: Record, field: str, value: Markup | str, ed: Edition = ENGLISH) -> Markup:
    """A value, with a mark when a fact from the public record supplies it."""
    return escape(value) + evidence.mark(record, field, ed)


def date_html(record: Record, ed: Edition = ENGLISH) -> Markup:
    return time_html(record.date_value, ed)


def time_html(date: DateSpan | None, ed: Edition = ENGLISH) -> Markup:
    if date is None:
        return Markup("")
    return Markup(f'<time datetime="{escape(date.iso())}">{escape(ed.date(date))}</time>')


def metadata_rows(archive: Archive, record: Record, here: str, ed: Edition = ENGLISH) -> list[Row]:
    _ = ed._
    rows: list[Row] = [Row(_("Type"), escape(ed.label(record)))]

    def add(label: str, value: Markup | str | None, field: str = "") -> None:
        if value:
            rows.append(Row(label, marked(record, field, value, ed) if field else escape(value)))

    def link_to(record_id: str) -> Markup:
        return link(archive, here, record_id, ed)

    def links_to(ids: list[str]) -> Markup:
        return links(archive, here, ids, ed)

    def own(name: str, english: str | None) -> Markup | None:
        return ed.field_text(record, name, english) if english else None

    if record.symbol_value:
        add(_("Symbol"), evidence.symbol_html(record.symbol_value, ed), "symbol")
    date = record.date_value
    if date is not None:
        add(_date_label(record, ed), date_html(record, ed), "date")
    elif note := record.date_note_text:
        add(
            _("Date"),
            escape(_("Not given in the sources:")) + " " + ed.field_text(record, "date_note", note),
        )
    if isinstance(record, Resolution):
        add(_("Adopted by"), link_to(record.body))
        add(_("Session"), str(record.session) if record.session else None, "session")
        add(_("Agenda item"), own("agenda_item", record.agenda_item))
        add(
            _("Draft"),
            evidence.symbol_html(record.draft_symbol, ed) if record.draft_symbol else None,
            "draft_symbol",
        )
        add(_("Adoption"), ed.word(record.adoption), "adoption")
        if record.votes:
            add(
                _("Votes"),
                ", ".join(f"{_(VOTE_NAMES[k])}: {v}" for k, v in record.votes.items()),
            )
        add(_("Initiated by"), links_to(record.initiators))
        add(_("Co-sponsors named"), links_to(record.cosponsors))
    elif isinstance(record, Statement):
        add(_("Speaker"), link_to(record.speaker))
        add(_("Office held"), own("office", record.office))
        add(_("On behalf of"), link_to(record.on_behalf_of) if record.on_behalf_of else None)
        occasion = own("occasion", record.occasion)
        add(_("Occasion"), link_to(record.event) if record.event else occasion)
        if record.event:
            add(_("Occasion as given"), occasion)
    elif isinstance(record, Event):
        add(_("Kind"), ed.word(record.kind))
        add(_("Status"), _("Announced") if record.status == "announced" else None)
        add(_("Place"), own("place", record.place), "place")
        add(_("Organised by"), links_to(record.organisers))
        add(_("Participants named"), links_to(record.participants))
    elif isinstance(record, Document):
        add(_("Kind"), ed.word(record.kind))
        add(
            _("Symbol as printed"),
            Markup("<code>{}</code>").format(record.symbol_as_given)
            if record.symbol_as_given
            else None,
        )
        add(_("Authors"), links_to(record.authors))
        add(_("Became"), link_to(record.became) if record.became else None)
    elif isinstance(record, Body):
        add(_("Kind"), ed.word(record.kind))
        add(_("Abbreviation"), own("abbreviation", record.abbreviation))
    elif isinstance(record, Source):
        add(_("Kind"), ed.word(record.kind))
        add(_("Language"), _(LANGUAGE_NAMES[record.language]))
        add(_("Author"), own("author", record.author))
        add(_("Publisher"), own("publisher", record.publisher))
        add(_("Provenance"), own("provenance", record.provenance))
        if record.url:
            add(_("Published at"), evidence.outside_link(record.url, record.url))
    elif isinstance(record, Reference):
        add(_("Kind"), ed.word(record.kind))
        add(_("Press release"), record.press_release)
        add(_("Publisher"), own("publisher", record.publisher))
        add(_("Language"), _(LANGUAGE_NAMES[record.language]))
        if record.url:
            add(_("Read at"), evidence.outside_link(record.url, record.url))
        if record.read_at:
            add(_("Copy read at"), evidence.outside_link(record.read_at, record.read_at))
        add(_("Consulted"), time_html(record.consulted, ed))
    other = [
        s
        for s in record.all_symbols
        if s != record.symbol_value
        and not (isinstance(record, Resolution) and s == record.draft_symbol)
    ]
    if other:
        add(_("Other symbols"), Markup(", ").join(evidence.symbol_html(s, ed) for s in other))
    names = record.other_name_list
    if names:
        add(_("Other names"), Markup("; ").join(ed.name_as_given(n) for n in names))
    return rows


#: The languages of sources and references, by code.
LANGUAGE_NAMES = {"en": N_("English"), "ru": N_("Russian")}
#: The parts of a vote count.
VOTE_NAMES = {
    "in_favour": N_("in favour"),
    "against": N_("against"),
    "abstentions": N_("abstentions"),
}


def _date_label(record: Record, ed: Edition = ENGLISH) -> str:
    if isinstance(record, Resolution):
        return ed._("Adopted")
    if isinstance(record, Event) and record.status == "announced":
        return ed._("Announced for")
    return ed._("Date")


def chrono_key(record: Record) -> tuple[object, ...]:
    date = record.date_value
    return (date.sort_key() if date else (9999, 0, 0), record.type, record.title)


def role_label(field: str, ed: Edition = ENGLISH) -> str:
    known = ROLE_LABELS.get(field)
    return ed._(known) if known else ed.field_name(field).capitalize()


def subject_records(
    archive: Archive, entity: Body | Person, ed: Edition = ENGLISH
) -> list[tuple[str, Record]]:
    """What a body or person did: each record that points to it, with the role."""
    found = [(role_label(b.field, ed), b.record) for b in archive.backlinks.get(entity.id, [])]
    return sorted(found, key=lambda pair: chrono_key(pair[1]))
