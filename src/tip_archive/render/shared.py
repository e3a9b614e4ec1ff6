"""Parts of the page shell that many pages share, rendered once per build.

mkdocs-material renders its navigation (the sidebar and the tabs) again for every page:
about a millisecond a page, a sixth of MkDocs' time on the archive, whose record pages
are thousands.  On a page the navigation does not list (every record page), nothing in
that HTML is the page's own: no item is active, and the links differ between two pages
of one edition only in where they point from.  So the archive's copies of those partials
(``theme/partials/nav.html``, ``tabs.html``) call :meth:`SharedPartials.render`, which
renders the theme's own partial once for each edition and place (the folders above the
page, from which its links are made relative) and hands the same HTML to every page
there; a page the navigation lists gets its partial rendered as usual.

The plugin makes one :class:`SharedPartials` for each build (the navigation may change
between the builds of ``mkdocs serve``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from jinja2 import Template, pass_context
from jinja2.runtime import Context
from markupsafe import Markup


def _urls(items: Any) -> Iterator[str]:
    for item in items or ():
        url = getattr(item, "url", None)
        if url is not None:
            yield str(url)
        yield from _urls(getattr(item, "children", None))


class SharedPartials:
    """The theme's partials named in ``names``, shared between pages (see the module)."""

    def __init__(self, env: Any, theme_dirs: list[str], names: tuple[str, ...]) -> None:
        """``theme_dirs``: the folders the theme's partials are looked up in after the
        archive's own (whose partials of the same ``names`` call this)."""
        self.env = env
        self.templates: dict[str, Template] = {}
        for name in names:
            found = next((Path(d, name) for d in theme_dirs if Path(d, name).is_file()), None)
            if found is not None:
                self.templates[name] = env.from_string(found.read_text(encoding="utf-8"))
        self.kept: dict[tuple[Any, ...], Markup] = {}
        self.targets: dict[int, tuple[str, ...]] = {}
        """The addresses each navigation links to."""
        self.asset_targets: dict[int, tuple[str, ...]] = {}
        """The scripts and styles each edition's settings load."""

    def functions(self) -> dict[str, Callable[..., Markup]]:
        """The template functions: ``tip_shared(name)`` renders the theme's partial
        ``name``, ``tip_shared_block(name, super)`` a block of the theme's page that
        depends on the page's place only (its styles, scripts, settings)."""

        @pass_context
        def tip_shared(context: Context, name: str) -> Markup:
            return self.render(context, name)

        @pass_context
        def tip_shared_block(context: Context, name: str, block: Callable[[], str]) -> Markup:
            config = context.get("config")
            targets = self.asset_targets.get(id(config))
            if targets is None:
                found = ["assets/"]
                for item in [*(config.extra_css or []), *(config.extra_javascript or [])]:
                    found.append(str(getattr(item, "path", item)))
                targets = self.asset_targets[id(config)] = tuple(found)
            where = self._where(context, targets)
            if where is None:
                return Markup(block())
            key = ("block", name, id(config), (context["page"].meta or {}).get("lang"), *where)
            kept = self.kept.get(key)
            if kept is None:
                kept = self.kept[key] = Markup(block())
            return kept

        return {"tip_shared": tip_shared, "tip_shared_block": tip_shared_block}

    def render(self, context: Context, name: str) -> Markup:
        template = self.templates[name]
        place = self._place(context)
        if place is None:
            return self._render(template, context)
        key = (name, *place)
        kept = self.kept.get(key)
        if kept is None:
            kept = self.kept[key] = self._render(template, context)
        return kept

    @staticmethod
    def _render(template: Template, context: Context) -> Markup:
        # As ``{% include %}`` renders a template: in the including page's context.
        return Markup(
            "".join(template.root_render_func(template.new_context(context.get_all(), True)))
        )

    def _place(self, context: Context) -> tuple[Any, ...] | None:
        """What the navigation's HTML depends on for this page, or None for a page of the
        navigation (whose item is active, with its table of contents)."""
        page, nav = context.get("page"), context.get("nav")
        if page is None or nav is None or getattr(page, "parent", None) is not None:
            return None
        if page.is_homepage or any(page is p for p in nav.pages):
            return None
        config = context.get("config")
        targets = self.targets.get(id(nav))
        if targets is None:
            found = [*_urls(nav.items), str(nav.homepage.url if nav.homepage else "")]
            if config is not None and config.extra.get("homepage"):
                found.append(str(config.extra["homepage"]))
            targets = self.targets[id(nav)] = tuple(found)
        where = self._where(context, targets)
        if where is None:
            return None
        return (id(nav), id(config), (page.meta or {}).get("lang"), *where)

    @staticmethod
    def _where(context: Context, targets: tuple[str, ...]) -> tuple[Any, ...] | None:
        """Where the page is, as far as links to ``targets`` made relative to it go; None
        when one of them lies in the page's own folder."""
        page = context.get("page")
        if page is None or page.url is None:
            return None
        # A link is made relative to the page's folder (MkDocs' get_relative_url): from a
        # folder no target lies in, it depends on the folder's parents and its depth only.
        url = str(page.url)
        folder = url.rsplit("/", 1)[0] if "." in url.rsplit("/", 1)[-1] else url
        parts = [p for p in folder.split("/") if p]
        inside = "/".join(parts) + "/"
        if not parts or any(t.lstrip("/").startswith(inside) for t in targets):
            return None
        return (tuple(parts[:-1]), len(parts), context.get("base_url"))
