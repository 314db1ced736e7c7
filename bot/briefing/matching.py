"""Does a report match a term? Word forms in either language, phrases and speakers.

Used by the per-target filters (routing.py) and the watchlists (alerts.py). A term is a word, a
phrase or a name as a user writes it; each of its words matches any form of that word:
"газ" finds "газа" and "газом", "sanction" finds "sanctions" (the language packs' stemmers,
through bot.analysis.terms). A phrase matches its words in a row ("energy security"), and a
name also matches a report that quotes that person (the quote's speaker, by surname stem:
"Yatimov" finds a quote by "Sherali Yatimov", "Кудрин" one by "Алексея Кудрина").

A report is read once into a `Words` index (the stems it holds; word positions only once a
phrase asks); every term and every watch then costs a set look-up, not another pass over the
text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from bot.analysis.model import Analysis
from bot.analysis.names import speaker_key
from bot.analysis.terms import WORD, stem_key, term_stems

QUOTES = "\"'“”„«»‘’"


@dataclass(frozen=True)
class Term:
    """A word, phrase or name to look for; `text` is what the user wrote, without quotes."""

    text: str
    forms: tuple[frozenset[str], ...]  # for each word, its stems in every supported language
    speaker: str                       # the surname key a quote's speaker must have

    @classmethod
    def parse(cls, raw: str) -> Term | None:
        """The term in `raw` ('газ', '"energy security"', 'Yatimov'); None when it has no word."""
        text = " ".join(raw.strip().strip(QUOTES).split())
        forms = tuple(term_stems(text))
        if not forms:
            return None
        return cls(text, forms, speaker_key(text))

    def __str__(self) -> str:
        return self.text


def parse_terms(raws: tuple[str, ...] | list[str]) -> tuple[Term, ...]:
    return tuple(term for raw in raws if (term := Term.parse(raw)) is not None)


class Words:
    """One text's words: which stems it holds, and (when a phrase or a highlight asks) where.

    Each distinct word is stemmed once (texts repeat their words); word positions and spans
    are built only when needed, since most terms are single words that most texts lack."""

    def __init__(self, text: str, language: str) -> None:
        self.text = text
        self.words = WORD.findall(text)
        distinct = list(dict.fromkeys(self.words))
        # the stems the who-said-what index keys texts with (bot.analysis.terms)
        stems = stem_key(" ".join(distinct), language).split()
        if len(stems) != len(distinct):  # a word whose stem is empty: stem one at a time
            stems = [stem_key(word, language).strip() for word in distinct]
        self.stem_of = dict(zip(distinct, stems, strict=True))
        self.stems = frozenset(stems)
        self._at: dict[str, list[int]] | None = None

    @property
    def at(self) -> dict[str, list[int]]:
        """stem -> the positions of the words that have it."""
        if self._at is None:
            self._at = defaultdict(list)
            for i, word in enumerate(self.words):
                self._at[self.stem_of[word]].append(i)
        return self._at

    def has(self, term: Term) -> bool:
        if not all(forms & self.stems for forms in term.forms):
            return False  # a word of the term is missing: no need to look for the order
        return len(term.forms) == 1 or bool(self.starts(term))

    def starts(self, term: Term) -> list[int]:
        """Word positions where the term's words begin, in a row, in some word form."""
        places = [self._positions(forms) for forms in term.forms]
        return sorted(i for i in places[0]
                      if all(i + k in later for k, later in enumerate(places[1:], 1)))

    def _positions(self, forms: frozenset[str]) -> set[int]:
        return {i for stem in forms for i in self.at.get(stem, ())}

    def found(self, term: Term) -> list[tuple[int, int]]:
        """Character spans of each occurrence of the term."""
        spans = [m.span() for m in WORD.finditer(self.text)]
        size = len(term.forms)
        return [(spans[i][0], spans[i + size - 1][1]) for i in self.starts(term)]


class Document:
    """A report as terms see it: its title and text, and who it quotes."""

    def __init__(self, analysis: Analysis) -> None:
        report = analysis.report
        self.analysis = analysis
        self.words = Words(f"{report.title}\n{report.text}", report.language)
        self.speakers = frozenset(speaker_key(q.speaker) for q in analysis.quotes if q.speaker)

    def quotes_speaker(self, term: Term) -> bool:
        return bool(term.speaker) and term.speaker in self.speakers

    def matches(self, term: Term) -> bool:
        return self.words.has(term) or self.quotes_speaker(term)

    def any_of(self, terms: tuple[Term, ...]) -> bool:
        return any(self.matches(term) for term in terms)
