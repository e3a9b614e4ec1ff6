"""How much of the archive is in Russian: per record type and per field, and what is missing.

Every text a record shows in words has a Russian slot beside it (``translations.ru`` and
the ``ru`` of figures, facts, readings, notes, offices and English quotes; see
:mod:`tip_archive.model.records`).  :func:`translation_coverage` counts, for each record,
the slots that have English text and those of them that have Russian text too;
``tip-archive validate`` prints the counts and ``tip-archive release --check`` refuses a
release while any slot is empty.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..i18n import wordless
from ..i18n.locations import in_russian
from ..model.records import (
    RECORD_FIELDS,
    Body,
    Citation,
    Event,
    Record,
    Resolution,
    Source,
    Statement,
    Translation,
)
from .archive import Archive


def slots(archive: Archive, record: Record) -> list[tuple[str, bool]]:
    """(field, translated) for every text of ``record`` that the Russian edition shows."""
    ru: Translation | None = record.translations.get("ru")
    found: list[tuple[str, bool]] = [("title", ru is not None)]

    def own(name: str, english: object) -> None:
        if english and not wordless(english):
            found.append((name, bool(ru is not None and getattr(ru, name))))

    own("summary", record.summary)
    if record.key_point_list:
        found.append(("key_points", bool(ru and len(ru.key_points) == len(record.key_point_list))))
    if isinstance(record, Statement):
        own("office", record.office)
        own("occasion", record.occasion)
    own("date_note", record.date_note_text)
    if isinstance(record, Event):
        own("place", record.place)
    own("publisher", getattr(record, "publisher", None))
    if isinstance(record, Resolution):
        own("agenda_item", record.agenda_item)
    if isinstance(record, Body):
        own("abbreviation", record.abbreviation)
    if isinstance(record, Source):
        own("author", record.author)
        own("provenance", record.provenance)
        for number in record.uncited:
            found.append(("uncited", bool(ru and number in ru.uncited)))
    found += [("figures.label", f.ru is not None) for f in record.figures]
    for d in record.disagreements:
        found.append(("disagreements.note", d.ru is not None))
        found += [("readings.value", r.ru is not None) for r in d.readings]
        found += [
            ("readings.field", r.ru is not None and r.ru.field is not None)
            for r in d.readings
            if r.field not in RECORD_FIELDS
        ]
    for fact in record.facts:
        found.append(("facts.value", fact.ru is not None and fact.ru.value is not None))
        if fact.field not in RECORD_FIELDS:
            found.append(("facts.field", fact.ru is not None and fact.ru.field is not None))
        if fact.unconfirmed:
            found.append(
                ("facts.unconfirmed", fact.ru is not None and fact.ru.unconfirmed is not None)
            )
    found += [("offices.title", o.ru is not None) for o in record.office_list]
    # Locations have no ``ru``: the vocabulary of :mod:`tip_archive.i18n.locations` reads them.
    places = [f.at for f in record.facts]
    places += [i.referenced.at for i in record.evidenced_items() if i.referenced is not None]
    found += [("at", in_russian(at) is not None) for at in places if at]
    quotes: list[Citation] = [*record.sources]
    quotes += [i.cited for i in record.evidenced_items() if i.cited is not None]
    for cited in quotes:
        source = archive.get(cited.source)
        if isinstance(source, Source) and source.language == "en":
            found.append(("quotes", cited.ru is not None))
    return found


@dataclass
class TranslationCoverage:
    """Russian texts per record type and field: how many there are of how many needed."""

    done: Counter[tuple[str, str]] = field(default_factory=Counter)
    needed: Counter[tuple[str, str]] = field(default_factory=Counter)
    missing: dict[str, list[str]] = field(default_factory=dict)
    """Record id → the fields still without Russian text (each named once)."""

    @property
    def complete(self) -> bool:
        return not self.missing

    def report(self) -> str:
        total, done = sum(self.needed.values()), sum(self.done.values())
        share = f" ({100 * done / total:.1f}%)" if total else ""
        lines = [f"Russian translation: {done} of {total} texts{share}."]
        for kind in dict.fromkeys(k for k, _f in self.needed):
            cells = [
                f"{name} {self.done[(kind, name)]}/{self.needed[(kind, name)]}"
                for k, name in self.needed
                if k == kind
            ]
            lines.append(f"  {kind}: " + ", ".join(cells))
        if self.missing:
            lines.append(f"Records without full Russian text ({len(self.missing)}):")
            lines += [f"  {rid}: {', '.join(names)}" for rid, names in self.missing.items()]
        return "\n".join(lines)


def translation_coverage(archive: Archive) -> TranslationCoverage:
    coverage = TranslationCoverage()
    for record in archive.records():
        gaps: list[str] = []
        for name, translated in slots(archive, record):
            coverage.needed[(record.type, name)] += 1
            if translated:
                coverage.done[(record.type, name)] += 1
            elif name not in gaps:
                gaps.append(name)
        if gaps:
            coverage.missing[record.id] = gaps
    return coverage
