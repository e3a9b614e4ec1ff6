"""The record types of the archive and every field a record author may write.

This module is the reference for record authors: each field's docstring is
published in the JSON Schema (``tip-archive schema``) and on the site's
"Record format" page.  Unknown fields are errors, so a typo such as
``adpoted`` is reported instead of ignored.
"""

from __future__ import annotations

import re
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

#: Languages of the archive's editions; English is the default edition.
LANGUAGES = ("en", "ru")


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


class Citation(Strict):
    """A passage of an archived source that supports a record."""

    source: SourceRef
    """Id of the archived source (a record of type ``source``)."""
    paragraph: int = Field(ge=1)
    """Number of the paragraph in the source (the ``¶`` shown on the source page)."""
    quote: Text
    """The supporting passage, copied verbatim from that paragraph (whitespace may differ)."""
    translation: str | None = None
    """The archive's own English rendering of a quote in another language."""


class Figure(Strict):
    """A number the sources give: participants, countries, co-sponsors, people trained."""

    label: Text
    """What is counted, e.g. ``participants`` or ``co-sponsors``."""
    value: int = Field(ge=0)
    """The number as the source gives it."""
    qualifier: Literal["exactly", "over", "about", "at least", "up to"] = "exactly"
    """How the source qualifies the number (``over 400``, ``about 800``)."""
    cited: Citation
    """The passage that gives the number."""


class Reading(Strict):
    """One way the sources give a fact on which they differ."""

    field: Text
    """The field concerned, e.g. ``title``, ``date`` or ``place``."""
    value: Text
    """The reading, as the source gives it."""
    cited: Citation
    """The passage that gives this reading."""


class Disagreement(Strict):
    """Sources differ on a fact: every reading is shown with an editorial note."""

    note: Text
    """The archive's editorial note explaining the difference."""
    readings: list[Reading] = Field(min_length=2)
    """Each reading with its source."""


class UNRecordFact(Strict):
    """A fact taken from the public UN record rather than from the seed sources."""

    field: Text
    """The field it supplies, e.g. ``date`` or ``symbol``."""
    value: Text
    """The value as the UN record gives it."""
    document: UNSymbol
    """The UN document it comes from."""


class Translation(Strict):
    """A record's text in another language edition."""

    title: Text
    """The title in that language."""
    summary: str | None = None
    """The summary in that language."""


class Record(Strict):
    """Fields every record has."""

    type: str
    """The record type; must match the folder the file is in."""
    id: RecordId
    """Stable identifier, equal to the file name without ``.yaml``; for a record with a
    UN symbol, the symbol's slug (``A/RES/64/293`` gives ``a-res-64-293``)."""
    title: Text
    """Title in English, as the sources give it."""
    summary: str | None = None
    """A short account in the archive's own words (plain text; blank lines separate paragraphs)."""
    related: list[AnyRef] = []
    """Ids of related records; each one's page links back here."""
    sources: list[Citation] = []
    """Passages of archived sources that support the record, quoted verbatim."""
    figures: list[Figure] = []
    """Numbers the sources give, each with its quote."""
    disagreements: list[Disagreement] = []
    """Facts on which the sources differ."""
    un_record: list[UNRecordFact] = []
    """Facts from the public UN record, not from the seeds, with the document they come from."""
    translations: dict[Literal["ru"], Translation] = {}
    """Title and summary in other language editions."""

    plural: ClassVar[str] = "records"
    label: ClassVar[str] = "Record"
    needs_sources: ClassVar[bool] = True

    @property
    def date_value(self) -> DateSpan | None:
        return getattr(self, "date", None)

    @property
    def announced(self) -> bool:
        """Whether the sources announce it for a later date rather than report it."""
        return getattr(self, "status", None) == "announced"

    @property
    def symbol_value(self) -> str | None:
        return getattr(self, "symbol", None)

    @property
    def all_symbols(self) -> list[str]:
        """The record's own symbol first, then its draft and other symbols."""
        found = [getattr(self, "symbol", None), getattr(self, "draft_symbol", None)]
        found += getattr(self, "other_symbols", [])
        return [s for s in found if s]


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

    label: ClassVar[str] = "Statement"


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


class Office(Strict):
    """An office a person held, as a source gives it."""

    title: Text
    """The office, e.g. ``Deputy Minister of Foreign Affairs of Belarus``."""
    date: Date | None = None
    """When the source shows the person in this office."""
    cited: Citation | None = None
    """The passage that names the office."""


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
    needs_sources: ClassVar[bool] = False


RECORD_TYPES: dict[str, type[Record]] = {
    cls.model_fields["type"].annotation.__args__[0]: cls  # type: ignore[union-attr]
    for cls in (Resolution, Statement, Event, Document, Body, Person, Source)
}
"""Record types by the value of their ``type`` field."""

FOLDERS: dict[str, str] = {name: cls.plural for name, cls in RECORD_TYPES.items()}
"""The folder under ``data/`` (and the URL section) of each record type."""


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
