"""Every script and style sheet the archive ships, where it is published and where it loads.

The files live in ``render/assets/`` inside the package.  :data:`ASSETS` is the
one list of them: a new script is one entry here.  ``every page`` files are
added to MkDocs' ``extra_css``/``extra_javascript`` by the plugin (each once,
whatever ``mkdocs.yml`` already lists); ``record pages`` files are loaded by
the theme partial that writes a record page's head metadata; the ``404 page``
file by ``404.html`` (both in ``tip_archive/theme/``).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from . import languages
from .outputs import Output

#: Where the archive's scripts and styles are published inside the site.
FOLDER = "assets/tip-archive"

EVERY_PAGE = "every page"
RECORD_PAGES = "record pages"
NOT_FOUND_PAGE = "404 page"


@dataclass(frozen=True)
class Asset:
    name: str
    """The file in ``render/assets/``."""
    path: str
    """Where it is published in the site."""
    loads: str
    """Which pages load it: :data:`EVERY_PAGE`, :data:`RECORD_PAGES` or :data:`NOT_FOUND_PAGE`."""

    @property
    def is_style(self) -> bool:
        return self.name.endswith(".css")


ASSETS = (
    # Every page, in the order pages load them.
    # The pages' own styles and the chronology's filters first, then the print colophon's
    # date and styles, the symbol lookup, the header search box, copy-link buttons.
    Asset("archive.css", "assets/archive.css", EVERY_PAGE),
    # The first script after Material's bundle, before the page is ready: see the script.
    Asset("alternates.js", f"{FOLDER}/alternates.js", EVERY_PAGE),
    # The scripts' strings in the page's language, before every script that shows one
    # (the build writes its tables, messages.js, right after it: see render/languages.py).
    Asset("i18n.js", f"{FOLDER}/i18n.js", EVERY_PAGE),
    Asset("chronology.js", "assets/js/chronology.js", EVERY_PAGE),
    Asset("print.css", f"{FOLDER}/print.css", EVERY_PAGE),
    Asset("print.js", f"{FOLDER}/print.js", EVERY_PAGE),
    Asset("symbols.js", f"{FOLDER}/symbols.js", EVERY_PAGE),
    Asset("search.js", f"{FOLDER}/search.js", EVERY_PAGE),
    # The one copy-to-clipboard helper, before permalinks.js and cite.js that use it.
    Asset("copy.js", f"{FOLDER}/copy.js", EVERY_PAGE),
    Asset("permalinks.js", f"{FOLDER}/permalinks.js", EVERY_PAGE),
    Asset("search.css", f"{FOLDER}/search.css", EVERY_PAGE),
    # The "Cite this" section's copy buttons (partials/tip-citation-meta.html).
    Asset("cite.js", "assets/tip-cite.js", RECORD_PAGES),
    Asset("cite.css", "assets/tip-cite.css", RECORD_PAGES),
    # The 404 page's record and symbol finder (404.html).
    Asset("notfound.js", f"{FOLDER}/notfound.js", NOT_FOUND_PAGE),
    Asset("notfound.css", f"{FOLDER}/notfound.css", NOT_FOUND_PAGE),
)


def asset(name: str) -> Asset:
    return next(a for a in ASSETS if a.name == name)


def page_styles() -> list[str]:
    """The style sheets every page loads, as site paths."""
    return [a.path for a in ASSETS if a.loads == EVERY_PAGE and a.is_style]


def page_scripts() -> list[str]:
    """The scripts every page loads, as site paths: the generated tables of the scripts'
    strings (``messages.js``) right after ``i18n.js``, which reads them."""
    scripts = [a.path for a in ASSETS if a.loads == EVERY_PAGE and not a.is_style]
    scripts.insert(scripts.index(asset("i18n.js").path) + 1, languages.MESSAGES_PATH)
    return scripts


def source(name: str) -> str:
    """The text of the asset file ``name``."""
    return (resources.files("tip_archive.render") / "assets" / name).read_text(encoding="utf-8")


def asset_outputs() -> list[Output]:
    """Every asset, as a file of the site, and the generated tables of the scripts' strings."""
    return [*(Output(a.path, source(a.name)) for a in ASSETS), *languages.outputs()]
