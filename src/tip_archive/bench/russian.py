"""The Russian edition of a generated record: every text it shows in words, in Russian.

A real record is translated in full before a release (``tip-archive release --check``
refuses one that is not), so the benchmark's records are too: ``translations.ru`` (title,
summary, key points one for each, office, occasion, place, publisher, abbreviation,
provenance, reasons for uncited paragraphs) and the ``ru`` of every figure, fact, reading,
note, office and English quote (see CONTRIBUTING, "Translating a record into Russian").
Each Russian text has about as many words as its English one, drawn from a generator of
its own, so that the English texts of a corpus do not depend on its translations.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from .words import Words

#: Fields whose value is a date, a symbol or a number: the same in Russian.
SHARED = {"date", "symbol", "draft_symbol", "session"}


class Translator:
    def __init__(self, rng: random.Random, language_of: Callable[[str], str]) -> None:
        self.words = Words(rng, "ru", size=3000)
        self.language_of = language_of
        """The language of an archived source, by id (quotes from Russian ones stay as they are)."""

    def like(self, english: str) -> str:
        """Russian text of about as many words (and paragraphs) as ``english``."""
        return "\n\n".join(self._paragraph(p) for p in english.split("\n\n"))

    def _paragraph(self, english: str) -> str:
        count = max(1, len(english.split()))
        if count <= 3 or not english.rstrip().endswith("."):
            words = self.words.take(count)
            return " ".join(words).capitalize()
        return self.words.text(count, count)

    def record(self, record: dict[str, Any]) -> None:
        """Add the Russian text of ``record`` (in place), in the shape the schema describes."""
        ru: dict[str, Any] = {"title": self.like(record["title"])}
        for name in ("summary", "office", "occasion", "place", "date_note", "provenance"):
            if isinstance(record.get(name), str):
                ru[name] = self.like(record[name])
        if record.get("key_points"):
            ru["key_points"] = [self.like(p) for p in record["key_points"]]
        if record["type"] in ("source", "reference") and record.get("publisher"):
            ru["publisher"] = self.like(record["publisher"])
        if record.get("abbreviation"):
            ru["abbreviation"] = record["abbreviation"]  # ООН, УНП ООН: Latin in the corpus
        if record.get("uncited"):
            ru["uncited"] = {n: self.like(why) for n, why in record["uncited"].items()}
        record["translations"] = {"ru": ru}
        for citation in record.get("sources", []):
            self.quote(citation)
        for figure in record.get("figures", []):
            figure["ru"] = {"label": self.like(figure["label"])}
            self.evidence(figure)
        for disagreement in record.get("disagreements", []):
            disagreement["ru"] = {"note": self.like(disagreement["note"])}
            for reading in disagreement["readings"]:
                reading["ru"] = {"value": self.like(reading["value"])}
                self.evidence(reading)
        for fact in record.get("facts", []):
            value = fact["value"] if fact["field"] in SHARED else self.like(fact["value"])
            fact["ru"] = {"value": value}
            if "unconfirmed" in fact:
                fact["ru"]["unconfirmed"] = self.like(fact["unconfirmed"])
        for office in record.get("offices", []):
            office["ru"] = {"title": self.like(office["title"])}
            self.evidence(office)

    def evidence(self, item: dict[str, Any]) -> None:
        if "cited" in item:
            self.quote(item["cited"])

    def quote(self, citation: dict[str, Any]) -> None:
        """An English quote gets the archive's Russian translation beside it."""
        if self.language_of(citation["source"]) == "en":
            citation["ru"] = {"translation": self.like(citation["quote"])}
