"""Debian's Chromium as the tests drive it, and the static host they point it at."""

from __future__ import annotations

import functools
import http.server
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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


@contextmanager
def static_host(root: Path) -> Iterator[str]:
    """``root`` served as a plain static host would: files as they are, ``404.html`` for the rest.

    Yields the base URL, ``http://127.0.0.1:<free port>``, without a trailing slash.
    """

    class Handler(http.server.SimpleHTTPRequestHandler):
        def send_error(
            self, code: int, message: str | None = None, explain: str | None = None
        ) -> None:
            page = root / "404.html"
            if code != 404 or not page.is_file():
                super().send_error(code, message, explain)
                return
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(root))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
