"""The archive's own scripts and styles, shipped with the package and added to every site.

They are progressive enhancements: every page works without them.  ``symbols.js``
looks symbols up in the table of :mod:`.symbol_index` (and runs the "Find by
symbol" page), ``search.js`` is the search box in the header (symbols first, then
Pagefind's full-text results), ``permalinks.js`` adds "copy link" buttons to
paragraph anchors.
"""

from __future__ import annotations

from importlib import resources

FOLDER = "assets/tip-archive"  # beside the other features' scripts (publish.ASSET_DIR)
SCRIPTS = ("symbols.js", "search.js", "permalinks.js")
STYLES = ("search.css",)


def script_urls() -> list[str]:
    return [f"{FOLDER}/{name}" for name in SCRIPTS]


def style_urls() -> list[str]:
    return [f"{FOLDER}/{name}" for name in STYLES]


def asset_files() -> dict[str, str]:
    """The scripts and styles, by site path."""
    folder = resources.files("tip_archive.render") / "assets"
    return {
        f"{FOLDER}/{name}": (folder / name).read_text(encoding="utf-8")
        for name in (*SCRIPTS, *STYLES)
    }
