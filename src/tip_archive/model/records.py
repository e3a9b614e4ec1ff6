"""The record types of the archive and every field a record author may write.

This module is the reference for record authors: each field's docstring is
published in the JSON Schema (``tip-archive schema``) and on the site's
"Record format" page.  Unknown fields are errors, so a typo such as
``adpoted`` is reported instead of ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    model_validator,
)

from .dates import DateError, DateSpan
from .symbols import SymbolError, parse_symbol

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

#: The years the archive's story covers, from the 2005 World Summit to the 2019 resolution.
SPAN = (2005, 2019)

#: Languages of the archive's editions; English is the default edition.
LANGUAGES = ("en", "ru")


class FieldProblem(ValueError):
    """A problem found by a check of the whole record, reported at one of its fields."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class Ref:
    """Marks a field that holds the id of another record, of one of ``types``."""

    def __init__(self, *types: str) -> None:
        self.types = types

    def __repr__(self) -> str:
        return f"Ref{self.types}"


def _check_date(value: Any) -> DateSpan:
    if isinstance(value, DateSpan):
        return value
    try:
        return DateSpan.parse(value)
    except DateError as exc:
        raise ValueError(str(exc)) from None


def _check_symbol(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a UN document symbol: {_SYMBOL_HINT}")
    try:
        return str(parse_symbol(value))
    except SymbolError as exc:
        raise ValueError(f"{exc}: {_SYMBOL_HINT}") from None


_SYMBOL_HINT = "write it as printed on the UN document, e.g. A/RES/64/293 or A/C.3/61/L.9"


def _check_text(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value.strip()


Date = Annotated[
    DateSpan,
    BeforeValidator(_check_date),
    PlainSerializer(lambda d: d.iso(), return_type=str),
    Field(
        json_schema_extra={
            "type": ["string", "integer"],
            "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$",
        }
    ),
]
"""``2006``, ``2009-05``, ``2010-07-30``, or a span ``2013-05-13/2013-05-14``."""

UNSymbol = Annotated[str, AfterValidator(_check_symbol)]
Text = Annotated[str, AfterValidator(_check_text)]
RecordId = Annotated[str, Field(pattern=ID_PATTERN, max_length=120)]


BodyRef = Annotated[str, Ref("body"), Field(pattern=ID_PATTERN)]
PersonRef = Annotated[str, Ref("person"), Field(pattern=ID_PATTERN)]
ActorRef = Annotated[str, Ref("body", "person"), Field(pattern=ID_PATTERN)]
SourceRef = Annotated[str, Ref("source"), Field(pattern=ID_PATTERN)]
EventRef = Annotated[str, Ref("event"), Field(pattern=ID_PATTERN)]
ResolutionRef = Annotated[str, Ref("resolution"), Field(pattern=ID_PATTERN)]
ReferenceRef = Annotated[str, Ref("reference"), Field(pattern=ID_PATTERN)]
AnyRef = Annotated[
    str,
    Ref("resolution", "statement", "event", "document", "body", "person", "source"),
    Field(pattern=ID_PATTERN),
]


_Dated = TypeVar("_Dated", "Statement", "Event")


def _require_date(record: _Dated) -> _Dated:
    if record.date is None and not (record.date_note or "").strip():
        raise ValueError("give a date, or a date_note saying what the sources tell of the date")
    return record


class Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        use_attribute_docstrings=True,
        frozen=True,
        str_strip_whitespace=False,
    )

    forbidden: ClassVar[dict[str, str]] = {}
    """Fields an author may be tempted to write here, with why they are refused."""


class QuoteRu(Strict):
    """The Russian edition's translation of an English quote (the quote itself stays verbatim)."""

    translation: Text
    """The archive's Russian translation of the quote."""


class LabelRu(Strict):
    """The Russian text of a figure's label."""

    label: Text
    """What is counted, in Russian (``участники``)."""


class ValueRu(Strict):
    """The Russian text of a reading's value."""

    value: Text
    """The reading, in Russian."""
    field: Text | None = None
    """The name of the field in Russian, when ``field`` names none of the record's own fields
    (``автор предложения о Глобальном партнёрстве``)."""


class NoteRu(Strict):
    """The Russian text of a disagreement's editorial note."""

    note: Text
    """The editorial note, in Russian."""


class FactRu(Strict):
    """The Russian text of a fact from the public record."""

    value: Text | None = None
    """The value, in Russian (dates, symbols and numbers as in English, in Russian form)."""
    unconfirmed: Text | None = None
    """Why no consulted page confirms it yet, in Russian."""
    field: Text | None = None
    """The name of the field in Russian, when ``field`` names none of the record's own fields
    (``день принятия на пленарном заседании``)."""


class OfficeRu(Strict):
    """The Russian text of an office."""

    title: Text
    """The office, in Russian."""


class Citation(Strict):
    """A passage of an archived source that supports a record: quoted, and checked by the build."""

    source: SourceRef
    """Id of the archived source (a record of type ``source``)."""
    paragraph: int = Field(ge=1)
    """Number of the paragraph in the source (the ``¶`` shown on the source page)."""
    quote: Text
    """The supporting passage, copied verbatim from that paragraph (whitespace may differ)."""
    translation: str | None = None
    """The archive's own English rendering of a quote in another language."""
    ru: QuoteRu | None = None
    """For a quote in English: the archive's Russian translation of it, shown beside the
    quote in the Russian edition and marked as a translation."""


_NO_QUOTE = (
    "the public record is never quoted: remove 'quote' and give the value in the archive's "
    "own words (verbatim quotes come only from archived sources, under 'cited' or 'sources')"
)


class Referenced(Strict):
    """Where a number, reading or office is found in the public record: a reference and the place in it."""

    forbidden: ClassVar[dict[str, str]] = {"quote": _NO_QUOTE}

    reference: ReferenceRef
    """Id of the reference (a record of type ``reference``)."""
    at: str | None = None
    """Where in it: ``para. 3``, ``OP 5``, ``p. 2``, ``header``."""


class Evidenced(Strict):
    """A part of a record that rests on an archived quote or on the public record, not both."""

    what: ClassVar[str] = "this"
    """How a message names the part: ``a figure``, ``a reading``, ``an office``."""
    needs_evidence: ClassVar[bool] = True

    cited: Citation | None = None
    """The passage of an archived source that gives it (or ``referenced``)."""
    referenced: Referenced | None = None
    """The reference in the public record that gives it (or ``cited``)."""

    @model_validator(mode="after")
    def _one_kind_of_evidence(self) -> Evidenced:
        if self.cited is not None and self.referenced is not None:
            raise FieldProblem(
                "referenced",
                f"{self.what} has both 'cited' and 'referenced': keep the archived quote under "
                "'cited' or the public record under 'referenced', not both",
            )
        if self.needs_evidence and self.cited is None and self.referenced is None:
            raise FieldProblem(
                "cited",
                f"{self.what} needs 'cited' (an archived quote) or 'referenced' "
                "(a reference in the public record): add one",
            )
        return self


class Figure(Evidenced):
    """A number the sources give: participants, countries, co-sponsors, people trained."""

    label: Text
    """What is counted, e.g. ``participants`` or ``co-sponsors``."""
    value: int = Field(ge=0)
    """The number as the source gives it."""
    qualifier: Literal["exactly", "over", "about", "at least", "up to"] = "exactly"
    """How the source qualifies the number (``over 400``, ``about 800``)."""
    what: ClassVar[str] = "a figure"
    ru: LabelRu | None = None
    """The label in the Russian edition."""


class Reading(Evidenced):
    """One way the sources give a fact on which they differ."""

    field: Text
    """The field concerned, e.g. ``title``, ``date`` or ``place``."""
    value: Text
    """The reading, as the source gives it."""
    what: ClassVar[str] = "a reading"
    ru: ValueRu | None = None
    """The reading in the Russian edition (a quoted reading keeps its quote; this renders it)."""


class Disagreement(Strict):
    """Sources differ on a fact: every reading is shown with an editorial note."""

    note: Text
    """The archive's editorial note explaining the difference."""
    readings: list[Reading] = Field(min_length=2)
    """Each reading with its source."""
    ru: NoteRu | None = None
    """The note in the Russian edition."""


class Fact(Strict):
    """A fact a record states from the public record: its value, and the reference it rests on.

    Each fact has either ``reference`` (where the archive read it) or ``unconfirmed``
    (why no consulted page confirms it yet), never both.  A fact has no quote.
    """

    forbidden: ClassVar[dict[str, str]] = {"quote": _NO_QUOTE}

    field: Text
    """The record field the fact supplies: ``date``, ``symbol``, ``draft_symbol``, ``adoption``,
    ``place``, ``title``, ``session``, ``body``, ``initiators``, ``summary``, ..."""
    value: Text
    """The value, in the archive's own words (never a sentence copied from the page)."""
    reference: ReferenceRef | None = None
    """Id of the reference it comes from (a record of type ``reference``)."""
    at: str | None = None
    """Where in the reference: ``para. 3``, ``OP 5``, ``p. 2``, ``header``."""
    unconfirmed: Text | None = None
    """Instead of ``reference``: why no consulted page confirms the fact yet."""
    ru: FactRu | None = None
    """The value (and the reason it is unconfirmed) in the Russian edition."""

    @model_validator(mode="after")
    def _reference_or_unconfirmed(self) -> Fact:
        if self.reference is not None and self.unconfirmed is not None:
            raise FieldProblem(
                "unconfirmed",
                "a fact has either 'reference' or 'unconfirmed', not both: remove "
                "'unconfirmed' once a reference confirms it",
            )
        if self.reference is None and self.unconfirmed is None:
            raise FieldProblem(
                "reference",
                "a fact needs 'reference' (the id of the reference it comes from) or "
                "'unconfirmed' (why no consulted page confirms it): add one",
            )
        if self.at is not None and self.reference is None:
            raise FieldProblem(
                "at", "'at' says where in a reference: give 'reference' too, or remove 'at'"
            )
        return self

    @property
    def referenced(self) -> Referenced | None:
        """The fact's evidence in the shape figures and readings use."""
        return Referenced(reference=self.reference, at=self.at) if self.reference else None


class Translation(Strict):
    """A record's text in the Russian edition, beside the English text in the same file.

    Only what is written in words is translated; ids, symbols, dates and numbers are shared.
    Parts of lists (figures, facts, readings, notes, offices, quotes) carry their own ``ru``."""

    title: Text
    """The title in Russian: the UN's official Russian title where one was seen (then give
    ``title_official``), otherwise the archive's translation."""
    title_official: str | None = Field(default=None, pattern=r"^https?://\S+$")
    """The address of the page where the official Russian title was seen (a UN document in
    Russian, an official page); leave out when the title is the archive's translation."""
    summary: str | None = None
    """The summary in Russian (blank lines separate paragraphs, as in English)."""
    key_points: list[Text] = []
    """A statement's key points in Russian, one for each English key point, in the same order."""
    office: Text | None = None
    """A statement's speaker's office, in Russian."""
    occasion: Text | None = None
    """A statement's occasion, in Russian."""
    date_note: str | None = None
    """What the sources tell of a date they do not give, in Russian."""
    place: str | None = None
    """An event's place, in Russian."""
    publisher: str | None = None
    """A source's or reference's publisher, in Russian."""
    author: str | None = None
    """A source's author, in Russian (``Валентин Рыбаков``)."""
    agenda_item: str | None = None
    """A resolution's agenda item, in Russian: the UN's Russian name of the item where one was
    seen, otherwise the archive's translation (``106 (Предупреждение преступности и уголовное
    правосудие)``)."""
    abbreviation: str | None = None
    """A body's abbreviation in Russian (``ООН``, ``УНП ООН``)."""
    provenance: Text | None = None
    """A source's provenance note, in Russian."""
    uncited: dict[int, Text] = {}
    """A source's reasons for uncited paragraphs, in Russian, by paragraph number."""


@dataclass(frozen=True)
class SymbolOf:
    """One UN document symbol of a record, and what it is to the record."""

    value: str
    role: Literal["symbol", "draft", "other"]
    """The record's own symbol, its draft's, or another (a corrigendum, a revision)."""
    loc: tuple[str | int, ...]
    """Where it is written in the record file: ``("other_symbols", 0)``."""


def _symbols_of(
    own: str | None, draft: str | None, others: list[str], draft_field: str = "draft_symbol"
) -> list[SymbolOf]:
    found = [SymbolOf(own, "symbol", ("symbol",))] if own else []
    if draft:
        found.append(SymbolOf(draft, "draft", (draft_field,)))
    found += [SymbolOf(s, "other", ("other_symbols", i)) for i, s in enumerate(others)]
    return found


class Record(Strict):
    """Fields every record has."""

    type: str
    """The record type; must match the folder the file is in."""
    id: RecordId
    """Stable identifier, equal to the file name without ``.yaml``; for a record with a
    UN symbol, the symbol's slug (``A/RES/64/293`` gives ``a-res-64-293``); a reference's id
    starts with its publisher (``un-a-71-119``, ``un-ga-shc-4090``, ``mfa-...``)."""
    title: Text
    """Title in English, as the sources give it."""
    summary: str | None = None
    """A short account in the archive's own words (plain text; blank lines separate paragraphs)."""
    related: list[AnyRef] = []
    """Ids of related records; each one's page links back here."""
    sources: list[Citation] = []
    """Passages of archived sources that support the record, quoted verbatim; a resolution,
    statement, event or document needs these or ``facts`` resting on a reference."""
    figures: list[Figure] = []
    """Numbers the sources give, each with its quote."""
    disagreements: list[Disagreement] = []
    """Facts on which the sources differ."""
    facts: list[Fact] = []
    """Facts from the public record, each with the reference it rests on (or why it is unconfirmed)."""
    translations: dict[Literal["ru"], Translation] = {}
    """Title and summary in other language editions."""

    plural: ClassVar[str] = "records"
    label: ClassVar[str] = "Record"
    needs_sources: ClassVar[bool] = True

    @property
    def date_value(self) -> DateSpan | None:
        """The record's date, for the types that have one (each says so: see below)."""
        return None

    # Capabilities: what some record types have, asked of any record.  Each type with the
    # field overrides its capability (tests/test_capabilities.py checks every type).

    @property
    def announced(self) -> bool:
        """Whether the sources announce it for a later date rather than report it."""
        return False

    @property
    def kind_text(self) -> str:
        """What kind of event, document, body, source or reference it is ("" for the others)."""
        return ""

    @property
    def key_point_list(self) -> list[str]:
        """A statement's key points."""
        return []

    @property
    def text_paragraphs(self) -> list[ParagraphRef]:
        """The paragraphs of a resolution's or document's archived text."""
        return []

    @property
    def other_name_list(self) -> list[str]:
        """Other names of a body or person."""
        return []

    @property
    def date_note_text(self) -> str | None:
        """What the sources tell of a date they do not give."""
        return None

    @property
    def office_list(self) -> list[Office]:
        """A person's offices."""
        return []

    @property
    def press_release_number(self) -> str | None:
        """A reference's press-release number."""
        return None

    def symbols(self) -> list[SymbolOf]:
        """The record's UN symbols: its own first, then its draft's, then the others.

        The one place that says which fields hold symbols: a record type with symbols
        overrides it (a test checks that every field of symbols is named here)."""
        return []

    @property
    def symbol_value(self) -> str | None:
        return next((s.value for s in self.symbols() if s.role == "symbol"), None)

    @property
    def quoted(self) -> bool:
        """Whether the record rests on passages of archived sources (quoted, checked by the build)."""
        return bool(self.sources) or any(item.cited is not None for item in self.evidenced_items())

    @property
    def referenced(self) -> bool:
        """Whether the record rests on the public record: a fact, figure or reading from a reference."""
        return bool(self.public_record())

    def public_record(self) -> list[Referenced]:
        """Where the record's facts, figures, readings and offices rest on references."""
        found = [f.referenced for f in self.facts]
        found += [item.referenced for item in self.evidenced_items()]
        return [r for r in found if r is not None]

    def evidenced_items(self) -> list[Evidenced]:
        """The record's figures, readings and offices: each rests on a quote or a reference."""
        items: list[Evidenced] = [*self.figures]
        items += [r for d in self.disagreements for r in d.readings]
        items += self.office_list
        return items

    @property
    def all_symbols(self) -> list[str]:
        """The record's own symbol first, then its draft and other symbols."""
        return [s.value for s in self.symbols()]


class ParagraphRef(Strict):
    """A numbered paragraph of a resolution or draft whose text is archived in a source."""

    label: str = Field(pattern=r"^[A-Za-z0-9.()]+$")
    """The paragraph's label: ``PP1`` for a preambular, ``OP1`` for an operative paragraph."""
    source: SourceRef
    """The source that holds the text."""
    paragraph: int = Field(ge=1)
    """The paragraph number in that source."""


class Resolution(Record):
    """A resolution adopted by a UN organ or body."""

    type: Literal["resolution"]
    """The record type, ``resolution``."""
    symbol: UNSymbol | None = None
    """The resolution's UN symbol, e.g. ``A/RES/64/293``; leave out when the sources do not give it."""
    date: Date | None = None
    """Date of adoption, as precise as the sources allow."""
    body: BodyRef
    """The adopting body, e.g. ``un-general-assembly``."""
    session: int | None = Field(default=None, ge=1)
    """The session of the adopting body, e.g. ``64``."""
    agenda_item: str | None = None
    """The agenda item under which it was adopted."""
    draft_symbol: UNSymbol | None = None
    """The symbol of the draft resolution."""
    other_symbols: list[UNSymbol] = []
    """Other symbols of the same document: corrigenda, revisions."""
    adoption: Literal["consensus", "without a vote", "recorded vote", "vote"] | None = None
    """How it was adopted."""
    votes: dict[Literal["in_favour", "against", "abstentions"], int] | None = None
    """The vote count, when adopted by a vote."""
    initiators: list[ActorRef] = []
    """Who initiated or tabled it."""
    cosponsors: list[BodyRef] = []
    """Co-sponsors named in the sources."""
    text: list[ParagraphRef] = []
    """The resolution's own paragraphs, where its text is archived in a source."""

    plural: ClassVar[str] = "resolutions"
    label: ClassVar[str] = "Resolution"

    @property
    def date_value(self) -> DateSpan | None:
        return self.date

    def symbols(self) -> list[SymbolOf]:
        return _symbols_of(self.symbol, self.draft_symbol, self.other_symbols)

    @property
    def text_paragraphs(self) -> list[ParagraphRef]:
        return self.text


class Statement(Record):
    """A statement by a speaker on an occasion."""

    type: Literal["statement"]
    """The record type, ``statement``."""
    date: Date | None = None
    """When the statement was made; leave out when the sources do not say, and explain in ``date_note``."""
    date_note: str | None = None
    """What the sources say of the date when they give none (e.g. "on a World Day, year not given")."""
    speaker: PersonRef
    """Who spoke."""
    office: Text
    """The speaker's office at the time, as the source gives it."""
    on_behalf_of: BodyRef | None = None
    """The government or body the speaker represented."""
    occasion: Text
    """The meeting or event where the statement was made."""
    event: EventRef | None = None
    """The event record, if the archive has one."""
    key_points: list[Text] = []
    """The statement's key points, in the archive's words."""

    plural: ClassVar[str] = "statements"

    @model_validator(mode="after")
    def _dated_or_explained(self) -> Statement:
        return _require_date(self)

    @model_validator(mode="after")
    def _key_points_translated_one_for_one(self) -> Statement:
        ru = self.translations.get("ru")
        if ru is not None and ru.key_points and len(ru.key_points) != len(self.key_points):
            raise FieldProblem(
                "translations",
                f"translations.ru.key_points has {len(ru.key_points)} key points and key_points "
                f"has {len(self.key_points)}: give one Russian key point for each, in the same order",
            )
        return self

    label: ClassVar[str] = "Statement"

    @property
    def date_value(self) -> DateSpan | None:
        return self.date

    @property
    def key_point_list(self) -> list[str]:
        return list(self.key_points)

    @property
    def date_note_text(self) -> str | None:
        return self.date_note


class Event(Record):
    """A meeting, conference, debate, visit, launch, founding or law."""

    type: Literal["event"]
    """The record type, ``event``."""
    kind: Literal[
        "summit",
        "conference",
        "thematic debate",
        "interactive dialogue",
        "high-level meeting",
        "ministerial meeting",
        "consultations",
        "visit",
        "launch",
        "meeting",
        "founding",
        "national law",
        "international day",
        "contribution",
        "publication",
        "roundtable",
        "session",
        "other",
    ]
    """What kind of event it was."""
    date: Date | None = None
    """When it took place (or is announced to); leave out when the sources do not say, and explain in ``date_note``."""
    date_note: str | None = None
    """What the sources say of the date when they give none (e.g. "in the recent past", as of 2013)."""
    status: Literal["held", "announced"] = "held"
    """``announced`` for an event the sources announce for a later date."""
    place: str | None = None
    """Where it took place, as the sources give it."""
    organisers: list[ActorRef] = []
    """Who organised or convened it."""
    participants: list[ActorRef] = []
    """Who took part, as named in the sources."""

    plural: ClassVar[str] = "events"

    @model_validator(mode="after")
    def _dated_or_explained(self) -> Event:
        return _require_date(self)

    label: ClassVar[str] = "Event"

    @property
    def date_value(self) -> DateSpan | None:
        return self.date

    @property
    def kind_text(self) -> str:
        return str(self.kind)

    @property
    def date_note_text(self) -> str | None:
        return self.date_note

    @property
    def announced(self) -> bool:
        return self.status == "announced"


class Document(Record):
    """A report, letter, draft resolution, declaration or other document."""

    type: Literal["document"]
    """The record type, ``document``."""
    kind: Literal[
        "report",
        "letter",
        "draft resolution",
        "declaration",
        "note",
        "press release",
        "treaty",
        "other",
    ]
    """What kind of document it is."""
    symbol: UNSymbol | None = None
    """Its UN symbol, if it has one."""
    other_symbols: list[UNSymbol] = []
    """Other symbols of the same document."""
    symbol_as_given: str | None = None
    """The symbol as printed in the source when it is incomplete (``A/.../61/L...``)."""
    date: Date | None = None
    """Its date, as precise as the sources allow."""
    authors: list[ActorRef] = []
    """Who wrote or submitted it."""
    became: ResolutionRef | None = None
    """For a draft: the resolution it became."""
    text: list[ParagraphRef] = []
    """The document's own paragraphs, where its text is archived in a source."""

    plural: ClassVar[str] = "documents"
    label: ClassVar[str] = "Document"

    @property
    def date_value(self) -> DateSpan | None:
        return self.date

    def symbols(self) -> list[SymbolOf]:
        return _symbols_of(self.symbol, None, self.other_symbols)

    @property
    def kind_text(self) -> str:
        return str(self.kind)

    @property
    def text_paragraphs(self) -> list[ParagraphRef]:
        return self.text


class Body(Record):
    """A UN organ or body, a government, or an organisation."""

    type: Literal["body"]
    """The record type, ``body``."""
    kind: Literal[
        "un organ", "un body", "un agency", "government", "organisation", "group", "ngo", "other"
    ]
    """What kind of body it is."""
    abbreviation: str | None = None
    """Its usual abbreviation, e.g. ``UNODC``."""
    other_names: list[str] = []
    """Other names the sources use."""

    plural: ClassVar[str] = "bodies"
    label: ClassVar[str] = "Body"
    needs_sources: ClassVar[bool] = False

    @property
    def kind_text(self) -> str:
        return str(self.kind)

    @property
    def other_name_list(self) -> list[str]:
        return self.other_names


class Office(Evidenced):
    """An office a person held, as a source gives it."""

    title: Text
    """The office, e.g. ``Deputy Minister of Foreign Affairs of Belarus``."""
    date: Date | None = None
    """When the source shows the person in this office."""
    ru: OfficeRu | None = None
    """The office in the Russian edition."""
    what: ClassVar[str] = "an office"
    needs_evidence: ClassVar[bool] = False


class Person(Record):
    """A person who acted in the initiative."""

    type: Literal["person"]
    """The record type, ``person``."""
    offices: list[Office] = []
    """Offices held, as the sources give them."""
    other_names: list[str] = []
    """Other spellings of the name in the sources (e.g. in Russian)."""

    plural: ClassVar[str] = "people"
    label: ClassVar[str] = "Person"
    needs_sources: ClassVar[bool] = False

    @property
    def other_name_list(self) -> list[str]:
        return self.other_names

    @property
    def office_list(self) -> list[Office]:
        return self.offices


class Source(Record):
    """An archived primary source: bibliographic data and full text, paragraph by paragraph."""

    type: Literal["source"]
    """The record type, ``source``."""
    text_file: str = Field(pattern=r"^[A-Za-z0-9_.-]+\.txt$")
    """The file holding the verbatim text, in ``data/sources/texts/``."""
    language: Literal["en", "ru"]
    """The main language of the text."""
    kind: Literal["statement", "web page", "news article", "note", "press release", "other"]
    """What kind of source it is."""
    author: str | None = None
    """Author as given by the source."""
    publisher: str | None = None
    """Publisher or site, as far as the source shows it."""
    date: Date | None = None
    """Date of the source, as far as it shows it."""
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    """Where the source was published, if known."""
    provenance: Text
    """How the archive came to hold this text (the seed file it was archived from)."""
    uncited: dict[int, Text] = {}
    """Paragraphs deliberately left uncited, each with the reason (navigation text, headers)."""

    plural: ClassVar[str] = "sources"
    label: ClassVar[str] = "Source"

    @property
    def date_value(self) -> DateSpan | None:
        return self.date

    needs_sources: ClassVar[bool] = False

    @property
    def kind_text(self) -> str:
        return str(self.kind)


PRESS_RELEASE_PATTERN = r"^[A-Z]{1,6}(?:/[A-Z0-9.]{1,12}){0,3}/\d{1,6}(?:[-/][A-Z0-9.]{1,12})*$"


class Reference(Record):
    """A public document or page the archive consulted: a UN document by symbol, a press
    release, a UN or official page, a press article.  It is not an archived source: the
    archive holds no text of it and never quotes it; records state facts from it in their
    own words (``facts``, ``referenced``)."""

    type: Literal["reference"]
    """The record type, ``reference``."""
    title: Text
    """The title as the page or document prints it."""
    kind: Literal["un document", "press release", "un page", "official page", "press", "other"]
    """What it is."""
    symbol: UNSymbol | None = None
    """Its UN document symbol, when it is a UN document (``A/71/119``); links to the UN's resolver."""
    press_release: str | None = Field(default=None, pattern=PRESS_RELEASE_PATTERN)
    """A UN press release's number, when it is one (``GA/SHC/4090``, ``GA/10968``)."""
    publisher: str | None = None
    """Who published it, e.g. ``United Nations, Meetings Coverage and Press Releases``."""
    date: Date | None = None
    """The page's or document's own date, as precise as it shows it."""
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    """Where it was read."""
    read_at: str | None = Field(default=None, pattern=r"^https?://\S+$")
    """For a UN document read in a third-party copy: where the copy was read (then ``symbol``
    is the authority and ``url`` is left out)."""
    consulted: Date | None = None
    """The day it was read (``2026-11-30``); required with ``url`` or ``read_at``."""
    language: Literal["en", "ru"] = "en"
    """The language it was read in."""

    plural: ClassVar[str] = "references"
    label: ClassVar[str] = "Reference"

    @property
    def date_value(self) -> DateSpan | None:
        return self.date

    def symbols(self) -> list[SymbolOf]:
        return _symbols_of(self.symbol, None, [])

    needs_sources: ClassVar[bool] = False

    @model_validator(mode="after")
    def _findable(self) -> Reference:
        if not (self.symbol or self.press_release or self.url or self.read_at):
            raise FieldProblem(
                "url",
                "a reference needs a 'symbol', a 'press_release' number or an address "
                "('url', or 'read_at' for a copy): add where a reader can find it",
            )
        if self.url and self.read_at:
            raise FieldProblem(
                "read_at",
                "a reference has 'url' (where it was read) or 'read_at' (where a copy of a UN "
                "document was read), not both: keep the address you read it at",
            )
        if self.read_at and not self.symbol:
            raise FieldProblem(
                "read_at",
                "'read_at' is for a copy of a UN document: give its 'symbol' too, or write the "
                "address as 'url'",
            )
        if (self.url or self.read_at) and self.consulted is None:
            raise FieldProblem(
                "consulted",
                "a reference with an address needs 'consulted': the day it was read, "
                "e.g. consulted: '2026-12-02'",
            )
        if self.consulted is not None and (
            self.consulted.end is not None or self.consulted.start.day is None
        ):
            raise FieldProblem(
                "consulted",
                "'consulted' is the day it was read: write a full date such as '2026-12-02'",
            )
        return self

    @property
    def address(self) -> str | None:
        """Where the reference was read: its ``url``, or the copy at ``read_at``."""
        return self.url or self.read_at

    @property
    def kind_text(self) -> str:
        return str(self.kind)

    @property
    def press_release_number(self) -> str | None:
        return self.press_release


RECORD_TYPES: dict[str, type[Record]] = {
    cls.model_fields["type"].annotation.__args__[0]: cls  # type: ignore[union-attr]
    for cls in (Resolution, Statement, Event, Document, Body, Person, Source, Reference)
}
"""Record types by the value of their ``type`` field."""

FOLDERS: dict[str, str] = {name: cls.plural for name, cls in RECORD_TYPES.items()}
"""The folder under ``data/`` (and the URL section) of each record type."""

#: Every field of every record type (and ``name``, a body's or person's title): a fact or a
#: reading names one of these, or a name of its own (``day of plenary adoption``), which the
#: Russian edition takes from the item's ``ru.field``.
RECORD_FIELDS: frozenset[str] = frozenset(
    {name for cls in RECORD_TYPES.values() for name in cls.model_fields} | {"name"}
)
