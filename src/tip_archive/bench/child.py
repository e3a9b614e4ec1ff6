"""The build process the benchmark measures: ``tip-archive build``, plus its phase times.

Run as ``python -m tip_archive.bench.child OUT.json ARGS...``: it runs the
command line with ``ARGS`` exactly as a user would, then writes the seconds the
engine spent in each phase (load, cross-reference, render) to ``OUT.json``.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    out, args = Path(argv[0]), argv[1:]
    start = time.perf_counter()
    from tip_archive.cli import main as cli_main
    from tip_archive.pipeline import engine
    from tip_archive.render import fulltext

    status = cli_main(args)
    figures = {
        "status": status,
        "seconds_inside": time.perf_counter() - start,
        # An engine without phase timings (an older version) gives none.
        "phases": dict(getattr(engine, "PHASE_SECONDS", {})),
        "phases_cpu": dict(getattr(engine, "PHASE_CPU_SECONDS", {})),
        # The Python build: this process, or the child it made the pages in.
        "max_rss_self": max(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
            getattr(engine, "PEAK_APART_BYTES", 0),
        ),
        # The largest program the build ran (Pagefind), on its own: not the process that
        # made the pages (``pipeline/apart.py``), counted as the Python build above.
        "max_rss_children": getattr(fulltext, "PEAK_BYTES", 0)
        or resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024,
    }
    out.write_text(json.dumps(figures), encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
