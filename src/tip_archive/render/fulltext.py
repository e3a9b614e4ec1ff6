"""Full-text search: Pagefind indexes the built site, after MkDocs.

Pagefind (the ``pagefind[bin]`` package, whose wheel carries the binary, so it
works offline) reads the HTML MkDocs wrote and writes a chunked index into
``pagefind/`` at the site root.  A first search fetches its small runtime and only
the index chunks and fragments the query touches, not a whole-site index, so it
stays light as the archive grows.  Pagefind keeps one index per ``<html lang>``: the
English and the Russian editions are searched apart, each with its own word stemming,
and a page's search box queries the index of the page's language.  The header search box (``assets/search.js``)
queries it below the archive's own symbol lookup.

Pagefind holds everything it indexes in memory until it writes (about four bytes per byte
of HTML: 2.3 GB for both editions at 10,000 records), so each edition is indexed by a run
of its own, one after the other, into the same folder: the runs write the same runtime
files and each its own language's index, and their ``pagefind-entry.json`` files are
merged into one.  The browser fetches exactly what one run over the whole site gives it.
``tip-archive build`` runs Pagefind once the process that made the pages has ended
(``pipeline/apart.py``): nothing of the Python build is alive beside it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model.records import LANGUAGES
from . import search_merge
from .redirects import SYMBOL_FOLDER

#: Where the index goes, relative to the site root.
FOLDER = "pagefind"
#: What is indexed on each page: the article, not the navigation around it.
ROOT_SELECTOR = "article.md-content__inner"
#: Every page but 404.html (the site's pages are all ``index.html``, with directory URLs).
GLOB = "{index.html,*/**/index.html}"
#: The folders of the editions besides the default one (``ru/``), each indexed apart.
EDITION_FOLDERS = tuple(lang for lang in LANGUAGES if lang != "en")
EDITION_PREFIXES = tuple(f"{folder}/" for folder in EDITION_FOLDERS)
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
    # A resolution's or document's text is a source's paragraphs, word for word: indexed on
    # the source's page, where each paragraph lists the records citing it.  Indexed on both,
    # it was a tenth of an edition's words and of the largest index chunk (the word "the").
    "div.tip-text",
    ".tip-changed",
    # A record's versions: which data releases hold it, in the same sentences on every page.
    ".tip-versions",
    # A record's quotes are its sources' words: a text is indexed once, where it lives, on
    # the source's page, whose every paragraph lists the records quoting it.  Indexed on
    # every record quoting it too, a sentence came back as many times as it was quoted, and
    # the quotes were a seventh of the largest index chunk, "the", at 10,000 records.  The
    # archive's translation beside a quote is the record's own and stays.
    ".tip-quote blockquote",
    # The kind of evidence next to each fact: the same few words on every record page.
    ".tip-ev-label",
    # So are the notes that say how a page is read (what the kinds of evidence mean, that
    # a text is verbatim with an anchor per paragraph): on every record page, a twentieth of
    # an edition's words; a search for "archive" or "anchor" found every page.
    ".tip-note",
    ".tip-ev-mark",
    # So are the Russian edition's notices of a translation still to come (a tenth of its
    # words at 10,000 records), and what is written for screen readers only.
    ".tip-untranslated",
    ".tip-visually-hidden",
)


class SearchIndexError(Exception):
    """Pagefind is missing or failed."""


def pagefind_command(site_dir: Path, glob: str = GLOB) -> list[str]:
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
        glob,
        "--root-selector",
        ROOT_SELECTOR,
        "--exclude-selectors",
        ",".join(EXCLUDE),
        "--silent",
    ]


@dataclass(frozen=True)
class _Run:
    """One edition's run: its glob, and the pages it names (the site's root page or not,
    and the top-level folders)."""

    glob: str
    root: bool
    folders: tuple[str, ...]


def _runs(site_dir: Path) -> list[_Run]:
    editions = [e for e in EDITION_FOLDERS if (site_dir / e / "index.html").is_file()]
    tops = tuple(
        sorted(
            p.name
            for p in site_dir.iterdir()
            if p.is_dir() and p.name not in editions and p.name != FOLDER
        )
    )
    if not editions:
        return [_Run(GLOB, True, tops)]
    default = "{" + ",".join(["index.html", *(f"{t}/**/index.html" for t in tops)]) + "}"
    return [_Run(default, True, tops), *(_Run(f"{e}/**/index.html", False, (e,)) for e in editions)]


def slices(site_dir: Path) -> list[str]:
    """The globs of the runs that index ``site_dir``: one per edition found in it.

    The default edition is the site's root page and every top-level folder but the other
    editions' (listed by name, as Pagefind's globs cannot leave a folder out); each other
    edition is its folder.  A site of one edition is one run over :data:`GLOB`."""
    return [run.glob for run in _runs(site_dir)]


def index_site(
    site_dir: Path, started: Callable[[subprocess.Popen[str]], None] | None = None
) -> None:
    """Write Pagefind's index of ``site_dir`` into ``site_dir/pagefind/``, replacing any
    index there (Pagefind leaves the fragments of pages that are gone).  ``started`` is
    given each Pagefind process as it starts (to stop it: ``mkdocs serve`` ending).

    An edition of more than :data:`SLICE_PAGES` pages is indexed in slices, a run each, and
    their indexes merged into the one a single run writes (``search_merge.py``): Pagefind's
    memory grows with the pages of a run and has no bound of its own."""
    shutil.rmtree(site_dir / FOLDER, ignore_errors=True)
    entry: dict[str, Any] = {}
    for run in _runs(site_dir):
        pages = _pages(site_dir, run)
        # ``None`` (names a glob cannot spell) leaves one run, whatever its memory.
        parts = (
            slice_globs(pages, -(-len(pages) // SLICE_PAGES)) if len(pages) > SLICE_PAGES else None
        )
        if parts is None:
            _run(pagefind_command(site_dir, run.glob), started)
            written = search_merge.read_entry(site_dir / FOLDER)
        else:
            written = _index_in_slices(site_dir, parts, started)
        languages = {**entry.get("languages", {}), **written.get("languages", {})}
        entry = {**written, "languages": languages}  # each run writes its own languages only
    if entry:
        _write_entry(site_dir / FOLDER / "pagefind-entry.json", entry)


#: The most pages one Pagefind run indexes: about 470 MB of Pagefind's memory (it holds
#: some 140 KB per page of this archive until it writes).
SLICE_PAGES = 4000


def _pages(site_dir: Path, run: _Run) -> list[str]:
    """The pages ``run`` indexes, relative to the site, in the order of their folders."""
    found = ["index.html"] if run.root and (site_dir / "index.html").is_file() else []
    for folder in run.folders:
        if folder == SYMBOL_FOLDER:
            continue  # the symbol redirects (``/symbol/A/RES/64/293/``): no article to index
        for top, dirs, files in os.walk(site_dir / folder):
            here = Path(top).relative_to(site_dir).as_posix()
            dirs[:] = sorted(
                d for d in dirs if not (here in EDITION_FOLDERS and d == SYMBOL_FOLDER)
            )
            if "index.html" in files:
                found.append(f"{here}/index.html")
    return sorted(found, key=lambda page: page.split("/"))


def _index_in_slices(
    site_dir: Path, parts: list[str], started: Callable[[subprocess.Popen[str]], None] | None
) -> dict[str, Any]:
    """Index ``site_dir`` a slice at a time, a run over each glob of ``parts``, and merge
    the slices' indexes into ``site_dir/pagefind/``; the entry of the languages indexed."""
    target = site_dir / FOLDER
    with tempfile.TemporaryDirectory(prefix=".pagefind-slices-", dir=site_dir.parent) as work:
        bundles = []
        for number, part in enumerate(parts):
            bundle = Path(work, f"bundle-{number}")
            command = pagefind_command(site_dir, part)
            at = command.index("--output-subdir")
            command[at : at + 2] = ["--output-path", str(bundle)]
            _run(command, started)
            bundles.append(bundle)
        # The runtime files (script, WebAssembly, styles) are the same in every run.
        shutil.copytree(
            bundles[0],
            target,
            ignore=shutil.ignore_patterns("index", "fragment", "*.pf_meta", "pagefind-entry.json"),
            dirs_exist_ok=True,
        )
        entries = [search_merge.read_entry(bundle) for bundle in bundles]
        languages = sorted({language for entry in entries for language in entry["languages"]})
        try:
            merged = {
                lang: search_merge.merge_language(bundles, lang, target) for lang in languages
            }
        except search_merge.CannotMerge as exc:
            raise SearchIndexError(
                f"Pagefind's slices of an edition could not be merged: {exc}"
            ) from None
    return {**entries[0], "languages": merged}


#: What a slice's glob may name as it is: Pagefind's globs give other characters a meaning.
_PLAIN = re.compile(r"[A-Za-z0-9._/-]+")


def slice_globs(pages: list[str], count: int) -> list[str] | None:
    """Globs that share ``pages`` between ``count`` runs of about as many pages each, every
    page in exactly one: a page by itself (``statements/index.html``), a folder of a section
    (``statements/page/**/index.html``) or the folders of a section whose names begin alike
    (``statements/19*/**/index.html``), the beginnings as long as it takes for no group to
    weigh over half a slice.  ``None`` if a name holds a character a glob cannot name plainly."""
    if not all(_PLAIN.fullmatch(page) for page in pages):
        return None
    alone: list[str] = []
    groups: dict[tuple[str, str], list[str]] = {}  # (section, folder) -> its pages
    for page in pages:
        folders = page.split("/")[:-1]
        depth = 2 if folders[:1] and folders[0] in EDITION_FOLDERS else 1
        if len(folders) <= depth:
            alone.append(page)  # index.html, statements/index.html, ru/index.html
        else:
            groups.setdefault(("/".join(folders[:depth]), folders[depth]), []).append(page)
    most = max(1, len(pages) // count // 2)
    buckets: list[tuple[int, str]] = [(1, page) for page in alone]  # (pages, pattern)

    def share(section: str, names: list[str], length: int) -> None:
        by_start: dict[str, list[str]] = {}
        for name in names:
            by_start.setdefault(name[:length], []).append(name)
        for start, some in sorted(by_start.items()):
            if start in some:  # a folder whose whole name is the beginning: by itself
                buckets.append((len(groups[(section, start)]), f"{section}/{start}/**/index.html"))
                some = [name for name in some if name != start]
                if not some:
                    continue
                share(section, some, length + 1)
                continue
            weight = sum(len(groups[(section, name)]) for name in some)
            if weight > most and len(some) > 1:
                share(section, some, length + 1)
            else:
                buckets.append((weight, f"{section}/{start}*/**/index.html"))

    sections: dict[str, list[str]] = {}
    for section, name in groups:
        sections.setdefault(section, []).append(name)
    for section, names in sorted(sections.items()):
        share(section, sorted(names), 1)
    slices: list[tuple[int, list[str]]] = [(0, []) for _ in range(count)]
    for weight, pattern in sorted(buckets, key=lambda b: (-b[0], b[1])):
        lightest = min(range(count), key=lambda i: slices[i][0])
        total, patterns = slices[lightest]
        slices[lightest] = (total + weight, [*patterns, pattern])
    return ["{" + ",".join(sorted(patterns)) + "}" for _w, patterns in slices if patterns]


#: The largest memory a Pagefind run of this process took, in bytes (read by the benchmark:
#: ``tip-archive build``'s other children include the process that made the pages).
PEAK_BYTES = 0


def _run(command: list[str], started: Callable[[subprocess.Popen[str]], None] | None) -> None:
    global PEAK_BYTES
    with tempfile.TemporaryFile("w+", encoding="utf-8") as said:
        process = subprocess.Popen(command, stdout=said, stderr=subprocess.STDOUT, text=True)
        try:
            if started is not None:
                started(process)
            _pid, status, usage = os.wait4(process.pid, 0)  # its own peak memory, too
        except BaseException:
            process.kill()
            process.wait()
            raise
        process.returncode = os.waitstatus_to_exitcode(status)
        PEAK_BYTES = max(PEAK_BYTES, usage.ru_maxrss * 1024)
        said.seek(0)
        output = said.read()
    if process.returncode != 0:
        detail = output.strip().splitlines()
        raise SearchIndexError(
            "Pagefind could not index the site: " + (detail[-1] if detail else "no message")
        )


def _write_entry(path: Path, entry: dict[str, Any]) -> None:
    """Pagefind lists the languages of ``pagefind-entry.json`` in no fixed order: sorted
    here, so that the same site gives the same file (what the file says is unchanged)."""
    entry["languages"] = dict(sorted(entry["languages"].items()))
    path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
