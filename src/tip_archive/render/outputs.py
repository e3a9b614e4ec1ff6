"""The one type of every generated file that is not a Markdown page: path, content, media type.

Open data (:mod:`.opendata`), the files of :mod:`.publish` and the archive's
scripts and styles (:mod:`.manifest`) are all :class:`Output` objects; the MkDocs
plugin adds each to the site as a generated file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

#: Media types by file suffix.
MEDIA_TYPES = {
    ".bib": "application/x-bibtex",
    ".css": "text/css",
    ".csv": "text/csv",
    ".html": "text/html",
    ".js": "text/javascript",
    ".json": "application/json",
    ".ris": "application/x-research-info-systems",
    ".txt": "text/plain",
}


def media_type_of(path: str) -> str:
    """The media type of a site path, by its suffix (``data/records.csv`` → ``text/csv``)."""
    return MEDIA_TYPES[PurePosixPath(path).suffix]


@dataclass(frozen=True)
class Output:
    path: str
    """Path inside the site, e.g. ``data/records.json``."""
    content: str
    media_type: str = ""
    """The file's media type; worked out from the suffix when not given."""

    def __post_init__(self) -> None:
        if not self.media_type:
            object.__setattr__(self, "media_type", media_type_of(self.path))
