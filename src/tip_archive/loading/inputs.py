"""The files the build reads besides the records, read and checked the way records are.

Each problem is a :class:`~.problems.Problem` (``file:line: field: message``), all of them
collected before anything is built:

- the plugin's options in ``mkdocs.yml`` (an unknown option, a ``data_dir`` that does not
  exist or is a file), read here with the line of each option, since MkDocs keeps none;
- ``releases.yaml`` (see :func:`~..authoring.release.read_releases`);
- ``CHANGELOG.md`` as ``tip-archive release --check`` reads it (:func:`read_text`).

Text files are read by :func:`read_text`: UTF-8, with or without a byte-order mark,
with Unix or Windows line endings (both give the same text, and the same site).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from .messages import describe, suggest
from .problems import Problem, field_path
from .yamlfile import YamlProblem, decode, read_limited

#: The plugin's name in ``mkdocs.yml`` (its entry point).
PLUGIN = "tip-archive"


def read_text(path: Path, what: str = "text") -> str:
    """A text file's contents with ``\\n`` line ends; :class:`YamlProblem` when unreadable."""
    return decode(read_limited(path, what)).replace("\r\n", "\n")


# -- the plugin's options in mkdocs.yml --------------------------------------------------


def plugin_options(config_file: Path) -> tuple[dict[str, Any], dict[str, int], int] | None:
    """The plugin's options as written in ``config_file``, the line of each, and the line of
    the plugin's entry; ``None`` when the file cannot be read here (MkDocs will say why) or
    does not list the plugin."""
    try:
        node = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    plugins = _value(node, "plugins")
    entries: list[tuple[yaml.Node, yaml.Node | None]] = []
    if isinstance(plugins, yaml.SequenceNode):
        for item in plugins.value:
            if isinstance(item, yaml.ScalarNode):
                entries.append((item, None))
            elif isinstance(item, yaml.MappingNode):
                entries += list(item.value)
    elif isinstance(plugins, yaml.MappingNode):
        entries = list(plugins.value)
    for key, value in entries:
        if isinstance(key, yaml.ScalarNode) and key.value == PLUGIN:
            options: dict[str, Any] = {}
            lines: dict[str, int] = {}
            if isinstance(value, yaml.MappingNode):
                for name, option in value.value:
                    if isinstance(name, yaml.ScalarNode):
                        options[name.value] = _plain(option)
                        lines[name.value] = name.start_mark.line + 1
            return options, lines, key.start_mark.line + 1
    return None


def _value(node: yaml.Node | None, name: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value == name:
            return value if isinstance(value, yaml.Node) else None
    return None


def _plain(node: yaml.Node) -> Any:
    """A scalar option's value as YAML reads it (``!ENV`` values are left to MkDocs)."""
    if isinstance(node, yaml.ScalarNode) and node.tag.startswith("tag:yaml.org,2002:"):
        return yaml.safe_load(yaml.serialize(node))
    if isinstance(node, yaml.ScalarNode):
        return None  # a tag such as !ENV: its value is known only when MkDocs reads it
    return [] if isinstance(node, yaml.SequenceNode) else {}


def option_problems(
    options: dict[str, Any], known: Iterable[str], root: Path
) -> list[tuple[str, str]]:
    """``(option, message)`` for each problem with the plugin's ``options``; ``root`` is the
    folder of ``mkdocs.yml``.  MkDocs' own check of the options (``load_config``) and
    ``tip-archive build`` (:func:`config_problems`) both report these."""
    known = sorted(known)
    found = []
    for name in options:
        if name in known:
            continue
        close = suggest(str(name), known)
        hint = f"did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        found.append(
            (str(name), f"unknown option: {hint or 'the options are ' + ', '.join(known)}")
        )
    folder = options.get("data_dir", "data")
    if folder is None:
        return found  # given through !ENV: MkDocs reads and checks it
    if not isinstance(folder, str):
        found.append(("data_dir", f"must be the name of a folder (got {describe(folder)})"))
        return found
    path = root / folder
    if path.is_file():
        found.append(
            (
                "data_dir",
                f"{folder!r} is a file, not a folder: set data_dir to the folder of the records",
            )
        )
    elif not path.is_dir():
        found.append(
            (
                "data_dir",
                f"there is no folder {folder!r} next to mkdocs.yml: create it, or set "
                "data_dir to the folder of the records",
            )
        )
    return found


def config_problems(config_file: Path, known: Iterable[str]) -> list[Problem]:
    """The problems of :func:`option_problems`, each with its line in ``config_file``."""
    read = plugin_options(config_file)
    if read is None:
        return []
    options, lines, entry = read
    name = config_file.name
    return [
        Problem(
            name,
            lines.get(option, entry),
            field_path(("plugins", PLUGIN, option)),
            message,
        )
        for option, message in option_problems(options, known, config_file.resolve().parent)
    ]


__all__ = [
    "PLUGIN",
    "YamlProblem",
    "config_problems",
    "option_problems",
    "plugin_options",
    "read_text",
]
