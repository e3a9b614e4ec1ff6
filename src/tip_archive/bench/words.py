"""Deterministic pseudo-text with a natural word-frequency curve.

Search indexes and Markdown processing cost depend on how many distinct words a
site has and how often each occurs, so the benchmark's text follows Zipf's law
over a vocabulary of real domain words and generated ones, in English and in
Russian (Cyrillic), rather than repeating one lorem-ipsum paragraph.
"""

from __future__ import annotations

import itertools
import random
from bisect import bisect_right


def _split(text: str) -> list[str]:
    return text.split()


DOMAIN = _split(
    "the of and to in on for by with at as trafficking persons human states united nations "
    "general assembly resolution coordination efforts against victims protection prevention "
    "prosecution partnership global plan action cooperation international convention protocol "
    "organized crime women children council economic social office drugs session committee "
    "third report secretary-general fund voluntary trust member government republic belarus "
    "minister foreign affairs delegation statement conference meeting dialogue group friends "
    "implementation appraisal agency inter-agency law enforcement training centre national "
    "legislation strategy framework forced labour exploitation migration border support"
)
_LATIN = _split(
    "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu "
    "ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo tra pro con sta ment tion ver nal"
)
_CYRILLIC = _split(
    "ба бе би бо бу да де ди до ду ка ке ки ко ку ла ле ли ло лу ма ме ми мо му на не ни но ну "
    "ра ре ри ро ру са се си со су та те ти то ту ва ве ви во тра про кон ста ние ция ный ская"
)
_RU_DOMAIN = _split(
    "и в на по с о для против торговли людьми организации объединенных наций генеральной "
    "ассамблеи резолюция беларусь республика сотрудничество жертв защиты глобальный план"
)


class Words:
    """A vocabulary with Zipf weights and a seeded generator of words and sentences."""

    def __init__(self, rng: random.Random, language: str = "en", size: int = 6000) -> None:
        syllables, domain = (_CYRILLIC, _RU_DOMAIN) if language == "ru" else (_LATIN, DOMAIN)
        vocabulary = list(dict.fromkeys(domain))
        seen = set(vocabulary)
        while len(vocabulary) < size:
            word = "".join(rng.choice(syllables) for _ in range(rng.choice((2, 2, 3, 3, 4))))
            if word not in seen:
                seen.add(word)
                vocabulary.append(word)
        self.vocabulary = vocabulary
        self.cumulative = list(itertools.accumulate(1 / rank**1.07 for rank in range(1, size + 1)))
        self.rng = rng

    def take(self, count: int) -> list[str]:
        total = self.cumulative[-1]
        rnd, cum = self.rng.random, self.cumulative
        return [self.vocabulary[bisect_right(cum, rnd() * total)] for _ in range(count)]

    def rare(self, count: int) -> list[str]:
        """Words from the long tail: names of things, for titles."""
        return [self.rng.choice(self.vocabulary[200:]) for _ in range(count)]

    def sentence(self, low: int, high: int) -> str:
        words = self.take(self.rng.randint(low, high))
        words[0] = words[0].capitalize()
        return " ".join(words) + "."

    def text(self, low: int, high: int) -> str:
        """Sentences adding up to between ``low`` and ``high`` words."""
        target = self.rng.randint(low, high)
        out: list[str] = []
        count = 0
        while count < target:
            sentence = self.sentence(6, 24)
            out.append(sentence)
            count += sentence.count(" ") + 1
        return " ".join(out)

    def title(self, low: int = 3, high: int = 8) -> str:
        words = self.take(self.rng.randint(low, high)) + self.rare(1)
        return " ".join(words).capitalize()


def wrap(text: str, width: int = 78) -> list[str]:
    """Break ``text`` into lines of at most ``width`` characters, at spaces."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines
