"""Every interface string of the archive, as Babel's extractors find it in the code.

Used by the test that keeps the catalogue complete (``tests/test_i18n.py``) and by
``python -m tip_archive.i18n.extract`` (which prints the strings the Russian catalogue
lacks, ready to translate).  Five places hold them: the Python modules (``_()``,
``gettext``, ``ngettext``, ``N_``), the page templates (``_()`` and ``ngettext``, read
with Jinja's own Babel extractor), the browser scripts' list
(:data:`..render.languages.SCRIPT_MESSAGES`), the model's vocabulary (the kinds of
events, documents, bodies, sources and references, ways of adoption, qualifiers) and the
model's documentation, which the Record format page shows (its docstrings).
"""

from __future__ import annotations

import typing
from pathlib import Path

from babel.messages.extract import extract_from_dir
from pydantic import BaseModel

PACKAGE = Path(__file__).resolve().parent.parent

METHODS = [
    ("**/i18n/**.py", "ignore"),
    ("**/bench/**.py", "ignore"),
    ("**.py", "python"),
    ("render/templates/**.j2", "jinja2.ext:babel_extract"),
]
OPTIONS = {
    "render/templates/**.j2": {"extensions": "jinja2.ext.i18n", "trim_blocks": "true"},
}


def code_messages() -> dict[str, str]:
    """msgid → ``file:line`` of its first use."""
    found: dict[str, str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(PACKAGE), METHODS, options_map=OPTIONS
    ):
        # A plural is filed under its singular (the catalogue's msgid).
        first = message[0] if isinstance(message, tuple) else message
        if first:
            found.setdefault(first, f"{filename}:{lineno}")
    return found


def vocabulary() -> list[str]:
    """The model's words a page shows (``conference``, ``consensus``, ``over``...)."""
    from ..model.records import RECORD_TYPES, Figure

    words: list[str] = []
    models: list[type[BaseModel]] = [*RECORD_TYPES.values(), Figure]
    for model in models:
        for name in ("kind", "adoption", "qualifier"):
            info = model.model_fields.get(name)
            if info is None:
                continue
            for arg in typing.get_args(info.annotation) or ():
                words += [a for a in typing.get_args(arg) or [arg] if isinstance(a, str)]
    return sorted(set(words))


def all_messages() -> dict[str, str]:
    from ..render.languages import SCRIPT_MESSAGES
    from ..render.reference import documentation

    found = code_messages()
    for word in vocabulary():
        found.setdefault(word, "model vocabulary")
    for text in SCRIPT_MESSAGES:
        found.setdefault(text, "render/languages.py (scripts)")
    for text in documentation():
        found.setdefault(text, "model documentation (the Record format page)")
    return found


if __name__ == "__main__":
    from babel.messages.pofile import read_po

    from . import catalogue_path

    with catalogue_path("ru").open("rb") as file:
        catalog = read_po(file, locale="ru")
    for msgid, where in all_messages().items():
        entry = catalog.get(msgid)
        if entry is None or not entry.string:
            print(f"# {where}\nmsgid {msgid!r}\n")
