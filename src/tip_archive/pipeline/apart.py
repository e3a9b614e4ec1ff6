"""Run one step of a build in a process of its own, and get back its result or its error.

``tip-archive build`` makes the pages in a child process and indexes them for search in
the parent once the child has ended: Pagefind holds a whole edition in memory (1.4 GB at
10,000 records), and the Python build, even once it has let go of every page and record,
keeps about 400 MB that its allocators do not hand back.  A process that ends gives back
all of it, so the build's peak is the larger of the two steps, not their sum.

The child is a fork: it starts with what the parent had (the arguments, the settings, a
test's patches) and nothing is pickled on the way in.  What it returns, or the exception
it raised, is pickled on the way out, so that the parent goes on exactly as if the step had
run in its own process: a :class:`~..loading.problems.DataError` is raised again with its
problems, a :class:`~.faults.Stopped` with its signal, an ``OSError`` with its file names.

A stop asked of the parent (a signal sent to it alone) is passed on to the child, and the
parent waits for the child to end before it goes on stopping, so that no process is left
writing into a folder about to be removed.  Where there is no ``fork`` (Windows), the step
runs in the parent.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable
from typing import TypeVar

from . import faults

T = TypeVar("T")


class ChildFailed(Exception):
    """The child ended without saying how (killed), or raised what cannot be passed back:
    its traceback is the message."""


def can_fork() -> bool:
    return hasattr(os, "fork") and sys.platform != "darwin"  # macOS: fork after imports is unsafe


def run_apart(step: Callable[[], T]) -> T:
    """``step()``, run in a child process; its return value, or its exception raised here."""
    if not can_fork():
        return step()
    read, write = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    # A stop that comes while the process forks would be raised inside the hooks Python runs
    # around it, which swallow it: held back (masked) until the child exists, then raised in
    # the ``try`` below, which stops the child too.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, faults.STOPPING)
    try:
        pid = os.fork()
    except BaseException:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        raise
    if pid == 0:  # pragma: no cover - the child (coverage does not follow forks)
        os.close(read)
        _child(step, write, held)
    try:
        os.close(write)
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        with os.fdopen(read, "rb") as pipe:
            said = pipe.read()
        _, status = os.waitpid(pid, 0)
    except BaseException as exc:  # stopped while the child works: stop it too, and wait
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        signum = exc.signum if isinstance(exc, faults.Stopped) else signal.SIGINT
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signum)
        with faults.deferred(), contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
        raise
    if not said:
        raise ChildFailed(_ended(status))
    ok, value, written = pickle.loads(said)
    for name, text in written:  # what the child printed, where this process prints
        getattr(sys, name).write(text)
    if ok:
        return value  # type: ignore[no-any-return]
    raise value


def _ended(status: int) -> str:
    """Why a child that gave no result ended, in words."""
    if os.WIFSIGNALED(status):
        signum = os.WTERMSIG(status)
        why = " (the system may have run out of memory)" if signum == signal.SIGKILL else ""
        return f"the process making the pages was killed by {signal.Signals(signum).name}{why}"
    return f"the process making the pages ended with status {os.WEXITSTATUS(status)} and no result"


def _child(
    step: Callable[[], object], write: int, held: set[int | signal.Signals]
) -> None:  # pragma: no cover
    status = 0
    written: list[tuple[str, str]] = []
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is not getattr(sys, f"__{name}__"):
            # Printing into an object of the parent (a test's buffer): kept, in order, and
            # passed back with the result for the parent to print.
            setattr(sys, name, _Kept(name, written))
    try:
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
            said = pickle.dumps((True, step(), written))
        except BaseException as exc:  # noqa: BLE001 - every error goes back to the parent
            said = _pickled_error(exc, written)
        for sig in faults.STOPPING:  # done: a late signal must not cut the answer short
            signal.signal(sig, signal.SIG_IGN)
        with os.fdopen(write, "wb") as pipe:
            pipe.write(said)
    except BaseException:  # noqa: BLE001
        status = 1
    finally:
        # Never back into the parent's code: no ``atexit``, no ``finally`` of the caller.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


def _pickled_error(exc: BaseException, written: list[tuple[str, str]]) -> bytes:
    try:
        said = pickle.dumps((False, exc, written))
        pickle.loads(said)  # an exception whose arguments do not rebuild it fails here
        return said
    except Exception:  # noqa: BLE001
        text = "".join(traceback.format_exception(exc))
        return pickle.dumps((False, ChildFailed(text), written))


class _Kept(io.TextIOBase):
    """A stream that keeps what is written to it, with the name of the stream it stands for."""

    def __init__(self, name: str, written: list[tuple[str, str]]) -> None:
        self.name, self.written = name, written

    def write(self, text: str) -> int:
        self.written.append((self.name, text))
        return len(text)

    def writable(self) -> bool:
        return True
