"""Build the site without ever losing the last good one, and the same way every time.

The guarantee: ``site/`` always holds one complete build, the previous one or
the new one, never a mixture and never nothing.

1. The data are validated first (the folder the plugin is configured with, ``data_dir``
   in ``mkdocs.yml``); a problem stops everything before MkDocs builds a page, and the
   plugin renders the archive validated here rather than reading the folder again.
2. MkDocs builds into a fresh sibling folder, ``.site-build-XXXX``, in a child process
   (``apart.py``); Pagefind indexes it once that process has ended and given back its
   memory, so that the build's peak is the larger of the two, not their sum.
3. Only a complete, successful build replaces ``site/``: on Linux with one atomic
   ``renameat2(RENAME_EXCHANGE)``, which swaps the two folders in a single step,
   so that a reader or a web server sees the old site or the new one, nothing in
   between.  Elsewhere (or on a file system without it) two renames are used,
   with a moment in which ``site/`` is missing; an interruption between them is
   repaired by the next build, which puts the previous site back first.
4. Builds of the same folder take turns (a lock on its parent folder), and each
   starts by removing what an interrupted build left behind (``.site-build-*``).

Reproducible: the build time MkDocs writes (the sitemap's ``lastmod`` and the
gzip header of ``sitemap.xml.gz``) is ``SOURCE_DATE_EPOCH`` when it is set,
otherwise the time of the project's last git commit, otherwise
:data:`DEFAULT_EPOCH`; so the same data and code give the same site, byte for byte.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from ..crossref.archive import Archive
from ..loading.problems import DataError
from . import apart, faults
from .engine import phase
from .summary import WarningCounter, build_summary, records_line

#: Build time used when neither SOURCE_DATE_EPOCH nor git gives one: 2020-01-01 00:00 UTC.
DEFAULT_EPOCH = 1_577_836_800


def build_dir_prefix(site_dir: Path) -> str:
    return f".{site_dir.name}-build-"


def _old_dir(site_dir: Path) -> Path:
    return site_dir.with_name(f".{site_dir.name}-old")


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically (Linux ``renameat2``); ``False`` if not supported here."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    renameat2.argtypes += [ctypes.c_uint]
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EPERM, errno.ENOTSUP, errno.EXDEV):
        return False  # old kernel or libc, a file system without it, or a sandbox
    raise OSError(code, os.strerror(code), str(b))


def _remove(path: Path) -> None:
    """Delete a leftover folder (or whatever else sits under a leftover's name)."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def recover(site_dir: Path) -> None:
    """Repair what an interrupted build or swap left behind (call with the lock held)."""
    old = _old_dir(site_dir)
    if old.is_dir() and not site_dir.exists():
        old.rename(site_dir)  # interrupted between the two renames: put the old site back
    if old.exists() or old.is_symlink():
        _remove(old)
    for stray in site_dir.parent.glob(build_dir_prefix(site_dir) + "*"):
        _remove(stray)


def swap_in(new: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` by the complete build in ``new`` (atomically where possible)."""
    if not site_dir.exists() and not site_dir.is_symlink():
        new.rename(site_dir)
        return
    if _exchange(new, site_dir):
        _remove(new)  # ``new`` now holds the previous site
        return
    old = _old_dir(site_dir)
    site_dir.rename(old)
    try:
        new.rename(site_dir)
    except BaseException:
        old.rename(site_dir)  # the previous site goes back where it was
        raise
    _remove(old)


@contextlib.contextmanager
def build_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` so that two builds never swap at once."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("Waiting for another build of this site to finish...", file=sys.stderr)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def build_epoch(root: Path) -> str:
    """The build time to write into the site: SOURCE_DATE_EPOCH, the last commit, or a default."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if given:
        return given
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return str(DEFAULT_EPOCH)
    stamp = done.stdout.strip()
    return stamp if done.returncode == 0 and stamp.isdigit() else str(DEFAULT_EPOCH)


@contextlib.contextmanager
def _environment(name: str, value: str) -> Iterator[None]:
    before = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if before is None:
            del os.environ[name]
        else:
            os.environ[name] = before


class BuildFailed(Exception):
    """MkDocs refused to build (a bad ``mkdocs.yml``, a strict-mode warning); the message says why."""


def build_site(config_file: Path, site_dir: Path, strict: bool = True) -> int:
    root = config_file.resolve().parent
    kept = f"{site_dir}/ was left as it was."
    epoch = build_epoch(root)
    if not epoch.isdigit():
        print(
            f"error: SOURCE_DATE_EPOCH must be a number of seconds, not {epoch!r}", file=sys.stderr
        )
        print(kept, file=sys.stderr)
        return 1
    site_dir = site_dir.resolve()
    if site_dir.exists() and not site_dir.is_dir():
        print(
            f"error: {site_dir} is a file, not a folder: move it, or build elsewhere with --site-dir",
            file=sys.stderr,
        )
        return 1
    try:
        with faults.stoppable():
            return _locked_build(config_file, site_dir, root, strict, epoch, kept)
    except faults.Stopped as exc:
        # Stopped while waiting for the lock, or while cleaning up: the next build repairs it.
        print(f"Stopped by {exc.name}. {kept}", file=sys.stderr)
        return exc.status


def _cannot_write(exc: OSError, site_dir: Path, kept: str) -> int:
    message = faults.write_failure(exc, str(site_dir.parent))
    if message is None:
        raise exc
    print(message, file=sys.stderr)
    print(kept, file=sys.stderr)
    return 1


def _locked_build(
    config_file: Path, site_dir: Path, root: Path, strict: bool, epoch: str, kept: str
) -> int:
    from ..render import fulltext

    with contextlib.ExitStack() as stack:
        try:
            site_dir.parent.mkdir(parents=True, exist_ok=True)
            stack.enter_context(build_lock(site_dir.parent))
            recover(site_dir)
        except OSError as exc:
            return _cannot_write(exc, site_dir, kept)
        swapped = False
        tmp: Path | None = None
        try:
            # Made inside the try, so that a stop from here on removes it.
            try:
                tmp = Path(tempfile.mkdtemp(prefix=build_dir_prefix(site_dir), dir=site_dir.parent))
            except OSError as exc:
                return _cannot_write(exc, site_dir, kept)
            pages_in = tmp
            # The pages are made by a process of their own (see ``apart.py``), and the
            # full-text index once it has ended: Pagefind holds a whole edition in memory,
            # and need not do it beside what the build kept.
            site_url, records, warnings = _pages_apart(
                lambda: _make_pages(config_file, pages_in, root, strict, epoch)
            )
            try:
                with phase("search"):
                    fulltext.index_site(tmp)
            except fulltext.SearchIndexError as exc:
                raise BuildFailed(str(exc)) from None
            os.chmod(tmp, 0o755)
            with faults.deferred():  # a signal now waits until site/ is whole again
                swap_in(tmp, site_dir)
                swapped = True
        except DataError as exc:
            print(exc.report(), file=sys.stderr)
            print(kept, file=sys.stderr)
            return 1
        except (BuildFailed, apart.ChildFailed, SystemExit) as exc:
            print(f"error: {exc}", file=sys.stderr)
            print(kept, file=sys.stderr)
            return 1
        except (KeyboardInterrupt, faults.Stopped) as exc:
            stop = exc if isinstance(exc, faults.Stopped) else faults.Stopped(signal.SIGINT)
            if swapped:
                print(
                    f"Stopped by {stop.name} just after the new site was put in place: "
                    f"{site_dir}/ holds the complete new build.",
                    file=sys.stderr,
                )
            else:
                print(
                    f"Stopped by {stop.name} before the new site was complete. {kept} "
                    "The half-built copy was removed; build again when ready.",
                    file=sys.stderr,
                )
            return stop.status
        except OSError as exc:
            return _cannot_write(exc, site_dir, f"{kept} The half-built copy was removed.")
        finally:
            if not swapped and tmp is not None:
                with faults.deferred():
                    _remove(tmp)
    print(build_summary(records, site_dir, warnings, site_url))
    return 0


def _pages_apart(make: Callable[[], tuple[str, str, int]]) -> tuple[str, str, int]:
    """``make()`` in a child process; the phases it timed and its peak memory come back with
    its result, for the benchmark (``engine.PHASE_SECONDS``, ``engine.PEAK_APART_BYTES``)."""
    from . import engine

    def step() -> tuple[tuple[str, str, int], dict[str, float], dict[str, float], int]:
        made = make()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        return made, dict(engine.PHASE_SECONDS), dict(engine.PHASE_CPU_SECONDS), peak

    made, seconds, cpu, peak = apart.run_apart(step)
    engine.PHASE_SECONDS.update(seconds)  # the child's began as copies of these
    engine.PHASE_CPU_SECONDS.update(cpu)
    engine.PEAK_APART_BYTES = max(engine.PEAK_APART_BYTES, peak)
    return made


def _make_pages(
    config_file: Path, tmp: Path, root: Path, strict: bool, epoch: str
) -> tuple[str, str, int]:
    """Validate the data and let MkDocs write the pages into ``tmp``: the site's URL, the
    records line of the summary and the count of warnings."""
    from ..authoring.release import releases_problems
    from ..plugin import mkdocs_build
    from .cache import BuildCache
    from .engine import load_archive

    validated: list[Archive] = []
    cache = BuildCache()

    def validate(data_dir: Path) -> Archive:
        # Every file the build reads, checked before MkDocs writes a page: the records and
        # their texts, releases.yaml; all their problems reported at once.
        problems = releases_problems(root)
        try:
            validated.append(load_archive(data_dir, root, cache))
        except DataError as exc:
            raise DataError([*exc.problems, *problems]) from None
        if problems:
            raise DataError(problems)
        return validated[0]

    try:
        with _environment("SOURCE_DATE_EPOCH", epoch), WarningCounter() as warnings:
            site_url = mkdocs_build(config_file, tmp, strict=strict, validate=validate, index=False)
        records = records_line(validated[0])
    finally:
        validated.clear()
        cache.close()
    if not apart.can_fork():  # built in this process: hand its memory back before Pagefind
        _give_back_memory()
    return site_url, records, warnings.count


def _give_back_memory() -> None:
    """Collect what the finished build left and hand the freed memory back to the system
    (glibc keeps freed memory for reuse otherwise), before a program that needs its own."""
    import gc

    gc.collect()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(AttributeError, OSError):  # not glibc (musl has none)
            ctypes.CDLL(None).malloc_trim(0)


def serve_site(config_file: Path, addr: str) -> int:
    from ..plugin import mkdocs_serve

    mkdocs_serve(config_file, addr)
    return 0
