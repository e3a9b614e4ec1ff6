"""Numbered data releases: ``releases.yaml``, and what changed since the last one.

The archive's data are released in numbered versions so that a citation can
name the version it refers to ("data release 3").  ``releases.yaml``, next to
``mkdocs.yml``, lists them oldest first::

    releases:
      - number: 1
        date: "2026-11-25"
        note: The first public release.

Each release is tagged ``data-release-<number>`` in git when it is cut;
:func:`changes_since` lists the record files added, corrected or removed since
a tag, and :func:`changelog_section` prints them as the CHANGELOG section an
editor pastes (``tip-archive release``).
"""

from __future__ import annotations

import datetime
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..loading.inputs import read_text
from ..loading.messages import plain_message
from ..loading.problems import DataError, Problem, field_path
from ..loading.yamlfile import YamlProblem, YamlProblems, load_yaml, read_limited
from ..model.dates import PartialDate
from ..model.records import FOLDERS, RECORD_TYPES

RELEASES_FILE = "releases.yaml"
TAG_PREFIX = "data-release-"


class Release(BaseModel):
    """One numbered data release."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    number: int = Field(ge=1)
    """1 for the first release, then 2, 3, ... without gaps."""
    date: str
    """The day the release was cut, ``YYYY-MM-DD``."""
    note: str | None = None
    """One line on what the release brings."""
    note_ru: str | None = None
    """The same line in Russian, for the Russian edition (the English one, marked, without it)."""

    @field_validator("date", mode="before")
    @classmethod
    def _day(cls, value: object) -> str:
        text = str(value)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError(f"{text!r} is not a day: write YYYY-MM-DD")
        try:
            datetime.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{text!r} does not exist") from None
        return text

    @property
    def tag(self) -> str:
        return f"{TAG_PREFIX}{self.number}"

    @property
    def label(self) -> str:
        return f"Data release {self.number}"

    def human(self) -> str:
        """The release date as the pages print it: ``25 November 2026``."""
        year, month, day = (int(part) for part in self.date.split("-"))
        return PartialDate(year, month, day).human()  # (no range check: any year)


class _ReleasesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    releases: list[Release] = Field(min_length=1)


def read_releases(path: Path, name: str = RELEASES_FILE) -> list[Release]:
    """The releases in ``path``, oldest first; raise :class:`DataError` with every problem."""
    try:
        loaded = load_yaml(read_limited(path, "releases"))
    except YamlProblem as exc:
        raise DataError([Problem(name, exc.line, exc.field, exc.message)]) from None
    except YamlProblems as exc:
        raise DataError([Problem(name, p.line, p.field, p.message) for p in exc.problems]) from None
    try:
        releases = _ReleasesFile.model_validate(loaded.data).releases
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            if error["type"] == "missing":
                message = "required field is missing"
            elif error["type"] == "extra_forbidden":
                message = "unknown field; known fields: date, note, number"
            elif error["type"] == "too_short" and loc == ("releases",):
                message = (
                    "lists no release: add the first one (number: 1 and its date), "
                    f"or remove {name} until the first release"
                )
            else:  # in the words the record checks use, never pydantic's own
                message = plain_message(dict(error), Release)[1]
            problems.append(
                Problem(
                    name, loaded.line_of(loc), field_path(loc), message[0].lower() + message[1:]
                )
            )
        raise DataError(problems) from None
    problems = []
    for index, release in enumerate(releases):
        if release.number != index + 1:
            problems.append(
                Problem(
                    name,
                    loaded.line_of(("releases", index, "number")),
                    field_path(("releases", index, "number")),
                    f"is {release.number}; releases are numbered 1, 2, 3, ... oldest first, "
                    f"so this one is {index + 1}",
                )
            )
        if index and release.date < releases[index - 1].date:
            problems.append(
                Problem(
                    name,
                    loaded.line_of(("releases", index, "date")),
                    field_path(("releases", index, "date")),
                    f"{release.date} is before the date of release {releases[index - 1].number} "
                    f"({releases[index - 1].date})",
                )
            )
    if problems:
        raise DataError(problems)
    return releases


def releases_problems(root: Path) -> list[Problem]:
    """Every problem of ``root/releases.yaml`` (none when it does not exist yet)."""
    path = root / RELEASES_FILE
    if not path.exists() and not path.is_symlink():
        return []
    try:
        read_releases(path)
    except DataError as exc:
        return exc.problems
    return []


def current_release(root: Path) -> Release | None:
    """The newest release in ``root/releases.yaml``; ``None`` when the file does not exist."""
    path = root / RELEASES_FILE
    if not path.exists():
        return None
    return read_releases(path)[-1]


# -- what changed since a release ------------------------------------------------------


@dataclass
class Changes:
    """Record files changed since a release, as paths relative to the project."""

    since: str | None
    """The tag compared with; ``None`` when there is no earlier release (everything is new)."""
    added: list[str] = field(default_factory=list)
    corrected: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "-c", "core.quotePath=false", "-C", str(root), *args],
        capture_output=True,
        text=True,
        check=False,
    )


def tag_exists(root: Path, tag: str) -> bool:
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", f"refs/tags/{tag}").returncode == 0
    except OSError:
        return False


def previous_tag(root: Path, releases: list[Release]) -> str | None:
    """The tag of the newest release that has been tagged in git."""
    for release in reversed(releases):
        if tag_exists(root, release.tag):
            return release.tag
    return None


def _record_path(path: str, data: str) -> bool:
    parts = path.split("/")
    return (
        len(parts) == 3
        and parts[0] == data
        and parts[1] in FOLDERS.values()
        and parts[2].endswith(".yaml")
    )


def changes_since(root: Path, tag: str | None, data: str = "data") -> Changes:
    """Record files added, changed or removed since ``tag``, the working tree included.

    With no ``tag``, every record file present is "added".  A changed source text
    (``data/sources/texts/x.txt``) counts as a correction of the source that holds it,
    which the caller maps through the archive.
    """
    changes = Changes(tag)
    if tag is None:
        changes.added = sorted(
            p.relative_to(root).as_posix()
            for p in (root / data).glob("*/*.yaml")
            if _record_path(p.relative_to(root).as_posix(), data)
        )
        return changes
    diff = _git(root, "diff", "--name-status", "--no-renames", "--relative", tag, "--", data)
    if diff.returncode != 0:
        raise ValueError(f"git could not compare with {tag}: {diff.stderr.strip()}")
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "--", data)
    for line in diff.stdout.splitlines():
        status, _, path = line.partition("\t")
        bucket = {"A": changes.added, "D": changes.removed}.get(status[:1], changes.corrected)
        if _record_path(path, data) or path.startswith(f"{data}/sources/texts/"):
            bucket.append(path)
    changes.added += [p for p in untracked.stdout.splitlines() if _record_path(p, data)]
    for bucket in (changes.added, changes.corrected, changes.removed):
        bucket.sort()
    return changes


def changelog_section(
    release: Release, changes: Changes, text_owner: dict[str, str] | None = None
) -> str:
    """The CHANGELOG section for ``release``: record ids by type, added, corrected, removed.

    ``text_owner`` maps a source text path to the id of the source record that holds it.
    """
    text_owner = text_owner or {}
    plural_of = {folder: RECORD_TYPES[kind].plural for kind, folder in FOLDERS.items()}
    order = list(FOLDERS.values())
    lines = [f"## {release.label} ({release.date})", ""]
    if release.note:
        lines += [release.note, ""]
    if changes.since:
        lines += [f"Compared with `{changes.since}`.", ""]
    for heading, paths in (
        ("Added", changes.added),
        ("Corrected", changes.corrected),
        ("Removed", changes.removed),
    ):
        by_folder: dict[str, set[str]] = {}
        for path in paths:
            if path in text_owner:
                by_folder.setdefault("sources", set()).add(text_owner[path])
            elif path.count("/") == 2:
                _, folder, name = path.split("/")
                by_folder.setdefault(folder, set()).add(name.removesuffix(".yaml"))
        if not by_folder:
            continue
        total = sum(len(ids) for ids in by_folder.values())
        lines += [f"### {heading} ({total} record{'s' if total != 1 else ''})", ""]
        for folder in sorted(by_folder, key=order.index):
            ids = sorted(by_folder[folder])
            listed = ", ".join(f"`{i}`" for i in ids)
            lines.append(f"- **{plural_of[folder].capitalize()} ({len(ids)}):** {listed}")
        lines.append("")
    if len(lines) == 2 + (2 if release.note else 0) + (2 if changes.since else 0):
        lines += ["No record changed.", ""]
    return "\n".join(lines)


# -- the CHANGELOG, checked against the data --------------------------------------------

_SECTION = re.compile(r"^## Data release (\d+) \((\d{4}-\d{2}-\d{2})\)\s*$", re.MULTILINE)


CHANGELOG = "CHANGELOG.md"


@dataclass
class _Section:
    number: int
    date: str
    line: int
    ids: dict[str, dict[str, int]]
    """The ids listed under each heading (``added``...), each with its line."""


def _sections(text: str) -> list[_Section]:
    found = []
    matches = list(_SECTION.finditer(text))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        body = text[match.end() : end]
        body = body.split("\n## ", 1)[0]  # the section ends at the next level-2 heading
        first = text.count("\n", 0, match.start()) + 1
        body_line = text.count("\n", 0, match.end()) + 1  # the line body[0] is on
        ids: dict[str, dict[str, int]] = {}
        heading = ""
        for offset, line in enumerate(body.splitlines()):
            if line.startswith("### "):
                heading = line[4:].split(" (")[0].strip().lower()
            elif line.startswith("- ") and heading:
                for found_id in re.findall(r"`([a-z0-9-]+)`", line):
                    ids.setdefault(heading, {}).setdefault(found_id, body_line + offset)
        found.append(_Section(int(match[1]), match[2], first, ids))
    return found


def changelog_releases(text: str) -> dict[int, tuple[str, dict[str, set[str]]]]:
    """Each "## Data release N (date)" section: its date and the ids under each heading."""
    return {
        s.number: (s.date, {heading: set(ids) for heading, ids in s.ids.items()})
        for s in _sections(text)
    }


def check_changelog(changelog: str, releases: list[Release], record_ids: set[str]) -> list[Problem]:
    """Problems with the CHANGELOG's data release sections, each with its line; empty when
    all is well."""
    problems: list[Problem] = []
    sections = {s.number: s for s in _sections(changelog)}
    for release in releases:
        if release.number not in sections:
            problems.append(
                Problem(
                    CHANGELOG,
                    0,
                    "",
                    f"has no section '## {release.label} ({release.date})': "
                    "paste the output of `tip-archive release`",
                )
            )
            continue
        section = sections[release.number]
        if section.date != release.date:
            problems.append(
                Problem(
                    CHANGELOG,
                    section.line,
                    "",
                    f"dates {release.label} {section.date}; {RELEASES_FILE} says {release.date}: "
                    "correct one of them",
                )
            )
        removed_later = set().union(
            *(s.ids.get("removed", {}) for n, s in sections.items() if n > release.number)
        )
        for heading in ("added", "corrected"):
            listed = section.ids.get(heading, {})
            for missing in sorted(set(listed) - record_ids - removed_later):
                problems.append(
                    Problem(
                        CHANGELOG,
                        listed[missing],
                        "",
                        f"lists `{missing}` as {heading} in {release.label}, "
                        "but no record has that id",
                    )
                )
    for number in sorted(set(sections) - {r.number for r in releases}):
        problems.append(
            Problem(
                CHANGELOG,
                sections[number].line,
                "",
                f"has a section for data release {number}, not in {RELEASES_FILE}: "
                "add the release there or remove the section",
            )
        )
    return sorted(problems)


# -- the command ------------------------------------------------------------------------


def release_command(data: Path, since: str | None = None, check: bool = False) -> tuple[str, bool]:
    """``tip-archive release``: the text to print, and whether all is well.

    Without ``check``: the CHANGELOG section of the release being prepared (the
    oldest release in ``releases.yaml`` not yet tagged, or else the next number),
    comparing the working tree with the newest tagged release (or ``since``).
    With ``check``: every release has its CHANGELOG section, with the same date,
    and lists only records that exist.
    """
    from ..crossref.translation import translation_coverage
    from ..model.records import Source
    from ..pipeline.engine import load_archive

    root = data.resolve().parent
    path = root / RELEASES_FILE
    if not path.exists():
        raise ValueError(f"no {RELEASES_FILE} next to {data}/: create it (see CONTRIBUTING.md)")
    releases = read_releases(path)
    archive = load_archive(data, root)
    if check:
        changelog = root / CHANGELOG
        try:
            text = read_text(changelog, "changelog") if changelog.exists() else ""
        except YamlProblem as exc:
            raise DataError([Problem(CHANGELOG, exc.line, "", exc.message)]) from None
        problems = check_changelog(text, releases, set(archive.entries))
        untranslated = translation_coverage(archive)
        if not untranslated.complete:
            problems.append(
                Problem(
                    f"{data.name}/",
                    0,
                    "translations",
                    f"{len(untranslated.missing)} record(s) are not fully translated into Russian "
                    "(every record must be, for a release): "
                    + "; ".join(f"{i} ({', '.join(f)})" for i, f in untranslated.missing.items()),
                )
            )
        if problems:
            return "\n".join(str(p) for p in problems), False
        count = len(releases)
        return (
            f"{count} data release{'s' if count != 1 else ''}: releases.yaml and CHANGELOG.md "
            "agree with the data",
            True,
        )
    target = next((r for r in releases if not tag_exists(root, r.tag)), None)
    lines = []
    if target is None:
        target = Release(number=releases[-1].number + 1, date=datetime.date.today().isoformat())
        lines.append(
            f"<!-- {target.label} is not in {RELEASES_FILE} yet: add it with its date. -->"
        )
    tag = since or previous_tag(root, [r for r in releases if r.number < target.number])
    folder = data.resolve().relative_to(root).as_posix()
    owners = {
        f"{folder}/sources/texts/{r.text_file}": r.id
        for r in archive.records("source")
        if isinstance(r, Source)
    }
    lines.append(changelog_section(target, changes_since(root, tag, folder), owners))
    return "\n".join(lines).rstrip("\n") + "\n", True
