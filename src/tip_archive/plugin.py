"""The MkDocs plugin: a thin layer that hands the archive's pages to MkDocs.

Everything it calls is plain Python that knows nothing of MkDocs; moving to
another site generator means rewriting this module only.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import MkDocsException, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files

from .authoring.published import read_published
from .authoring.release import RELEASES_FILE, Release
from .crossref.archive import Archive
from .loading import inputs
from .loading.history import record_history
from .loading.problems import DataError
from .model.records import LANGUAGES
from .pipeline import affected, cache
from .pipeline.background import Rerunning
from .pipeline.cache import BuildCache
from .pipeline.engine import load_archive, phase, plan
from .pipeline.outputs import durable_outputs, release_context, releases_of
from .pipeline.site import BuildFailed
from .render import csp, fulltext, languages, manifest, opendata, publish, rawhtml
from .render.pages import SiteOptions
from .render.paging import PAGE_BYTES
from .render.shared import SharedPartials

LOG = logging.getLogger("mkdocs.plugins.tip_archive")

#: The archive's theme templates, shipped with the package.
THEME = Path(__file__).parent / "theme"
#: The template of a page taken from the cache of rendered pages: MkDocs renders it (to
#: nothing) and ``on_post_page`` puts the page's kept HTML in its place.
CACHED_TEMPLATE = "tip-cached.html"
#: How long after a serve rebuild its garbage is collected: once the browser has reloaded.
SWEEP_AFTER_SECONDS = 2.0
#: The theme's partials the archive's own copies render once for many pages (render/shared.py).
SHARED_PARTIALS = ("partials/nav.html", "partials/tabs.html")


def _index_quietly(
    site: Path, started: Callable[[Any], None], stopping: Callable[[], bool]
) -> None:
    try:
        with phase("search"):
            fulltext.index_site(site, started)
    except fulltext.SearchIndexError as exc:
        if not stopping():  # stopped on purpose: the server is shutting down
            logging.getLogger("mkdocs.plugins.tip_archive").error(str(exc))


class _Left(File):
    """A generated file the last build wrote and this one leaves as it is (``mkdocs serve``):
    MkDocs' dirty build neither reads, converts nor writes it, unless it is missing."""

    left = True
    """Set to ``False`` when the page must be made after all (the navigation changed)."""

    missing: bool | None = None
    """Whether the file is missing from the site folder, once asked (MkDocs asks twice)."""

    def is_modified(self) -> bool:
        if not self.left:
            return True
        if self.missing is None:
            self.missing = not os.path.isfile(os.path.join(self.dest_dir, self.dest_uri))
        return self.missing


def _nav_key(nav: Any) -> bytes:
    """The navigation every page shows: its titles and addresses, known once every page is
    read (a page outside an explicit ``nav`` gets its title from its content)."""
    import hashlib

    digest = hashlib.blake2b(digest_size=20)

    def walk(items: Any, depth: int) -> None:
        for item in items or []:
            url = getattr(item, "url", "") or ""
            digest.update(f"{depth}\0{item.title}\0{url}\n".encode())
            walk(getattr(item, "children", None), depth + 1)

    walk(getattr(nav, "items", []), 0)
    return digest.digest()


def _site_key(config: Any) -> bytes:
    """What every page's HTML depends on besides its own Markdown: the configuration, the
    theme's templates and the hand-written pages (their titles and the navigation)."""
    import hashlib
    import json

    digest = hashlib.blake2b(digest_size=20)
    digest.update(Path(config.config_file_path).read_bytes())
    digest.update(str(config.site_url).encode())
    digest.update(json.dumps(config.extra, sort_keys=True, default=str).encode())
    # The installed theme changes only with its version; the project's own templates
    # (custom_dir), the archive's and the hand-written pages may change during a serve.
    from importlib.metadata import version

    digest.update(version("mkdocs-material").encode())
    for folder in [d for d in (config.theme.custom_dir, str(THEME), config.docs_dir) if d]:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.digest()


class ArchiveConfig(Config):
    data_dir = c.Type(str, default="data")
    """The folder of YAML records, relative to ``mkdocs.yml``."""
    edit_base = c.Type(str, default="")
    """URL prefix for a record file's edit link (e.g. ``https://github.com/o/r/edit/main/``)."""
    history_base = c.Type(str, default="")
    """URL prefix for a record file's change history (e.g. ``https://github.com/o/r/commits/main/``)."""
    editions = c.ListOfItems(c.Choice(LANGUAGES), default=list(LANGUAGES))
    """The language editions to build (``[en]`` builds the English one only, and leaves out
    the hand-written pages under ``docs/ru/``: for measuring the Russian edition's cost)."""
    page_bytes = c.Type(int, default=PAGE_BYTES)
    """What the list of one page (a year of the chronology, an index, a body's records, a
    long source's paragraphs) may weigh, in bytes of HTML, before it goes on to a next page."""


#: The plugin's options, as ``mkdocs.yml`` may give them.
OPTIONS = tuple(name for name, _ in ArchiveConfig._schema)

#: Markdown extensions the generated pages rely on (headings with ids, HTML blocks, tables).
REQUIRED_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc")


class ArchivePlugin(BasePlugin[ArchiveConfig]):
    release: Release | None = None
    handed: tuple[Path, Archive] | None = None
    """An archive ``tip-archive build`` has just validated, with its data folder: used once,
    instead of reading the folder again."""
    indexes = True
    """Whether a build ends with the full-text index; ``tip-archive build`` makes it itself,
    after MkDocs, once the build's memory is given back (see ``pipeline/site.py``)."""

    serving = False
    """Whether the pages are for ``mkdocs serve`` (whose live reload is an inline script)."""

    refused = False
    """Whether the data stopped the build being made (see :meth:`_keeping_last_good`)."""

    def __init__(self) -> None:
        super().__init__()
        self.cache = BuildCache()
        self.navs: dict[str, Any] = {}
        """Each edition's navigation and its view of the site's settings (Russian names)."""
        self.configs: dict[str, Any] = {}
        self.urls: dict[str, str] = {}
        self._packed: dict[str, bytes] = {}
        """Each page's HTML, compressed, from its Markdown until its template (a build)."""

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[Any, Any]:
        # The options are checked in the archive's words (an unknown option with the close
        # one, a data_dir that is missing or a file) as errors, which fail even a lax build.
        from mkdocs.config.base import ValidationError

        errors, warnings = super().load_config(options, config_file_path)
        root = Path(config_file_path).parent if config_file_path else Path.cwd()
        reported = {name for name, _ in errors}
        ours = [p for p in inputs.option_problems(options, OPTIONS, root) if p[0] not in reported]
        unknown = {name for name, _ in ours}
        warnings = [(k, w) for k, w in warnings if k not in unknown]
        errors = [*errors, *((name, ValidationError(message)) for name, message in ours)]
        return errors, warnings

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defined also so that MkDocs keeps this plugin, and with it its cache, across the
        # rebuilds of `mkdocs serve` (only changed record files are read again).
        self.serving = command == "serve"

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        # `mkdocs serve` rebuilds when a record, a source text or releases.yaml changes, even
        # in a project whose mkdocs.yml does not list them under `watch:`.
        root = Path(config.config_file_path).parent
        watched = [root / self.config.data_dir, root / RELEASES_FILE]
        for path in watched:
            if path.exists():
                server.watch(str(path))
        server.builder = self._keeping_last_good(server.builder)
        return server

    def _keeping_last_good(self, rebuild: Callable[..., None]) -> Callable[..., None]:
        """``mkdocs serve``'s rebuild, except that refused data keep the last good pages.

        The data are checked before MkDocs empties its folder (``on_pre_build``), so the last
        good pages are all there: the server goes on serving them, instead of holding every
        request until the data are fixed, and the next good save rebuilds by itself."""

        def keeping(*args: Any, **kwargs: Any) -> None:
            self.refused = False
            try:
                rebuild(*args, **kwargs)
            except SystemExit:  # MkDocs' Abort, after it logged the problems
                if not self.refused:
                    raise
                LOG.error(
                    "The last good pages are still served: fix the problems above and save; "
                    "the site rebuilds by itself."
                )

        return keeping

    def on_shutdown(self) -> None:
        if self._sweeping is not None:
            self._sweeping.cancel()
        if self._search is not None:  # the index under way is of a site about to be removed
            self._search.stop(self._stop_pagefind)
        self.cache.close()

    _search: Rerunning | None = None
    _pagefind: Any = None
    """The Pagefind process the background index runs, if any."""

    def _stop_pagefind(self) -> None:
        process = self._pagefind
        if process is not None and process.poll() is None:
            process.terminate()

    def _index_in_background(self) -> None:
        search = self._search
        _index_quietly(
            self._search_site,
            lambda process: setattr(self, "_pagefind", process),
            lambda: search is not None and search.stopping,
        )

    def wait_for_search(self) -> None:
        """Wait for the full-text index ``mkdocs serve`` makes after a build, if any."""
        if self._search is not None:
            self._search.wait()

    def on_config(self, config: Any) -> Any:
        # The archive's templates (page head metadata, footer, colophon, the 404 page) come
        # with the plugin: after the project's own custom_dir, before the theme's.
        dirs = config.theme.dirs
        at = 1 if config.theme.custom_dir and dirs and dirs[0] == config.theme.custom_dir else 0
        if str(THEME) not in dirs:
            dirs.insert(at, str(THEME))
        for name in REQUIRED_EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        # The archive's scripts and styles every page loads, each once (see render/manifest.py).
        listed = [str(s) for s in config.extra_css]
        config.extra_css.extend(u for u in manifest.page_styles() if u not in listed)
        listed = [str(s) for s in config.extra_javascript]
        config.extra_javascript.extend(u for u in manifest.page_scripts() if u not in listed)
        # Material's header shows its language menu when extra.alternate is set; the
        # archive's partials/alternate.html fills it with the same page in each edition
        # (True, not a list: Material's own head links would point every page to a home).
        config.extra.setdefault("alternate", True)
        # The theme partials' strings in each edition (the colophon, the footer).
        config.extra["tip_text"] = languages.theme_text(config.site_name or "")
        return config

    _sweeping: threading.Timer | None = None

    def on_pre_build(self, *, config: Any) -> None:
        if self._sweeping is not None:  # a save came first: the rebuild collects (release)
            self._sweeping.cancel()
        # Before MkDocs empties the site folder: a record saved half-written under
        # `mkdocs serve` stops the rebuild here, and the last good pages stay served. (The
        # last serve build's search index may still be under way: see on_post_build.)
        root = Path(config.config_file_path).parent
        try:
            releases = releases_of(root)
            self.release = releases[-1] if releases else None
            # The current release, for the footer and the colophon (an export writes the same).
            config.extra["tip_release"] = release_context(releases)
            with phase("history"):
                history = record_history(root, self.config.data_dir)
            options = SiteOptions(
                edit_base=self.config.edit_base,
                site_url=config.site_url or "",
                site_name=config.site_name,
                release=str(self.release.number) if self.release else None,
                history=history,
                history_base=self.config.history_base,
                published=read_published(root, releases),
                page_bytes=self.config.page_bytes,
            )
            data_dir = root / self.config.data_dir
            handed, self.handed = self.handed, None
            if handed is not None and handed[0] == data_dir.resolve():
                archive = handed[1]
            else:
                archive = load_archive(data_dir, root, self.cache)
            editions = tuple(self.config.editions)
            # Under `mkdocs serve`, what changed since the last good build (pipeline/affected.py).
            self._snapshot = self._edit = symbols = None
            if self.serving:
                self._snapshot = affected.snapshot(archive, options)
                self._edit = affected.between(self.cache.snapshot, self._snapshot, archive)
                # The symbol table and redirects of the last build, if the edit leaves them.
                last = self.cache.snapshot
                same = affected.symbols_unchanged(self._edit, last, self._snapshot)
                symbols = self.cache.pending_symbols = dict(self.cache.symbols) if same else {}
            plans = plan(archive, options, editions, symbols)
        except DataError as exc:
            self.refused = True
            raise PluginError(exc.report()) from None
        self._loaded = (archive, options, releases, plans)

    def on_files(self, files: Files, *, config: Any) -> Files:
        archive, options, releases, plans = self._loaded
        # Markdown pages are made when MkDocs reads them (on_page_read_source), one at a
        # time; other files (the symbol table, redirects) are needed now.
        self._plans = {p.src: p for p in plans if p.src.endswith(".md")}
        self._blocks: dict[str, dict[str, str]] = {}
        # Under `mkdocs serve`, a page whose Markdown has not changed since the last build is
        # not converted and templated again: its HTML is taken from the cache.
        self._site_key = _site_key(config) if self.serving else None
        self._keys: dict[str, bytes] = {}
        self._reused: dict[str, str] = {}
        # Under `mkdocs serve`, a page the edit does not touch (pipeline/affected.py) is left
        # as the last build wrote it: not made, read, converted, templated nor written.
        touched = pieces = None
        if self.serving:
            self.cache.start_pages(set(self._plans))
            if config.nav is not None and self._site_key == self.cache.site_key:
                # (Without an explicit `nav`, every page's title is in the navigation.)
                touched = self._edit
            # The open data's share of each record the edit leaves is not encoded again.
            kept = affected.unchanged(self._edit, archive, self.cache.pieces)
            pieces = self.cache.pending_pieces = opendata.record_pieces(archive, options, kept)
        left = {
            src
            for src, p in self._plans.items()
            if touched is not None and not touched.touches(p) and src in self.cache.pages
        }
        with phase("render"):
            outputs = {p.src: "" if p.src in self._plans else p.make().markdown for p in plans}
        with phase("files"):
            for output in [
                *publish.site_files(archive, config.site_url or ""),
                *opendata.site_files(archive, options, pieces),
                *manifest.asset_outputs(),
                *durable_outputs(archive, options, releases),
            ]:
                if (
                    output.path == "robots.txt"
                    and files.get_file_from_path(output.path) is not None
                ):
                    continue  # a robots.txt written by hand in docs/ wins
                outputs[output.path] = output.content
        for file in list(files):
            if languages.page_language(file.src_uri) not in self.config.editions:
                files.remove(file)  # docs/ru/... of an edition not built
        present = {
            file.src_uri: file for file in files
        }  # (looked up 40,000 times at 10,000 records)
        for path, content in outputs.items():
            existing = present.get(path)
            if existing is not None:
                files.remove(existing)
            if path in self._plans:
                same = path in left
            else:  # a data file, written again only when its content changed
                same = self.serving and self.cache.output_unchanged(path, content)
            files.append((_Left if same else File).generated(config, path, content=content))
        self.cache.left = len(left)
        self._files = files
        return files

    def on_nav(self, nav: Any, *, config: Any, files: Files) -> Any:
        # One navigation per edition: the Russian pages get the Russian one, with the
        # site's name and footer in Russian (see on_page_context).
        import copy

        from mkdocs.structure.nav import get_navigation

        from .i18n import LANGUAGE_NAMES, Messages

        self.urls = {f.src_uri: f.url for f in files.documentation_pages()}
        self.navs = {"en": nav}
        self.configs = {"en": config}
        for lang in LANGUAGE_NAMES:
            if lang == "en" or languages.twin_of("index.md", lang) not in self.urls:
                continue
            m = Messages.of(lang)
            own = copy.copy(config)
            own.data = dict(config.data)
            own["nav"] = languages.nav_config(config.nav, lang, self.urls.__contains__)
            own["site_name"] = m.gettext(config.site_name)
            for key in ("site_description", "copyright"):
                text = " ".join(str(config[key] or "").split())
                if text:
                    own[key] = m.gettext(text)
            edition_nav = get_navigation(files, own)
            home = files.get_file_from_path(languages.twin_of("index.md", lang))
            edition_nav.homepage = home.page if home is not None else nav.homepage
            self.navs[lang], self.configs[lang] = edition_nav, own
        self._nav = nav
        return nav

    def on_env(self, env: Any, *, config: Any, files: Files) -> Any:
        # For the sitemap (theme/sitemap.xml), which MkDocs renders before any page.
        site_url = config.site_url or ""
        env.globals["tip_alternates_of"] = lambda src: languages.alternates(
            src, self.urls, site_url
        )
        # The navigation's partials and the page's styles, scripts and settings, rendered
        # once for all the pages they are the same on (render/shared.py).
        dirs = list(config.theme.dirs)
        below = dirs[dirs.index(str(THEME)) + 1 :] if str(THEME) in dirs else dirs
        env.globals.update(SharedPartials(env, below, SHARED_PARTIALS).functions())
        # Every page is read by now, so the navigation's titles are known: pages taken from
        # the cache were written with the navigation of the last build; if it has changed,
        # they are made again after all.
        if self._site_key is None:
            return env
        # A dirty build reads a hand-written page only when its file is newer than its output,
        # which leaves its title out of the navigation: the few there are are read here.
        from mkdocs.commands.build import _populate_page

        written = [f for f in files.documentation_pages() if f.src_uri not in self._plans]
        for file in written:
            if file.page is not None and file.page.content is None:
                _populate_page(file.page, config, files)
        left = [f for f in files.documentation_pages() if isinstance(f, _Left) and f.left]
        for file in left:  # as the last build wrote them: the sitemap's date, the ids in them
            assert file.page is not None
            file.page.update_date = self.cache.dates.get(file.src_uri, file.page.update_date)
            file.page.present_anchor_ids = set(self.cache.pages[file.src_uri].anchors)
        nav_key = _nav_key(getattr(self, "_nav", None))
        if nav_key != self.cache.nav_key and left:
            # Every page shows the navigation: those left as they were are made after all.
            for file in left:
                assert file.page is not None
                file.left = False
                _populate_page(file.page, config, files)
            self.cache.left = 0
            nav_key = _nav_key(getattr(self, "_nav", None))
        if nav_key != self.cache.nav_key:
            for src, markdown in list(self._reused.items()):
                found = files.get_file_from_path(src)
                assert found is not None and found.page is not None
                self._make_again(found.page, markdown, config, files)
        if (nav_key, self._site_key) != (self.cache.nav_key, self.cache.site_key):
            # MkDocs' dirty build writes a hand-written page again only when its file is newer
            # than its output: with the navigation or the settings changed, all must be.
            for file in written:
                Path(file.abs_dest_path).unlink(missing_ok=True)
        self.cache.nav_key, self.cache.site_key = nav_key, self._site_key
        return env

    def _make_again(self, page: Any, markdown: str, config: Any, files: Files) -> None:
        """What MkDocs does with a page after reading it, for a page taken from the cache."""
        src = page.file.src_uri
        del self._reused[src]
        self.cache.reused -= 1
        page.meta.pop("template", None)
        assert self._site_key is not None
        self._keys[src] = cache.page_key(self._site_key, src, markdown)
        page.markdown, self._blocks[src] = rawhtml.set_aside(markdown)
        page.render(config, files)
        page.content = config.plugins.on_page_content(
            page.content, page=page, config=config, files=files
        )

    @event_priority(100)  # first: other plugins' handlers see the page's HTML
    def on_page_context(self, context: Any, *, page: Any, config: Any, nav: Any) -> Any:
        src = page.file.src_uri
        packed = self._packed.pop(src, None)
        if packed is not None:
            page.content = zlib.decompress(packed).decode("utf-8")
        lang = languages.page_language(src)
        page.meta["lang"] = lang  # read by partials/language.html: Material's strings, <html lang>
        if lang in self.navs and lang != "en":
            context["nav"] = self.navs[lang]
            context["config"] = self.configs[lang]
        context["tip_lang"] = lang
        context["tip_alternates"] = languages.alternates(src, self.urls, config.site_url or "")
        return context

    def on_post_build(self, *, config: Any) -> None:
        if self.serving:
            self._remove_gone(Path(config.site_dir))
            self.cache.succeeded(self._snapshot)
            # The edited page is served as soon as the build ends (the server holds requests
            # until then); search catches up in the background, a few seconds later. The
            # next build does not wait for it: an index under way is made once more after.
            self._search_site = Path(config.site_dir)
            if self._search is None:
                self._search = Rerunning(self._index_in_background, nice=10)
            self._search.request()
            # The build's garbage, collected once the browser has the rebuilt page rather
            # than at the start of the next rebuild (see BuildCache.release).
            self.cache.built()
            self._sweeping = threading.Timer(SWEEP_AFTER_SECONDS, self.cache.sweep)
            self._sweeping.daemon = True
            self._sweeping.start()
            return
        self._let_go()
        # Here, so that `mkdocs serve` and a plain `mkdocs build` get the full-text index
        # too; a failure fails the build.
        if not self.indexes:
            return
        try:
            with phase("search"):
                fulltext.index_site(Path(config.site_dir))
        except fulltext.SearchIndexError as exc:
            raise PluginError(str(exc)) from None

    #: What a build keeps while it runs: the archive, its pages, both editions' settings.
    _BUILD_STATE = ("_loaded", "_plans", "_files", "_blocks", "_reused", "_keys", "_nav")

    def _let_go(self) -> None:
        """Forget the finished build (not under ``mkdocs serve``, which reuses it): MkDocs
        keeps its plugins for good (its ``plugins`` option caches them), and with them
        whatever they hold, so an archive left here would stay in memory while Pagefind
        indexes and after."""
        for name in self._BUILD_STATE:
            self.__dict__.pop(name, None)
        self.navs, self.configs, self.urls, self._packed = {}, {}, {}, {}
        self.handed = None
        self.cache.close()

    def _remove_gone(self, site: Path) -> None:
        """Under ``mkdocs serve`` the site folder is kept between builds: remove what the
        last build wrote and this one did not (the page of a deleted record, its files)."""
        written = {f.dest_uri for f in getattr(self, "_files", [])}
        for gone in sorted(self.cache.written - written):
            path = site / gone
            path.unlink(missing_ok=True)
            folder = path.parent
            while folder != site and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent
        self.cache.written = written

    def on_page_read_source(self, *, page: Any, config: Any) -> str | None:
        found = getattr(self, "_plans", {}).get(page.file.src_uri)
        if found is None:
            return None
        with phase("render"):
            return str(found.make().markdown)

    # Generated pages' HTML blocks skip Python-Markdown, which would pass them through
    # unchanged after parsing them twice (see render/rawhtml.py): last to see the
    # Markdown, first to see the HTML, so that other plugins see whole pages.
    @event_priority(-100)
    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        # The sitemap's <lastmod> of a record page: its record's last change, not the build day.
        if page.meta.get("tip_changed"):
            page.update_date = page.meta["tip_changed"]
        src = page.file.src_uri
        if src not in getattr(self, "_plans", {}):
            return markdown
        if self._site_key is not None:
            key = cache.page_key(self._site_key, src, markdown)
            kept = self.cache.page(src, key)
            if kept is not None:
                self._reused[src] = markdown
                page.meta["template"] = CACHED_TEMPLATE
                return ""
            self._keys[src] = key
        markdown, blocks = rawhtml.set_aside(markdown)
        self._blocks[page.file.src_uri] = blocks
        return markdown

    @event_priority(100)
    def _on_page_content(self, html: str, *, page: Any, config: Any, files: Any) -> str:
        if page.file.src_uri in getattr(self, "_reused", {}):
            kept = self.cache.pages[page.file.src_uri]
            if isinstance(getattr(page, "present_anchor_ids", None), set):
                page.present_anchor_ids |= kept.anchors  # set after the Markdown was read
            return html
        blocks = getattr(self, "_blocks", {}).pop(page.file.src_uri, None)
        if not blocks:
            return html
        if isinstance(getattr(page, "present_anchor_ids", None), set):
            page.present_anchor_ids |= rawhtml.anchor_ids(blocks)
        try:
            return rawhtml.put_back(html, blocks)
        except ValueError as exc:
            raise PluginError(f"{page.file.src_uri}: {exc}") from None

    # MkDocs makes every page's HTML before it templates the first, and holds them all: at
    # 10,000 records and two editions, a third of the build's memory.  A build keeps each
    # compressed, once every plugin has seen it, until its template needs it.
    @event_priority(-100)
    def _pack_content(self, html: str, *, page: Any, config: Any, files: Any) -> str:
        if self.serving or not html:
            return html
        self._packed[page.file.src_uri] = zlib.compress(html.encode("utf-8"), 1)
        return ""

    on_page_content = CombinedEvent(_on_page_content, _pack_content)

    # Last to see each finished page: the policy's hashes are those of its final scripts.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        src = page.file.src_uri
        if self.serving and src in getattr(self, "_plans", {}):
            self.cache.dates[src] = page.update_date  # for the next build's sitemap
        if getattr(self, "_reused", {}).pop(src, None) is not None:
            return self.cache.pages[src].html
        output = csp.secure_page(output, config.site_url or "", self.serving)
        key = getattr(self, "_keys", {}).pop(src, None)
        if key is not None:
            anchors = getattr(page, "present_anchor_ids", None) or set()
            self.cache.keep_page(src, key, output, set(anchors))
        if not self.serving:
            page.content = None  # written: no other page's template reads it
        return output

    @event_priority(-100)
    def on_post_template(self, output: str, *, template_name: str, config: Any) -> str:
        if not template_name.endswith(".html"):  # sitemap.xml
            return output
        return csp.secure_page(output, config.site_url or "", self.serving)  # 404.html


def mkdocs_build(
    config_file: Path,
    site_dir: Path,
    strict: bool = True,
    validate: Callable[[Path], Archive] | None = None,
    index: bool = True,
) -> str:
    """Run MkDocs' build into ``site_dir`` and return its ``site_url``.

    ``index=False`` leaves out the full-text index, for a caller that makes it after.

    ``validate`` is called first, with the data folder the plugin is configured with
    (``data_dir`` in ``mkdocs.yml``), before MkDocs builds anything; the archive it returns
    is the one the plugin renders, and what it raises (``DataError``) stops the build.
    Raises :class:`~tip_archive.pipeline.site.BuildFailed` when MkDocs fails, so that the
    caller needs nothing from MkDocs.
    """

    import logging
    import sys

    # MkDocs' own command line installs a handler; without one its warnings go unseen.
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    handler.setLevel(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        return _build(config_file, site_dir, strict, validate, index)
    except MkDocsException as exc:
        raise BuildFailed(str(exc)) from exc
    finally:
        logger.removeHandler(handler)


def _build(
    config_file: Path,
    site_dir: Path,
    strict: bool,
    validate: Callable[[Path], Archive] | None,
    index: bool,
) -> str:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    problems = inputs.config_problems(config_file, OPTIONS)
    if problems:
        raise DataError(problems)
    config = load_config(str(config_file), site_dir=str(site_dir), strict=strict)
    ours = [p for p in config.plugins.values() if isinstance(p, ArchivePlugin)]
    for plugin in ours:
        plugin.indexes = index
    if validate is not None:
        folder = ours[0].config.data_dir if ours else ArchiveConfig().data_dir
        data_dir = Path(config.config_file_path).parent / folder
        archive = validate(data_dir)
        for plugin in ours:
            plugin.handed = (data_dir.resolve(), archive)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return str(config.site_url or "")


def mkdocs_serve(config_file: Path, addr: str) -> None:
    import logging

    from mkdocs.commands.serve import serve

    # "dirty": the site folder is not emptied before each rebuild, so that the theme's assets
    # are not copied again; the plugin writes what changed, removes what is gone and writes
    # every page again when the navigation changes (tests/test_incremental.py), so MkDocs'
    # warning that a dirty build may leave the navigation stale (an error under `strict`)
    # does not apply.
    def not_dirty_warning(record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")

    logger = logging.getLogger("mkdocs.commands.build")
    logger.addFilter(not_dirty_warning)
    try:
        with _notified_of_changes():
            serve(str(config_file), dev_addr=addr, livereload=True, build_type="dirty")
    finally:
        logger.removeFilter(not_dirty_warning)


@contextlib.contextmanager
def _notified_of_changes() -> Iterator[None]:
    """Within the block, ``mkdocs serve`` learns of saved files from the system (inotify on
    Linux, FSEvents on macOS: watchdog's ``Observer``) instead of walking every watched
    folder twice a second.  At 10,000 records the walk of ``data/`` took a sixth of the
    processor while a rebuild ran, and held the interpreter's lock from the build as long."""
    import mkdocs.commands.serve as serving
    from mkdocs.livereload import LiveReloadServer
    from watchdog import events
    from watchdog.observers import Observer

    # What changes a file; not a file opened, or closed unwritten: a build reads every
    # record and page, and reading them must not start the next build, and the next.
    changes: list[type[events.FileSystemEvent]] = [
        events.FileCreatedEvent,
        events.FileModifiedEvent,
        events.FileClosedEvent,
        events.FileMovedEvent,
        events.FileDeletedEvent,
        events.DirCreatedEvent,
        events.DirMovedEvent,
        events.DirDeletedEvent,
    ]

    class ChangesObserver(Observer):  # type: ignore[misc, valid-type]
        def schedule(self, handler: Any, path: Any, **options: Any) -> Any:
            return super().schedule(handler, path, **{**options, "event_filter": changes})

    class NotifiedServer(LiveReloadServer):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.observer = ChangesObserver()  # before any watch

    setattr(serving, "LiveReloadServer", NotifiedServer)  # noqa: B010 - not exported
    try:
        yield
    finally:
        setattr(serving, "LiveReloadServer", LiveReloadServer)  # noqa: B010


def read_config(config_file: Path) -> dict[str, Any]:
    """``mkdocs.yml`` as written, its ``!ENV`` values read, nothing checked or added."""
    from mkdocs.utils.yaml import yaml_load

    with config_file.open(encoding="utf-8") as file:
        loaded: dict[str, Any] = yaml_load(file)
    return loaded


def site_identity(config_file: Path) -> tuple[str, str]:
    """The ``site_url`` and ``site_name`` of ``mkdocs.yml`` (its ``!ENV`` values read)."""
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    return str(config.site_url or ""), str(config.site_name or "")
