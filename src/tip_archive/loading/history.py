"""When each record file last changed, read from the repository's history.

One ``git log`` over the data folder gives the latest commit of every file
(the first time a path appears, newest first).  The result depends on the
checked-out commit only, never on the clock or the working tree, so two builds
of the same commit stay byte-identical.  Outside a git checkout, or without
git, there is no history and pages simply show none.
"""

from __future__ import annotations

import logging
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..model.dates import MONTHS

log = logging.getLogger("mkdocs.plugins.tip_archive.history")

_MARK = "\x1e"  # starts each commit's line in the log; never in a path or a date


@dataclass(frozen=True)
class Change:
    """The latest commit that touched a file."""

    commit: str
    """The full commit hash."""
    date: str
    """The committer date, strict ISO 8601 with its offset (``2026-11-25T10:00:00+01:00``)."""

    @property
    def day(self) -> str:
        """The date of the commit as the committer saw it: ``2026-11-25``."""
        return self.date[:10]

    def human(self) -> str:
        """``25 November 2026``."""
        year, month, day = (int(part) for part in self.day.split("-"))
        return f"{day} {MONTHS[month - 1]} {year}"


def parse_log(output: str) -> dict[str, Change]:
    """Parse ``git log --format=%x1e%H %cI --name-only``: each path's newest commit."""
    changes: dict[str, Change] = {}
    current: Change | None = None
    for line in output.split("\n"):  # not splitlines(): it splits at the \x1e mark too
        if line.startswith(_MARK):
            commit, _, date = line[1:].partition(" ")
            current = Change(commit, date.strip())
        elif line and current is not None:
            changes.setdefault(line, current)
    return changes


def last_changes(root: Path, folder: str = "data") -> dict[str, Change] | None:
    """Every committed file under ``root/folder`` (paths relative to ``root``) → its last change.

    ``None`` when ``root`` is not inside a git checkout or git is not installed.
    """
    command = [
        "git",
        "-c",
        "core.quotePath=false",
        "-C",
        str(root),
        "log",
        "--format=%x1e%H %cI",
        "--name-only",
        "--relative",
        "--",
        folder,
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError:
        return None
    if done.returncode != 0:
        return None  # not a repository, or a repository without any commit yet
    return parse_log(done.stdout)


def is_shallow(root: Path) -> bool:
    """Whether ``root`` is a shallow clone, whose oldest commit hides earlier history."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--is-shallow-repository"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return False
    return done.stdout.strip() == "true"


def record_history(root: Path, folder: str = "data") -> dict[str, Change] | None:
    """The last change of every data file, or ``None`` when the history is not all there.

    A shallow clone (CI's default) would date every file to its newest commit;
    rather than publish wrong dates, the pages then show none.
    """
    if is_shallow(root):
        log.info("shallow clone: record pages show no dates of change (fetch the full history)")
        return None
    return last_changes(root, folder)
