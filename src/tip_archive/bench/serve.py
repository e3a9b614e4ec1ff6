"""How long an edited record takes to show under ``mkdocs serve``.

Starts ``tip-archive serve`` on a free port of 127.0.0.1, waits for the first
build, changes one record's title, and polls the record's page until the new
title is served.  The record file is restored and the server stopped afterwards.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8", errors="replace"))
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def _wait_for(url: str, text: str, timeout: float) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        body = _get(url)
        if body is not None and text in body:
            return time.perf_counter() - start
        time.sleep(0.2)
    return None


def edit_to_view(project: Path, record: Path, url: str, log: Path) -> dict[str, Any]:
    """Seconds from saving ``record`` to ``url`` serving the change; and the first build's."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "tip_archive.cli", "serve", "--addr", f"127.0.0.1:{port}"]
    original = record.read_text(encoding="utf-8")
    marker = f"Edited {time.time_ns()}"
    with log.open("wb") as out:
        server = subprocess.Popen(
            command, cwd=project, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            first = _wait_for(base + url, "<h1", timeout=900)
            if first is None:
                return {"first_build": None, "edit_to_view": None}
            time.sleep(2)  # let the watcher settle after the first build
            lines = original.splitlines(keepends=True)
            edited = [f"title: {marker}\n" if ln.startswith("title:") else ln for ln in lines]
            record.write_text("".join(edited), encoding="utf-8")
            seen = _wait_for(base + url, marker, timeout=300)
            return {"first_build": round(first, 2), "edit_to_view": seen and round(seen, 2)}
        finally:
            record.write_text(original, encoding="utf-8")
            os.killpg(server.pid, signal.SIGINT)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
