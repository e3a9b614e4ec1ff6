"""The archive's two languages: its interface strings, its dates, its plural forms.

The interface strings are English in the code (``m.gettext("Summary")``, ``_("Summary")``
in templates, ``t("Copied")`` in the scripts) and Russian in the message catalogue
``ru.po`` beside this file, a gettext catalogue read with Babel; its plural forms are
Russian's three (``одна запись``, ``две записи``, ``пять записей``).  A test extracts every
string from the code with Babel's extractors and checks that the catalogue gives each a
Russian one (``tests/test_i18n.py``).

Dates keep the precision the sources give: ``30 июля 2010 г.``, ``май 2009 г.``,
``2006 г.``, with CLDR's month names from Babel (genitive after a day, nominative alone).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Literal

from babel.dates import get_month_names
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from ..model.dates import DateSpan, PartialDate

DEFAULT = "en"
#: The editions, in the order the language switch lists them, with their own names.
LANGUAGE_NAMES = {"en": "English", "ru": "Русский"}
#: The locale of each edition, for Open Graph and Babel.
LOCALES = {"en": "en_GB", "ru": "ru_RU"}
#: Shown, in the Russian edition, beside English text that has no Russian translation yet.
UNTRANSLATED = "перевод ещё не готов"


def wordless(text: object) -> bool:
    """A text with no letter in it (an agenda item ``104``) reads the same in both editions:
    it needs no translation."""
    return not any(c.isalpha() for c in str(text))


def N_(message: str) -> str:
    """Marks a string for the catalogue where it is defined (a module-level table);
    it is translated where it is shown."""
    return message


def catalogue_path(lang: str) -> Any:
    return resources.files("tip_archive.i18n") / f"{lang}.po"


@cache
def _translations(lang: str) -> NullTranslations:
    """The catalogue of ``lang``, compiled in memory (read once per process: the file is
    part of the installed package, not of the data)."""
    if lang == DEFAULT:
        return NullTranslations()
    with catalogue_path(lang).open("rb") as file:
        catalog = read_po(file, locale=lang)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled)


@dataclass(frozen=True)
class Messages:
    """The interface strings and dates of one edition."""

    lang: str = DEFAULT
    _t: NullTranslations = field(default_factory=NullTranslations, repr=False, compare=False)

    @classmethod
    def of(cls, lang: str) -> Messages:
        return cls(lang, _translations(lang))

    @property
    def english(self) -> bool:
        return self.lang == DEFAULT

    def gettext(self, message: str) -> str:
        return self._t.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._t.ngettext(singular, plural, n)

    def date(self, span: DateSpan | None) -> str:
        """A date as this edition writes it, as precise as the sources give it."""
        if span is None:
            return ""
        if self.english:
            return span.human()
        return russian_span(span)


@cache
def _months(context: Literal["format", "stand-alone"]) -> tuple[str, ...]:
    names = get_month_names("wide", context, "ru")
    return tuple(names[i] for i in range(1, 13))


def _bare(date: PartialDate) -> str:
    """``30 июля 2010``, ``май 2009``, ``2006``: without the closing ``г.``."""
    if date.day and date.month:
        return f"{date.day} {_months('format')[date.month - 1]} {date.year}"
    if date.month:
        return f"{_months('stand-alone')[date.month - 1]} {date.year}"
    return str(date.year)


def russian_date(date: PartialDate) -> str:
    """``30 июля 2010 г.``, ``май 2009 г.``, ``2006 г.``"""
    return f"{_bare(date)} г."


def russian_span(span: DateSpan) -> str:
    """A date or a span: ``13–14 мая 2013 г.``, ``май–июнь 2010 г.``, ``2005–2006 гг.``"""
    start, end = span.start, span.end
    if end is None:
        return russian_date(start)
    if start.precision == end.precision and start.year == end.year:
        if start.precision == "day" and start.month == end.month:
            return f"{start.day}\u2013{russian_date(end)}"
        if start.precision == "day":
            assert start.month is not None
            return f"{start.day} {_months('format')[start.month - 1]} \u2013 {russian_date(end)}"
        if start.precision == "month":
            assert start.month is not None
            return f"{_months('stand-alone')[start.month - 1]}\u2013{russian_date(end)}"
    if start.precision == end.precision == "year":
        return f"{start.year}\u2013{end.year} гг."
    return f"{russian_date(start)} \u2013 {russian_date(end)}"


__all__ = ["DEFAULT", "LANGUAGE_NAMES", "Messages", "N_", "UNTRANSLATED", "russian_span"]
