"""Problems found in the data, collected and reported together, one line each."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One problem: where it is and what is wrong, in words a record author can act on."""

    file: str
    line: int
    field: str
    message: str
    stands_for: int = 1
    """How many problems this line reports: more than one for "and 70 more problems"."""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class DataError(Exception):
    """Raised once, after every problem in the data has been collected."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(self.report())

    def __reduce__(self) -> tuple[type[DataError], tuple[list[Problem]]]:
        # Rebuilt from its problems, not its message: a build's child process passes it back.
        return type(self), (self.problems,)

    def report(self) -> str:
        count = sum(p.stands_for for p in self.problems)
        lines = [str(p) for p in self.problems]
        lines.append(
            f"{count} problem{'s' if count != 1 else ''} found in the data; nothing was built."
        )
        return "\n".join(lines)


def field_path(loc: tuple[str | int, ...]) -> str:
    """``("sources", 0, "quote")`` gives ``sources[0].quote``; odd keys are quoted: ``['a b']``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not _PLAIN_KEY.fullmatch(part):
            out += f"[{part!r}]"
        else:
            out += f".{part}" if out else part
    return out


_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]{0,60}")
