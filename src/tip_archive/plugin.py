"""The MkDocs plugin: a thin layer that hands the archive's pages to MkDocs.

Everything it calls is plain Python that knows nothing of MkDocs; moving to
another site generator means rewriting this module only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .engine import generate
from .loading.problems import DataError
from .render import assets, fulltext
from .render.pages import SiteOptions


class ArchiveConfig(Config):
    data_dir = c.Type(str, default="data")
    """The folder of YAML records, relative to ``mkdocs.yml``."""
    edit_base = c.Type(str, default="")
    """URL prefix for a record file's edit link (e.g. ``https://github.com/o/r/edit/main/``)."""


#: Markdown extensions the generated pages rely on (headings with ids, HTML blocks, tables).
REQUIRED_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc")


class ArchivePlugin(BasePlugin[ArchiveConfig]):
    def on_config(self, config: Any) -> Any:
        for name in REQUIRED_EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        # The archive's scripts and styles (symbol lookup, search box, copy-link buttons).
        config.extra_css.extend(u for u in assets.style_urls() if u not in config.extra_css)
        scripts = [str(s) for s in config.extra_javascript]
        config.extra_javascript.extend(u for u in assets.script_urls() if u not in scripts)
        return config

    def on_files(self, files: Files, *, config: Any) -> Files:
        root = Path(config.config_file_path).parent
        options = SiteOptions(edit_base=self.config.edit_base, site_url=config.site_url or "")
        try:
            _archive, pages = generate(root / self.config.data_dir, options, root)
        except DataError as exc:
            raise PluginError(exc.report()) from None
        for page in pages:
            existing = files.get_file_from_path(page.src)
            if existing is not None:
                files.remove(existing)
            generated = File.generated(config, page.src, content=page.markdown)
            files.append(generated)
        return files

    def on_post_build(self, *, config: Any) -> None:
        # Here rather than after the build in site.py, so that `mkdocs serve` and a plain
        # `mkdocs build` get the full-text index too; a failure fails the build.
        try:
            fulltext.index_site(Path(config.site_dir))
        except fulltext.SearchIndexError as exc:
            raise PluginError(str(exc)) from None


def mkdocs_build(config_file: Path, site_dir: Path, strict: bool = True) -> None:
    """Run MkDocs' build into ``site_dir``; raises ``mkdocs.exceptions.MkDocsException``."""

    import logging
    import sys

    # MkDocs' own command line installs a handler; without one its warnings go unseen.
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    handler.setLevel(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        _build(config_file, site_dir, strict)
    finally:
        logger.removeHandler(handler)


def _build(config_file: Path, site_dir: Path, strict: bool) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file), site_dir=str(site_dir), strict=strict)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def mkdocs_serve(config_file: Path, addr: str) -> None:
    from mkdocs.commands.serve import serve

    serve(str(config_file), dev_addr=addr, livereload=True)
