"""Render the archive into pages: one per record, an index per type, the chronology.

:class:`SiteRenderer` makes plain :class:`Page` objects (a source path and its
Markdown); the MkDocs plugin hands them to MkDocs, a test can read them as they are.
What a record page holds besides its template (front-matter keys, the sections
after its sources) is given to the renderer as :class:`~.extras.PageParts`, and
the site it renders for as a :class:`~.extras.SiteContext`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from ..authoring.published import Published
from ..crossref.archive import Archive
from ..loading.history import Change
from ..model.records import (
    FOLDERS,
    RECORD_TYPES,
    SPAN,
    Body,
    Person,
    Record,
    Reference,
    Resolution,
    Source,
    Statement,
)
from ..model.symbols import symbol_order
from . import changes, describe, evidence, extras, paging, timeline
from .redirects import redirect_pages
from .reference import REFERENCE_SRC, reference_page
from .symbol_index import SYMBOLS_SRC, symbol_entries, symbol_outputs
from .text import lines, md_inline, paragraphs, yaml_scalar
from .urls import record_src, record_url, relative, section_src, url_of

TEMPLATES = Path(__file__).parent / "templates"
CHRONOLOGY_SRC = "chronology/index.md"
#: The record types that make up the chronology (bodies, people and sources are its actors and evidence).
CHRONOLOGY_TYPES = ("resolution", "statement", "event", "document")
#: The years the chronology covers, each shown even when the archive holds nothing for it.
FIRST_YEAR, LAST_YEAR = SPAN


@dataclass
class Page:
    src: str
    """Source path of the page inside the site (``resolutions/a-res-64-293.md``)."""
    markdown: str
    edit_path: str | None = None
    """The data file the page is generated from, for its edit link."""
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class PagePlan:
    """A page not made yet: MkDocs asks for each page's Markdown in turn, so that the
    Markdown of 10,000 pages is never held all at once."""

    src: str
    edit_path: str | None
    make: Callable[[], Page]


@dataclass
class SiteOptions:
    edit_base: str = ""
    """Where record files can be viewed or edited, e.g. a repository's ``edit/main/`` URL."""
    site_url: str = ""
    """The site's public base URL (``site_url``), for permanent links and citations."""
    site_name: str = ""
    """The site's name (``site_name``), named in citations."""
    release: str | None = None
    """The current data release number (``"1"``, from ``releases.yaml``), named in citations;
    ``None`` before the first release."""
    history: dict[str, Change] | None = None
    """Each data file's last change (from git), by path; ``None`` when there is no history."""
    history_base: str = ""
    """Prefix of a file's change history, e.g. ``https://github.com/o/r/commits/main/``."""

    published: list[Published] = field(default_factory=list)
    """The data releases kept as published (``releases/<N>/``), oldest first."""
    page_bytes: int = paging.PAGE_BYTES
    """What the list of one page may weigh before it continues on a next page
    (see :mod:`.paging`); tests set it low to see long lists split."""

    def site(self) -> extras.SiteContext:
        return extras.SiteContext(
            self.site_url, self.site_name, self.release, tuple(self.published)
        )


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates do not change during a build: no stat() per page
    )
    env.filters["md"] = lambda text: Markup(md_inline(str(text)))
    env.filters["yaml"] = lambda text: Markup(yaml_scalar(str(text)))
    env.filters["paragraphs"] = paragraphs
    env.filters["json"] = lambda value: Markup(
        json.dumps(value, ensure_ascii=False, sort_keys=True)
    )
    return env


class SiteRenderer:
    """Every page of the site: records, listings, the chronology, the symbol table.

    ``parts`` fill a record page beyond its template; ``site`` is the site they are for.
    """

    def __init__(
        self,
        archive: Archive,
        options: SiteOptions,
        site: extras.SiteContext,
        parts: extras.PageParts,
    ) -> None:
        self.archive = archive
        self.options = options
        self.site = site
        self.parts = parts
        self.env = environment()
        self.sources = {r.id: r for r in archive.records("source")}
        self._groups: list[ChronologyGroup] | None = None
        self._parts: dict[str, RecordParts] = {}

    def render(self) -> list[Page]:
        return [plan.make() for plan in self.plan()]

    def plan(self) -> list[PagePlan]:
        """Every page, in order, each made when asked for."""
        plans = [plan for r in self.archive.records() for plan in self._record_plans(r)]
        for kind in RECORD_TYPES:
            plans += self._listing_plans(kind)
        plans += self._chronology_plans()
        plans.append(PagePlan(REFERENCE_SRC, None, lambda: Page(REFERENCE_SRC, reference_page())))
        # The symbol table, its page and redirects, made together and at once.
        symbols = symbol_entries(self.archive)
        files = symbol_outputs(symbols, self.env, self._common(url_of(SYMBOLS_SRC)))
        files |= redirect_pages(symbols, self.options.site_url)
        plans += [PagePlan(src, None, partial(Page, src, text)) for src, text in files.items()]
        return plans

    # -- helpers used by the templates -------------------------------------------------

    def _common(self, here: str) -> dict[str, Any]:
        shown = evidence.Evidence(self.archive, here, self.paragraph_url)
        return {
            "archive": self.archive,
            "sources": self.sources,
            "url_for": lambda item, anchor="": relative(here, record_url(item)) + anchor,
            "cite": shown.quoted,
            "evidence": shown.of,
            "labels": evidence.LABELS,
            "meanings": evidence.MEANINGS,
            "hide_nav": False,
            "description": "",
            "meta": {},
        }

    # -- pages -------------------------------------------------------------------------

    def _record_plans(self, record: Record) -> list[PagePlan]:
        """A record's page, then its continuation pages when one of its lists is long."""
        first = record_src(record)
        total = self._record_parts(record).total
        plans = [
            PagePlan(first, self.archive.path_of(record.id), partial(self.record_page, record))
        ]
        plans += [
            PagePlan(paging.page_src(first, n), None, partial(self.record_page, record, n))
            for n in range(2, total + 1)
        ]
        return plans

    def _record_parts(self, record: Record) -> RecordParts:
        """Where each long list of ``record``'s page is cut (decided once, from the data)."""
        found = self._parts.get(record.id)
        if found is not None:
            return found
        budget = self.options.page_bytes
        sizes: dict[str, list[int]] = {}
        if isinstance(record, (Body, Person)):
            sizes["involved"] = [paging.ROW_BYTES] * len(self.archive.backlinks.get(record.id, []))
        else:
            sizes["backlinks"] = [paging.ROW_BYTES] * len(self._backlinks(record))
        if isinstance(record, Reference):
            sizes["uses"] = [paging.ROW_BYTES] * len(self.archive.uses.get(record.id, []))
        if isinstance(record, Source):
            citing = self.archive.citing.get(record.id, {})
            sizes["source_text"] = [
                len(text) + 200 + 150 * len(citing.get(number, []))
                for number, text in enumerate(self.archive.texts.get(record.id, []), 1)
            ]
        cuts: dict[str, list[tuple[int, int]]] = {}
        for name, weights in sizes.items():
            parts = paging.split(list(range(len(weights))), weights.__getitem__, budget)
            cuts[name] = [(part[0], part[-1] + 1) if part else (0, 0) for part in parts]
        found = RecordParts(cuts)
        self._parts[record.id] = found
        return found

    def _backlinks(self, record: Record) -> list[tuple[str, Record]]:
        return [
            (describe.role_label(b.field), b.record)
            for b in self.archive.backlinks.get(record.id, [])
            if not (b.field == "related" and b.record.id in record.related)
        ]

    def paragraph_url(self, source: Record, number: int) -> str:
        """The site URL of paragraph ``number`` of ``source``: on the part of its page
        that holds it, when a long source is split."""
        page = self._record_parts(source).page_of("source_text", number - 1)
        return paging.page_url(record_src(source), page) + f"#p{number}"

    def record_page(self, record: Record, number: int = 1) -> Page:
        first = record_src(record)
        parts = self._record_parts(record)
        pager = paging.Pager(first, number, parts.total)
        src = pager.src
        here = url_of(src)
        entry = self.archive.entries[record.id]
        lists: dict[str, list[Any]] = {
            "backlinks": self._backlinks(record) if not isinstance(record, (Body, Person)) else [],
            "involved": describe.subject_records(self.archive, record)
            if isinstance(record, (Body, Person))
            else [],
            "uses": evidence.uses(self.archive, record, here)
            if isinstance(record, Reference)
            else [],
            "source_text": self._source_text(here, record),
        }
        shown = {name: parts.part(name, items, number) for name, items in lists.items()}
        # A list's pager shows where the list goes on (or comes from) another page.
        pagers = {
            name: pager.nav(record.title) if len(parts.cuts.get(name, [])) > 1 else Markup("")
            for name in lists
        }
        # Where each part of a split source begins, for the paragraphs' permanent links
        # (``/sources/<id>/#p35`` is sent on to the part holding it: permalinks.js).
        text_cuts = parts.cuts.get("source_text", [])
        paragraph_pages = (
            " ".join(
                f"{start + 1}:{relative(here, paging.page_url(first, n))}"
                for n, (start, _end) in enumerate(text_cuts, 1)
            )
            if len(text_cuts) > 1
            else ""
        )
        if number > 1:
            context = self._common(here) | {
                "paragraph_pages": paragraph_pages,
                "title": f"{record.title}, page {number}",
                "record": record,
                "number": number,
                "first_url": relative(here, url_of(first)),
                "pagers": pagers,
                **shown,
            }
            return Page(src, self.env.get_template("record-more.md.j2").render(context))
        context = self._common(here) | {
            "title": record.title,
            "description": _first_sentence(record.summary) if record.summary else "",
            "record": record,
            "meta": self.parts.head_meta(self.archive, record, here, self.site)
            | changes.page_meta(self.options.history, changes.files_of(record, entry.path)),
            "changed": changes.changed_line(
                self.options.history,
                changes.files_of(record, entry.path),
                self.options.history_base,
            ),
            "blocks": self.parts.body_blocks(self.archive, record, here, self.site),
            "key_points": record.key_point_list,
            "rows": describe.metadata_rows(self.archive, record, here),
            "date_html": describe.date_html(record),
            "related": [self.archive[i] for i in record.related],
            "text": self._text(here, record),
            "text_sources": self._text_sources(here, record),
            "edit_path": entry.path,
            "edit_url": self.options.edit_base + entry.path
            if self.options.edit_base
            else relative(here, "about/") + "#corrections-and-new-records",
            "pagers": pagers,
            "paragraph_pages": paragraph_pages,
            **shown,
        }
        markdown = self.env.get_template("record.md.j2").render(context)
        return Page(src, markdown, entry.path)

    def _text(self, here: str, record: Record) -> list[dict[str, Any]]:
        out = []
        for para in record.text_paragraphs:
            source = self.sources[para.source]
            anchor = para.label.lower().replace("(", "-").replace(")", "").replace(".", "-")
            out.append(
                {
                    "anchor": anchor,
                    "label": para.label,
                    "number": para.paragraph,
                    "html": lines(self.archive.paragraph(para.source, para.paragraph)),
                    "source_url": relative(here, self.paragraph_url(source, para.paragraph)),
                }
            )
        return out

    def _text_sources(self, here: str, record: Record) -> Markup:
        ids = sorted({p.source for p in record.text_paragraphs})
        return describe.links(self.archive, here, ids)

    def _source_text(self, here: str, record: Record) -> list[dict[str, Any]]:
        if not isinstance(record, Source):
            return []
        citing = self.archive.citing.get(record.id, {})
        return [
            {
                "number": number,
                "html": lines(text),
                "citing": citing.get(number, []),
                "uncited": record.uncited.get(number, ""),
            }
            for number, text in enumerate(self.archive.texts.get(record.id, []), 1)
        ]

    def _listing_plans(self, kind: str) -> list[PagePlan]:
        """An index's page, then its continuation pages when it is long."""
        first = section_src(FOLDERS[kind])
        parts = paging.rows(self._listed(kind), self.options.page_bytes)
        return [
            PagePlan(
                paging.page_src(first, number),
                None,
                partial(self.listing, kind, number, len(parts), part),
            )
            for number, part in enumerate(parts, 1)
        ]

    def _listed(self, kind: str) -> list[Record]:
        """The records of an index, in its order."""
        records = self.archive.records(kind)
        if kind == "resolution":
            records.sort(key=_resolution_order)
        elif kind == "reference":
            records.sort(key=lambda r: (describe.chrono_key(r), r.id))
        elif kind in ("body", "person"):
            records.sort(key=lambda r: r.title.lower())
        else:
            records.sort(key=describe.chrono_key)
        return records

    def listing(
        self, kind: str, number: int = 1, total: int = 1, records: list[Record] | None = None
    ) -> Page:
        """Page ``number`` of ``total`` of the index of ``kind`` (its ``records``)."""
        cls = RECORD_TYPES[kind]
        pager = paging.Pager(section_src(FOLDERS[kind]), number, total)
        src = pager.src
        here = url_of(src)
        if records is None:
            records = self._listed(kind)

        def link(record: Record) -> Markup:
            href = escape(relative(here, record_url(record)))
            return Markup(f'<a href="{href}">{escape(record.title)}</a>')

        def symbol(record: Record) -> Markup:
            value = record.symbol_value
            return Markup("<code>{}</code>").format(value) if value else Markup("")

        rows: list[list[Markup | str]]
        if kind == "resolution":
            columns = ["Symbol", "Title", "Adopted by", "Adopted"]
            rows = [
                [
                    symbol(r),
                    link(r),
                    describe.link(self.archive, here, r.body),
                    describe.date_html(r),
                ]
                for r in records
                if isinstance(r, Resolution)
            ]
            lead = "Every resolution in the archive, by UN symbol and date of adoption."
        elif kind == "reference":
            columns = ["Date", "Reference", "Symbol or number", "Rests on it"]
            rows = [
                [
                    describe.date_html(r)
                    or Markup('<span class="tip-undated">Date not given</span>'),
                    link(r),
                    symbol(r) or _press_release(r),
                    str(len(self.archive.uses.get(r.id, []))),
                ]
                for r in records
            ]
            lead = (
                "Every public document and page the archive has consulted: UN documents by "
                "symbol, press releases, official pages. The archive holds no text of them and "
                "never quotes them; records state facts from them in the archive's own words, "
                "and each reference's page lists what rests on it."
            )
        elif kind in ("body", "person"):
            columns = ["Name", "Kind" if kind == "body" else "Offices", "Records"]
            rows = [
                [link(r), _kind_or_offices(r), str(len(self.archive.backlinks.get(r.id, [])))]
                for r in records
            ]
            lead = f"Every {cls.label.lower()} named in the archive, with the number of records that mention them."
        else:
            columns = ["Date", "Title", "Symbol" if kind == "document" else "Kind"]
            rows = [
                [
                    describe.date_html(r)
                    or Markup('<span class="tip-undated">Date not given</span>'),
                    link(r),
                    symbol(r) if kind == "document" else _kind_or_offices(r),
                ]
                for r in records
            ]
            lead = f"Every {cls.label.lower()} in the archive, in date order."
        title = cls.plural.capitalize()
        context = self._common(here) | {
            "title": title + (f", page {number}" if number > 1 else ""),
            "lead": lead,
            "columns": columns,
            "rows": rows,
            "pager": pager.nav(title),
        }
        return Page(src, self.env.get_template("listing.md.j2").render(context))

    def _chronology_groups(self) -> list[ChronologyGroup]:
        """The chronology's records in date order, by year (every year of the span, even
        an empty one), with the records before, after and without a date apart."""
        if self._groups is not None:
            return self._groups
        entries = sorted(
            (r for r in self.archive.records() if r.type in CHRONOLOGY_TYPES),
            key=describe.chrono_key,
        )
        by_year: dict[int, list[Record]] = {year: [] for year in range(FIRST_YEAR, LAST_YEAR + 1)}
        earlier: list[Record] = []
        later: list[Record] = []
        undated: list[Record] = []
        for record in entries:
            date = record.date_value
            if date is None:
                undated.append(record)
            elif date.year < FIRST_YEAR:
                earlier.append(record)
            elif date.year > LAST_YEAR:
                later.append(record)
            else:
                by_year[date.year].append(record)
        groups: list[ChronologyGroup] = []
        if earlier:
            groups.append(ChronologyGroup(f"Before {FIRST_YEAR}: background", "before", earlier))
        groups += [ChronologyGroup(str(y), f"y{y}", items) for y, items in by_year.items()]
        if later:
            groups.append(ChronologyGroup(f"After {LAST_YEAR}: announced", "after", later))
        if undated:
            groups.append(ChronologyGroup("Date not given", "undated", undated))
        self._groups = groups
        return groups

    def _chronology_plans(self) -> list[PagePlan]:
        """The overview, then each year's page (in parts when the year is long)."""
        plans = [PagePlan(CHRONOLOGY_SRC, None, self.chronology)]
        for group in self._chronology_groups():
            parts = paging.rows(group.entries, self.options.page_bytes)
            for number, part in enumerate(parts, 1):
                pager = paging.Pager(group.src, number, len(parts))
                plans.append(
                    PagePlan(pager.src, None, partial(self.chronology_part, group, part, pager))
                )
        return plans

    def chronology(self) -> Page:
        """The overview: the timeline graphic and the years with their counts, each year
        linking to its page (``/chronology/#y2010`` still lands on the year's section)."""
        here = url_of(CHRONOLOGY_SRC)
        groups = self._chronology_groups()
        entries = [r for g in groups for r in g.entries]
        picture = timeline.build(self.archive, entries, here, FIRST_YEAR, LAST_YEAR)
        # One mark per record while the graphic stays light; above that, a count per
        # year and lane, each linking to the year's page.
        drawn = len(picture.marks) * timeline.MARK_BYTES <= self.options.page_bytes
        sections = [
            {
                "heading": g.heading,
                "anchor": g.anchor,
                "url": relative(here, url_of(g.src)),
                "count": len(g.entries),
                "by_type": [(RECORD_TYPES[k], n) for k in CHRONOLOGY_TYPES if (n := g.count(k))],
            }
            for g in groups
        ]
        context = self._common(here) | {
            "title": "Chronology",
            "description": f"Belarus's UN initiative against trafficking in persons, {FIRST_YEAR}-{LAST_YEAR}, year by year.",
            "groups": sections,
            "first": FIRST_YEAR,
            "last": LAST_YEAR,
            "timeline": picture,
            "graphic": picture.svg() if drawn else picture.counts_svg(here),
            "drawn": drawn,
            "type_options": [(k, RECORD_TYPES[k].plural.capitalize()) for k in timeline.LANES],
            "body_options": picture.options(self.archive, "body"),
            "person_options": picture.options(self.archive, "person"),
        }
        return Page(CHRONOLOGY_SRC, self.env.get_template("chronology.md.j2").render(context))

    def chronology_part(
        self, group: ChronologyGroup, entries: list[Record], pager: paging.Pager
    ) -> Page:
        """A year's page of the chronology (or part ``pager.current`` of a long year)."""
        here = url_of(pager.src)
        groups = self._chronology_groups()
        at = next(i for i, g in enumerate(groups) if g is group)
        concerned = {r.id: timeline.subjects(self.archive, r) for r in entries}
        picture = timeline.Timeline(FIRST_YEAR, LAST_YEAR, [], concerned)

        def neighbour(index: int) -> dict[str, str] | None:
            if not 0 <= index < len(groups):
                return None
            return {
                "heading": groups[index].heading,
                "url": relative(here, url_of(groups[index].src)),
            }

        title = group.heading if group.anchor[1:].isdigit() else group.heading.split(":")[0]
        context = self._common(here) | {
            "title": f"Chronology: {title}"
            + (f", page {pager.current}" if pager.current > 1 else ""),
            "description": f"The archive's records of {title}, in date order.",
            "group": group,
            "entries": entries,
            "subjects": concerned,
            "pager": pager.nav(f"Chronology, {title}"),
            "overview": relative(here, url_of(CHRONOLOGY_SRC)),
            "years": [
                {
                    "label": g.heading.split(":")[0],
                    "url": relative(here, url_of(g.src)),
                    "current": g is group,
                }
                for g in groups
            ],
            "previous": neighbour(at - 1),
            "next": neighbour(at + 1),
            "type_options": [(k, RECORD_TYPES[k].plural.capitalize()) for k in timeline.LANES],
            "body_options": picture.options(self.archive, "body"),
            "person_options": picture.options(self.archive, "person"),
        }
        return Page(pager.src, self.env.get_template("chronology-year.md.j2").render(context))


@dataclass(frozen=True)
class RecordParts:
    """Where a record page's long lists are cut: for each list, the (start, end) of the
    items each page shows; a list that fits has one part."""

    cuts: dict[str, list[tuple[int, int]]]

    @property
    def total(self) -> int:
        return max((len(c) for c in self.cuts.values()), default=1)

    def part(self, name: str, items: list[Any], number: int) -> list[Any]:
        cuts = self.cuts.get(name)
        if not cuts:
            return items if number == 1 else []
        if number > len(cuts):
            return []
        start, end = cuts[number - 1]
        return items[start:end]

    def page_of(self, name: str, index: int) -> int:
        """The page (from 1) that shows item ``index`` of list ``name``."""
        for number, (start, end) in enumerate(self.cuts.get(name, []), 1):
            if start <= index < end:
                return number
        return 1


@dataclass(frozen=True, eq=False)
class ChronologyGroup:
    """A year of the chronology (or the records before, after or without a date)."""

    heading: str
    anchor: str
    """Its section on the overview: ``y2010``, ``before``, ``after``, ``undated``."""
    entries: list[Record]

    @property
    def src(self) -> str:
        """Its page: ``chronology/2010/index.md``, ``chronology/undated/index.md``."""
        slug = self.anchor[1:] if self.anchor[1:].isdigit() else self.anchor
        return f"chronology/{slug}/index.md"

    def count(self, kind: str) -> int:
        return sum(1 for r in self.entries if r.type == kind)


def _resolution_order(record: Record) -> tuple[object, ...]:
    symbol = record.symbol_value
    return (
        symbol is None,
        symbol_order(symbol) if symbol else [],
        describe.chrono_key(record),
    )


def _press_release(record: Record) -> Markup:
    number = record.press_release_number
    return Markup("<code>{}</code>").format(number) if number else Markup("")


def _kind_or_offices(record: Record) -> str:
    if isinstance(record, Statement):
        return str(record.occasion)
    return "; ".join(office.title for office in record.office_list) or record.kind_text


def _first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    end = flat.find(". ")
    return flat if end == -1 else flat[: end + 1]


__all__ = ["Page", "PagePlan", "SiteOptions", "SiteRenderer"]
