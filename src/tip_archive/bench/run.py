"""``python -m tip_archive.bench``: build corpora of several sizes and the baseline; report.

Every figure of one run is taken on the same machine in the same minutes, so
the targets are judged on ratios (archive against baseline, 10,000 against
1,000 records), which hold on a shared, noisy machine where seconds do not.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sys
from pathlib import Path
from typing import Any

from ..pipeline.engine import load_archive, render_site
from ..render.pages import SiteOptions
from ..render.urls import record_src, record_url
from . import measure
from .baseline import write_baseline
from .corpus import write_corpus
from .serve import edit_to_view

MB = 1024 * 1024
KB = 1024
#: The targets of issue 14, each judged at the size named (the largest measured when none);
#: "under" limits are strict, "at most" ones are not.  Times are processor time, except
#: edit-to-view, which is what an editor waits.
TARGETS: dict[str, dict[str, Any]] = {
    "serve_edit_seconds_1000": {"limit": 3.0, "size": 1000, "strict": False},
    "serve_edit_seconds_10000": {"limit": 10.0, "size": 10000, "strict": False},
    "peak_memory_bytes": {"limit": 1024 * MB, "strict": True},
    "largest_html_bytes": {"limit": 250 * KB, "strict": True},
    "archive_vs_baseline": {"limit": 0.6, "strict": False},
    "growth_10k_vs_1k": {"limit": 10.5, "strict": False},
    "search_first_result_bytes": {"limit": 200 * KB, "strict": True},
    "search_worst_result_bytes": {"limit": 400 * KB, "strict": True},
    "symbol_lookup_bytes": {"limit": 20 * KB, "strict": True},
}


def machine() -> dict[str, Any]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        mem_kb = 0
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu or platform.processor(),
        "memory_bytes": mem_kb * 1024,
        "python": platform.python_version(),
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def record_pages(root: Path, editions: list[str]) -> tuple[list[int], list[str]]:
    """The sizes of the Markdown of every record page of ``editions`` (sorted), to size the
    baseline's pages alike, and the pages' addresses (not part of any timing)."""
    archive = load_archive(root / "data", root)
    sizes: list[int] = []
    urls: list[str] = []
    for lang in editions:
        srcs = {record_src(r, lang) for r in archive.records()}
        pages = render_site(archive, SiteOptions(), lang)
        sizes += [len(p.markdown.encode()) for p in pages if p.src in srcs]
        urls += [record_url(r, lang) for r in archive.records()]
        del pages
    return sorted(sizes), urls


def bench_size(size: int, out: Path, project: Path, serve: bool, strict: bool) -> dict[str, Any]:
    corpus = write_corpus(out / f"corpus-{size}", size, project)
    log = out / "logs"
    log.mkdir(exist_ok=True)
    site = out / f"site-{size}"
    phases_file = (log / f"phases-{size}.json").resolve()
    command = [sys.executable, "-m", "tip_archive.bench.child", str(phases_file), "build"]
    command += ["--site-dir", str(site.resolve())] + ([] if strict else ["--no-strict"])
    build = measure.run(command, corpus.root, log / f"archive-{size}.log")
    if build.status != 0:
        raise SystemExit(f"archive build of {size} records failed:\n{build.output[-3000:]}")
    child = json.loads(phases_file.read_text())
    # Engine phases; "search" (the full-text indexer run after the build) is shown apart.
    search_wall = child["phases"].pop("search", 0.0)
    search_cpu = child["phases_cpu"].pop("search", 0.0)
    phases, phases_cpu = child["phases"], child["phases_cpu"]
    editions = measure.editions(site)
    page_sizes, urls = record_pages(corpus.root, editions)
    pages_info = measure.record_pages(site, urls)
    median_page = site / pages_info["median_url"] / "index.html"
    result: dict[str, Any] = {
        "records": corpus.size,
        "counts": corpus.counts,
        "archive": {
            "load_seconds": round(phases.get("load", 0.0), 2),
            "crossref_seconds": round(phases.get("crossref", 0.0), 2),
            "render_seconds": round(phases.get("render", 0.0), 2),
            "files_seconds": round(phases.get("files", 0.0), 2),
            "engine_seconds": round(sum(phases.values()), 2),
            "search_index_seconds": round(search_wall, 2),
            "mkdocs_seconds": round(build.seconds - sum(phases.values()) - search_wall, 2),
            "total_seconds": round(build.seconds, 2),
            "cpu": {
                "load_seconds": round(phases_cpu.get("load", 0.0), 2),
                "crossref_seconds": round(phases_cpu.get("crossref", 0.0), 2),
                "render_seconds": round(phases_cpu.get("render", 0.0), 2),
                "files_seconds": round(phases_cpu.get("files", 0.0), 2),
                "engine_seconds": round(sum(phases_cpu.values()), 2),
                "search_index_seconds": round(search_cpu, 2),
                "mkdocs_seconds": round(
                    build.cpu_seconds - sum(phases_cpu.values()) - search_cpu, 2
                ),
                "total_seconds": round(build.cpu_seconds, 2),
            },
            "peak_memory_bytes": build.tree_rss,
            "peak_memory_process_bytes": build.max_rss,
            "peak_memory_python_bytes": child.get("max_rss_self"),
            "peak_memory_tools_bytes": child.get("max_rss_children"),
            "site": measure.site_size(site),
            "editions": editions,
            "largest_pages": measure.largest_pages(site),
            "record_pages": pages_info,
            "search": measure.search_bytes(site, median_page),
            "symbols": measure.symbol_bytes(site),
            "markdown_median_bytes": page_sizes[len(page_sizes) // 2],
        },
    }

    baseline_root = out / f"baseline-{size}"
    write_baseline(baseline_root, page_sizes)
    base_site = out / f"baseline-site-{size}"
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(base_site.resolve())]
    base = measure.run(command, baseline_root, log / f"baseline-{size}.log")
    if base.status != 0:
        raise SystemExit(f"baseline build of {size} pages failed:\n{base.output[-3000:]}")
    result["baseline"] = {
        "pages": len(page_sizes),
        "total_seconds": round(base.seconds, 2),
        "cpu": {"total_seconds": round(base.cpu_seconds, 2)},
        "peak_memory_bytes": base.tree_rss,
        "site": measure.site_size(base_site),
    }

    if serve:
        statement = next(iter(corpus.ids["statement"]))
        record = corpus.root / "data" / "statements" / f"{statement}.yaml"
        result["serve"] = edit_to_view(
            corpus.root, record, f"statements/{statement}/", log / f"serve-{size}.log"
        )
    return result


def ratios(results: dict[int, dict[str, Any]]) -> dict[str, Any]:
    """Archive against baseline and engine against the whole, in processor and wall time."""
    out: dict[str, Any] = {}
    for size, r in results.items():
        archive, base = r["archive"], r["baseline"]
        out[str(size)] = {
            "archive_vs_baseline": round(
                archive["cpu"]["total_seconds"] / base["cpu"]["total_seconds"], 3
            ),
            "engine_share": round(
                archive["cpu"]["engine_seconds"] / archive["cpu"]["total_seconds"], 3
            )
            if archive["cpu"]["engine_seconds"]
            else None,  # an engine without phase timings
            "wall": {
                "archive_vs_baseline": round(archive["total_seconds"] / base["total_seconds"], 3),
                "engine_share": round(archive["engine_seconds"] / archive["total_seconds"], 3)
                if archive["engine_seconds"]
                else None,
            },
        }
    if 1000 in results and 10000 in results:
        big, small = results[10000], results[1000]

        def growth(side: str, cpu: bool) -> float:
            b = big[side]["cpu"] if cpu else big[side]
            s = small[side]["cpu"] if cpu else small[side]
            return round(float(b["total_seconds"]) / float(s["total_seconds"]), 2)

        out["growth_10k_vs_1k"] = {
            "archive": growth("archive", True),
            "baseline": growth("baseline", True),
            "wall": {"archive": growth("archive", False), "baseline": growth("baseline", False)},
        }
    return out


def judge(results: dict[int, dict[str, Any]], ratio: dict[str, Any]) -> dict[str, Any]:
    """Each target: the figure (at its size, or the largest measured), the limit, met or not."""
    size = max(results)
    a = results[size]["archive"]

    def serve(at: int) -> float | None:
        found = results.get(at, {}).get("serve") or {}
        return found.get("edit_to_view")

    figures: dict[str, Any] = {
        "serve_edit_seconds_1000": serve(1000),
        "serve_edit_seconds_10000": serve(10000),
        "peak_memory_bytes": a["peak_memory_bytes"],
        "largest_html_bytes": a["largest_pages"][0][0] if a["largest_pages"] else None,
        "archive_vs_baseline": ratio[str(size)]["archive_vs_baseline"],
        "growth_10k_vs_1k": ratio.get("growth_10k_vs_1k", {}).get("archive"),
        "search_first_result_bytes": a["search"].get("typical_transfer", a["search"]["transfer"]),
        "search_worst_result_bytes": a["search"]["transfer"],
        "symbol_lookup_bytes": a["symbols"]["transfer"] if a["symbols"] else None,
    }
    verdict: dict[str, Any] = {"at_records": size, "editions": a.get("editions", ["en"])}
    for name, value in figures.items():
        target = TARGETS[name]
        limit = target["limit"]
        met = None
        if value is not None:
            met = value < limit if target["strict"] else value <= limit
        verdict[name] = {
            "figure": value,
            "limit": limit,
            "under" if target["strict"] else "at_most": True,
            "met": met,
        }
    return verdict


def _figure(name: str, value: Any) -> str:
    if value is None:
        return "-"
    if name.endswith("_bytes"):
        return _kb(value)
    return f"{value}"


def _kb(n: float) -> str:
    return f"{n / 1024:,.0f} KB" if n < 10 * MB else f"{n / MB:,.1f} MB"


def table(
    results: dict[int, dict[str, Any]], ratio: dict[str, Any], verdict: dict[str, Any]
) -> str:
    sizes = sorted(results)
    rows: list[tuple[str, list[str]]] = []

    def row(label: str, get: Any) -> None:
        cells = []
        for size in sizes:
            try:
                value = get(results[size], ratio.get(str(size), {}))
            except (KeyError, TypeError):
                value = None
            cells.append("-" if value is None else str(value))
        rows.append((label, cells))

    row("records", lambda r, _: f"{r['records']:,}")
    row("editions", lambda r, _: " ".join(r["archive"]["editions"]))
    row("record pages (baseline pages)", lambda r, _: f"{r['baseline']['pages']:,}")
    row("CPU: load + validate (s)", lambda r, _: r["archive"]["cpu"]["load_seconds"])
    row("CPU: cross-reference (s)", lambda r, _: r["archive"]["cpu"]["crossref_seconds"])
    row("CPU: pages (s)", lambda r, _: r["archive"]["cpu"]["render_seconds"])
    row("CPU: data files (s)", lambda r, _: r["archive"]["cpu"].get("files_seconds"))
    row("CPU: search index (s)", lambda r, _: r["archive"]["cpu"].get("search_index_seconds"))
    row("CPU: MkDocs build (s)", lambda r, _: r["archive"]["cpu"]["mkdocs_seconds"])
    row("CPU: archive total (s)", lambda r, _: r["archive"]["cpu"]["total_seconds"])
    row("CPU: baseline total (s)", lambda r, _: r["baseline"]["cpu"]["total_seconds"])
    row("CPU: archive / baseline", lambda _, q: q["archive_vs_baseline"])
    row("wall: engine (s)", lambda r, _: r["archive"]["engine_seconds"])
    row("wall: archive total (s)", lambda r, _: r["archive"]["total_seconds"])
    row("wall: baseline total (s)", lambda r, _: r["baseline"]["total_seconds"])
    row("wall: archive / baseline", lambda _, q: q["wall"]["archive_vs_baseline"])
    row("peak memory, whole build", lambda r, _: _kb(r["archive"]["peak_memory_bytes"]))
    row("  the Python build", lambda r, _: _kb(r["archive"]["peak_memory_python_bytes"]))
    row("  largest tool it ran", lambda r, _: _kb(r["archive"]["peak_memory_tools_bytes"]))
    row("peak memory, baseline", lambda r, _: _kb(r["baseline"]["peak_memory_bytes"]))
    row("site size", lambda r, _: _kb(r["archive"]["site"]["bytes"]))
    row("largest page", lambda r, _: _kb(r["archive"]["largest_pages"][0][0]))
    row("  which", lambda r, _: r["archive"]["largest_pages"][0][1].removesuffix("index.html"))
    row("median record page", lambda r, _: _kb(r["archive"]["record_pages"]["median_html"]))
    row("largest record page", lambda r, _: _kb(r["archive"]["record_pages"]["max_html"]))
    row("search engine", lambda r, _: r["archive"]["search"]["engine"])
    row("search: first result", lambda r, _: _kb(r["archive"]["search"]["typical_transfer"]))
    row("search: worst case", lambda r, _: _kb(r["archive"]["search"]["transfer"]))
    row("symbol lookup", lambda r, _: _kb(r["archive"]["symbols"]["transfer"]))
    row("serve: edit to view (s)", lambda r, _: r["serve"]["edit_to_view"])
    width = max(len(label) for label, _ in rows)
    lines = [f"{'':{width}}  " + "  ".join(f"{s:>12,}" for s in sizes)]
    lines += [f"{label:{width}}  " + "  ".join(f"{c:>12}" for c in cells) for label, cells in rows]
    if "growth_10k_vs_1k" in ratio:
        g = ratio["growth_10k_vs_1k"]
        lines.append(
            f"\ngrowth 10,000 / 1,000 (CPU): archive {g['archive']}x, baseline {g['baseline']}x"
            f" (wall: archive {g['wall']['archive']}x, baseline {g['wall']['baseline']}x)"
        )
    lines.append(
        f"\nTargets at {verdict['at_records']:,} records, editions: {', '.join(verdict['editions'])}"
        " (ratios of processor time; edit-to-view in seconds waited):"
    )
    for name, v in verdict.items():
        if name in ("at_records", "editions"):
            continue
        mark = {True: "met", False: "NOT MET", None: "not measured"}[v["met"]]
        word = "under" if "under" in v else "at most"
        lines.append(
            f"  {name:28} {_figure(name, v['figure']):>14}  {word:>7} {_figure(name, v['limit']):>10}  {mark}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tip_archive.bench", description=__doc__)
    parser.add_argument("--sizes", default="100 1000 10000", help='e.g. "100 1000"')
    parser.add_argument("--out", default=".bench", help="working folder (gitignored)")
    parser.add_argument("--project", default=".", help="where mkdocs.yml, docs/ are")
    parser.add_argument(
        "--serve-sizes", default="1000 10000", help='sizes to time edit-to-view at ("" for none)'
    )
    parser.add_argument("--no-strict", action="store_true")
    args = parser.parse_args(argv)
    out, project = Path(args.out), Path(args.project)
    out.mkdir(parents=True, exist_ok=True)
    results: dict[int, dict[str, Any]] = {}
    serve_sizes = {int(s) for s in args.serve_sizes.replace(",", " ").split()}
    for size in sorted(int(s) for s in args.sizes.replace(",", " ").split()):
        print(f"benchmarking {size:,} records ...", file=sys.stderr, flush=True)
        results[size] = bench_size(
            size, out, project, serve=size in serve_sizes, strict=not args.no_strict
        )
        print(json.dumps(results[size]["archive"] | {"baseline": results[size]["baseline"]},
                         default=str)[:400], file=sys.stderr, flush=True)  # fmt: skip
    ratio = ratios(results)
    verdict = judge(results, ratio)
    report = {"machine": machine(), "sizes": results, "ratios": ratio, "targets": verdict}
    (out / "latest.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(table(results, ratio, verdict))
    print(f"\nFigures in {out / 'latest.json'}")
    return 0
