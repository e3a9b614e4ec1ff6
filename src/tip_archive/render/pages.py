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
from ..i18n import Messages
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
from . import changes, describe, evidence, extras, timeline
from .edition import ENGLISH, Edition
from .redirects import redirect_pages
from .reference import REFERENCE_SRC, reference_page
from .symbol_index import SYMBOLS_SRC, symbol_entries, symbol_outputs, symbol_pages
from .text import lines, md_inline, paragraphs, yaml_scalar
from .urls import record_src, relative, section_src, url_of

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

    def site(self) -> extras.SiteContext:
        return extras.SiteContext(
            self.site_url, self.site_name, self.release, tuple(self.published)
        )


def environment(messages: Messages | None = None) -> Environment:
    """The templates' environment, with the interface strings of ``messages``' edition
    (``_("...")`` in a template; see :mod:`tip_archive.i18n`)."""
    env = Environment(
        extensions=["jinja2.ext.i18n"],
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
    messages = messages or Messages()
    env.install_gettext_callables(  # type: ignore[attr-defined]
        messages.gettext, messages.ngettext, newstyle=True
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
        ed: Edition = ENGLISH,
    ) -> None:
        self.archive = archive
        self.options = options
        self.ed = ed
        self.site = site if site.lang == ed.lang else site.edition(ed.lang)
        self.parts = parts
        self.env = environment(ed.m)
        self.sources = {r.id: r for r in archive.records("source")}

    def render(self) -> list[Page]:
        return [plan.make() for plan in self.plan()]

    def plan(self) -> list[PagePlan]:
        """Every page, in order, each made when asked for."""
        lang = self.ed.lang
        plans = [
            PagePlan(record_src(r, lang), self.archive.path_of(r.id), partial(self.record_page, r))
            for r in self.archive.records()
        ]
        plans += [
            PagePlan(section_src(FOLDERS[kind], lang), None, partial(self.listing, kind))
            for kind in RECORD_TYPES
        ]
        plans.append(PagePlan(self.ed.src(CHRONOLOGY_SRC), None, self.chronology))
        reference_src = self.ed.src(REFERENCE_SRC)
        plans.append(
            PagePlan(reference_src, None, lambda: Page(reference_src, reference_page(self.ed)))
        )
        # The symbol table, its page and redirects, made together and at once (the
        # lookup table and the redirects are the English edition's: one for the site).
        symbols = symbol_entries(self.archive)
        here = url_of(self.ed.src(SYMBOLS_SRC))
        if self.ed.english:
            files = symbol_outputs(symbols, self.env, self._common(here))
            files |= redirect_pages(symbols, self.options.site_url)
        else:
            files = symbol_pages(self.env, symbols, self._common(here), ed=self.ed)
        plans += [PagePlan(src, None, partial(Page, src, text)) for src, text in files.items()]
        return plans

    # -- helpers used by the templates -------------------------------------------------

    def _common(self, here: str) -> dict[str, Any]:
        ed = self.ed
        shown = evidence.Evidence(self.archive, here, ed)
        return {
            "archive": self.archive,
            "sources": self.sources,
            "ed": ed,
            "lang": ed.lang,
            "title_of": ed.title,
            "date": ed.date,
            "text": ed.text,
            "page_url": lambda path: relative(here, ed.page(path)),
            "url_for": lambda item, anchor="": relative(here, ed.url(item)) + anchor,
            "cite": shown.quoted,
            "evidence": shown.of,
            "labels": evidence.LABELS,
            "meanings": evidence.MEANINGS,
            "hide_nav": False,
            "description": "",
            "meta": {},
        }

    # -- pages -------------------------------------------------------------------------

    def record_page(self, record: Record) -> Page:
        ed = self.ed
        src = record_src(record, ed.lang)
        here = url_of(src)
        entry = self.archive.entries[record.id]
        translated = ed.ru(record)
        summary = (translated.summary if translated else None) or record.summary
        context = self._common(here) | {
            "title": ed.plain_title(record),
            "title_untranslated": ed.title_untranslated(record),
            "official": translated.title_official if translated else None,
            # A page or text published in Russian: its Russian title is the original one.
            "original": isinstance(record, (Source, Reference)) and record.language == "ru",
            "translation": translated,
            "summary_html": ed.paragraphs(record, "summary", record.summary),
            "description": _first_sentence(summary) if summary else "",
            "record": record,
            "meta": self.parts.head_meta(self.archive, record, here, self.site)
            | changes.page_meta(self.options.history, changes.files_of(record, entry.path), ed),
            "changed": changes.changed_line(
                self.options.history,
                changes.files_of(record, entry.path),
                self.options.history_base,
            ),
            "blocks": self.parts.body_blocks(self.archive, record, here, self.site),
            "key_points": ed.key_points(record),
            "rows": describe.metadata_rows(self.archive, record, here, ed),
            "date_html": describe.date_html(record, ed),
            "related": [self.archive[i] for i in record.related],
            "backlinks": [
                (describe.role_label(b.field, ed), b.record)
                for b in self.archive.backlinks.get(record.id, [])
                if not (b.field == "related" and b.record.id in record.related)
            ]
            if not isinstance(record, (Body, Person))
            else [],
            "involved": describe.subject_records(self.archive, record, ed)
            if isinstance(record, (Body, Person))
            else [],
            "text": self._text(here, record),
            "uses": evidence.uses(self.archive, record, here, ed)
            if isinstance(record, Reference)
            else [],
            "text_sources": self._text_sources(here, record),
            "source_text": self._source_text(here, record),
            "edit_path": entry.path,
            "edit_url": self.options.edit_base + entry.path
            if self.options.edit_base
            else relative(here, ed.page("about/")) + "#corrections-and-new-records",
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
                    "source_url": relative(here, self.ed.url(source) + f"#p{para.paragraph}"),
                }
            )
        return out

    def _text_sources(self, here: str, record: Record) -> Markup:
        ids = sorted({p.source for p in record.text_paragraphs})
        return describe.links(self.archive, here, ids, self.ed)

    def _source_text(self, here: str, record: Record) -> list[dict[str, Any]]:
        if not isinstance(record, Source):
            return []
        citing = self.archive.citing.get(record.id, {})
        translated = self.ed.ru(record)
        russian = translated.uncited if translated else {}
        return [
            {
                "number": number,
                "html": lines(text),
                "citing": citing.get(number, []),
                "uncited": self.ed.text(record.uncited.get(number, ""), russian.get(number)),
            }
            for number, text in enumerate(self.archive.texts.get(record.id, []), 1)
        ]

    def listing(self, kind: str) -> Page:
        ed = self.ed
        _ = ed._
        src = section_src(FOLDERS[kind], ed.lang)
        here = url_of(src)
        records = self.archive.records(kind)
        undated = Markup('<span class="tip-undated">{}</span>').format(_("Date not given"))

        def link(record: Record) -> Markup:
            href = escape(relative(here, ed.url(record)))
            return Markup(f'<a href="{href}">{ed.title(record)}</a>')

        def symbol(record: Record) -> Markup:
            value = record.symbol_value
            return Markup("<code>{}</code>").format(value) if value else Markup("")

        rows: list[list[Markup | str]]
        if kind == "resolution":
            records.sort(key=_resolution_order)
            columns = [_("Symbol"), _("Title"), _("Adopted by"), _("Adopted")]
            rows = [
                [
                    symbol(r),
                    link(r),
                    describe.link(self.archive, here, r.body, ed),
                    describe.date_html(r, ed),
                ]
                for r in records
                if isinstance(r, Resolution)
            ]
            lead = _("Every resolution in the archive, by UN symbol and date of adoption.")
        elif kind == "reference":
            records.sort(key=lambda r: (describe.chrono_key(r), r.id))
            columns = [_("Date"), _("Reference"), _("Symbol or number"), _("Rests on it")]
            rows = [
                [
                    describe.date_html(r, ed) or undated,
                    link(r),
                    symbol(r) or _press_release(r),
                    str(len(self.archive.uses.get(r.id, []))),
                ]
                for r in records
            ]
            lead = _(
                "Every public document and page the archive has consulted: UN documents by "
                "symbol, press releases, official pages. The archive holds no text of them and "
                "never quotes them; records state facts from them in the archive's own words, "
                "and each reference's page lists what rests on it."
            )
        elif kind in ("body", "person"):
            records.sort(key=lambda r: ed.plain_title(r).lower())
            columns = [_("Name"), _("Kind") if kind == "body" else _("Offices"), _("Records")]
            rows = [
                [link(r), _kind_or_offices(r, ed), str(len(self.archive.backlinks.get(r.id, [])))]
                for r in records
            ]
            lead = (
                _("Every body named in the archive, with the number of records that mention them.")
                if kind == "body"
                else _(
                    "Every person named in the archive, with the number of records that mention them."
                )
            )
        else:
            records.sort(key=describe.chrono_key)
            columns = [_("Date"), _("Title"), _("Symbol") if kind == "document" else _("Kind")]
            rows = [
                [
                    describe.date_html(r, ed) or undated,
                    link(r),
                    symbol(r) if kind == "document" else _kind_or_offices(r, ed),
                ]
                for r in records
            ]
            lead = {
                "statement": _("Every statement in the archive, in date order."),
                "event": _("Every event in the archive, in date order."),
                "document": _("Every document in the archive, in date order."),
                "source": _("Every source in the archive, in date order."),
            }[kind]
        title = ed.type_name(kind, plural=True)
        context = self._common(here) | {
            "title": title,
            "lead": lead,
            "columns": columns,
            "rows": rows,
        }
        return Page(src, self.env.get_template("listing.md.j2").render(context))

    def chronology(self) -> Page:
        ed = self.ed
        _ = ed._
        src = ed.src(CHRONOLOGY_SRC)
        here = url_of(src)
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
                    "heading": _("Before %(year)s: background") % {"year": FIRST_YEAR},
                    "anchor": "before",
                    "entries": earlier,
                }
            )
        groups += [
            {"heading": str(y), "anchor": f"y{y}", "entries": items} for y, items in by_year.items()
        ]
        if later:
            groups.append(
                {
                    "heading": _("After %(year)s: announced") % {"year": LAST_YEAR},
                    "anchor": "after",
                    "entries": later,
                }
            )
        if undated:
            groups.append({"heading": _("Date not given"), "anchor": "undated", "entries": undated})
        picture = timeline.build(self.archive, entries, here, FIRST_YEAR, LAST_YEAR, ed)
        context = self._common(here) | {
            "title": _("Chronology"),
            "description": _(
                "Belarus's UN initiative against trafficking in persons, %(first)s-%(last)s, "
                "year by year."
            )
            % {"first": FIRST_YEAR, "last": LAST_YEAR},
            "groups": groups,
            "years": [{"label": y} for y in by_year],
            "first": FIRST_YEAR,
            "last": LAST_YEAR,
            "timeline": picture,
            "subjects": picture.subjects,
            "type_options": [(k, ed.type_name(k, plural=True)) for k in timeline.LANES],
            "body_options": picture.options(self.archive, "body"),
            "person_options": picture.options(self.archive, "person"),
        }
        return Page(src, self.env.get_template("chronology.md.j2").render(context))


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


def _kind_or_offices(record: Record, ed: Edition = ENGLISH) -> Markup:
    if isinstance(record, Statement):
        return ed.field_text(record, "occasion", record.occasion)
    offices = [ed.item_text(office.title, office.ru, "title") for office in record.office_list]
    return Markup("; ").join(offices) or escape(ed.word(record.kind_text))


def _first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    end = flat.find(". ")
    return flat if end == -1 else flat[: end + 1]


__all__ = ["Page", "PagePlan", "SiteOptions", "SiteRenderer"]
