"""What a record page holds besides its template: the providers, and the site they render for.

A *meta provider* gives keys of a generated page's front matter (read by the
theme's ``main.html`` to write ``<meta>`` tags, JSON-LD and the like); a *block
provider* gives an HTML section placed after a record's sources.  Each feature
keeps its provider in its own module; :class:`PageParts` lists them, and
:func:`tip_archive.pipeline.engine.renderer` is the one place that says which
ones a site's record pages get, in which order.  Providers are told the
:class:`SiteContext` they render for: nothing is global.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..crossref.archive import Archive
from ..model.records import Record

if TYPE_CHECKING:
    from ..authoring.published import Published


@dataclass(frozen=True)
class SiteContext:
    """What a provider may need to know of the site being built."""

    url: str = ""
    """The site's public base URL (MkDocs ``site_url``), or empty when unknown."""
    name: str = ""
    """The site's name (MkDocs ``site_name``)."""
    release: str | None = None
    """The data release being built, once releases are numbered."""
    published: tuple[Published, ...] = ()
    """The data releases kept as published (``releases/<N>/``), oldest first."""
    lang: str = "en"
    """The language edition of the pages being made (``en``, ``ru``)."""

    def edition(self, lang: str) -> SiteContext:
        return SiteContext(self.url, self.name, self.release, self.published, lang)

    def absolute(self, path: str) -> str:
        """The public URL of a site-root-relative path (``/path`` when no site URL is set)."""
        return (self.url.rstrip("/") or "") + "/" + path.lstrip("/")


MetaProvider = Callable[[Archive, Record, str, SiteContext], dict[str, Any]]
"""(archive, record, page url, site) → front-matter keys."""
BlockProvider = Callable[[Archive, Record, str, SiteContext], Markup]
"""(archive, record, page url, site) → an HTML section for the record page."""


@dataclass(frozen=True)
class PageParts:
    """The providers of a record page, in the order their output appears."""

    meta: tuple[MetaProvider, ...] = ()
    blocks: tuple[BlockProvider, ...] = ()

    def head_meta(
        self, archive: Archive, record: Record, here: str, site: SiteContext
    ) -> dict[str, Any]:
        meta: dict[str, Any] = {}
        for provider in self.meta:
            meta.update(provider(archive, record, here, site))
        return meta

    def body_blocks(
        self, archive: Archive, record: Record, here: str, site: SiteContext
    ) -> list[Markup]:
        return [b for provider in self.blocks if (b := provider(archive, record, here, site))]
