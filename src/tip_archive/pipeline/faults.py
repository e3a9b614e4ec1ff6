"""The ways a machine stops a build, in words: a signal, a full disk, a folder not writable.

:func:`stoppable` turns SIGTERM and SIGHUP (a ``kill``, a closed terminal, a CI job
cancelled) into :class:`Stopped`, as Python turns Ctrl-C (SIGINT) into
``KeyboardInterrupt``: an exception, so that the build removes its half-written folder on
the way out instead of dying in the middle.  :func:`deferred` holds those signals back
while ``site/`` is being swapped, so that the swap is never cut in two.
:func:`write_failure` says in plain words why a file could not be written, and what to do.
"""

from __future__ import annotations

import contextlib
import errno
import signal
import threading
from collections.abc import Callable, Iterator
from types import FrameType

#: The signals that stop a build cleanly (SIGINT is Python's KeyboardInterrupt).
STOPPING = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class Stopped(BaseException):
    """The build was asked to stop by a signal (a BaseException, like KeyboardInterrupt)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name

    @property
    def status(self) -> int:
        """The exit status a shell gives a command stopped by this signal: 128 + its number."""
        return 128 + self.signum


def _raise(signum: int, _frame: FrameType | None) -> None:
    raise Stopped(signum)


@contextlib.contextmanager
def _handled(handler: signal.Handlers | Callable[[int, FrameType | None], None]) -> Iterator[None]:
    """Within the block, ``handler`` answers the stopping signals; the previous handlers are
    put back after it.  Only the main thread may handle signals (a build inside another
    program runs the block untouched)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, handler) for sig in STOPPING}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def stoppable() -> contextlib.AbstractContextManager[None]:
    """Within the block, SIGINT, SIGTERM and SIGHUP raise :class:`Stopped`."""
    return _handled(_raise)


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Hold the stopping signals back within the block; one that came is raised after it.

    The handlers are swapped rather than the signals masked: a mask holds back only what is
    sent to this thread, and a signal sent to the process may be taken by another one."""
    pending: list[int] = []

    def note(signum: int, _frame: FrameType | None) -> None:
        pending.append(signum)

    with _handled(note):
        yield
    if pending:
        raise Stopped(pending[0])


_WHY = {
    errno.ENOSPC: (
        "the disk is full",
        "free some space (a build needs room for a second copy of the site) and build again",
    ),
    errno.EDQUOT: (
        "your disk quota is used up",
        "free some space or ask for a larger quota, and build again",
    ),
    errno.EFBIG: (
        "a file grew past the largest this process may write (ulimit -f)",
        "raise the limit (ulimit -f unlimited) and build again",
    ),
    errno.EACCES: (
        "permission denied",
        "build as a user who may write there, or build elsewhere with --site-dir",
    ),
    errno.EPERM: (
        "operation not permitted",
        "build as a user who may write there, or build elsewhere with --site-dir",
    ),
    errno.EROFS: ("the file system is read-only", "build elsewhere with --site-dir"),
}


def write_failure(exc: OSError, folder: str) -> str | None:
    """The message for a build that could not write into ``folder``; ``None`` when ``exc``
    is not about writing (a bug, to be shown as one)."""
    found = _WHY.get(exc.errno or 0)
    if found is None:
        return None
    why, todo = found
    target = exc.filename2 or exc.filename  # a copy names its source first, then the target
    where = f" ({target})" if target else ""
    return f"error: could not write the new site in {folder}/: {why}{where}: {todo}."
