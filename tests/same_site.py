"""Is the built site of the real archive byte-identical to the one a git revision builds?

    python tests/same_site.py --base main        # or: make same-site BASE=main

Builds the working tree (with its uncommitted changes) and a fresh clone of the
project checked out at ``--base``, each with ``tip-archive build`` and the same
environment (a fixed ``SOURCE_DATE_EPOCH``, no edit or history links from the
environment), and compares the two sites file by file, byte by byte.  Prints
every file that differs, is missing or is new (with the first lines that differ
for text files) and exits 1 if any does, 0 when the two sites are identical.

A restructuring of the engine must leave the site as it was; a change that is
meant to alter some pages names them with ``--expect PATH`` (repeatable, a
site-relative path or a glob such as ``symbol/*``), and the check then fails if
any *other* file changed, or if an expected one did not.
"""

from __future__ import annotations

import argparse
import difflib
import fnmatch
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EPOCH = "1577836800"  # 2020-01-01, the build's own default


def _environment(project: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"ARCHIVE_EDIT_BASE", "ARCHIVE_HISTORY_BASE", "SITE_URL", "PYTHONPATH"}
    }
    env["SOURCE_DATE_EPOCH"] = EPOCH
    env["PYTHONPATH"] = str(project / "src")
    env["PYTHONHASHSEED"] = "0"
    return env


def build(project: Path, site: Path) -> None:
    """Build ``project`` (a checkout) into ``site`` with its own code; raise if the build fails."""
    command = [sys.executable, "-m", "tip_archive.cli", "build", "--site-dir", str(site)]
    done = subprocess.run(
        command, cwd=project, env=_environment(project), capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"the build of {project} failed:\n{done.stdout}\n{done.stderr}")


def checkout(revision: str, into: Path) -> Path:
    """A clone of this repository at ``revision``, with its history (pages show last changes)."""
    sha = subprocess.run(
        ["git", "rev-parse", "--verify", f"{revision}^{{commit}}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    subprocess.run(
        ["git", "clone", "--quiet", "--shared", "--no-checkout", str(ROOT), str(into)], check=True
    )
    subprocess.run(["git", "checkout", "--quiet", "--detach", sha], cwd=into, check=True)
    return into


def files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}


def compare(old: Path, new: Path) -> dict[str, str]:
    """Every site-relative path whose content differs, with a short description of how."""
    before, after = files(old), files(new)
    changes: dict[str, str] = {}
    for path in sorted(before.keys() | after.keys()):
        if path not in after:
            changes[path] = "missing from the new site"
        elif path not in before:
            changes[path] = "new in the new site"
        else:
            a, b = before[path].read_bytes(), after[path].read_bytes()
            if a != b:
                changes[path] = _describe(a, b)
    return changes


def _describe(a: bytes, b: bytes) -> str:
    try:
        lines = difflib.unified_diff(
            a.decode().splitlines(), b.decode().splitlines(), lineterm="", n=0
        )
        shown = [line[:200] for line in list(lines)[2:12]]
        return "differs:\n      " + "\n      ".join(shown)
    except UnicodeDecodeError:
        return f"differs (binary, {len(a)} → {len(b)} bytes)"


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    args.add_argument("--base", default="main", help="the git revision to compare with")
    args.add_argument("--expect", action="append", default=[], help="a path (glob) meant to change")
    args.add_argument("--keep", action="store_true", help="keep the two sites and print where")
    opts = args.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="same-site-"))
    try:
        build(checkout(opts.base, work / "base"), work / "base-site")
        build(ROOT, work / "new-site")
        changes = compare(work / "base-site", work / "new-site")
    finally:
        if opts.keep:
            print(f"sites kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    expected = {p for p in changes if any(fnmatch.fnmatch(p, g) for g in opts.expect)}
    unexpected = {p: why for p, why in changes.items() if p not in expected}
    unmet = [g for g in opts.expect if not any(fnmatch.fnmatch(p, g) for p in changes)]
    for path in sorted(expected):
        print(f"expected: {path}")
    for path, why in unexpected.items():
        print(f"CHANGED: {path}: {why}")
    for glob in unmet:
        print(f"UNCHANGED, though expected to change: {glob}")
    if unexpected or unmet:
        return 1
    print(
        f"The site is byte-identical to {opts.base}'s"
        + (" apart from the expected files." if expected else ".")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
