"""Synthetic archives of any size, with the shapes of the real one.

:func:`write_corpus` writes a project (the repository's ``mkdocs.yml``,
``docs/`` (and ``overrides/``, if it has one), and a generated ``data/``) of ``size`` records:
every record type, UN symbols of several organs (with revisions and
corrigenda), dates of every precision and spans, cross-references with a few
heavily referenced hubs (the General Assembly, Belarus), archived source texts
in English and Russian, and citations whose quotes are taken verbatim from
those texts (often across a line break), so that the archive validates;
references to the public record (UN documents, press releases, pages) with the
facts, figures and offices that rest on them, some records on references alone;
and every record translated into Russian in full (:mod:`.russian`).  The same
size and seed give the same files, byte for byte.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..model.records import FOLDERS
from ..model.symbols import parse_symbol, slugify
from .russian import Translator
from .words import Words, wrap

#: Share of each record type in a corpus (the real archive's mix, with fewer bodies).
SHARES = {
    "source": 0.06,
    "body": 0.06,
    "person": 0.08,
    "resolution": 0.22,
    "document": 0.22,
    "statement": 0.13,
    "event": 0.18,
    "reference": 0.05,
}
HUBS = [
    ("un-general-assembly", "United Nations General Assembly", "un organ", "GA"),
    ("un-economic-and-social-council", "Economic and Social Council", "un organ", "ECOSOC"),
    ("un-security-council", "United Nations Security Council", "un organ", "SC"),
    ("human-rights-council", "Human Rights Council", "un body", "HRC"),
    ("belarus", "Republic of Belarus", "government", None),
    ("unodc", "United Nations Office on Drugs and Crime", "un agency", "UNODC"),
]
EVENT_KINDS = ["conference", "thematic debate", "interactive dialogue", "high-level meeting",
               "meeting", "launch", "visit", "roundtable", "session", "consultations"]  # fmt: skip
DOC_KINDS = ["report", "letter", "draft resolution", "declaration", "note", "press release"]


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=100)


def _date(rng: random.Random, year: int, day_share: float = 0.6) -> str:
    roll = rng.random()
    if roll < day_share:
        return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if roll < day_share + 0.25:
        return f"{year}-{rng.randint(1, 12):02d}"
    return str(year)


def _year(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.08:
        return rng.randint(1995, 2004)  # background: resolutions recalled by later ones
    if roll < 0.12:
        return rng.randint(2020, 2025)  # announced for later years
    return rng.randint(2005, 2019)


@dataclass
class Paragraphs:
    language: str
    words: list[list[str]]


@dataclass
class Corpus:
    """What was written, for the benchmark to pick records from."""

    root: Path
    counts: dict[str, int]
    ids: dict[str, list[str]] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return sum(self.counts.values())


class _Generator:
    def __init__(self, size: int, seed: int) -> None:
        self.seed = f"tip-archive-bench:{seed}:{size}"
        self.rng = random.Random(self.seed)
        self.en = Words(self.rng)
        self.ru = Words(self.rng, "ru", size=3000)
        self.counts = _counts(size)
        self.symbols: set[str] = set()
        self.numbers: dict[str, int] = {}
        self.ids: dict[str, list[str]] = {kind: [] for kind in SHARES}
        self.texts: dict[str, Paragraphs] = {}
        self.used: set[str] = set()

    def unique(self, record_id: str) -> str:
        while record_id in self.used:
            record_id += "-b"
        self.used.add(record_id)
        return record_id

    # -- references with hubs: a few records are named by many ---------------------

    def pick(self, kind: str, skew: float = 1.2) -> str:
        ids = self.ids[kind]
        index = min(int(self.rng.paretovariate(skew)) - 1, len(ids) - 1)
        return ids[index] if self.rng.random() < 0.7 else self.rng.choice(ids)

    def picks(self, kind: str, low: int, high: int) -> list[str]:
        return list(dict.fromkeys(self.pick(kind) for _ in range(self.rng.randint(low, high))))

    def anything(self, exclude: str) -> list[str]:
        kinds = [k for k in SHARES if self.ids[k] and k != "reference"]  # evidence, not related
        found = [self.rng.choice(self.ids[self.rng.choice(kinds)]) for _ in range(4)]
        return list(dict.fromkeys(i for i in found[: self.rng.randint(0, 4)] if i != exclude))

    def symbol(self, make: Any) -> str | None:
        for _ in range(50):
            parsed = parse_symbol(make())
            if str(parsed) not in self.symbols and parsed.slug not in self.used:
                self.symbols.add(str(parsed))
                return str(parsed)
        return None

    def citation(self, quote_words: tuple[int, int] = (4, 18)) -> dict[str, Any]:
        source = self.pick("source", 0.8)
        paragraphs = self.texts[source]
        number = self.rng.randint(1, len(paragraphs.words))
        words = paragraphs.words[number - 1]
        length = min(len(words), self.rng.randint(*quote_words))
        start = self.rng.randint(0, len(words) - length)
        quote = " ".join(words[start : start + length])
        out: dict[str, Any] = {"source": source, "paragraph": number, "quote": quote}
        if paragraphs.language != "en":
            out["translation"] = self.en.sentence(4, 16)
        return out

    def citations(self, low: int, high: int) -> list[dict[str, Any]]:
        return [self.citation() for _ in range(self.rng.randint(low, high))]

    def referenced(self) -> dict[str, Any]:
        at = self.rng.choice(["para. ", "OP ", "p. "]) + str(self.rng.randint(1, 30))
        return {"reference": self.pick("reference"), "at": at}

    def evidence(self) -> dict[str, Any]:
        """A quote from an archived source, or (one time in three) a reference."""
        if self.rng.random() < 0.33:
            return {"referenced": self.referenced()}
        return {"cited": self.citation()}

    def fact(self, field: str, value: str) -> dict[str, Any]:
        """A fact from the public record; one in eight not yet confirmed by a page."""
        if value == "x":
            value = self.en.title(1, 4)
        if self.rng.random() < 0.125:
            return {"field": field, "value": value, "unconfirmed": self.en.sentence(6, 14)}
        return {"field": field, "value": value} | self.referenced()

    def summary(self) -> str:
        return "\n\n".join(self.en.text(25, 70) for _ in range(self.rng.choice((1, 1, 2))))

    def common(self, record: dict[str, Any], kind: str) -> dict[str, Any]:
        rng = self.rng
        if rng.random() < 0.8:
            record["summary"] = self.summary()
        if related := self.anything(record["id"]):
            record["related"] = related
        facts = record.get("facts", [])
        if rng.random() < 0.15:
            facts.append(self.fact(rng.choice(["place", "date", "adoption", "session"]), "x"))
        if facts:
            record["facts"] = facts
        on_references = any("reference" in f for f in facts) and rng.random() < 0.3
        if (kind not in ("body", "person", "source") and not on_references) or rng.random() < 0.3:
            record["sources"] = self.citations(1, 4)
        if rng.random() < 0.06:
            record["figures"] = [
                {
                    "label": self.en.title(1, 2).lower(),
                    "value": rng.randint(2, 900),
                    "qualifier": rng.choice(["exactly", "over", "about"]),
                }
                | self.evidence()
            ]
        if rng.random() < 0.03:
            record["disagreements"] = [
                {
                    "note": self.en.text(12, 30),
                    "readings": [
                        {"field": "title", "value": self.en.title(), "cited": self.citation()},
                        {"field": "title", "value": self.en.title()} | self.evidence(),
                    ],
                }
            ]
        return record

    # -- records by type -----------------------------------------------------------

    def source(self, index: int) -> tuple[dict[str, Any], str]:
        rng = self.rng
        language = "ru" if rng.random() < 0.12 else "en"
        words = self.ru if language == "ru" else self.en
        year = _year(rng)
        title = words.title(3, 9)
        name = title if language == "en" else "ru " + self.en.title(2, 4)
        record_id = self.unique(f"{year}-{slugify(' '.join(name.split()[:5]))}-{index}")
        paragraphs: list[list[str]] = []
        lines: list[str] = []
        for _ in range(rng.randint(12, 40)):
            text = words.text(15, 110)
            if rng.random() < 0.15:
                lines.append("- " + text)
            else:
                lines.extend(wrap(text))
            paragraphs.append(text.split())
            lines.append("")
        self.texts[record_id] = Paragraphs(language, paragraphs)
        record: dict[str, Any] = {
            "type": "source",
            "id": record_id,
            "title": title,
            "text_file": f"{record_id}.txt",
            "language": language,
            "kind": rng.choice(["statement", "web page", "news article", "note", "press release"]),
            "publisher": "Ministry of Foreign Affairs of the Republic of Belarus",
            "date": _date(rng, year),
            "provenance": "Generated for the speed benchmark; not a real source.",
        }
        if rng.random() < 0.6:
            record["url"] = f"https://example.org/{record_id}"
        if rng.random() < 0.5:
            record["uncited"] = {1: "Page title."}
        return record, "\n".join(lines)

    def reference(self, index: int) -> dict[str, Any]:
        """A UN document by symbol, a press release or a page the archive consulted."""
        rng = self.rng
        year = _year(rng)
        kind = rng.choice(["un document", "un document", "press release", "un page", "press"])
        record: dict[str, Any] = {"type": "reference", "title": self.en.title(4, 10)}
        record["kind"] = kind
        if kind == "un document" and (
            symbol := self.symbol(lambda: f"A/{year - 1945}/{rng.randint(1, 999)}")
        ):
            record["id"] = self.unique(f"un-{parse_symbol(symbol).slug}")
            record["symbol"] = symbol
        elif kind == "press release":
            number = f"GA/SHC/{rng.randint(3000, 4300)}"
            record["id"] = self.unique(f"un-{slugify(number)}")
            record["press_release"] = number
        else:
            record["id"] = self.unique(f"press-{year}-{index}")
        record["publisher"] = "United Nations" if kind != "press" else self.en.title(1, 3)
        record["date"] = _date(rng, year, 0.8)
        if "symbol" in record and rng.random() < 0.3:
            record["read_at"] = f"https://example.org/copies/{record['id']}.pdf"
        elif "symbol" not in record or rng.random() < 0.5:
            record["url"] = f"https://example.org/pages/{record['id']}"
        if "url" in record or "read_at" in record:
            record["consulted"] = "2026-11-30"
        if rng.random() < 0.5:
            record["summary"] = self.en.text(15, 40)
        return record

    def body(self, index: int) -> dict[str, Any]:
        if index < len(HUBS):
            record_id, title, kind, abbreviation = HUBS[index]
            record: dict[str, Any] = {"type": "body", "id": self.unique(record_id), "title": title}
            record["kind"] = kind
            if abbreviation:
                record["abbreviation"] = abbreviation
            return record
        name = self.en.title(1, 3)
        kind = self.rng.choice(["government", "government", "organisation", "ngo", "un body"])
        prefix = "Government of" if kind == "government" else "The"
        return {
            "type": "body",
            "id": self.unique(f"{slugify(name)}-{index}"),
            "title": f"{prefix} {name}",
            "kind": kind,
        }

    def person(self, index: int) -> dict[str, Any]:
        first, last = (w.capitalize() for w in self.en.rare(2))
        record: dict[str, Any] = {
            "type": "person",
            "id": self.unique(f"{slugify(first + ' ' + last)}-{index}"),
            "title": f"{first} {last}",
        }
        record["offices"] = [
            {"title": self.en.title(3, 8)} | (self.evidence() if i == 0 else {})
            for i in range(self.rng.randint(1, 3))
        ]
        if self.rng.random() < 0.2:
            record["other_names"] = [self.ru.title(2, 2)]
        return record

    def resolution(self, index: int) -> dict[str, Any]:
        rng = self.rng
        year = _year(rng)
        roll = rng.random()
        organ = "A" if roll < 0.55 else "E" if roll < 0.7 else "HRC" if roll < 0.85 else "S"
        makers = {
            "A": lambda: f"A/RES/{year - 1945}/{rng.randint(1, 330)}",
            "E": lambda: f"E/RES/{year}/{rng.randint(1, 60)}",
            "HRC": lambda: f"A/HRC/RES/{max(1, year - 2005)}/{rng.randint(1, 45)}",
            "S": lambda: f"S/RES/{rng.randint(1600, 2500)} ({year})",
        }
        symbol = self.symbol(makers[organ]) if rng.random() < 0.92 else None
        body = {"A": 0, "E": 1, "S": 2, "HRC": 3}[organ]
        title = self.en.title(4, 10)
        record: dict[str, Any] = {
            "type": "resolution",
            "id": self.unique(
                parse_symbol(symbol).slug
                if symbol
                else f"resolution-{year}-{slugify(title)[:40].strip('-')}-{index}"
            ),
            "title": title,
        }
        if symbol:
            record["symbol"] = symbol
        record["date"] = _date(rng, year, 0.8)
        record["body"] = HUBS[body][0]
        if organ == "A":
            record["session"] = year - 1945
            if rng.random() < 0.6:
                draft = self.symbol(lambda: f"A/C.3/{year - 1945}/L.{rng.randint(1, 80)}")
                if draft:
                    record["draft_symbol"] = draft
        if symbol and rng.random() < 0.05 and (corr := self.symbol(lambda: symbol + "/Corr.1")):
            record["other_symbols"] = [corr]
        record["adoption"] = rng.choice(["consensus", "without a vote", "recorded vote"])
        if record["adoption"] == "recorded vote":
            record["votes"] = {"in_favour": rng.randint(90, 180), "against": rng.randint(0, 9)}
        record["initiators"] = ["belarus"] if rng.random() < 0.3 else self.picks("body", 0, 2)
        record["cosponsors"] = self.picks("body", 0, 12)
        if rng.random() < 0.2:
            record["text"] = self.paragraph_refs()
        if symbol and rng.random() < 0.3:
            record["facts"] = [self.fact("date", record["date"]), self.fact("symbol", symbol)]
        return self.common(record, "resolution")

    def paragraph_refs(self) -> list[dict[str, Any]]:
        source = self.pick("source", 0.8)
        count = len(self.texts[source].words)
        start = self.rng.randint(1, count)
        numbers = range(start, min(count, start + self.rng.randint(2, 9)) + 1)
        return [
            {"label": f"OP{i}", "source": source, "paragraph": n} for i, n in enumerate(numbers, 1)
        ]

    def document(self, index: int) -> dict[str, Any]:
        rng = self.rng
        year = _year(rng)
        kind = rng.choice(DOC_KINDS)
        session = year - 1945
        makers = {
            "report": lambda: f"A/{session}/{rng.randint(100, 600)}",
            "letter": lambda: f"A/{session}/{rng.randint(600, 999)}",
            "draft resolution": lambda: rng.choice(
                [
                    f"A/C.3/{session}/L.{rng.randint(1, 80)}",
                    f"E/CN.15/{year}/L.{rng.randint(1, 30)}",
                ]
            ),
            "declaration": lambda: f"A/{session}/PV.{rng.randint(1, 120)}",
        }
        symbol = None
        if kind in makers and rng.random() < 0.85:
            suffix = rng.choice(["", "", "", "", "/Rev.1", "/Add.1"])
            symbol = self.symbol(lambda: makers[kind]() + suffix)
        title = self.en.title(4, 10)
        record: dict[str, Any] = {
            "type": "document",
            "id": self.unique(
                parse_symbol(symbol).slug
                if symbol
                else f"{year}-{slugify(title)[:40].strip('-')}-{index}"
            ),
            "title": title,
            "kind": kind,
        }
        if symbol:
            record["symbol"] = symbol
        elif kind == "draft resolution":
            record["symbol_as_given"] = f"A/.../{session}/L..."
        record["date"] = _date(rng, year)
        record["authors"] = self.picks("body", 0, 2)
        if kind == "draft resolution" and rng.random() < 0.5:
            record["became"] = self.pick("resolution")
        if rng.random() < 0.15:
            record["text"] = self.paragraph_refs()
        return self.common(record, "document")

    def statement(self, index: int) -> dict[str, Any]:
        rng = self.rng
        year = _year(rng)
        speaker = self.pick("person")
        record: dict[str, Any] = {
            "type": "statement",
            "id": self.unique(f"{year}-statement-{speaker.rsplit('-', 1)[0]}-{index}"),
            "title": "Statement: " + self.en.title(3, 8),
            "date": _date(rng, year, 0.85),
            "speaker": speaker,
            "office": self.en.title(3, 8),
            "occasion": self.en.title(3, 10),
        }
        if rng.random() < 0.8:
            record["on_behalf_of"] = self.pick("body")
        if rng.random() < 0.5:
            record["event"] = self.pick("event")
        record["key_points"] = [self.en.sentence(8, 30) for _ in range(rng.randint(3, 9))]
        return self.common(record, "statement")

    def event(self, index: int) -> dict[str, Any]:
        rng = self.rng
        year = _year(rng)
        title = self.en.title(3, 9)
        date = _date(rng, year, 0.7)
        if rng.random() < 0.1 and len(date) == 10:
            date = f"{date}/{date[:8]}{min(28, int(date[8:]) + rng.randint(1, 3)):02d}"
        record: dict[str, Any] = {
            "type": "event",
            "id": self.unique(f"{year}-{slugify(title)[:40].strip('-')}-{index}"),
            "title": title,
            "kind": rng.choice(EVENT_KINDS),
            "date": date,
        }
        if year > 2019:
            record["status"] = "announced"
        if rng.random() < 0.7:
            record["place"] = rng.choice(["New York", "Vienna", "Geneva", "Minsk"])
        record["organisers"] = self.picks("body", 0, 3)
        record["participants"] = self.picks("body", 0, 6) + self.picks("person", 0, 2)
        return self.common(record, "event")

    # -- the whole corpus ----------------------------------------------------------

    def generate(self) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
        records: dict[str, dict[str, Any]] = {}
        texts: dict[str, str] = {}
        for index in range(self.counts["source"]):
            record, text = self.source(index)
            texts[record["text_file"]] = text
            records[record["id"]] = record
            self.ids["source"].append(record["id"])
        makers = {"body": self.body, "person": self.person, "resolution": self.resolution}
        makers |= {"document": self.document, "event": self.event, "statement": self.statement}
        makers["reference"] = self.reference
        # Ids first, so that every record can refer to any other; then the records.
        order = ["reference", "body", "person", "resolution", "event", "document", "statement"]
        placeholders: list[tuple[str, int, dict[str, Any]]] = []
        for kind in order:
            for index in range(self.counts[kind]):
                record = makers[kind](index)
                self.ids[kind].append(record["id"])
                placeholders.append((kind, index, record))
        for _kind, _index, record in placeholders:
            records[record["id"]] = record
        # Last, from a generator of their own: the Russian edition of every record.
        translator = Translator(
            random.Random(f"{self.seed}:ru"), lambda source: self.texts[source].language
        )
        for record in records.values():
            translator.record(record)
        return records, texts


def _counts(size: int) -> dict[str, int]:
    counts = {kind: max(1, round(size * share)) for kind, share in SHARES.items()}
    counts["body"] = max(counts["body"], min(len(HUBS), size))
    counts["statement"] += size - sum(counts.values())
    return counts


def write_corpus(target: Path, size: int, project: Path, seed: int = 1) -> Corpus:
    """Write a project of ``size`` records into ``target`` (replacing it)."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in ("docs", "overrides"):
        if (project / name).is_dir():
            shutil.copytree(project / name, target / name)
    shutil.copy2(project / "mkdocs.yml", target / "mkdocs.yml")
    generator = _Generator(size, seed)
    records, texts = generator.generate()
    data = target / "data"
    for folder in FOLDERS.values():
        (data / folder).mkdir(parents=True)
    (data / "sources" / "texts").mkdir()
    for record in records.values():
        path = data / FOLDERS[record["type"]] / f"{record['id']}.yaml"
        path.write_text(_dump(record), encoding="utf-8")
    for name, text in texts.items():
        (data / "sources" / "texts" / name).write_text(text, encoding="utf-8")
    return Corpus(target, generator.counts, generator.ids)
