"""Under ``tip-archive serve``, a record saved half-written never takes the site down.

The server shows the problem, keeps serving the last good pages, and the next good save
brings the new pages without a restart.  Waits are for the server to react, with generous
limits for a busy machine; nothing here measures speed.
"""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from users import CLI

pytestmark = pytest.mark.e2e

EVENT = "data/events/conference-2007.yaml"
PAGE = "events/conference-2007/"
PATIENCE = 180.0
"""Seconds to wait for the server to react before the test gives up (not a speed limit)."""


def served(html: str) -> str:
    """A page as built: without the script the server adds to each response (it names the
    moment of the request)."""
    end = html.rindex("</body>")
    return html[: html.rindex("<script>", 0, end)] + html[end:]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, project: Path) -> None:
        self.port = free_port()
        self.log: list[str] = []
        self.process = subprocess.Popen(
            [*CLI, "serve", "--addr", f"127.0.0.1:{self.port}"],
            cwd=project,
            env=os.environ | {"SOURCE_DATE_EPOCH": "1577836800"},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        assert self.process.stdout is not None
        stream = self.process.stdout
        threading.Thread(
            target=lambda: self.log.extend(iter(stream.readline, "")), daemon=True
        ).start()

    def get(self, path: str) -> tuple[int, str]:
        url = f"http://127.0.0.1:{self.port}/{path}"
        try:
            with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - localhost
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode("utf-8", "replace")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return 0, ""

    def wait_for(self, what: str, condition: Callable[[], bool]) -> None:
        deadline = time.monotonic() + PATIENCE
        while not condition():
            if self.process.poll() is not None:
                pytest.fail(f"the server stopped while waiting for {what}:\n{''.join(self.log)}")
            if time.monotonic() > deadline:
                pytest.fail(f"no {what} after {PATIENCE} s:\n{''.join(self.log)}")
            time.sleep(0.1)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture
def server(mini_project: Path) -> Iterator[Server]:
    running = Server(mini_project)
    try:
        yield running
    finally:
        running.stop()


def test_a_half_written_record_keeps_the_last_good_pages(
    mini_project: Path, server: Server
) -> None:
    server.wait_for("first page", lambda: server.get(PAGE)[0] == 200)
    _status, good = server.get(PAGE)
    assert "International Conference" in good
    record = mini_project / EVENT
    text = record.read_text(encoding="utf-8")

    # Saved half-written: the editor's buffer cut in the middle of a list.
    before = len(server.log)
    record.write_text(text[: text.index("organisers:") + len("organisers: [bela")])
    expected = (
        "data/events/conference-2007.yaml:7: invalid YAML: did not find expected ',' or ']'"
        " (while parsing a flow sequence started on line 6): a [list] is not closed, or an"
        " item containing , [ ] needs quotes"
    )
    server.wait_for("error line", lambda: any(expected in line for line in server.log[before:]))
    kept = "The last good pages are still served: fix the problems above and save; the site"
    server.wait_for("end of the failed rebuild", lambda: any(kept in line for line in server.log))
    assert "Traceback" not in "".join(server.log)
    status, page = server.get(PAGE)
    assert (status, served(page)) == (200, served(good))  # the last good page, still served
    assert server.get("")[0] == 200

    # The next good save: the new page, without a restart.
    record.write_text(text.replace('title: "International', 'title: "Corrected'))
    server.wait_for(
        "the corrected page", lambda: "Corrected Conference &lt;Trafficking" in server.get(PAGE)[1]
    )
    assert server.process.poll() is None


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_a_server_left_alone_stays_idle(mini_project: Path, server: Server) -> None:
    """Reading the records, texts and pages during a rebuild is not a change: the server
    rebuilds when a file is saved, not again and again because the last build read them."""
    if not Path("/proc/self/stat").exists():
        pytest.skip("reads the processor time from Linux's /proc")
    server.wait_for("first page", lambda: server.get(PAGE)[0] == 200)
    record = mini_project / EVENT
    record.write_text(record.read_text(encoding="utf-8").replace("International", "Renamed", 1))
    server.wait_for("the saved page", lambda: "Renamed Conference" in server.get(PAGE)[1])
    time.sleep(3)  # the background index of the rebuild
    before = _cpu_seconds(server.process.pid)
    time.sleep(6)
    used = _cpu_seconds(server.process.pid) - before
    assert used < 1.5, (
        f"{used:.1f} s of processor in 6 s with nothing saved:\n{''.join(server.log)}"
    )
