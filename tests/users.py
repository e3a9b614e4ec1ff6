"""Running the command line without root's power over file permissions.

Root reads and writes every file whatever its permissions, so a test of "a file that
cannot be read" or "a folder that cannot be written" proves nothing as root.  As root,
the command runs in a child process that has given up that power (the capabilities
``CAP_DAC_OVERRIDE`` and ``CAP_DAC_READ_SEARCH``, dropped from its bounding set before it
starts Python), so the files' permissions apply to it as to any user; as anyone else, in
the test's own process.  Where capabilities cannot be dropped, the test is skipped.
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli

CLI = [sys.executable, "-c", "import sys; from tip_archive.cli import main; sys.exit(main())"]
_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


def as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _drop_file_powers() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) refused")


def unprivileged(args: list[str], **kwargs: object) -> subprocess.Popen[str]:
    """Start ``args`` as a process the files' permissions apply to (see the module)."""
    extra = {"preexec_fn": _drop_file_powers} if as_root() else {}
    return subprocess.Popen(args, text=True, **extra, **kwargs)  # type: ignore[call-overload]


def run_unprivileged(project: Path, *args: str) -> tuple[int, str]:
    """``tip-archive ARGS`` in ``project`` with only the permissions the files give; exit
    status and output (stdout and stderr)."""
    if not as_root():
        return run_cli(project, *args)
    try:
        process = unprivileged(
            CLI + list(args),
            cwd=project,
            env=os.environ | {"SOURCE_DATE_EPOCH": "1577836800"},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"cannot give up root's power over file permissions here: {exc}")
    output, _ = process.communicate(timeout=600)
    return process.returncode, output
