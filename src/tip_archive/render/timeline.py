"""The chronology as a picture: an inline SVG timeline, drawn at build time.

One lane per record type (resolutions, statements, events, documents), one mark
per record, linked to its page.  A mark covers the period its date is known to:
a day or a month is a dot, a year or a long span a bar across it, so the picture
claims no more precision than the sources give.  Marks that would overlap are
stacked in rows inside their lane.

The list of the chronology below the graphic is its text equivalent (the SVG,
a labelled group, says so with ``aria-describedby``); the marks are therefore
kept out of the tab order, so that a keyboard reader is not made to step
through every record twice.  (``role="img"`` would hide the marks' links from
assistive technology while leaving them focusable, which axe-core rightly
reports as nested interactive content.)  Each mark and each list item carries ``data-type``, ``data-bodies`` and
``data-people`` for the chronology's filters (``render/assets/chronology.js``).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from ..crossref.archive import Archive, iter_refs
from ..model.dates import DateSpan, PartialDate
from ..model.records import Record
from .edition import ENGLISH, Edition
from .urls import relative

#: The lanes of the graphic, top to bottom.
LANES = ("resolution", "statement", "event", "document")

# Geometry, in SVG user units (the graphic scales to the page width).
LABEL_WIDTH = 100
YEAR_WIDTH = 40
RIGHT_PAD = 12
AXIS_HEIGHT = 26
ROW_HEIGHT = 14
LANE_PAD = 7
MARK_SIZE = 10
GAP = 2

#: What one mark weighs in the page, in bytes: above :data:`.paging.PAGE_BYTES` worth of
#: marks, the overview draws a count per year and lane instead (:meth:`Timeline.counts_svg`).
MARK_BYTES = 400

TITLE_ID = "tip-timeline-title"
NOTE_ID = "tip-timeline-note"


@dataclass(frozen=True)
class Subjects:
    """The bodies and people a record concerns, by id (for the filters)."""

    bodies: tuple[str, ...] = ()
    people: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mark:
    record_id: str
    type: str
    label: str
    """The text of the mark's ``<title>``: date, type, symbol and title."""
    href: str
    start: float
    """Start of the known period, in fractional years (``2010.5`` is early July 2010)."""
    end: float
    subjects: Subjects = Subjects()


@dataclass
class Placed:
    mark: Mark
    x0: float
    x1: float
    row: int


@dataclass
class Timeline:
    first: int
    last: int
    marks: list[Mark]
    subjects: dict[str, Subjects] = field(default_factory=dict)
    """Every record of the chronology (drawn or not) → its bodies and people."""
    outside: int = 0
    """Records of the chronology undated or dated outside ``first``–``last``: listed, not drawn."""
    ed: Edition = ENGLISH

    def svg(self) -> Markup:
        return render_svg(self.marks, self.first, self.last, self.ed)

    def counts_svg(self, here: str) -> Markup:
        """The graphic for many records: per lane and year, the number of records, as a
        cell as dark as the year is full, linking to the year's page filtered to the lane."""
        counts: dict[tuple[str, int], int] = {}
        for mark in self.marks:
            year = int(mark.start)
            counts[mark.type, year] = counts.get((mark.type, year), 0) + 1
        return render_counts_svg(counts, self.first, self.last, self.ed)

    def options(self, archive: Archive, kind: str) -> list[tuple[str, str, int]]:
        """(id, name, number of records) for each body or person, for a filter menu."""
        counts: dict[str, int] = {}
        for subjects in self.subjects.values():
            for ident in subjects.bodies if kind == "body" else subjects.people:
                counts[ident] = counts.get(ident, 0) + 1
        found = [(i, self.ed.plain_title(archive[i]), n) for i, n in counts.items()]
        return sorted(found, key=lambda option: (option[1].lower(), option[0]))


# -- dates as positions -------------------------------------------------------------------


def _fraction(year: int, month: int, day: int) -> float:
    days = 366 if calendar.isleap(year) else 365
    ordinal = sum(calendar.monthrange(year, m)[1] for m in range(1, month)) + day - 1
    return year + ordinal / days


def _period_start(date: PartialDate) -> float:
    return _fraction(date.year, date.month or 1, date.day or 1)


def _period_end(date: PartialDate) -> float:
    """The end (exclusive) of the period a partial date stands for."""
    if date.month is None:
        return float(date.year + 1)
    if date.day is None:
        return date.year + 1.0 if date.month == 12 else _fraction(date.year, date.month + 1, 1)
    last = calendar.monthrange(date.year, date.month)[1]
    if date.day < last:
        return _fraction(date.year, date.month, date.day + 1)
    return date.year + 1.0 if date.month == 12 else _fraction(date.year, date.month + 1, 1)


def period(date: DateSpan) -> tuple[float, float]:
    """The period a date is known to, as fractional years (start, exclusive end)."""
    return _period_start(date.start), _period_end(date.end or date.start)


# -- what a record concerns ---------------------------------------------------------------


def subjects(archive: Archive, record: Record) -> Subjects:
    """Bodies and people the record names in its reference fields, or that name it."""
    bodies: set[str] = set()
    people: set[str] = set()

    def add(ident: str) -> None:
        target = archive.get(ident)
        if target is not None and target.type == "body":
            bodies.add(ident)
        elif target is not None and target.type == "person":
            people.add(ident)

    for _loc, ident, _marker in iter_refs(record):
        add(ident)
    for backlink in archive.backlinks.get(record.id, []):
        add(backlink.record.id)
    return Subjects(tuple(sorted(bodies)), tuple(sorted(people)))


def build(
    archive: Archive,
    records: Iterable[Record],
    here: str,
    first: int,
    last: int,
    ed: Edition = ENGLISH,
) -> Timeline:
    """The timeline of the chronology's ``records`` for the page ``here``.

    Records without a date, or dated outside ``first``–``last``, are in the list
    below the graphic only: they are counted in :attr:`Timeline.outside`.
    """
    timeline = Timeline(first, last, [], ed=ed)
    for record in records:
        concerned = subjects(archive, record)
        timeline.subjects[record.id] = concerned
        date = record.date_value
        if date is None or record.type not in LANES:
            timeline.outside += 1
            continue
        start, end = period(date)
        if end <= first or start >= last + 1:
            timeline.outside += 1
            continue
        parts = [ed.date(date), ed.label(record)]
        if record.symbol_value:
            parts.append(record.symbol_value)
        parts.append(" ".join(ed.plain_title(record).split()))
        timeline.marks.append(
            Mark(
                record_id=record.id,
                type=record.type,
                label=" · ".join(parts),
                href=relative(here, ed.url(record)),
                start=max(start, float(first)),
                end=min(end, float(last + 1)),
                subjects=concerned,
            )
        )
    return timeline


# -- layout and drawing -------------------------------------------------------------------


def x_of(year: float, first: int) -> float:
    return LABEL_WIDTH + (year - first) * YEAR_WIDTH


def place(marks: list[Mark], first: int) -> list[Placed]:
    """Give each mark of one lane its extent and a row, so that no two marks overlap."""
    placed: list[Placed] = []
    row_ends: list[float] = []
    for mark in sorted(marks, key=lambda m: (m.start, m.end, m.record_id)):
        x0, x1 = x_of(mark.start, first), x_of(mark.end, first)
        if x1 - x0 < MARK_SIZE:
            middle = (x0 + x1) / 2
            x0, x1 = middle - MARK_SIZE / 2, middle + MARK_SIZE / 2
        row = next((i for i, end in enumerate(row_ends) if end + GAP <= x0), len(row_ends))
        if row == len(row_ends):
            row_ends.append(x1)
        row_ends[row] = x1
        placed.append(Placed(mark, x0, x1, row))
    return placed


def _n(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def render_svg(marks: list[Mark], first: int, last: int, ed: Edition = ENGLISH) -> Markup:
    """The timeline as an inline ``<svg>`` element (one line per element, no blank line)."""
    years = last - first + 1
    width = LABEL_WIDTH + years * YEAR_WIDTH + RIGHT_PAD
    lanes = []
    y = AXIS_HEIGHT
    for kind in LANES:
        placed = place([m for m in marks if m.type == kind], first)
        rows = max((p.row for p in placed), default=0) + 1
        height = rows * ROW_HEIGHT + 2 * LANE_PAD
        lanes.append((kind, placed, y, height))
        y += height
    height = y + 1
    out: list[Markup] = [
        Markup(
            '<svg class="tip-timeline__svg" xmlns="http://www.w3.org/2000/svg" '
            'viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="group" '
            'aria-labelledby="{t}" aria-describedby="{d}" focusable="false">'
        ).format(w=width, h=_n(height), t=TITLE_ID, d=NOTE_ID),
        Markup('<title id="{}">{}</title>').format(
            TITLE_ID,
            ed._("Timeline of the archive’s records, %(first)s–%(last)s")
            % {"first": first, "last": last},
        ),
    ]
    for index, (kind, placed, top, lane_height) in enumerate(lanes):
        out.append(_lane(kind, index, top, width, lane_height, len(placed), ed))
    for year in range(first, last + 2):
        x = _n(x_of(year, first))
        out.append(
            Markup('<line class="tip-tl__tick" x1="{x}" y1="{y0}" x2="{x}" y2="{y1}"/>').format(
                x=x, y0=AXIS_HEIGHT - 6, y1=_n(height - 1)
            )
        )
        if year <= last:
            out.append(
                Markup('<text class="tip-tl__year" x="{}" y="{}">{}</text>').format(
                    _n(x_of(year + 0.5, first)), AXIS_HEIGHT - 9, year
                )
            )
    for kind, placed, top, _lane_height in lanes:
        for p in placed:
            out.append(_mark(kind, p, top + LANE_PAD + p.row * ROW_HEIGHT + ROW_HEIGHT / 2))
    out.append(Markup("</svg>"))
    return Markup("\n").join(out)


def _lane(
    kind: str, index: int, top: float, width: float, height: float, n: int, ed: Edition
) -> Markup:
    """A lane's band and its label, ``Resolutions (20)``."""
    return Markup(
        '<g class="tip-tl__lane tip-tl__lane--{k}">'
        '<rect class="tip-tl__band{odd}" x="0" y="{y}" width="{w}" height="{h}"/>'
        '<text class="tip-tl__lane-label" x="{lx}" y="{ty}" data-lane="{k}" data-label="{label}">'
        "{label} ({n})</text></g>"
    ).format(
        k=kind,
        odd=" tip-tl__band--odd" if index % 2 else "",
        y=_n(top),
        w=width,
        h=_n(height),
        lx=LABEL_WIDTH - 8,
        ty=_n(top + height / 2 + 4),
        label=ed.type_name(kind, plural=True),
        n=n,
    )


def render_counts_svg(
    counts: dict[tuple[str, int], int], first: int, last: int, ed: Edition = ENGLISH
) -> Markup:
    """One row per lane, one cell per year with its number of records (one line per element)."""
    years = last - first + 1
    width = LABEL_WIDTH + years * YEAR_WIDTH + RIGHT_PAD
    lane_height = ROW_HEIGHT + 2 * LANE_PAD
    height = AXIS_HEIGHT + len(LANES) * lane_height + 1
    most = max(counts.values(), default=1)
    out: list[Markup] = [
        Markup(
            '<svg class="tip-timeline__svg tip-timeline__svg--counts" xmlns="http://www.w3.org/2000/svg" '
            'viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="group" '
            'aria-labelledby="{t}" aria-describedby="{d}" focusable="false">'
        ).format(w=width, h=height, t=TITLE_ID, d=NOTE_ID),
        Markup('<title id="{}">{}</title>').format(
            TITLE_ID,
            ed._("Timeline of the archive’s records, %(first)s–%(last)s: records per year")
            % {"first": first, "last": last},
        ),
    ]
    for index, kind in enumerate(LANES):
        top = AXIS_HEIGHT + index * lane_height
        total = sum(n for (k, _y), n in counts.items() if k == kind)
        out.append(_lane(kind, index, top, width, lane_height, total, ed))
        for year in range(first, last + 1):
            n = counts.get((kind, year), 0)
            if not n:
                continue
            left = x_of(year, first) + GAP
            out.append(
                Markup(
                    '<a class="tip-tl__count tip-tl__count--{k}" href="{y}/?type={k}" tabindex="-1">'
                    "<title>{y}: {what}</title>"
                    '<rect x="{x}" y="{top}" width="{w}" height="{h}" rx="2" fill-opacity="{o}"/>'
                    '<text x="{tx}" y="{ty}">{n}</text></a>'
                ).format(
                    k=kind,
                    y=year,
                    n=n,
                    what=ed.count(kind, n),
                    x=_n(left),
                    top=top + LANE_PAD - 2,
                    w=YEAR_WIDTH - 2 * GAP,
                    h=ROW_HEIGHT + 4,
                    o=_n(0.12 + 0.4 * n / most),
                    tx=_n(x_of(year + 0.5, first)),
                    ty=_n(top + lane_height / 2 + 4),
                )
            )
    for year in range(first, last + 2):
        x = _n(x_of(year, first))
        out.append(
            Markup('<line class="tip-tl__tick" x1="{x}" y1="{y0}" x2="{x}" y2="{y1}"/>').format(
                x=x, y0=AXIS_HEIGHT - 6, y1=height - 1
            )
        )
        if year <= last:
            out.append(
                Markup('<text class="tip-tl__year" x="{}" y="{}">{}</text>').format(
                    _n(x_of(year + 0.5, first)), AXIS_HEIGHT - 9, year
                )
            )
    out.append(Markup("</svg>"))
    return Markup("\n").join(out)


def _mark(kind: str, placed: Placed, middle: float) -> Markup:
    mark = placed.mark
    width = placed.x1 - placed.x0
    if width <= MARK_SIZE + 0.01:
        shape = Markup('<circle cx="{}" cy="{}" r="{}"/>').format(
            _n((placed.x0 + placed.x1) / 2), _n(middle), _n(MARK_SIZE / 2)
        )
    else:
        shape = Markup('<rect x="{}" y="{}" width="{}" height="{}" rx="{}"/>').format(
            _n(placed.x0), _n(middle - MARK_SIZE / 2), _n(width), MARK_SIZE, _n(MARK_SIZE / 2)
        )
    return Markup(
        '<a class="tip-tl__mark tip-tl__mark--{k}" href="{href}" tabindex="-1" '
        'data-type="{k}" data-bodies="{b}" data-people="{p}"><title>{label}</title>{shape}</a>'
    ).format(
        k=kind,
        href=mark.href,
        b=" ".join(mark.subjects.bodies),
        p=" ".join(mark.subjects.people),
        label=escape(mark.label),
        shape=shape,
    )


__all__ = [
    "LANES",
    "MARK_BYTES",
    "Mark",
    "Subjects",
    "Timeline",
    "build",
    "period",
    "render_counts_svg",
    "render_svg",
    "subjects",
]
