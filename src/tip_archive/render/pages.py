"""Render the archive into pages: one per record, an index per type, the chronology.

:func:`render_site` returns plain :class:`Page` objects (a source path and its
Markdown); the MkDocs plugin hands them to MkDocs, a test can read them as they are.
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

from ..crossref.archive import Archive
from ..loading.history import Change
from ..model.records import (
    FOLDERS,
    RECORD_TYPES,
    Body,
    Citation,
    Document,
    Person,
    Record,
    Resolution,
    Source,
    Statement,
)
from . import (  # noqa: F401  (importing cite_block, headmeta, social registers their providers)
    changes,
    cite_block,
    describe,
    extras,
    headmeta,
    social,
    timeline,
)
from .redirects import redirect_pages
from .reference import REFERENCE_SRC, reference_page
from .scripts import asset_files
from .symbol_index import SYMBOLS_SRC, symbol_entries, symbol_outputs
from .text import lines, md_inline, paragraphs, yaml_scalar
from .urls import record_src, record_url, relative, section_src, url_of

TEMPLATES = Path(__file__).parent / "templates"
CHRONOLOGY_SRC = "chronology/index.md"
#: The record types that make up the chronology (bodies, people and sources are its actors and evidence).
CHRONOLOGY_TYPES = ("resolution", "statement", "event", "document")
#: The years the chronology covers, each shown even when the archive holds nothing for it.
FIRST_YEAR, LAST_YEAR = 2005, 2019


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

    def site(self) -> extras.SiteContext:
        return extras.SiteContext(self.site_url, self.site_name, self.release)


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
    def __init__(self, archive: Archive, options: SiteOptions | None = None) -> None:
        self.archive = archive
        self.options = options or SiteOptions()
        self.env = environment()
        self.sources = {r.id: r for r in archive.records("source")}

    def render(self) -> list[Page]:
        return [plan.make() for plan in self.plan()]

    def plan(self) -> list[PagePlan]:
        """Every page, in order, each made when asked for."""
        plans = [
            PagePlan(record_src(r), self.archive.path_of(r.id), partial(self._record_page, r))
            for r in self.archive.records()
        ]
        plans += [
            PagePlan(section_src(FOLDERS[kind]), None, partial(self.listing, kind))
            for kind in RECORD_TYPES
        ]
        plans.append(PagePlan(CHRONOLOGY_SRC, None, self.chronology))
        plans.append(PagePlan(REFERENCE_SRC, None, lambda: Page(REFERENCE_SRC, reference_page())))
        # The symbol table, its page and redirects, made together and at once.
        symbols = symbol_entries(self.archive)
        files = symbol_outputs(symbols, self.env, self._common(url_of(SYMBOLS_SRC)))
        files |= redirect_pages(symbols, self.options.site_url) | asset_files()
        plans += [PagePlan(src, None, partial(Page, src, text)) for src, text in files.items()]
        return plans

    def _record_page(self, record: Record) -> Page:
        with extras.using_site(self.options.site()):
            return self.record_page(record)

    # -- helpers used by the templates -------------------------------------------------

    def _common(self, here: str) -> dict[str, Any]:
        return {
            "archive": self.archive,
            "sources": self.sources,
            "url_for": lambda item, anchor="": relative(here, record_url(item)) + anchor,
            "cite": lambda cited: self._cite(here, cited),
            "hide_nav": False,
            "description": "",
            "meta": {},
        }

    def _cite(self, here: str, cited: Citation) -> Markup:
        source = self.sources[cited.source]
        target = relative(here, record_url(source) + f"#p{cited.paragraph}")
        # f-strings with escape(): Markup.format costs several times more, on every link.
        return Markup(
            f'<a class="tip-cite" href="{escape(target)}">{escape(source.title)}, ¶{cited.paragraph}</a>'
        )

    # -- pages -------------------------------------------------------------------------

    def record_page(self, record: Record) -> Page:
        src = record_src(record)
        here = url_of(src)
        entry = self.archive.entries[record.id]
        context = self._common(here) | {
            "title": record.title,
            "description": _first_sentence(record.summary) if record.summary else "",
            "record": record,
            "meta": extras.head_meta(self.archive, record, here)
            | changes.page_meta(self.options.history, changes.files_of(record, entry.path)),
            "changed": changes.changed_line(
                self.options.history,
                changes.files_of(record, entry.path),
                self.options.history_base,
            ),
            "blocks": extras.body_blocks(self.archive, record, here),
            "key_points": getattr(record, "key_points", []),
            "rows": describe.metadata_rows(self.archive, record, here),
            "date_html": describe.date_html(record),
            "related": [self.archive[i] for i in record.related],
            "backlinks": [
                (describe.role_label(b.field), b.record)
                for b in self.archive.backlinks.get(record.id, [])
                if not (b.field == "related" and b.record.id in record.related)
            ]
            if not isinstance(record, (Body, Person))
            else [],
            "involved": describe.subject_records(self.archive, record)
            if isinstance(record, (Body, Person))
            else [],
            "text": self._text(here, record),
            "text_sources": self._text_sources(here, record),
            "source_text": self._source_text(here, record),
            "edit_path": entry.path,
            "edit_url": self.options.edit_base + entry.path
            if self.options.edit_base
            else relative(here, "about/") + "#corrections-and-new-records",
        }
        markdown = self.env.get_template("record.md.j2").render(context)
        return Page(src, markdown, entry.path)

    def _text(self, here: str, record: Record) -> list[dict[str, Any]]:
        if not isinstance(record, (Resolution, Document)):
            return []
        out = []
        for para in record.text:
            source = self.sources[para.source]
            anchor = para.label.lower().replace("(", "-").replace(")", "").replace(".", "-")
            out.append(
                {
                    "anchor": anchor,
                    "label": para.label,
                    "number": para.paragraph,
                    "html": lines(self.archive.paragraph(para.source, para.paragraph)),
                    "source_url": relative(here, record_url(source) + f"#p{para.paragraph}"),
                }
            )
        return out

    def _text_sources(self, here: str, record: Record) -> Markup:
        ids = sorted({p.source for p in getattr(record, "text", [])})
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

    def listing(self, kind: str) -> Page:
        cls = RECORD_TYPES[kind]
        src = section_src(FOLDERS[kind])
        here = url_of(src)
        records = self.archive.records(kind)

        def link(record: Record) -> Markup:
            href = escape(relative(here, record_url(record)))
            return Markup(f'<a href="{href}">{escape(record.title)}</a>')

        def symbol(record: Record) -> Markup:
            value = record.symbol_value
            return Markup("<code>{}</code>").format(value) if value else Markup("")

        rows: list[list[Markup | str]]
        if kind == "resolution":
            records.sort(key=_resolution_order)
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
        elif kind in ("body", "person"):
            records.sort(key=lambda r: r.title.lower())
            columns = ["Name", "Kind" if kind == "body" else "Offices", "Records"]
            rows = [
                [link(r), _kind_or_offices(r), str(len(self.archive.backlinks.get(r.id, [])))]
                for r in records
            ]
            lead = f"Every {cls.label.lower()} named in the archive, with the number of records that mention them."
        else:
            records.sort(key=describe.chrono_key)
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
            "title": title,
            "lead": lead,
            "columns": columns,
            "rows": rows,
        }
        return Page(src, self.env.get_template("listing.md.j2").render(context))

    def chronology(self) -> Page:
        here = url_of(CHRONOLOGY_SRC)
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
        groups: list[dict[str, Any]] = []
        if earlier:
            groups.append(
                {
                    "heading": f"Before {FIRST_YEAR}: background",
                    "anchor": "before",
                    "entries": earlier,
                }
            )
        groups += [
            {"heading": str(y), "anchor": f"y{y}", "entries": items} for y, items in by_year.items()
        ]
        if later:
            groups.append(
                {"heading": f"After {LAST_YEAR}: announced", "anchor": "after", "entries": later}
            )
        if undated:
            groups.append({"heading": "Date not given", "anchor": "undated", "entries": undated})
        picture = timeline.build(self.archive, entries, here, FIRST_YEAR, LAST_YEAR)
        context = self._common(here) | {
            "title": "Chronology",
            "description": f"Belarus's UN initiative against trafficking in persons, {FIRST_YEAR}-{LAST_YEAR}, year by year.",
            "groups": groups,
            "years": [{"label": y} for y in by_year],
            "first": FIRST_YEAR,
            "last": LAST_YEAR,
            "timeline": picture,
            "subjects": picture.subjects,
            "type_options": [(k, RECORD_TYPES[k].plural.capitalize()) for k in timeline.LANES],
            "body_options": picture.options(self.archive, "body"),
            "person_options": picture.options(self.archive, "person"),
        }
        return Page(CHRONOLOGY_SRC, self.env.get_template("chronology.md.j2").render(context))


def _resolution_order(record: Record) -> tuple[object, ...]:
    symbol = record.symbol_value
    return (
        symbol is None,
        describe.sort_symbol_key(symbol) if symbol else (),
        describe.chrono_key(record),
    )


def _kind_or_offices(record: Record) -> str:
    if isinstance(record, Person):
        return "; ".join(office.title for office in record.offices)
    if isinstance(record, Statement):
        return str(record.occasion)
    return str(getattr(record, "kind", ""))


def _first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    end = flat.find(". ")
    return flat if end == -1 else flat[: end + 1]


def render_site(archive: Archive, options: SiteOptions | None = None) -> list[Page]:
    return SiteRenderer(archive, options).render()


def plan_site(archive: Archive, options: SiteOptions | None = None) -> list[PagePlan]:
    return SiteRenderer(archive, options).plan()


__all__ = ["Page", "PagePlan", "SiteOptions", "plan_site", "render_site"]
