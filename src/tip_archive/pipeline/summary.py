"""The few lines a build ends with: what was built, how many warnings, and where it is."""

from __future__ import annotations

import logging
from pathlib import Path
from types import TracebackType

from ..crossref.archive import Archive
from ..model.records import RECORD_TYPES


class WarningCounter(logging.Handler):
    """Counts the warnings (and errors) MkDocs and the plugin log while it is installed."""

    def __init__(self, logger: str = "mkdocs") -> None:
        super().__init__(logging.WARNING)
        self.logger = logging.getLogger(logger)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    def __enter__(self) -> WarningCounter:
        self.logger.addHandler(self)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.logger.removeHandler(self)


def records_by_type(archive: Archive) -> str:
    """``11 resolutions, 30 statements, 1 event, ...`` in the model's order of types."""
    counts = {kind: 0 for kind in RECORD_TYPES}
    for record in archive.records():
        counts[record.type] += 1
    parts = []
    for kind, count in counts.items():
        if count:
            cls = RECORD_TYPES[kind]
            parts.append(f"{count} {cls.plural if count != 1 else cls.label.lower()}")
    return ", ".join(parts)


def records_line(archive: Archive) -> str:
    """``Records: 42 (11 resolutions, ...)``: taken before the build lets the archive go."""
    return f"Records: {len(archive.entries)} ({records_by_type(archive) or 'none'})"


def build_summary(records: str, site_dir: Path, warnings: int, site_url: str = "") -> str:
    """The lines a build ends with; ``records`` is :func:`records_line` of its archive."""
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    lines = [
        records,
        f"Pages written: {pages}",
        f"Warnings: {warnings}",
        f"Site built in {site_dir}/" + (f" (for {site_url})" if site_url else ""),
    ]
    return "\n".join(lines)
