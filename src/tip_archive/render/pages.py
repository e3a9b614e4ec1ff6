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

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket
from markupsafe import Markup, escape

from ..authoring.published import Published
from ..crossref.archive import Archive, Backlink
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
from . import changes, describe, evidence, extras, paging, timeline
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
    topic: tuple[str, str] | None = None
    """What the page shows, for knowing which pages an edit touches (``pipeline/affected.py``):
    ``("record", id)``, ``("index", kind)``, ``("year", anchor)``, ``("chronology", "")``;
    ``None`` for a page made again at every build."""


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


class _CompiledTemplates(BytecodeCache):
    """The templates compiled once for the process: a build makes a new environment per
    edition, and ``mkdocs serve`` one per rebuild, which compiled every template again.
    Jinja checks each template's source against what was compiled from it."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        found = self.compiled.get(bucket.key)
        if found is not None:
            bucket.bytecode_from_string(found)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


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
        bytecode_cache=_COMPILED,
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
        self._groups: list[ChronologyGroup] | None = None
        self._parts: dict[str, RecordParts] = {}
        self._kept_lists: dict[str, dict[str, list[Any]]] = {}

    def render(self) -> list[Page]:
        return [plan.make() for plan in self.plan()]

    def plan(self, symbol_files: dict[str, str] | None = None) -> list[PagePlan]:
        """Every page, in order, each made when asked for; the symbol table's files are
        ``symbol_files`` when given (see :meth:`symbol_files`)."""
        plans = [plan for r in self.archive.records() for plan in self._record_plans(r)]
        for kind in RECORD_TYPES:
            plans += self._listing_plans(kind)
        plans += self._chronology_plans()
        reference_src = self.ed.src(REFERENCE_SRC)
        plans.append(
            PagePlan(reference_src, None, lambda: Page(reference_src, reference_page(self.ed)))
        )
        files = self.symbol_files() if symbol_files is None else symbol_files
        plans += [PagePlan(src, None, partial(Page, src, text)) for src, text in files.items()]
        return plans

    def symbol_files(self) -> dict[str, str]:
        """The symbol table, its page and redirects, made together and at once (the lookup
        table and the redirects are the English edition's: one for the site).  They show
        the records with a symbol, each by its own fields alone."""
        symbols = symbol_entries(self.archive)
        here = url_of(self.ed.src(SYMBOLS_SRC))
        if self.ed.english:
            files = symbol_outputs(symbols, self.env, self._common(here))
            files |= redirect_pages(symbols, self.options.site_url)
        else:
            files = symbol_pages(self.env, symbols, self._common(here), ed=self.ed)
        return files

    # -- helpers used by the templates -------------------------------------------------

    def _common(self, here: str) -> dict[str, Any]:
        ed = self.ed
        shown = evidence.Evidence(self.archive, here, self.paragraph_url, ed)
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

    def _record_plans(self, record: Record) -> list[PagePlan]:
        """A record's page, then its continuation pages when one of its lists is long."""
        first = record_src(record, self.ed.lang)
        total = self._record_parts(record).total
        topic = ("record", record.id)
        plans = [
            PagePlan(
                first, self.archive.path_of(record.id), partial(self.record_page, record), topic
            )
        ]
        plans += [
            PagePlan(paging.page_src(first, n), None, partial(self.record_page, record, n), topic)
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

    def _backlinks(self, record: Record) -> list[Backlink]:
        """The records that point to ``record``, less those its own ``related`` names."""
        return [
            b
            for b in self.archive.backlinks.get(record.id, [])
            if not (b.field == "related" and b.record.id in record.related)
        ]

    def _lists(self, record: Record) -> dict[str, list[Any]]:
        """The long lists of ``record``'s page that its every part cuts from: made once for
        a record whose page goes on over several (a hub's thousands of records)."""
        found = self._kept_lists.get(record.id)
        if found is not None:
            return found
        ed = self.ed
        lists: dict[str, list[Any]] = {"backlinks": [], "involved": []}
        if isinstance(record, (Body, Person)):
            lists["involved"] = describe.subject_records(self.archive, record, ed)
        else:
            labelled = [
                (describe.role_label(b.field, ed), b.record) for b in self._backlinks(record)
            ]
            lists["backlinks"] = labelled
        if self._record_parts(record).total > 1:
            self._kept_lists[record.id] = lists
        return lists

    def paragraph_url(self, source: Record, number: int) -> str:
        """The site URL of paragraph ``number`` of ``source``: on the part of its page
        that holds it, when a long source is split."""
        page = self._record_parts(source).page_of("source_text", number - 1)
        return paging.page_url(record_src(source, self.ed.lang), page) + f"#p{number}"

    def record_page(self, record: Record, number: int = 1) -> Page:
        ed = self.ed
        first = record_src(record, ed.lang)
        parts = self._record_parts(record)
        pager = paging.Pager(first, number, parts.total)
        src = pager.src
        here = url_of(src)
        entry = self.archive.entries[record.id]
        lists: dict[str, list[Any]] = {
            **self._lists(record),
            "uses": evidence.uses(self.archive, record, here, ed)
            if isinstance(record, Reference)
            else [],
            "source_text": self._source_text(here, record),
        }
        shown = {name: parts.part(name, items, number) for name, items in lists.items()}
        # A list's pager shows where the list goes on (or comes from) another page.
        pagers = {
            name: pager.nav(ed.plain_title(record), ed)
            if len(parts.cuts.get(name, [])) > 1
            else Markup("")
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
                "title": ed._("%(title)s, page %(number)s")
                % {"title": ed.plain_title(record), "number": number},
                "record": record,
                "number": number,
                "first_url": relative(here, url_of(first)),
                "pagers": pagers,
                **shown,
            }
            return Page(src, self.env.get_template("record-more.md.j2").render(context))
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
                ed,
            ),
            "blocks": self.parts.body_blocks(self.archive, record, here, self.site),
            "key_points": ed.key_points(record),
            "rows": describe.metadata_rows(self.archive, record, here, ed),
            "date_html": describe.date_html(record, ed),
            "related": [self.archive[i] for i in record.related],
            "text": self._text(here, record),
            "text_sources": self._text_sources(here, record),
            "edit_path": entry.path,
            "edit_url": self.options.edit_base + entry.path
            if self.options.edit_base
            else relative(here, ed.page("about/")) + "#corrections-and-new-records",
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

    def _listing_plans(self, kind: str) -> list[PagePlan]:
        """An index's page, then its continuation pages when it is long."""
        first = section_src(FOLDERS[kind], self.ed.lang)
        parts = paging.rows(self._listed(kind), self.options.page_bytes)
        return [
            PagePlan(
                paging.page_src(first, number),
                None,
                partial(self.listing, kind, number, len(parts), part),
                ("index", kind),
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
            records.sort(key=lambda r: self.ed.plain_title(r).lower())
        else:
            records.sort(key=describe.chrono_key)
        return records

    def listing(
        self, kind: str, number: int = 1, total: int = 1, records: list[Record] | None = None
    ) -> Page:
        """Page ``number`` of ``total`` of the index of ``kind`` (its ``records``)."""
        ed = self.ed
        _ = ed._
        pager = paging.Pager(section_src(FOLDERS[kind], ed.lang), number, total)
        src = pager.src
        here = url_of(src)
        if records is None:
            records = self._listed(kind)
        undated = Markup('<span class="tip-undated">{}</span>').format(_("Date not given"))

        def link(record: Record) -> Markup:
            href = escape(relative(here, ed.url(record)))
            return Markup(f'<a href="{href}">{ed.title(record)}</a>')

        def symbol(record: Record) -> Markup:
            value = record.symbol_value
            return Markup("<code>{}</code>").format(value) if value else Markup("")

        rows: list[list[Markup | str]]
        if kind == "resolution":
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
            "title": title + (_(", page %(number)s") % {"number": number} if number > 1 else ""),
            "lead": lead,
            "columns": columns,
            "rows": rows,
            "pager": pager.nav(title, ed),
        }
        return Page(src, self.env.get_template("listing.md.j2").render(context))

    def _chronology_groups(self) -> list[ChronologyGroup]:
        """The chronology's records in date order, by year (every year of the span, even
        an empty one), with the records before, after and without a date apart."""
        if self._groups is not None:
            return self._groups
        _ = self.ed._
        prefix = self.ed.src("")
        entries = sorted(
            (r for r in self.archive.records() if r.type in CHRONOLOGY_TYPES),
            key=describe.chrono_key,
        )
        by_year: dict[int, list[Record]] = {year: [] for year in range(FIRST_YEAR, LAST_YEAR + 1)}
        earlier: list[Record] = []
        later: list[Record] = []
        undated: list[Record] = []
        apart = {"before": earlier, "after": later, "undated": undated}
        for record in entries:
            anchor = chronology_anchor(record)
            assert anchor is not None
            if anchor in apart:
                apart[anchor].append(record)
            else:
                by_year[int(anchor[1:])].append(record)
        groups: list[ChronologyGroup] = []
        if earlier:
            groups.append(
                ChronologyGroup(
                    _("Before %(year)s: background") % {"year": FIRST_YEAR},
                    "before",
                    earlier,
                    prefix,
                )
            )
        groups += [ChronologyGroup(str(y), f"y{y}", items, prefix) for y, items in by_year.items()]
        if later:
            groups.append(
                ChronologyGroup(
                    _("After %(year)s: announced") % {"year": LAST_YEAR}, "after", later, prefix
                )
            )
        if undated:
            groups.append(ChronologyGroup(_("Date not given"), "undated", undated, prefix))
        self._groups = groups
        return groups

    def _chronology_plans(self) -> list[PagePlan]:
        """The overview, then each year's page (in parts when the year is long)."""
        plans = [PagePlan(self.ed.src(CHRONOLOGY_SRC), None, self.chronology, ("chronology", ""))]
        for group in self._chronology_groups():
            parts = paging.rows(group.entries, self.options.page_bytes)
            for number, part in enumerate(parts, 1):
                pager = paging.Pager(group.src, number, len(parts))
                plans.append(
                    PagePlan(
                        pager.src,
                        None,
                        partial(self.chronology_part, group, part, pager),
                        ("year", group.anchor),
                    )
                )
        return plans

    def chronology(self) -> Page:
        """The overview: the timeline graphic and the years with their counts, each year
        linking to its page (``/chronology/#y2010`` still lands on the year's section)."""
        ed = self.ed
        _ = ed._
        src = ed.src(CHRONOLOGY_SRC)
        here = url_of(src)
        groups = self._chronology_groups()
        entries = [r for g in groups for r in g.entries]
        picture = timeline.build(self.archive, entries, here, FIRST_YEAR, LAST_YEAR, ed)
        # One mark per record while the graphic stays light; above that, a count per
        # year and lane, each linking to the year's page.
        drawn = len(picture.marks) * timeline.MARK_BYTES <= self.options.page_bytes
        sections = [
            {
                "heading": g.heading,
                "anchor": g.anchor,
                "url": relative(here, url_of(g.src)),
                "count": len(g.entries),
                "by_type": [(k, n) for k in CHRONOLOGY_TYPES if (n := g.count(k))],
            }
            for g in groups
        ]
        context = self._common(here) | {
            "title": _("Chronology"),
            "description": _(
                "Belarus's UN initiative against trafficking in persons, %(first)s-%(last)s, "
                "year by year."
            )
            % {"first": FIRST_YEAR, "last": LAST_YEAR},
            "groups": sections,
            "first": FIRST_YEAR,
            "last": LAST_YEAR,
            "timeline": picture,
            "graphic": picture.svg() if drawn else picture.counts_svg(here),
            "drawn": drawn,
            "type_options": [(k, ed.type_name(k, plural=True)) for k in timeline.LANES],
            "body_options": picture.options(self.archive, "body"),
            "person_options": picture.options(self.archive, "person"),
        }
        return Page(src, self.env.get_template("chronology.md.j2").render(context))

    def chronology_part(
        self, group: ChronologyGroup, entries: list[Record], pager: paging.Pager
    ) -> Page:
        """A year's page of the chronology (or part ``pager.current`` of a long year)."""
        ed = self.ed
        _ = ed._
        here = url_of(pager.src)
        groups = self._chronology_groups()
        at = next(i for i, g in enumerate(groups) if g is group)
        concerned = {r.id: timeline.subjects(self.archive, r) for r in entries}
        picture = timeline.Timeline(FIRST_YEAR, LAST_YEAR, [], concerned, ed=ed)

        def neighbour(index: int) -> dict[str, str] | None:
            if not 0 <= index < len(groups):
                return None
            return {
                "heading": groups[index].heading,
                "url": relative(here, url_of(groups[index].src)),
            }

        title = group.heading if group.anchor[1:].isdigit() else group.heading.split(":")[0]
        context = self._common(here) | {
            "title": _("Chronology: %(title)s") % {"title": title}
            + (_(", page %(number)s") % {"number": pager.current} if pager.current > 1 else ""),
            "description": _("The archive's records of %(title)s, in date order.")
            % {"title": title},
            "group": group,
            "entries": entries,
            "subjects": concerned,
            "pager": pager.nav(_("Chronology, %(title)s") % {"title": title}, ed),
            "overview": relative(here, url_of(ed.src(CHRONOLOGY_SRC))),
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
            "type_options": [(k, ed.type_name(k, plural=True)) for k in timeline.LANES],
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
    prefix: str = ""
    """The edition's prefix of its address (``ru/``; none for English)."""

    @property
    def src(self) -> str:
        """Its page: ``chronology/2010/index.md``, ``ru/chronology/undated/index.md``."""
        slug = self.anchor[1:] if self.anchor[1:].isdigit() else self.anchor
        return f"{self.prefix}chronology/{slug}/index.md"

    def count(self, kind: str) -> int:
        return sum(1 for r in self.entries if r.type == kind)


def chronology_anchor(record: Record) -> str | None:
    """The chronology's section of ``record`` (``y2010``, ``before``, ``after``,
    ``undated``: see :class:`ChronologyGroup`); ``None`` for a record it does not list."""
    if record.type not in CHRONOLOGY_TYPES:
        return None
    date = record.date_value
    if date is None:
        return "undated"
    if date.year < FIRST_YEAR:
        return "before"
    if date.year > LAST_YEAR:
        return "after"
    return f"y{date.year}"


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
