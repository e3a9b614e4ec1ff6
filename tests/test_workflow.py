"""The publishing workflow: every action it runs is pinned to a full commit SHA.

A tag such as ``v5.0.0`` can be moved to other code by whoever controls the action's
repository; a 40-character commit SHA cannot.  The release each SHA belongs to is
named in a comment on the same line (``uses: owner/name@<sha> # v5.0.0``), the form
Dependabot and zizmor read.  zizmor itself runs in ``make lint`` and ``make test``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

WORKFLOWS = Path(__file__).resolve().parent.parent / ".github" / "workflows"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
#: ``uses: owner/name@<sha> # v1.2.3`` as written in the file.
LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)\s*(?:#\s*(?P<release>\S+))?\s*$")


def uses_of(node: Any) -> list[str]:
    """Every ``uses:`` value in a parsed workflow (steps and reusable-workflow jobs)."""
    if isinstance(node, dict):
        found = [str(v) for k, v in node.items() if k == "uses"]
        return found + [u for v in node.values() for u in uses_of(v)]
    if isinstance(node, list):
        return [u for item in node for u in uses_of(item)]
    return []


def unpinned(text: str) -> list[str]:
    """The ``uses:`` of a workflow that are not ``owner/name@<40-hex SHA> # <release>``."""
    wrong = [u for u in uses_of(yaml.safe_load(text)) if not u.startswith("./")]
    wrong = [u for u in wrong if not PINNED.match(u)]
    for line in text.splitlines():
        match = LINE.match(line)
        if match and PINNED.match(match["ref"]) and not match["release"]:
            wrong.append(f"{match['ref']} (no release named in a comment)")
    return wrong


def workflow_files() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


def test_there_is_a_workflow_to_check() -> None:
    assert [p.name for p in workflow_files()] == ["pages.yml"]


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_sha(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert uses_of(yaml.safe_load(text)), f"{path.name} uses no action"
    assert unpinned(text) == []


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_the_checkout_leaves_no_credentials_behind(path: Path) -> None:
    steps = [
        step
        for job in yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"].values()
        for step in job.get("steps", [])
        if str(step.get("uses", "")).startswith("actions/checkout@")
    ]
    assert steps, f"{path.name} checks nothing out"
    assert all(step.get("with", {}).get("persist-credentials") is False for step in steps)


@pytest.mark.parametrize(
    "text",
    [
        "jobs:\n  a:\n    steps:\n      - uses: actions/checkout@v6.0.1\n",
        "jobs:\n  a:\n    steps:\n      - uses: actions/checkout@v6\n",
        "jobs:\n  a:\n    steps:\n      - uses: actions/checkout@main\n",
        "jobs:\n  a:\n    steps:\n      - uses: actions/checkout@8e8c483db84b\n",
        # A SHA with no release beside it: nobody can tell what it is meant to be.
        "jobs:\n  a:\n    steps:\n      - uses: actions/checkout@8e8c483db84b4bee98b60c0593521ed34d9990e8\n",
        "jobs:\n  a:\n    uses: octo/flows/.github/workflows/x.yml@v1\n",
        "jobs:\n  a:\n    steps:\n      - uses: docker://alpine:3\n",
    ],
)
def test_an_unpinned_action_is_found(text: str) -> None:
    assert len(unpinned(text)) == 1


def test_a_pinned_action_with_its_release_passes() -> None:
    text = (
        "jobs:\n  a:\n    steps:\n"
        "      - uses: actions/checkout@8e8c483db84b4bee98b60c0593521ed34d9990e8 # v6.0.1\n"
        "      - uses: ./local-action\n"
    )
    assert unpinned(text) == []
