"""Faults of the machine during a build, made for real: the last good site always survives.

A full disk (a small tmpfs where the tests may mount one; a file size limit, as
``ulimit -f`` sets it, everywhere), a folder the build may not write in, and a build
stopped by SIGINT, SIGTERM or SIGHUP at several moments.  In each case: the previous
``site/`` is byte-identical, no temporary folder is left, and the message says what
happened and what to do.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import MINI, digest
from tip_archive.pipeline import faults
from tip_archive.pipeline import site as site_module
from users import CLI, as_root, run_unprivileged

pytestmark = pytest.mark.e2e

EPOCH = {"SOURCE_DATE_EPOCH": "1577836800"}


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".site"))


@pytest.fixture
def built(tmp_path: Path, mini_site: Path) -> Path:
    """A copy of the mini project with its last good site in ``site/``."""
    project = tmp_path / "project"
    shutil.copytree(MINI, project)
    shutil.copytree(mini_site, project / "site")
    (project / "docs/index.md").write_text("# Home, changed\n")  # the next build differs
    return project


# -- a full disk -------------------------------------------------------------------------


@contextlib.contextmanager
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A tmpfs mounted at a new folder (root only; skipped where mounting is refused)."""
    if not as_root() or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_disk_that_fills_up_during_the_build(tmp_path: Path, built: Path) -> None:
    with small_disk(tmp_path) as disk:
        project = disk / "project"
        shutil.copytree(built, project)
        before = digest(project / "site")
        # Room for the project and its site, and 1.5 MB more: not for a second site (4 MB).
        used = os.statvfs(disk).f_blocks - os.statvfs(disk).f_bfree
        size = used * os.statvfs(disk).f_frsize + 1_500_000
        subprocess.run(["mount", "-o", f"remount,size={size}", str(disk)], check=True)
        done = subprocess.run(
            [*CLI, "build"], cwd=project, env=os.environ | EPOCH, capture_output=True, text=True
        )
        assert done.returncode == 1, done.stderr
        lines = done.stderr.splitlines()
        assert lines[-2].startswith(
            f"error: could not write the new site in {project}/: the disk is full ({project}/.site-build-"
        ), done.stderr
        assert lines[-2].endswith(
            "): free some space (a build needs room for a second copy of the site) and build again."
        )
        assert lines[-1] == "site/ was left as it was. The half-built copy was removed."
        assert "Traceback" not in done.stderr
        assert digest(project / "site") == before
        assert leftovers(project) == []


def test_a_file_size_limit_reached_during_the_build(built: Path) -> None:
    """``ulimit -f``: writing past it fails with EFBIG (Python ignores SIGXFSZ)."""
    before = digest(built / "site")
    limit = textwrap.dedent(
        """
        import resource, sys
        resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))
        from tip_archive.cli import main
        sys.exit(main(["build"]))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", limit],
        cwd=built,
        env=os.environ | EPOCH,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1, done.stderr
    lines = done.stderr.splitlines()
    assert lines[-2].startswith(
        f"error: could not write the new site in {built}/: a file grew past the largest this"
        f" process may write (ulimit -f) ({built}/.site-build-"
    ), done.stderr
    assert lines[-2].endswith("): raise the limit (ulimit -f unlimited) and build again.")
    assert lines[-1] == "site/ was left as it was. The half-built copy was removed."
    assert digest(built / "site") == before
    assert leftovers(built) == []


# -- a folder the build may not write in --------------------------------------------------


def test_a_site_folder_that_cannot_be_written(built: Path) -> None:
    before = digest(built / "site")
    os.chmod(built, 0o555)
    try:
        status, output = run_unprivileged(built, "build")
    finally:
        os.chmod(built, 0o755)
    assert status == 1
    assert output.splitlines()[-2:] == [
        f"error: could not write the new site in {built}/: permission denied"
        f" ({built}/.site-build-{output.split('.site-build-')[1].split(')')[0]}): build as a"
        " user who may write there, or build elsewhere with --site-dir.",
        "site/ was left as it was.",
    ]
    assert digest(built / "site") == before
    assert leftovers(built) == []


# -- stopped by a signal -------------------------------------------------------------------


def _building(project: Path) -> list[Path]:
    return list(project.glob(".site-build-*"))


def validating(project: Path, _pid: int) -> bool:
    """The build folder exists, still empty: the records are being read."""
    found = _building(project)
    return bool(found) and not any(found[0].iterdir())


def writing_pages(project: Path, _pid: int) -> bool:
    found = _building(project)
    return bool(found) and (found[0] / "index.html").exists()


def indexing(_project: Path, pid: int) -> bool:
    """Pagefind, a program of its own started by the build, is writing the search index."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)
        except OSError:
            continue
        if len(fields) == 2 and "pagefind" in fields[0] and int(fields[1].split()[1]) == pid:
            return True
    return False


MOMENTS: dict[str, Callable[[Path, int], bool]] = {
    "validating": validating,
    "writing pages": writing_pages,
    "indexing": indexing,
}


@pytest.mark.parametrize(
    ("signum", "moment"),
    [
        (signal.SIGINT, "writing pages"),
        (signal.SIGTERM, "validating"),
        (signal.SIGTERM, "writing pages"),
        (signal.SIGHUP, "indexing"),
    ],
    ids=["SIGINT-writing", "SIGTERM-validating", "SIGTERM-writing", "SIGHUP-indexing"],
)
def test_a_build_stopped_by_a_signal(built: Path, signum: int, moment: str) -> None:
    if moment == "indexing" and not Path("/proc/self/stat").exists():
        pytest.skip("finding the indexing program needs Linux's /proc")
    before = digest(built / "site")
    process = subprocess.Popen(
        [*CLI, "build"], cwd=built, env=os.environ | EPOCH, stderr=subprocess.PIPE, text=True
    )
    reached = MOMENTS[moment]
    try:
        while process.poll() is None and not reached(built, process.pid):
            time.sleep(0.002)
        process.send_signal(signum)
        _out, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 128 + signum, f"the build ended before {moment}: {err}"
    name = signal.Signals(signum).name
    assert err.splitlines()[-1] == (
        f"Stopped by {name} before the new site was complete. site/ was left as it"
        " was. The half-built copy was removed; build again when ready."
    )
    assert "Traceback" not in err
    assert digest(built / "site") == before
    assert leftovers(built) == []


def test_a_signal_during_the_swap_waits_for_it(tmp_path: Path) -> None:
    """SIGTERM while ``site/`` is being swapped: the swap completes, then the stop."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old")
    new = tmp_path / ".site-build-x"
    new.mkdir()
    (new / "index.html").write_text("new")
    # Another thread, as a build may have: a signal to the process may be taken by it.
    done = threading.Event()
    other = threading.Thread(target=done.wait)
    other.start()
    try:
        with faults.stoppable(), pytest.raises(faults.Stopped) as stopped:
            with faults.deferred():
                os.kill(os.getpid(), signal.SIGTERM)  # arrives in the middle of the swap
                time.sleep(0.05)
                site_module.swap_in(new, site)
                assert (site / "index.html").read_text() == "new"
            pytest.fail("the signal was not raised after the swap")
    finally:
        done.set()
        other.join()
    assert stopped.value.signum == signal.SIGTERM
    assert (site / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_two_renames_put_the_old_site_back_when_the_second_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(site_module, "_exchange", lambda a, b: False)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old")
    missing = tmp_path / ".site-build-gone"  # renaming it fails
    with pytest.raises(FileNotFoundError):
        site_module.swap_in(missing, site)
    assert (site / "index.html").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
