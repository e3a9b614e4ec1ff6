"""The archive's scripts' unit tests, under Node's own test runner (``tests/js/unit/``)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

UNIT = Path(__file__).parent / "js" / "unit"


def test_script_unit_tests_pass() -> None:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI"):
            pytest.fail("Node.js (`node`) is needed to test the archive's scripts")
        pytest.skip("Node.js (`node`) is not installed")
    files = sorted(str(p) for p in UNIT.glob("*.test.js"))
    assert files, "no unit tests found"
    done = subprocess.run([node, "--test", *files], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
