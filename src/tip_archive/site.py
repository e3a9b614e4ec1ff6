"""Build the site without ever losing the last good one.

Data are validated first; then MkDocs builds into a fresh sibling folder, and
only a complete, successful build replaces ``site/`` (a rename, so a reader or a
web server never sees half a site).  A failed or interrupted build leaves the
previous ``site/`` as it was.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from .loading.problems import DataError
from .summary import WarningCounter, build_summary


def swap_in(new: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` by ``new`` with two renames; recover from a half-done swap."""
    old = site_dir.with_name(f".{site_dir.name}-old")
    if old.exists() and not site_dir.exists():
        old.rename(site_dir)  # an earlier swap was interrupted between its renames
    if old.exists():
        shutil.rmtree(old)
    if site_dir.exists():
        site_dir.rename(old)
    new.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def build_site(config_file: Path, site_dir: Path, strict: bool = True) -> int:
    from mkdocs.exceptions import MkDocsException

    from .engine import load_archive
    from .plugin import mkdocs_build

    root = config_file.resolve().parent
    try:
        archive = load_archive(root / "data", root)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        print(f"{site_dir}/ was left as it was.", file=sys.stderr)
        return 1
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))
    try:
        with WarningCounter() as warnings:
            site_url = mkdocs_build(config_file, tmp, strict=strict)
    except (MkDocsException, SystemExit) as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"error: {exc}", file=sys.stderr)
        print(f"{site_dir}/ was left as it was.", file=sys.stderr)
        return 1
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    os.chmod(tmp, 0o755)
    swap_in(tmp, site_dir)
    print(build_summary(archive, site_dir, warnings.count, site_url))
    return 0


def serve_site(config_file: Path, addr: str) -> int:
    from .plugin import mkdocs_serve

    mkdocs_serve(config_file, addr)
    return 0
