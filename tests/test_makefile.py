"""``make`` installs a missing tool only as root; anyone else is told the exact command."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _make(tmp_path: Path, uid: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    """``make tools`` with pandoc missing, as user ``uid``; apt-get only records its call."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "apt-get-calls"
    (bin_dir / "id").write_text(f"#!/bin/sh\necho {uid}\n")
    (bin_dir / "apt-get").write_text(f'#!/bin/sh\necho "$@" >> {calls}\n')
    for tool in ("id", "apt-get"):
        (bin_dir / tool).chmod(0o755)
    env = os.environ | {"PATH": f"{bin_dir}:{os.environ['PATH']}"}
    done = subprocess.run(
        ["make", "--no-print-directory", "tools", "PANDOC=tip-archive-no-such-tool"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return done, calls


def test_a_developer_who_is_not_root_is_told_the_command(tmp_path: Path) -> None:
    done, calls = _make(tmp_path, "1000")
    assert done.returncode != 0
    assert (
        "error: tip-archive-no-such-tool is not installed; install it with: "
        "sudo apt-get update && sudo apt-get install -y pandoc"
    ) in done.stderr
    assert not calls.exists(), "apt-get must not run for a user who is not root"


def test_root_gets_the_tool_installed(tmp_path: Path) -> None:
    done, calls = _make(tmp_path, "0")
    assert done.returncode == 0, done.stderr
    assert calls.read_text().splitlines() == ["update -qq", "install -y -qq pandoc"]
