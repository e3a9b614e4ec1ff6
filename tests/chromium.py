"""Debian's Chromium as the tests drive it: one path and one set of flags for every test."""

from __future__ import annotations

import subprocess
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
#: Headless, sandbox-free (root in CI) and silent: no background connections to outside hosts.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def dump_dom(url: str, budget_ms: int = 10000) -> str:
    """The page's DOM after its scripts ran for ``budget_ms`` of virtual time."""
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: run `make browser-deps` (or `make test`)"
    done = subprocess.run(
        [str(CHROMIUM), *CHROMIUM_ARGS, f"--virtual-time-budget={budget_ms}", "--dump-dom", url],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout
