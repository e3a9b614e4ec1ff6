"""Full-text search: Pagefind indexes the built site, after MkDocs.

Pagefind (the ``pagefind[bin]`` package, whose wheel carries the binary, so it
works offline) reads the HTML MkDocs wrote and writes a chunked index into
``pagefind/`` at the site root.  A first search fetches its small runtime and only
the index chunks and fragments the query touches, not a whole-site index, so it
stays light as the archive grows.  Pagefind keeps one index per ``<html lang>``: the
English and the Russian editions are searched apart, each with its own word stemming,
and a page's search box queries the index of the page's language.  The header search box (``assets/search.js``)
queries it below the archive's own symbol lookup.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

#: Where the index goes, relative to the site root.
FOLDER = "pagefind"
#: What is indexed on each page: the article, not the navigation around it.
ROOT_SELECTOR = "article.md-content__inner"
#: Every page but 404.html (the site's pages are all ``index.html``, with directory URLs).
GLOB = "{index.html,*/**/index.html}"
#: Parts of the article that are not content: anchors, buttons, the edit link, listings.
EXCLUDE = (
    ".headerlink",
    ".tip-edit",
    ".tip-copy",
    ".md-content__button",
    ".md-source-file",
    # Listings repeat the titles of the records they list: index the records, not the lists.
    # So do a record's lists of other records (a body's part in the initiative, related
    # records, what cites a paragraph or rests on a reference): left in, at 1,000 records
    # they cost a third of Pagefind's memory, and made its largest fragments.
    "table.tip-listing",
    "ol.tip-chrono",
    "ol.tip-involved",
    "ul.tip-related",
    "ul.tip-uses",
    ".tip-cited-by",
    ".tip-pager",
    # The "Cite this" section repeats the record's title and symbol in five styles.
    "div.tip-cite",
    ".tip-changed",
    # The kind of evidence next to each fact: the same few words on every record page.
    ".tip-ev-label",
    ".tip-ev-mark",
)


class SearchIndexError(Exception):
    """Pagefind is missing or failed."""


def pagefind_command(site_dir: Path) -> list[str]:
    from pagefind.service import get_executable

    executable = get_executable()
    if executable is None:
        raise SearchIndexError(
            "Pagefind's binary was not found: install the package with its `pagefind[bin]` dependency"
        )
    return [
        str(executable),
        "--site",
        str(site_dir),
        "--output-subdir",
        FOLDER,
        "--glob",
        GLOB,
        "--root-selector",
        ROOT_SELECTOR,
        "--exclude-selectors",
        ",".join(EXCLUDE),
        "--silent",
    ]


def index_site(site_dir: Path) -> None:
    """Write Pagefind's index of ``site_dir`` into ``site_dir/pagefind/``, replacing any
    index there (Pagefind leaves the fragments of pages that are gone)."""
    shutil.rmtree(site_dir / FOLDER, ignore_errors=True)
    result = subprocess.run(pagefind_command(site_dir), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise SearchIndexError(
            "Pagefind could not index the site: " + (detail[-1] if detail else "no message")
        )
    _sort_entry(site_dir / FOLDER / "pagefind-entry.json")


def _sort_entry(path: Path) -> None:
    """Pagefind lists the languages of ``pagefind-entry.json`` in no fixed order: sorted
    here, so that the same site gives the same file (what the file says is unchanged)."""
    if not path.is_file():
        return
    entry = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(entry.get("languages"), dict):
        entry["languages"] = dict(sorted(entry["languages"].items()))
    path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
