"""A step run apart (``pipeline/apart.py``): its result, its errors and its output come back
as if it had run here, and a stop asked of this process stops it too."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import threading
import time
from pathlib import Path

import pytest

from tip_archive.loading.problems import DataError, Problem
from tip_archive.pipeline import apart, faults

pytestmark = pytest.mark.skipif(not apart.can_fork(), reason="steps run apart only with fork")


def test_the_result_comes_back_from_another_process() -> None:
    here = os.getpid()
    pid, value = apart.run_apart(lambda: (os.getpid(), {"pages": [1, 2]}))
    assert pid != here
    assert value == {"pages": [1, 2]}


def test_a_data_error_comes_back_with_its_problems() -> None:
    problem = Problem("data/statements/x.yaml", 3, "date", "not a date")

    def step() -> None:
        raise DataError([problem])

    with pytest.raises(DataError) as raised:
        apart.run_apart(step)
    assert raised.value.problems == [problem]
    assert "data/statements/x.yaml:3" in raised.value.report()


def test_an_error_that_cannot_travel_comes_back_as_its_traceback() -> None:
    class Odd(Exception):
        def __init__(self, a: int, b: int) -> None:  # pickled with one argument: cannot rebuild
            super().__init__(f"{a}-{b}")

    def step() -> None:
        raise Odd(1, 2)

    with pytest.raises(apart.ChildFailed, match=r"(?s)Traceback.*Odd: 1-2"):
        apart.run_apart(step)


def test_what_the_step_prints_reaches_this_process_in_order() -> None:
    out = io.StringIO()

    def step() -> int:
        import sys

        print("first", file=sys.stdout)
        print("second", file=sys.stderr)
        print("third")
        return 3

    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        assert apart.run_apart(step) == 3
    assert out.getvalue() == "first\nsecond\nthird\n"


def test_a_stop_asked_of_this_process_stops_the_step_and_waits_for_it(tmp_path: Path) -> None:
    started, pid_file = tmp_path / "started", tmp_path / "pid"

    def step() -> None:
        pid_file.write_text(str(os.getpid()))
        started.touch()
        time.sleep(60)

    def stop_soon() -> None:
        while not started.exists():
            time.sleep(0.01)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=stop_soon, daemon=True).start()
    begun = time.monotonic()
    with faults.stoppable(), pytest.raises(faults.Stopped) as stopped:
        apart.run_apart(step)
    assert stopped.value.signum == signal.SIGTERM
    assert time.monotonic() - begun < 30  # the child did not sleep its minute out
    with pytest.raises(ProcessLookupError):  # ended, and waited for (no zombie left)
        os.kill(int(pid_file.read_text()), 0)


def test_a_step_killed_says_so() -> None:
    def step() -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    with pytest.raises(apart.ChildFailed, match="killed by SIGKILL .*out of memory"):
        apart.run_apart(step)
