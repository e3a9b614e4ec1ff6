"""Extension points of a record page, filled by the renderers of later features.

``head_meta`` gives what goes into a generated page's front matter (read by the
theme's ``overrides/main.html`` to write ``<meta>`` tags, JSON-LD and the like);
``body_blocks`` gives HTML sections placed after a record's sources.  Each
feature adds its own function to the lists below, so that features stay in
their own modules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..crossref.archive import Archive
from ..model.records import Record

if TYPE_CHECKING:
    from ..authoring.published import Published

MetaProvider = Callable[[Archive, Record, str], dict[str, Any]]
"""(archive, record, page url) → front-matter keys."""
BlockProvider = Callable[[Archive, Record, str], Markup]
"""(archive, record, page url) → an HTML section for the record page."""

META_PROVIDERS: list[MetaProvider] = []
BLOCK_PROVIDERS: list[BlockProvider] = []


@dataclass(frozen=True)
class SiteContext:
    """What a provider may need to know of the site being built (set by the renderer)."""

    url: str = ""
    """The site's public base URL (MkDocs ``site_url``), or empty when unknown."""
    name: str = ""
    """The site's name (MkDocs ``site_name``)."""
    release: str | None = None
    """The data release being built, once releases are numbered."""
    published: tuple[Published, ...] = ()
    """The data releases kept as published (``releases/<N>/``), oldest first."""

    def absolute(self, path: str) -> str:
        """The public URL of a site-root-relative path (``/path`` when no site URL is set)."""
        return (self.url.rstrip("/") or "") + "/" + path.lstrip("/")


_SITE: ContextVar[SiteContext] = ContextVar("tip_archive_site", default=SiteContext())  # noqa: B039  (frozen)


def current_site() -> SiteContext:
    return _SITE.get()


@contextmanager
def using_site(site: SiteContext) -> Iterator[SiteContext]:
    """Make ``site`` what :func:`current_site` returns while rendering."""
    token = _SITE.set(site)
    try:
        yield site
    finally:
        _SITE.reset(token)


def head_meta(archive: Archive, record: Record, here: str) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for provider in META_PROVIDERS:
        meta.update(provider(archive, record, here))
    return meta


def body_blocks(archive: Archive, record: Record, here: str) -> list[Markup]:
    return [block for provider in BLOCK_PROVIDERS if (block := provider(archive, record, here))]
