"""Ready-made citations of a record, in the styles authors of reports use.

Every record gets a Chicago note and a Chicago bibliography entry, citing the record's
page in the archive, in the forms of the official CSL style "Chicago Manual of Style
18th edition (notes and bibliography)" for the record's CSL type (:mod:`.bibformats`),
so that a reference manager fed the archive's CSL-JSON gives the same citation
(``tests/test_citeproc.py`` holds the few deliberate differences).  A General
Assembly, ECOSOC or Security Council resolution with a symbol also gets the legal
forms, which cite the resolution itself:

- OSCOLA (4th ed., UN resolutions): ``UNGA Res 64/293 (30 July 2010) UN Doc A/RES/64/293``;
- Bluebook (21st ed., rule 21.7): ``G.A. Res. 64/293, U.N. Doc. A/RES/64/293 (July 30, 2010)``;
- AGLC (4th ed., ch. 9, UN materials): ``Title, GA Res 64/293, UN Doc A/RES/64/293 (30 July 2010)``.

Dates print what is known and no more: ``(2008)``, ``(July 2008)``, ``(25 July 2008)``.
Each citation comes as plain text (for copying) and as HTML (titles in italics).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from ..crossref.archive import Archive
from ..i18n import N_
from ..model.dates import MONTHS, DateSpan, PartialDate
from ..model.records import Body, Document, Event, Person, Record, Resolution, Source, Statement
from ..model.symbols import Symbol, parse_symbol
from .edition import Edition
from .extras import SiteContext
from .urls import record_url

#: Bluebook table T12 abbreviations of months.
BLUEBOOK_MONTHS = [
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June",
    "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
]  # fmt: skip

#: How each style names the organ of a resolution, by the symbol's series.
#: OSCOLA prefixes "UN" to the organ (UNGA, UNSC, UNESC); the Bluebook and the
#: AGLC use their own abbreviations.  Other organs get the Chicago forms only.
ORGANS: dict[str, dict[str, str]] = {
    "A": {"oscola": "UNGA Res", "bluebook": "G.A. Res.", "aglc": "GA Res"},
    "E": {"oscola": "UNESC Res", "bluebook": "E.S.C. Res.", "aglc": "ESC Res"},
    "S": {"oscola": "UNSC Res", "bluebook": "S.C. Res.", "aglc": "SC Res"},
}


class It(str):
    """A part of a citation set in italics (titles of documents)."""


Part = str | It


@dataclass(frozen=True)
class Styled:
    """One citation, as plain text and as HTML."""

    key: str
    """Stable identifier of the style, e.g. ``chicago-note``."""
    label: str
    """The style's name as shown to readers."""
    text: str
    html: Markup


def _styled(key: str, label: str, parts: list[Part]) -> Styled:
    text = "".join(parts)
    html = Markup(
        "".join(
            f"<i>{escape(part)}</i>" if isinstance(part, It) else escape(part) for part in parts
        )
    )
    return Styled(key, label, text, html)


# -- dates ----------------------------------------------------------------------------


def us_date(date: PartialDate, months: list[str] = MONTHS) -> str:
    """``July 30, 2010``, ``July 2010`` or ``2010``."""
    if date.month and date.day:
        return f"{months[date.month - 1]} {date.day}, {date.year}"
    if date.month:
        return f"{months[date.month - 1]} {date.year}"
    return str(date.year)


def us_span(span: DateSpan, months: list[str] = MONTHS) -> str:
    """A date or span in month-day-year order: ``May 13\u201314, 2013``."""
    start, end = span.start, span.end
    if end is None:
        return us_date(start, months)
    if start.year == end.year and start.precision == end.precision == "day":
        assert start.month and end.month
        if start.month == end.month:
            return f"{months[start.month - 1]} {start.day}\u2013{end.day}, {end.year}"
        return f"{months[start.month - 1]} {start.day}\u2013{us_date(end, months)}"
    if start.year == end.year and start.precision == end.precision == "month":
        assert start.month
        return f"{months[start.month - 1]}\u2013{us_date(end, months)}"
    return f"{us_date(start, months)}\u2013{us_date(end, months)}"


def uk_span(span: DateSpan) -> str:
    """A date or span in day-month-year order: ``30 July 2010``."""
    return span.human()


# -- names ----------------------------------------------------------------------------


def split_name(name: str) -> tuple[str, str] | None:
    """(family, given) for a personal name written given-names-first, or None.

    The archive writes names as the sources do (``Valentin Rybakov``); the last
    word is taken as the family name.  A name is left whole (None) when it is one
    word, has a word that does not start with a capital (a particle), or ends in a
    hyphenated given name with a lower-case second part (``Ban Ki-moon``): Korean and
    Chinese names put the family name first and are not inverted (Chicago).
    """
    words = name.split()
    if len(words) < 2 or not all(word[:1].isupper() for word in words):
        return None
    if re.search(r"-[a-z]", words[-1]):
        return None
    return words[-1], " ".join(words[:-1])


def spaced_initials(name: str) -> str:
    """``S. N. Martynov`` for ``S.N. Martynov``: Chicago spaces initials."""
    return re.sub(r"\b([A-Z])\.(?=[A-Z])", r"\1. ", name)


def inverted(name: str) -> str:
    """``Rybakov, Valentin`` for a bibliography; the name as it is when it cannot be split."""
    parts = split_name(name)
    return f"{parts[0]}, {parts[1]}" if parts else name


# -- punctuation ----------------------------------------------------------------------


def typographic(text: str) -> str:
    """Quotation marks and apostrophes as Chicago prints them: ``“On Combating”``,
    ``Belarus’s``, ``‘Abject Poverty’``."""
    text = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", text)
    # An apostrophe, or a closing quote after a word or its punctuation; any other opens.
    text = re.sub(r"(?<=[\w.,;:!?])'", "\u2019", text)
    return text.replace("'", "\u2018")


def _q(title: str) -> str:
    """A title in double quotation marks; quotation marks inside it become single."""
    title = typographic(title)
    inner = re.sub(r'"([^"]*)"', "\u2018\\1\u2019", title)
    inner = inner.replace("\u201c", "\u2018").replace("\u201d", "\u2019")
    return f"\u201c{inner}\u201d"


def _punct(parts: list[Part], mark: str) -> list[Part]:
    """Add ``mark`` after ``parts`` as Chicago does: inside closing quotation marks, and
    not at all after a question mark, an exclamation mark or the same mark."""
    last = str(parts[-1]) if parts else ""
    # A closing single quote counts only after an opening one (not an apostrophe: "Members’").
    inner = last.rstrip("\u2019\u201d" if "\u2018" in last else "\u201d")
    closing = last[len(inner) :]
    if inner[-1:] in ("?", "!", mark):
        return parts
    if closing and not isinstance(parts[-1], It):
        return [*parts[:-1], f"{inner}{mark}{closing}"]
    return [*parts, mark]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


# -- what a record is ------------------------------------------------------------------


@dataclass(frozen=True)
class Facts:
    """What the citation formats need to know of a record, looked up once."""

    record: Record
    url: str
    site: str
    """The archive's name as cited (with the release, when there is one)."""
    symbol: Symbol | None
    authors: list[str]
    """Names of persons or bodies credited as authors or speakers."""
    date: DateSpan | None
    title: str | None
    """The title as cited; None when the record's title only describes it by its symbol
    (the sources give no title): Chicago then cites the document by its kind and symbol."""
    genre: str | None
    """What it is, as a citation names it (``Resolution``, ``statement``, ``launch``)."""
    persons: dict[str, bool]
    """For each author, whether it is a person (a bibliography inverts a person's name)."""


def facts(archive: Archive, record: Record, site: SiteContext, release: str | None = None) -> Facts:
    release = release if release is not None else site.release
    name = site.name or "Archive"
    label = f"{name}, release {release}" if release else name
    symbol = parse_symbol(record.symbol_value) if record.symbol_value else None
    described = bool(record.symbol_value) and str(record.symbol_value) in record.title
    names = authors(archive, record)
    return Facts(
        record=record,
        url=site.absolute(record_url(record)),
        site=label,
        symbol=symbol,
        authors=names,
        date=record.date_value,
        title=None if described else record.title,
        genre=genre(record),
        persons={name: is_person(archive, record, name) for name in names},
    )


def genre(record: Record) -> str | None:
    """A UN document's type before its symbol is capitalised (``Letter A/65/497``);
    other kinds are common nouns (``statement``, ``launch``).  ``other`` is never printed."""
    if isinstance(record, Resolution):
        return "Resolution"
    if isinstance(record, Statement):
        return "statement"
    kind = getattr(record, "kind", None)
    symbol = parse_symbol(record.symbol_value) if record.symbol_value else None
    if record.type == "reference" and symbol is not None:
        # A UN document the archive consulted: named by its type before its symbol, as a
        # document record is (without one, CSL's Chicago style repeats the symbol after
        # the archive's name as if it were a place in the archive).
        return "Resolution" if symbol.is_resolution else "Document"
    if isinstance(record, Document) and record.symbol and kind == "other":
        return "Document"  # a numbered UN document of no named kind
    if not isinstance(record, (Document, Event)) or kind in (None, "other", "treaty"):
        return None
    return _cap(kind) if isinstance(record, Document) and record.symbol else kind


def authors(archive: Archive, record: Record) -> list[str]:
    """Who a citation names as the author: the speaker, the document's authors, the
    adopting body of a resolution, the author a source gives."""
    if isinstance(record, Statement):
        return [spaced_initials(archive[record.speaker].title)]
    if isinstance(record, Document):
        return [archive[i].title for i in record.authors]
    if isinstance(record, Resolution):
        return [archive[record.body].title]
    if isinstance(record, Source) and record.author:
        person = split_name(record.author) is not None
        return [spaced_initials(record.author) if person else record.author]
    return []


def is_person(archive: Archive, record: Record, name: str) -> bool:
    """Whether an author of ``record`` is a person (cited family name first in a
    bibliography) rather than a body (one name, never split)."""
    if isinstance(record, Statement):
        return True
    if isinstance(record, Document):
        return any(archive[i].title == name and archive[i].type == "person" for i in record.authors)
    if isinstance(record, Source):
        return name not in archive.titles("body") and split_name(name) is not None
    return False


def resolution_number(symbol: Symbol | None) -> str | None:
    """``64/293`` for ``A/RES/64/293``, ``1325`` for ``S/RES/1325 (2000)``."""
    if symbol is None or not symbol.is_resolution or symbol.suffixes:
        return None
    if symbol.short:
        return symbol.short
    if symbol.series == "S" and symbol.item:
        return symbol.item.split(" ")[0]
    return None


def _names(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


# -- Chicago --------------------------------------------------------------------------


def chicago_note(f: Facts) -> Styled:
    return _styled("chicago-note", N_("Chicago, note"), _chicago(f, note=True))


def chicago_bibliography(f: Facts) -> Styled:
    return _styled("chicago-bibliography", N_("Chicago, bibliography"), _chicago(f, note=False))


def _chicago(f: Facts, note: bool) -> list[Part]:
    """The forms of the official CSL Chicago notes-bibliography style (18th ed.) for the
    record's CSL type (see :mod:`.bibformats`), so that the page and a reference manager fed
    the archive's CSL-JSON agree.  Notes separate elements with commas, bibliographies
    mostly with full stops; every form ends with the archive's name and the record's
    permanent URL."""
    record = f.record
    kind = _csl_kind(record)
    if kind == "report":
        groups = _un_document(f, note)
    elif kind == "treaty":
        groups = [[typographic(record.title)], *([[us_span(f.date)]] if f.date else [])]
    elif isinstance(record, Event):
        groups = _event(f, record, note)
    elif isinstance(record, (Body, Person)):
        groups = [[_q(record.title)]]
    else:  # a statement, an unnumbered document, an archived source
        groups = _described(f, note)
    groups = [*groups, [f.site], [f.url]]
    return _join(groups, note)


def _csl_kind(record: Record) -> str:
    from .bibformats import csl_type  # the one table of types lives with the CSL writer

    return csl_type(record)


def _join(groups: list[list[Part]], note: bool) -> list[Part]:
    """Groups in order: inside a group, parts are joined with commas; between groups a
    note puts commas and a bibliography full stops (inside closing quotation marks)."""
    mark = "," if note else "."
    parts: list[Part] = []
    for group in groups:
        if not group:
            continue
        if parts:
            parts = [*_punct(parts, mark), " "]
        first = group[0]
        if not note and parts and not isinstance(first, It) and _capitalisable(first):
            group = [_cap(first), *group[1:]]
        for i, part in enumerate(group):
            if i:
                parts = [*_punct(parts, ","), " "]
            parts.append(part)
    return _punct(parts, ".")


def _capitalisable(text: str) -> bool:
    """A bibliography capitalises what follows a full stop, but not "n.d." or an address."""
    return text != "n.d." and not text.startswith(("http://", "https://"))


def _when(f: Facts, undated: str = "n.d.") -> str:
    return us_span(f.date) if f.date else undated


def _lead(f: Facts, note: bool) -> list[Part]:
    """The authors: given name first in a note, the first one inverted in a bibliography."""
    if not f.authors:
        return []
    people = [f.persons.get(name, False) for name in f.authors]
    if note or not people[0]:
        return [_names(f.authors)]
    return [_names([inverted(f.authors[0]), *f.authors[1:]])]


def _un_document(f: Facts, note: bool) -> list[list[Part]]:
    """A UN document: author, title (italics), type and symbol, date (CMOS 14.300)."""
    # A Security Council symbol's year goes with the date: "S/RES/1325 (October 31, 2000)".
    symbol = (_doc(f) if f.date else str(f.symbol)) if f.symbol else None
    numbered = " ".join(x for x in (f.genre, symbol) if x)
    title: list[Part] = [It(typographic(f.title))] if f.title else []
    if note:
        return [[*_lead(f, note), *title, f"{numbered} ({_when(f)})"]]
    return [_lead(f, note), title, [numbered], [_when(f)]]


def _event(f: Facts, record: Event, note: bool) -> list[list[Part]]:
    """An event: title, kind, date ("announced" before a date still to come), place."""
    when = _when(f)
    if record.announced and f.date:
        when = f"announced {when}"
    place = [record.place] if record.place else []
    if note:
        return [[typographic(record.title), *([f.genre] if f.genre else []), when, *place]]
    return [[typographic(record.title)], [f.genre] if f.genre else [], [when, *place]]


def _described(f: Facts, note: bool) -> list[list[Part]]:
    """A statement, an unnumbered document or an archived source: author, "title",
    what it is, where it appeared, date, and a source's first address."""
    record = f.record
    webpage = _csl_kind(record) == "webpage"
    title: Part = _q(f.title or record.title)
    what = [f.genre] if f.genre else []
    where: list[Part] = []
    if isinstance(record, Statement):
        where = [typographic(record.occasion)]
    elif isinstance(record, Source) and record.publisher:
        where = [record.publisher]
    when = [_when(f, "" if webpage else "n.d.")] if (f.date or not webpage) else []
    address = [record.url] if isinstance(record, Source) and record.url else []
    lead = _lead(f, note)
    if isinstance(record, Source) and not lead and where and not note:
        lead, where = where, []  # no author: the site leads the bibliography entry
    if note:
        return [[*lead, title, *what, *where, *when, *address]]
    if isinstance(record, Statement):
        return [lead, [title], what, [*where, *when]]
    return [lead, [title], what, [*where, *when], address]


# -- legal styles for resolutions ------------------------------------------------------


def oscola(f: Facts) -> Styled | None:
    """OSCOLA 4th ed.: body Res number (date) UN Doc symbol."""
    organ, number = _organ(f, "oscola")
    if not organ:
        return None
    date = f" ({uk_span(f.date)})" if f.date else ""
    return _styled("oscola", "OSCOLA", [f"{organ} {number}{date} UN Doc {_doc(f)}"])


def bluebook(f: Facts) -> Styled | None:
    """Bluebook rule 21.7: organ Res. number, U.N. Doc. symbol (date)."""
    organ, number = _organ(f, "bluebook")
    if not organ:
        return None
    date = f" ({us_span(f.date, BLUEBOOK_MONTHS)})" if f.date else ""
    return _styled("bluebook", "Bluebook", [f"{organ} {number}, U.N. Doc. {_doc(f)}{date}"])


def aglc(f: Facts) -> Styled | None:
    """AGLC 4th ed.: Title (italics), organ Res number, UN Doc symbol (date)."""
    organ, number = _organ(f, "aglc")
    if not organ:
        return None
    date = f" ({uk_span(f.date)})" if f.date else ""
    parts: list[Part] = [It(f.record.title), f", {organ} {number}, UN Doc {_doc(f)}{date}"]
    return _styled("aglc", "AGLC", parts)


def _doc(f: Facts) -> str:
    """The symbol after "UN Doc": a Security Council resolution's year goes with its date."""
    return str(f.symbol).split(" (")[0]


def _organ(f: Facts, style: str) -> tuple[str, str]:
    number = resolution_number(f.symbol)
    if not isinstance(f.record, Resolution) or f.symbol is None or number is None:
        return "", ""
    organ = ORGANS.get(f.symbol.series, {}).get(style, "") if not f.symbol.bodies else ""
    return organ, number


def record_citations(
    archive: Archive, record: Record, site: SiteContext, release: str | None = None
) -> list[Styled]:
    """Every ready citation of ``record``: Chicago note and bibliography, then the legal
    forms of a resolution (OSCOLA, Bluebook, AGLC) when its symbol allows them; on a page
    of the Russian edition, first a GOST R 7.0.5-2008 reference in Russian."""
    f = facts(archive, record, site.edition("en"), release)
    found = [gost(archive, record, site, release)] if site.lang == "ru" else []
    found += [chicago_note(f), chicago_bibliography(f)]
    found += [c for c in (oscola(f), bluebook(f), aglc(f)) if c is not None]
    return found


# -- GOST R 7.0.5-2008, for the Russian edition -----------------------------------------


def _gost_responsible(archive: Archive, record: Record, ed: Any) -> list[str]:
    """Who is responsible for the work, by their Russian names."""
    ids: list[str] = []
    if isinstance(record, Resolution):
        ids = [record.body]
    elif isinstance(record, Statement):
        ids = [record.speaker]
    elif isinstance(record, Document):
        ids = list(record.authors)
    return [ed.plain_title(archive[i]) for i in ids if i in archive.entries]


def gost(archive: Archive, record: Record, site: SiteContext, release: str | None = None) -> Styled:
    """A reference to the record's page in the Russian edition, as GOST R 7.0.5-2008 gives
    one for a part of an electronic resource: ``Title : kind symbol / responsible. – date
    // Archive. – URL: ...``; the reader adds ``(дата обращения: ...)``."""
    ed = Edition.of("ru")
    release = release if release is not None else site.release
    name = ed.m.gettext(site.name) if site.name else "Архив"
    source = f"{name} : документальный архив" + (f", выпуск {release}" if release else "")
    kind = ed.label(record).lower()
    if record.symbol_value:
        kind += f" {record.symbol_value}"
    parts: list[Part] = [It(typographic(ed.plain_title(record))), f" : {kind}"]
    responsible = _gost_responsible(archive, record, ed)
    if responsible:
        parts.append(" / " + ", ".join(responsible))
    if record.date_value is not None:
        parts.append(f". \u2013 {ed.date(record.date_value)}")
    parts.append(f" // {source}. \u2013 URL: {site.absolute(ed.url(record))}")
    return _styled("gost", "ГОСТ Р 7.0.5–2008", parts)
