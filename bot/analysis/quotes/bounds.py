"""Where the report's sentences and paragraphs start, for attribution.

An attribution is read within its sentence ("X told the BBC:" before a quote, ", said X" after
it), and a pronoun or a role noun looks back a paragraph or two. A sentence boundary inside a
quotation or after an abbreviation ("Mr.") is none, so the sentence starts are found here
against the quoted spans, once per report, and looked up by bisection.
"""

from __future__ import annotations

import bisect
import re

from .rules import UPPER, WORD, Patterns
from .spans import Span, paragraphs

_BOUNDARY = re.compile(rf"[.!?…]+[\"”»’']?\s+(?=[{UPPER}\"“«„‘'—–-])")
_LAST_WORD = re.compile(rf"{WORD}$")


class Bounds:
    """Sentence and paragraph starts of one report."""

    def __init__(self, text: str, spans: list[Span], patterns: Patterns) -> None:
        self.length = len(text)
        self.paragraphs = paragraphs(text)
        self.paragraph_starts = [start for start, _ in self.paragraphs]
        self.boundaries = _sentence_starts(text, spans, self.paragraph_starts, patterns)

    def paragraph(self, position: int) -> int:
        """Index of the paragraph that holds `position` (or the one before it)."""
        return max(0, bisect.bisect_right(self.paragraph_starts, position) - 1)

    def sentence_start(self, position: int) -> int:
        """Start of the sentence that holds `position`."""
        return self.boundaries[bisect.bisect_right(self.boundaries, position) - 1]

    def sentence_end(self, position: int) -> int:
        """End of the sentence that holds `position`: the next one's start, or the text's end."""
        i = bisect.bisect_right(self.boundaries, position)
        return self.boundaries[i] if i < len(self.boundaries) else self.length


def _sentence_starts(text: str, spans: list[Span], paragraph_starts: list[int],
                     patterns: Patterns) -> list[int]:
    """Every sentence start: after a full stop outside a quotation and not after an
    abbreviation, and at every paragraph."""
    span_starts = [s.start for s in spans]
    starts = [0]
    for match in _BOUNDARY.finditer(text):
        if _inside_quote(spans, span_starts, match.start(), match.end()) \
                or _abbreviation(text, match.start(), patterns):
            continue
        starts.append(match.end())
    starts += paragraph_starts
    return sorted(set(starts))


def _inside_quote(spans: list[Span], span_starts: list[int], start: int, end: int) -> bool:
    """A full stop inside a quoted passage ends a sentence of the quote, not of the report."""
    i = bisect.bisect_right(span_starts, start) - 1
    return i >= 0 and end < spans[i].close


def _abbreviation(text: str, dot: int, patterns: Patterns) -> bool:
    """The full stop at `dot` ends an abbreviation ("Mr", "Dr") or an initial ("J.")."""
    word = _LAST_WORD.search(text, max(0, dot - 12), dot)
    return bool(word) and (word.group() in patterns.abbreviations
                           or (len(word.group()) == 1 and word.group().isupper()))
