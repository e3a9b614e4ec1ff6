"""The lock file (``requirements.lock``) and ``pyproject.toml`` agree.

``make install`` installs every package from the lock file with its hashes checked,
so a dependency pinned in ``pyproject.toml`` but locked at another version (or not
locked at all) would be silently replaced on a fresh machine. After changing
``pyproject.toml``, run ``make lock``.
"""

from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT

LOCK = ROOT / "requirements.lock"
_ENTRY = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def locked() -> dict[str, set[str]]:
    """Each package in the lock file → its locked versions (several where markers split)."""
    found: dict[str, set[str]] = {}
    for name, version in _ENTRY.findall(LOCK.read_text(encoding="utf-8")):
        found.setdefault(canonicalize_name(name), set()).add(version)
    return found


def declared() -> list[str]:
    """Every requirement pyproject.toml states: run time, every extra, the build backend."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    requirements = list(project["project"]["dependencies"])
    for extra in project["project"].get("optional-dependencies", {}).values():
        requirements += extra
    return requirements + list(project["build-system"]["requires"])


def lock_disagreements(requirements: list[str], lock: dict[str, set[str]]) -> list[str]:
    problems = []
    for text in requirements:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        pins = [s.version for s in requirement.specifier if s.operator == "=="]
        if len(pins) != 1 or len(requirement.specifier) != 1:
            problems.append(f"{text}: pin one exact version in pyproject.toml (name==version)")
        elif name not in lock:
            problems.append(f"{text}: not in {LOCK.name}: run `make lock`")
        elif pins[0] not in lock[name]:
            problems.append(
                f"{text}: {LOCK.name} has {', '.join(sorted(lock[name]))}: run `make lock`"
            )
    return problems


def test_lock_file_has_every_pinned_dependency_at_its_version() -> None:
    assert lock_disagreements(declared(), locked()) == []


def test_the_check_notices_a_version_bump_and_a_new_dependency() -> None:
    lock = locked()
    bumped = [r.replace("mkdocs==1.6.1", "mkdocs==1.6.2") for r in declared()]
    assert lock_disagreements(bumped, lock) == [
        "mkdocs==1.6.2: requirements.lock has 1.6.1: run `make lock`"
    ]
    added = [*declared(), "left-pad-nowhere==1.0"]
    assert lock_disagreements(added, lock) == [
        "left-pad-nowhere==1.0: not in requirements.lock: run `make lock`"
    ]
    assert lock_disagreements(["jinja2>=3"], lock) == [
        "jinja2>=3: pin one exact version in pyproject.toml (name==version)"
    ]


def test_every_locked_package_carries_hashes_and_the_lock_says_how_to_remake_it() -> None:
    text = LOCK.read_text(encoding="utf-8")
    assert "make lock" in text.split("\n", 3)[1]
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    entries = [b for b in blocks if _ENTRY.match(b)]
    assert len(entries) == sum(len(v) for v in locked().values())
    for block in entries:
        assert "--hash=sha256:" in block, block.splitlines()[0]
