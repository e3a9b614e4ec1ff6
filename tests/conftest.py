"""Shared fixtures: a small project in a temporary directory, and builds of it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from archive_site import BuiltSite, built_site

# The machines are shared and noisy: no per-example deadline; speed is measured by `make bench`.
settings.register_profile("archive", deadline=None, max_examples=100)
settings.load_profile("archive")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini"
#: Records that rest on the public record, laid over a copy of the mini fixture:
#: two references and a resolution resting on them (see ``public_record_copy``).
PUBLIC_RECORD = FIXTURES / "public-record"


def public_record_copy(target: Path) -> Path:
    """The mini project at ``target`` with the public-record records added (or replacing)."""
    shutil.copytree(MINI, target)
    shutil.copytree(PUBLIC_RECORD, target, dirs_exist_ok=True)
    return target


@pytest.fixture
def public_record_project(tmp_path: Path) -> Path:
    """A copy of the mini project with references and records resting on them."""
    return public_record_copy(tmp_path / "project")


#: Every record file of the mini project with its Russian text (see translate_mini).
MINI_RU = FIXTURES / "mini-ru.yaml"


def translate_mini(project: Path) -> Path:
    """Write the fully translated record files of ``mini-ru.yaml`` over the mini ``project``."""
    import yaml

    for relative, text in yaml.safe_load(MINI_RU.read_text(encoding="utf-8")).items():
        (project / "data" / relative).write_text(text, encoding="utf-8")
    return project


@pytest.fixture
def mini_project(tmp_path: Path) -> Path:
    """A copy of ``tests/fixtures/mini`` (mkdocs.yml, docs/, data/) to change freely."""
    target = tmp_path / "project"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture
def write_record(mini_project: Path) -> Callable[[str, str], Path]:
    """Write a record file into the mini project: ``write_record("events/x.yaml", text)``."""

    def write(relative: str, text: str) -> Path:
        path = mini_project / "data" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write


def run_cli(project: Path, *args: str) -> tuple[int, str]:
    """Run ``tip-archive ARGS`` in ``project`` as a user would; return exit status and output."""
    import contextlib
    import io
    import os

    from tip_archive.cli import main

    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(project)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            status = main(list(args))
    finally:
        os.chdir(cwd)
    return status, out.getvalue()


def build_project(project: Path, site_dir: Path | None = None) -> tuple[int, str]:
    """Build ``project`` with the CLI as a user would; return exit status and output."""
    return run_cli(project, "build", "--site-dir", str(site_dir or project / "site"))


def digest(folder: Path) -> dict[str, str]:
    """A hash of every file under ``folder``, by relative path: to compare two builds."""
    import hashlib

    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini project built once per test session (read-only for tests)."""
    project = tmp_path_factory.mktemp("mini") / "project"
    shutil.copytree(MINI, project)
    status, output = build_project(project)
    assert status == 0, output
    return project / "site"


@pytest.fixture(scope="session")
def archive_site() -> BuiltSite:
    """The real project's site, built once per session (see ``tests/archive_site.py``)."""
    return built_site()
