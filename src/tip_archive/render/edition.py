"""One language edition of the site: its messages, its URLs, and a record's text in it.

The English edition is the archive's own text; the Russian edition shows each record's
``translations.ru`` and the ``ru`` of its figures, facts, readings, notes and offices.
Where a Russian text is missing, the page shows the English text, marked as not yet
translated, never a blank: :meth:`Edition.text` is the one place that decides it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from ..i18n import N_, UNTRANSLATED, Messages, wordless
from ..i18n.locations import in_russian
from ..model.dates import DateSpan
from ..model.records import RECORD_FIELDS, Record, Translation
from .text import paragraphs
from .urls import prefix, record_url

#: Each record type's name for a reader, singular and plural (the model's own words).
TYPE_NAMES = {
    "resolution": (N_("Resolution"), N_("Resolutions")),
    "statement": (N_("Statement"), N_("Statements")),
    "event": (N_("Event"), N_("Events")),
    "document": (N_("Document"), N_("Documents")),
    "body": (N_("Body"), N_("Bodies")),
    "person": (N_("Person"), N_("People")),
    "source": (N_("Source"), N_("Sources")),
    "reference": (N_("Reference"), N_("References")),
}

#: The record fields a fact, a reading or a backlink names, as a reader reads them.
FIELD_NAMES = {
    "date": N_("date"),
    "symbol": N_("symbol"),
    "draft_symbol": N_("draft symbol"),
    "adoption": N_("adoption"),
    "place": N_("place"),
    "title": N_("title"),
    "session": N_("session"),
    "body": N_("body"),
    "initiators": N_("initiators"),
    "cosponsors": N_("co-sponsors"),
    "summary": N_("summary"),
    "occasion": N_("occasion"),
    "speaker": N_("speaker"),
    "office": N_("office"),
    "agenda_item": N_("agenda item"),
    "votes": N_("votes"),
    "participants": N_("participants"),
    "organisers": N_("organisers"),
    "status": N_("status"),
    "name": N_("name"),
    "kind": N_("kind"),
    "authors": N_("authors"),
    "key_points": N_("key points"),
    "on_behalf_of": N_("on behalf of"),
    "publisher": N_("publisher"),
    "other_symbols": N_("other symbols"),
    "other_names": N_("other names"),
    "date_note": N_("date note"),
    "abbreviation": N_("abbreviation"),
    "author": N_("author"),
    "became": N_("became"),
    "consulted": N_("consulted"),
    "disagreements": N_("disagreements"),
    "event": N_("event"),
    "facts": N_("facts"),
    "figures": N_("figures"),
    "id": N_("id"),
    "language": N_("language"),
    "offices": N_("offices"),
    "press_release": N_("press release"),
    "provenance": N_("provenance"),
    "read_at": N_("read at"),
    "related": N_("related"),
    "sources": N_("sources"),
    "symbol_as_given": N_("symbol as given"),
    "text": N_("text"),
    "text_file": N_("text file"),
    "translations": N_("translations"),
    "type": N_("type"),
    "uncited": N_("uncited"),
    "url": N_("url"),
}


def _counted(ngettext: Any, record_type: str, n: int) -> str:
    """A number of records of a type, as the catalogue words it (each call written out, so
    that the extractor finds its three Russian forms)."""
    forms = {
        "resolution": lambda: ngettext("%(num)s resolution", "%(num)s resolutions", n),
        "statement": lambda: ngettext("%(num)s statement", "%(num)s statements", n),
        "event": lambda: ngettext("%(num)s event", "%(num)s events", n),
        "document": lambda: ngettext("%(num)s document", "%(num)s documents", n),
        "body": lambda: ngettext("%(num)s body", "%(num)s bodies", n),
        "person": lambda: ngettext("%(num)s person", "%(num)s people", n),
        "source": lambda: ngettext("%(num)s source", "%(num)s sources", n),
        "reference": lambda: ngettext("%(num)s reference", "%(num)s references", n),
    }
    text: str = forms[record_type]()
    return text


def _bare(text: str) -> str:
    """A title's or a date's last words, to compare: no closing bracket, quote or full stop
    (``2021 г.`` as ``2021 г``), one kind of dash."""
    return text.rstrip(" .)»\"'").replace("\u2013", "-")


def _untranslated_mark() -> Markup:
    return Markup(f' <span class="tip-untranslated">({UNTRANSLATED})</span>')


@dataclass(frozen=True)
class Edition:
    """The edition pages are rendered for."""

    m: Messages

    @classmethod
    def of(cls, lang: str) -> Edition:
        return cls(Messages.of(lang))

    @property
    def lang(self) -> str:
        return self.m.lang

    @property
    def english(self) -> bool:
        return self.m.english

    def _(self, message: str) -> str:
        return self.m.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.m.ngettext(singular, plural, n)

    # -- addresses -----------------------------------------------------------------------

    def url(self, record: Record) -> str:
        """The site-root-relative URL of a record's page in this edition."""
        return record_url(record, self.lang)

    def page(self, path: str) -> str:
        """``chronology/`` in this edition (``ru/chronology/``)."""
        return prefix(self.lang) + path

    def src(self, src: str) -> str:
        return prefix(self.lang) + src

    # -- a record's words ----------------------------------------------------------------

    def ru(self, record: Record) -> Translation | None:
        return None if self.english else record.translations.get("ru")

    def plain_title(self, record: Record) -> str:
        """The title as plain text (a page title, a link's text, a citation)."""
        translated = self.ru(record)
        return translated.title if translated is not None else record.title

    def title(self, record: Record) -> Markup:
        """The title for a page's body: the English one marked when no Russian one exists."""
        if self.english:
            return escape(record.title)
        translated = self.ru(record)
        if translated is not None:
            return escape(translated.title)
        return self.text(record.title, None)

    def title_untranslated(self, record: Record) -> bool:
        return not self.english and self.ru(record) is None

    def text(self, english: Any, russian: Any) -> Markup:
        """A short text in this edition: the Russian one, or the English one marked."""
        if english is None or english == "":
            return Markup("")
        if self.english or (not russian and wordless(english)):
            return escape(english)
        if russian:
            return escape(russian)
        return Markup('<span lang="en">{}</span>').format(english) + _untranslated_mark()

    def field_text(self, record: Record, name: str, english: Any) -> Markup:
        """A field of ``translations.ru`` (``summary``, ``office``, ``place`` ...)."""
        translated = self.ru(record)
        return self.text(english, getattr(translated, name, None) if translated else None)

    def paragraphs(self, record: Record, name: str, english: str | None) -> Markup:
        """A text of several paragraphs (a summary)."""
        if not english:
            return Markup("")
        if self.english:
            return paragraphs(english)
        translated = self.ru(record)
        russian = getattr(translated, name, None) if translated else None
        if russian:
            return paragraphs(russian)
        return (
            Markup('<div lang="en">{}</div>').format(paragraphs(english))
            + Markup('<p class="tip-untranslated">')
            + Markup(self._("Not yet translated: the text above is the English original."))
            + Markup("</p>")
        )

    def item_text(self, english: str | None, ru: Any, name: str) -> Markup:
        """The text of a figure, fact, reading, note or office (``ru`` is its own ``ru``)."""
        return self.text(english, getattr(ru, name, None) if ru is not None else None)

    def name_as_given(self, name: str) -> Markup:
        """A name as a source gives it (``other_names``): never translated, and marked
        English on a Russian page when it is written in Latin letters."""
        if self.english or re.search("[А-Яа-яЁё]", name):
            return escape(name)
        return Markup('<span lang="en">{}</span>').format(name)

    def location(self, at: str | None) -> Markup:
        """Where in a reference (``para. 3``): in Russian from the locations' vocabulary
        (``абз. 3``), or as written, marked, when the vocabulary cannot read it."""
        if not at:
            return Markup("")
        return self.text(at, None if self.english else in_russian(at))

    def key_points(self, record: Record) -> list[Markup]:
        english = record.key_point_list
        translated = self.ru(record)
        russian = translated.key_points if translated and translated.key_points else []
        return [
            self.text(point, russian[i] if i < len(russian) else None)
            for i, point in enumerate(english)
        ]

    # -- the interface's words -----------------------------------------------------------

    def type_name(self, record_type: str, plural: bool = False) -> str:
        singular, many = TYPE_NAMES[record_type]
        return self._(many if plural else singular)

    def count(self, record_type: str, n: int) -> str:
        """``5 resolutions``, ``1 person``; in Russian with the plural form the number takes
        (``1 резолюция``, ``2 резолюции``, ``5 резолюций``, ``21 резолюция``)."""
        return _counted(self.ngettext, record_type, n) % {"num": n}

    def label(self, record: Record) -> str:
        return self.type_name(record.type)

    def word(self, value: str | None) -> str:
        """A value of the model's vocabulary (a kind, a way of adoption), in this edition."""
        return self._(value) if value else ""

    def field_name(self, name: str) -> str:
        english = FIELD_NAMES.get(name)
        return self._(english) if english else name.replace("_", " ")

    def field_label(self, name: str, ru: Any = None) -> Markup:
        """The field a fact or a reading names: one of the record's own fields in the
        edition's words, or a name of the editors' (``day of plenary adoption``), in Russian
        from the item's own ``ru.field``, and marked while it has none."""
        if self.english or name in RECORD_FIELDS:
            return escape(self.field_name(name))
        return self.text(name.replace("_", " "), getattr(ru, "field", None))

    def date(self, span: DateSpan | None) -> str:
        return self.m.date(span)

    def date_after_title(self, record: Record) -> str:
        """The date a list shows in brackets after a record's title, or ``""`` when the
        title already ends with it (``… (Vienna, 2018)`` dated 2018, ``…, 3 June 2008``)."""
        span = record.date_value
        if span is None:
            return ""
        shown = self.date(span)
        ending = _bare(self.plain_title(record))
        written = {_bare(shown), str(span.year) if span.precision == "year" else _bare(shown)}
        return "" if any(ending.endswith(w) for w in written) else shown


ENGLISH = Edition(Messages())


__all__ = ["ENGLISH", "FIELD_NAMES", "TYPE_NAMES", "Edition"]
