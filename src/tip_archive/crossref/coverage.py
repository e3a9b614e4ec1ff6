"""How much of the evidence the archive uses: records per type and year, citations per source.

Every paragraph of an archived source is either cited by a record or listed in
the source's ``uncited`` field with the reason (navigation text, a repeated
title).  :func:`uncovered` names the paragraphs that are neither, so that a
test can fail when a passage describing events goes unrecorded.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..model.records import SPAN, Source
from .archive import Archive


@dataclass
class SourceCoverage:
    source: Source
    paragraphs: int
    cited: set[int]
    records: int
    """How many records cite this source at least once."""

    @property
    def exempt(self) -> set[int]:
        return set(self.source.uncited)

    @property
    def uncovered(self) -> list[int]:
        return [
            n for n in range(1, self.paragraphs + 1) if n not in self.cited and n not in self.exempt
        ]


@dataclass
class Coverage:
    by_type: Counter[str] = field(default_factory=Counter)
    by_year: Counter[int] = field(default_factory=Counter)
    """Dated records per year (not sources or references: they are evidence, not events)."""
    quoted_by_year: Counter[int] = field(default_factory=Counter)
    """Of those, the records that rest on archived quotes."""
    referenced_by_year: Counter[int] = field(default_factory=Counter)
    """Of those, the records that rest on references to the public record."""
    sources: list[SourceCoverage] = field(default_factory=list)

    @property
    def empty_years(self) -> list[int]:
        """The years of the span with no dated record."""
        return [y for y in range(SPAN[0], SPAN[1] + 1) if not self.by_year[y]]

    def span_line(self) -> str:
        cells = []
        for year in range(SPAN[0], SPAN[1] + 1):
            count = self.by_year[year]
            cells.append(
                f"{year}: {count} ({self.quoted_by_year[year]} quoted, "
                f"{self.referenced_by_year[year]} referenced)"
                if count
                else f"{year}: none"
            )
        line = f"Span {SPAN[0]}-{SPAN[1]}, records per year: " + ", ".join(cells)
        if self.empty_years:
            line += (
                "\nYears of the span with no dated record: "
                + ", ".join(map(str, self.empty_years))
                + " (add a dated record resting on a quote or a reference)"
            )
        return line

    def report(self) -> str:
        lines = [
            "Records per type: " + ", ".join(f"{k} {v}" for k, v in sorted(self.by_type.items()))
        ]
        lines.append(
            "Records per year: " + ", ".join(f"{y}: {n}" for y, n in sorted(self.by_year.items()))
        )
        lines.append(self.span_line())
        for item in self.sources:
            gaps = f"; uncited: ¶{', ¶'.join(map(str, item.uncovered))}" if item.uncovered else ""
            lines.append(
                f"Source {item.source.id} ({item.source.text_file}): cited by {item.records} records, "
                f"{len(item.cited)}/{item.paragraphs} paragraphs cited, {len(item.exempt)} exempt{gaps}"
            )
        return "\n".join(lines)


def coverage(archive: Archive) -> Coverage:
    result = Coverage()
    for record in archive.records():
        result.by_type[record.type] += 1
        if record.date_value is not None and record.type not in ("source", "reference"):
            year = record.date_value.year
            result.by_year[year] += 1
            result.quoted_by_year[year] += record.quoted
            result.referenced_by_year[year] += record.referenced
    for source in sorted(
        archive.records("source"), key=lambda s: s.text_file if isinstance(s, Source) else ""
    ):
        assert isinstance(source, Source)
        citing = archive.citing.get(source.id, {})
        records = {r.id for rs in citing.values() for r in rs}
        result.sources.append(
            SourceCoverage(source, len(archive.texts.get(source.id, [])), set(citing), len(records))
        )
    return result
