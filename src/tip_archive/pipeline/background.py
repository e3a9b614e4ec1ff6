"""Work done after a build, in the background, never twice at once.

Under ``mkdocs serve`` the full-text index is made after each build while the edited page
is already served.  A rebuild does not wait for the last build's index: asked while a run
is under way, the work runs once more when it ends (however often it was asked), so two
Pagefind processes never write the same folder, and the last index made is that of the
last build.  The work runs at a lower priority (and so do the programs it starts, which
inherit it on Linux), so that Pagefind indexing 20,000 pages does not slow the next rebuild.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable

LOG = logging.getLogger("mkdocs.plugins.tip_archive")


class Rerunning:
    """Runs ``work`` in one background thread at a time, once more if asked meanwhile,
    ``nice`` steps below the process's priority."""

    def __init__(self, work: Callable[[], None], nice: int = 0) -> None:
        self.work = work
        self.nice = nice
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._again = False
        self._stopping = False
        self.runs = 0
        """How many times the work has run (for tests)."""

    def request(self) -> None:
        with self._lock:
            if self._thread is not None:
                self._again = True
                return
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()

    def _run(self) -> None:
        if self.nice and hasattr(os, "setpriority"):
            try:  # this thread only (a Linux thread has its own nice value), and its children
                me = threading.get_native_id()
                os.setpriority(os.PRIO_PROCESS, me, os.getpriority(os.PRIO_PROCESS, me) + self.nice)
            except OSError:
                pass
        while True:
            try:
                self.work()
            except Exception:  # a thread's exception would go unseen: logged, and the next runs
                LOG.exception("background work failed")
            self.runs += 1
            with self._lock:
                if not self._again or self._stopping:
                    self._thread = None
                    return
                self._again = False

    def stop(self, cut_short: Callable[[], None]) -> None:
        """No run after the one under way, which ``cut_short()`` ends (it stops the program
        the work runs); back once it has.  ``mkdocs serve`` stopped (Ctrl-C) no longer
        waits for an index of 20,000 pages to be finished, only to be thrown away."""
        with self._lock:
            self._stopping = True
            self._again = False
            running = self._thread is not None
        if running:
            cut_short()
        self.wait()

    @property
    def stopping(self) -> bool:
        return self._stopping

    def wait(self) -> None:
        """Until the work asked for so far is done."""
        while True:
            with self._lock:
                thread = self._thread
            if thread is None:
                return
            thread.join()
