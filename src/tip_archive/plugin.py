"""The MkDocs plugin: a thin layer that hands the archive's pages to MkDocs.

Everything it calls is plain Python that knows nothing of MkDocs; moving to
another site generator means rewriting this module only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import MkDocsException, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from .authoring.release import Release, current_release
from .loading.history import record_history
from .loading.problems import DataError
from .pipeline.engine import phase, plan
from .pipeline.site import BuildFailed
from .render import fulltext, publish, rawhtml, scripts
from .render.opendata import site_files
from .render.pages import SiteOptions


class ArchiveConfig(Config):
    data_dir = c.Type(str, default="data")
    """The folder of YAML records, relative to ``mkdocs.yml``."""
    edit_base = c.Type(str, default="")
    """URL prefix for a record file's edit link (e.g. ``https://github.com/o/r/edit/main/``)."""
    history_base = c.Type(str, default="")
    """URL prefix for a record file's change history (e.g. ``https://github.com/o/r/commits/main/``)."""


#: Markdown extensions the generated pages rely on (headings with ids, HTML blocks, tables).
REQUIRED_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc")


class ArchivePlugin(BasePlugin[ArchiveConfig]):
    release: Release | None = None

    def on_config(self, config: Any) -> Any:
        for name in REQUIRED_EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        config.extra_css.extend(publish.PAGE_CSS)
        config.extra_javascript.extend(publish.PAGE_JS)
        # Symbol lookup, the header search box, copy-link buttons.
        config.extra_css.extend(u for u in scripts.style_urls() if u not in config.extra_css)
        loaded = [str(s) for s in config.extra_javascript]
        config.extra_javascript.extend(u for u in scripts.script_urls() if u not in loaded)
        return config

    def on_files(self, files: Files, *, config: Any) -> Files:
        root = Path(config.config_file_path).parent
        try:
            self.release = current_release(root)
            with phase("history"):
                history = record_history(root, self.config.data_dir)
            options = SiteOptions(
                edit_base=self.config.edit_base,
                site_url=config.site_url or "",
                site_name=config.site_name,
                release=str(self.release.number) if self.release else None,
                history=history,
                history_base=self.config.history_base,
            )
            archive, plans = plan(root / self.config.data_dir, options, root)
        except DataError as exc:
            raise PluginError(exc.report()) from None
        # Markdown pages are made when MkDocs reads them (on_page_read_source), one at a
        # time; other files (the symbol table, redirects) are needed now.
        self._plans = {p.src: p for p in plans if p.src.endswith(".md")}
        self._blocks: dict[str, dict[str, str]] = {}
        with phase("render"):
            outputs = {p.src: "" if p.src in self._plans else p.make().markdown for p in plans}
        with phase("files"):
            for path, content in publish.site_files(archive, config.site_url or "").items():
                if path == "robots.txt" and files.get_file_from_path(path) is not None:
                    continue  # a robots.txt written by hand in docs/ wins
                outputs[path] = content
            data_files = site_files(archive, options)
        for path, content in outputs.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, path, content=content))
        for data in data_files:  # open data, citation files, assets
            files.append(File.generated(config, data.path, content=data.content))
        return files

    def on_post_build(self, *, config: Any) -> None:
        # Here rather than after the build in site.py, so that `mkdocs serve` and a plain
        # `mkdocs build` get the full-text index too; a failure fails the build.
        try:
            with phase("search"):
                fulltext.index_site(Path(config.site_dir))
        except fulltext.SearchIndexError as exc:
            raise PluginError(str(exc)) from None

    def on_env(self, env: Any, *, config: Any, files: Files) -> Any:
        release = self.release
        env.globals["tip_release"] = (
            {"number": release.number, "label": release.label, "human": release.human()}
            if release
            else None
        )
        return env

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
        if page.file.src_uri not in getattr(self, "_plans", {}):
            return markdown
        markdown, blocks = rawhtml.set_aside(markdown)
        self._blocks[page.file.src_uri] = blocks
        return markdown

    @event_priority(100)
    def on_page_content(self, html: str, *, page: Any, config: Any, files: Any) -> str:
        blocks = getattr(self, "_blocks", {}).pop(page.file.src_uri, None)
        if not blocks:
            return html
        if isinstance(getattr(page, "present_anchor_ids", None), set):
            page.present_anchor_ids |= rawhtml.anchor_ids(blocks)
        try:
            return rawhtml.put_back(html, blocks)
        except ValueError as exc:
            raise PluginError(f"{page.file.src_uri}: {exc}") from None


def mkdocs_build(config_file: Path, site_dir: Path, strict: bool = True) -> str:
    """Run MkDocs' build into ``site_dir`` and return its ``site_url``.

    Raises :class:`~tip_archive.pipeline.site.BuildFailed` when the build fails, so that
    the caller needs nothing from MkDocs.
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
        return _build(config_file, site_dir, strict)
    except MkDocsException as exc:
        raise BuildFailed(str(exc)) from exc
    finally:
        logger.removeHandler(handler)


def _build(config_file: Path, site_dir: Path, strict: bool) -> str:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file), site_dir=str(site_dir), strict=strict)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return str(config.site_url or "")


def mkdocs_serve(config_file: Path, addr: str) -> None:
    from mkdocs.commands.serve import serve

    serve(str(config_file), dev_addr=addr, livereload=True)
