"""Background work after a build (the serve's search index): never two runs at once, and
a request made during a run gives one more run after it, so the last build is indexed."""

from __future__ import annotations

import threading
import time

from tip_archive.pipeline.background import Rerunning


def test_requests_during_a_run_give_one_more_run_and_never_two_at_once() -> None:
    started, release = threading.Event(), threading.Event()
    running = 0
    overlapped = False

    def work() -> None:
        nonlocal running, overlapped
        running += 1
        overlapped = overlapped or running > 1
        started.set()
        release.wait(5)
        running -= 1

    worker = Rerunning(work)
    worker.request()
    assert started.wait(5)
    for _ in range(3):  # three builds end while the first index is being made
        worker.request()
    release.set()
    worker.wait()
    assert worker.runs == 2 and not overlapped
    worker.request()
    worker.wait()
    assert worker.runs == 3


def test_a_failing_run_is_logged_and_does_not_stop_the_next(caplog) -> None:  # type: ignore[no-untyped-def]
    calls = []

    def work() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise OSError("disk full")

    worker = Rerunning(work)
    worker.request()
    worker.wait()
    worker.request()
    worker.wait()
    assert len(calls) == 2
    assert "background work failed" in caplog.text


def test_the_work_and_what_it_starts_run_at_a_lower_priority() -> None:
    import os
    import subprocess
    import sys

    seen: list[int] = []
    base = os.getpriority(os.PRIO_PROCESS, 0)

    def work() -> None:
        child = subprocess.run(
            [sys.executable, "-c", "import os; print(os.getpriority(os.PRIO_PROCESS, 0))"],
            capture_output=True,
            text=True,
            check=True,
        )
        seen.append(int(child.stdout))

    worker = Rerunning(work, nice=5)
    worker.request()
    worker.wait()
    assert seen == [min(base + 5, 19)]
    assert os.getpriority(os.PRIO_PROCESS, 0) == base  # the process itself is as it was


def test_stopping_cuts_the_run_short_and_runs_no_more() -> None:
    release = threading.Event()
    calls: list[int] = []

    def work() -> None:
        calls.append(1)
        release.wait(30)

    worker = Rerunning(work)
    worker.request()
    while not calls:
        time.sleep(0.01)
    worker.request()  # asked again meanwhile: would run once more
    begun = time.monotonic()
    worker.stop(release.set)
    assert time.monotonic() - begun < 10
    assert calls == [1]
    assert worker.stopping


def test_the_server_stopping_stops_the_index_under_way() -> None:
    """Ctrl-C on ``mkdocs serve`` ends the Pagefind run of the background index (at 10,000
    records a run takes minutes) instead of waiting for it."""
    import subprocess
    import sys

    from tip_archive.plugin import ArchivePlugin

    plugin = ArchivePlugin()
    started = threading.Event()

    def work() -> None:
        with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"]) as slow:
            plugin._pagefind = slow
            started.set()
            slow.wait()

    plugin._search = Rerunning(work)
    plugin._search.request()
    assert started.wait(30)
    begun = time.monotonic()
    plugin.on_shutdown()
    assert time.monotonic() - begun < 10
    assert plugin._pagefind.returncode is not None
