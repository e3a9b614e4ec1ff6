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
from .render.opendata import site_files
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
        return config

    def on_files(self, files: Files, *, config: Any) -> Files:
        root = Path(config.config_file_path).parent
        options = SiteOptions(
            edit_base=self.config.edit_base,
            site_url=config.site_url or "",
            site_name=config.site_name,
        )
        try:
            archive, pages = generate(root / self.config.data_dir, options, root)
        except DataError as exc:
            raise PluginError(exc.report()) from None
        for page in pages:
            existing = files.get_file_from_path(page.src)
            if existing is not None:
                files.remove(existing)
            generated = File.generated(config, page.src, content=page.markdown)
            files.append(generated)
        for data in site_files(archive, options):  # open data, citation files, assets
            files.append(File.generated(config, data.path, content=data.content))
        return files


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
