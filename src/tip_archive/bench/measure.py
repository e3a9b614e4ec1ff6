"""Measuring a build and what it produced.

Builds run in a child process; its wall time and peak resident memory come from
``os.wait4``, so each build's figures are its own.  Sizes are read from the
built site.  "Bytes to fetch" are what a browser downloads beyond the page it is
on: ``raw`` as stored, ``transfer`` as a server sends them gzip-compressed
(files already compressed, such as Pagefind's, are counted as they are).
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class Run:
    seconds: float
    cpu_seconds: float
    """Processor time (user and system) of the process: less disturbed by other work."""
    max_rss: int
    """Peak resident memory of the process, in bytes."""
    status: int
    output: str
    tree_rss: int = 0
    """Peak of the resident memory of the process and every process it runs, together
    (sampled): the Python build still holds its memory while Pagefind runs."""


#: How often the memory of a build's processes is sampled, in seconds.
SAMPLE_SECONDS = 0.1


def _session_rss(session: int, page: int) -> int:
    """The resident memory of every process of ``session``, in bytes (from ``/proc``)."""
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        # pid (comm) state ppid pgrp session ...; comm may hold spaces and parentheses.
        fields = stat[stat.rfind(")") + 2 :].split()
        if len(fields) > 22 and int(fields[3]) == session:
            total += int(fields[21]) * page
    return total


def run(command: list[str], cwd: Path, log: Path) -> Run:
    """Run ``command``; its output goes to ``log``; return its time and peak memory."""
    start = time.perf_counter()
    page = os.sysconf("SC_PAGE_SIZE")
    tree = 0
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            tree = max(tree, _session_rss(process.pid, page))
            time.sleep(SAMPLE_SECONDS)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text(encoding="utf-8", errors="replace")
    cpu = usage.ru_utime + usage.ru_stime
    peak = usage.ru_maxrss * 1024
    return Run(seconds, cpu, peak, process.returncode, text, max(tree, peak))


def _transfer(path: Path) -> int:
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b" or path.suffix in (".pf_meta", ".pf_index", ".pf_fragment"):
        return len(raw)
    return min(len(raw), len(gzip.compress(raw, compresslevel=6, mtime=0)))


def fetched(site: Path, files: list[Path]) -> dict[str, Any]:
    files = [f for f in dict.fromkeys(files) if f.is_file()]
    return {
        "files": {f.relative_to(site).as_posix(): f.stat().st_size for f in files},
        "raw": sum(f.stat().st_size for f in files),
        "transfer": sum(_transfer(f) for f in files),
    }


def site_size(site: Path) -> dict[str, int]:
    sizes = [p.stat().st_size for p in site.rglob("*") if p.is_file()]
    return {"bytes": sum(sizes), "files": len(sizes)}


def largest_pages(site: Path, count: int = 5) -> list[tuple[int, str]]:
    """The ``count`` largest HTML pages of the site (any page, not only records): size, path."""
    sizes = sorted(
        ((p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("*.html")),
        reverse=True,
    )
    return sizes[:count]


def editions(site: Path) -> list[str]:
    """The languages the site was built in: English, and each edition under a prefix."""
    return ["en"] + sorted(
        p.name
        for p in site.iterdir()
        if p.is_dir() and len(p.name) == 2 and (p / "index.html").is_file()
    )


def record_pages(site: Path, urls: list[str]) -> dict[str, Any]:
    """Sizes of the record pages at ``urls``: median and largest, raw and compressed."""
    sizes = []
    for url in urls:
        path = site / url / "index.html"
        sizes.append((path.stat().st_size, url))
    sizes.sort()
    median_size, median_url = sizes[len(sizes) // 2]
    median_path = site / median_url / "index.html"
    return {
        "median_html": median_size,
        "median_html_gzip": _transfer(median_path),
        "median_url": median_url,
        "max_html": sizes[-1][0],
        "max_url": sizes[-1][1],
        "mean_html": int(statistics.fmean(s for s, _ in sizes)),
    }


def search_bytes(site: Path, page: Path) -> dict[str, Any]:
    """What a browser fetches, beyond ``page``, before it can show a first search result.

    Material's built-in search (lunr) needs its whole index and its worker; Pagefind
    needs its entry files, one index chunk and one fragment per result: ``transfer``
    counts the largest chunk and fragment (a worst case), ``typical_transfer`` the
    median ones.
    """
    if (entry := next(site.rglob("pagefind-entry.json"), None)) is not None:
        return _pagefind(site, entry.parent, page)
    index = site / "search" / "search_index.json"
    if index.is_file():
        files = [index, *sorted(site.glob("assets/javascripts/workers/search.*.js"))]
        langs = json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang", [])
        if langs and langs != ["en"]:
            lunr = site / "assets/javascripts/lunr/min"
            files += [lunr / "lunr.stemmer.support.min.js", lunr / "lunr.multi.min.js"]
            files += [lunr / f"lunr.{lang}.min.js" for lang in langs if lang != "en"]
        found = fetched(site, files)  # the whole index, whatever the query
        return {"engine": "lunr", **found, "typical_transfer": found["transfer"]}
    return {"engine": None, "files": {}, "raw": 0, "transfer": 0, "typical_transfer": 0}


def _pagefind(site: Path, folder: Path, page: Path) -> dict[str, Any]:
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    languages = entry.get("languages", {})
    language: dict[str, Any] = languages.get("en") or next(iter(languages.values()), {})
    files = [folder / "pagefind.js", folder / "pagefind-entry.json", folder / "pagefind-worker.js"]
    files += sorted(folder.glob(f"wasm.{language.get('wasm', 'unknown')}.pagefind"))
    files += sorted(folder.glob(f"pagefind.{language.get('hash', '*')}.pf_meta"))
    # The UI scripts and styles the page loads: Pagefind's own, or the site's search script.
    html = page.read_text(encoding="utf-8")
    candidates = sorted(folder.glob("*.js")) + sorted(folder.glob("*.css"))
    candidates += sorted(p for p in site.glob("assets/**/*.js") if "search" in p.name.lower())
    for candidate in candidates:
        if candidate.name in html and "workers" not in candidate.parts:
            files.append(candidate)
    # One index chunk (the words of the query) and one fragment (the first result):
    # the largest of each for the worst case, the median ones for a typical query.
    prefix = str(language.get("hash", "")).split("_")[0]
    worst, typical = list(files), list(files)
    for kind, suffix in (("index", "pf_index"), ("fragment", "pf_fragment")):
        chunks = sorted(folder.glob(f"{kind}/{prefix}*.{suffix}"), key=lambda p: p.stat().st_size)
        worst += chunks[-1:]
        typical += chunks[len(chunks) // 2 : len(chunks) // 2 + 1]
    found = fetched(site, worst)
    return {
        "engine": "pagefind",
        "pages": language.get("page_count"),
        **found,
        "typical_transfer": fetched(site, typical)["transfer"],
    }


def symbol_bytes(site: Path) -> dict[str, Any] | None:
    """What a symbol lookup fetches: its script, its table (or manifest) and one shard.

    A table cut into shards (files in sub-folders of ``symbols/``) costs its manifest
    (the JSON files directly in ``symbols/``) and one shard: the largest is counted.
    """
    folder = site / "symbols"
    if not folder.is_dir():
        return None
    top = sorted(folder.glob("*.json"))
    shards = sorted(
        (p for p in folder.rglob("*.json") if p.parent != folder), key=lambda p: p.stat().st_size
    )
    scripts = sorted(p for p in site.glob("assets/**/*.js") if "symbol" in p.name.lower())
    return {"shards": len(shards)} | fetched(site, scripts + top + shards[-1:])
