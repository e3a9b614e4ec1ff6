"""Where in a reference a fact is read (``at:``), in the Russian edition's words.

An editor writes a location in English, in a few words and numbers: ``para. 3``,
``paras 3-4``, ``paras. 1, 3``, ``header and para. 1``, ``PP2``, ``key points 1-7``,
``annex, title``.  :func:`parse` reads it into its words, numbers (a number or a range)
and connectors (``and``, a comma); :func:`in_russian` writes the same parts in Russian
(``абз. 3``, ``абз. 3–4``, ``абз. 1, 3``, ``шапка и абз. 1``, ``п. 2 преамбулы``,
``основные положения 1–7``, ``приложение, название``).  The vocabulary is the two tables
below, the one place to add a word; a location with a word they do not know has no
Russian form, so the Russian page shows it as written, marked as English, and translation
coverage counts it as missing (CONTRIBUTING, "Translating a record").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

#: Every word a location may use, and its Russian form (the same with or without a number).
WORDS = {
    "para": "абз.",
    "paras": "абз.",
    "paragraph": "абз.",
    "paragraphs": "абз.",
    "p": "с.",
    "pp": "с.",
    "header": "шапка",
    "heading": "заголовок",
    "title": "название",
    "dateline": "строка с датой",
    "preamble": "преамбула",
    "summary": "резюме",
    "key point": "основное положение",
    "key points": "основные положения",
    "annex": "приложение",
    "footnote": "сноска",
    "abstract": "аннотация",
    "programme": "программа",
}
#: Words whose Russian form differs when a number follows: ``page 2`` is ``с. 2``, the
#: whole ``page`` is ``страница``; ``PP2`` (a preambular paragraph, in capitals: ``pp. 2``
#: is pages) is ``п. 2 преамбулы`` and has no form without its number.  ``{}`` stands for
#: the number.
NUMBERED = {
    "page": ("страница", "с. {}"),
    "pages": ("страницы", "с. {}"),
    "PP": (None, "п. {} преамбулы"),
    "OP": (None, "п. {} постановляющей части"),
}
#: The connectors between parts.
CONNECTORS = {"and": "и", ",": ","}

_TOKEN = re.compile(r"\s*(?:(?P<number>\d+(?:\s*[-–]\s*\d+)?)|(?P<comma>,)|(?P<word>[A-Za-z]+)\.?)")


@dataclass(frozen=True)
class Part:
    """One part of a location: a word of the vocabulary, a number (``3``, ``3-4``) or a
    connector (``and``, ``,``)."""

    kind: Literal["word", "number", "connector"]
    text: str
    """The word in lower case without its full stop, the number with an en dash in a range,
    or the connector."""


def _tokens(at: str) -> list[Part] | None:
    parts: list[Part] = []
    position, end = 0, len(at.rstrip())
    while position < end:
        found = _TOKEN.match(at, position)
        if not found or found.end() == position:
            return None
        position = found.end()
        if found["number"]:
            parts.append(Part("number", "–".join(re.split(r"\s*[-–]\s*", found["number"]))))
        elif found["comma"]:
            parts.append(Part("connector", ","))
        elif (word := found["word"]) in NUMBERED:  # ``PP``, ``OP``: in capitals
            parts.append(Part("word", word))
        elif word.lower() in CONNECTORS:
            parts.append(Part("connector", word.lower()))
        else:
            parts.append(Part("word", word.lower()))
    return parts


def parse(at: str) -> list[Part] | None:
    """The parts of a location, or None when it uses a word the vocabulary does not know
    (two words that make one, such as ``key points``, are one part)."""
    tokens = _tokens(at)
    if not tokens:
        return None
    parts: list[Part] = []
    for token in tokens:
        previous = parts[-1] if parts else None
        if (
            token.kind == "word"
            and previous is not None
            and previous.kind == "word"
            and f"{previous.text} {token.text}" in WORDS
        ):
            parts[-1] = Part("word", f"{previous.text} {token.text}")
        else:
            parts.append(token)
    known = all(p.kind != "word" or p.text in WORDS or p.text in NUMBERED for p in parts)
    return parts if known else None


def in_russian(at: str) -> str | None:
    """The location in Russian, or None when the vocabulary cannot read it."""
    parts = parse(at)
    if parts is None:
        return None
    out: list[str] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        following = parts[index + 1] if index + 1 < len(parts) else None
        if part.kind == "word" and part.text in NUMBERED:
            alone, numbered = NUMBERED[part.text]
            if following is not None and following.kind == "number":
                out.append(numbered.format(following.text))
                index += 2
                continue
            if alone is None:
                return None
            out.append(alone)
        elif part.kind == "word":
            out.append(WORDS[part.text])
        elif part.kind == "connector":
            if part.text == ",":
                if not out:
                    return None
                out[-1] += ","
                index += 1
                continue
            out.append(CONNECTORS[part.text])
        else:
            out.append(part.text)
        index += 1
    return " ".join(out)


__all__ = ["CONNECTORS", "NUMBERED", "WORDS", "Part", "in_russian", "parse"]
