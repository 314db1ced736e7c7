"""Key figures: numbers together with what they count, ranked by how much they matter.

A figure is only useful with its phrase ("more than 4,000 students", "$1.13bn profit"), so
the extractor keeps the approximation word, the unit (currency, percent, scale) and the
counted noun. Years, dates, times, phone numbers and references such as "page 3" are not
key figures and are filtered out. All language knowledge comes from the language pack
(`bot/analysis/lang`, `FigureRules`); nothing here branches on a language code.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from ..model import Figure
from .scan import Candidate, scan

__all__ = ["extract_figures"]


def extract_figures(
    sentences: Sequence[str], language: str = "en", *, limit: int = 5,
    emphasis: Iterable[int] = (),
) -> list[Figure]:
    """The `limit` most important figures; sentences in `emphasis` (the summary) weigh more."""
    if limit <= 0:
        return []
    found = [c for i, s in enumerate(sentences) for c in scan(s, i, language)]
    chosen = set(emphasis)
    total = max(1, len(sentences))
    scored = sorted(
        ((_importance(c, total, c.sentence_index in chosen), c) for c in found),
        key=lambda pair: (-pair[0], pair[1].sentence_index),
    )
    figures: list[Figure] = []
    seen: set[str] = set()
    for score, candidate in scored:
        key = candidate.context.casefold()
        if key in seen:
            continue
        seen.add(key)
        figures.append(Figure(value=candidate.value, context=candidate.context,
                              sentence=sentences[candidate.sentence_index], score=round(score, 3)))
        if len(figures) == limit:
            break
    return figures


def _importance(candidate: Candidate, total: int, in_summary: bool) -> float:
    weight = {"money": 3.0, "percent": 2.5, "scaled": 2.5, "count": 2.0, "words": 1.5}[candidate.kind]
    weight += 0.3 if candidate.approximate else 0.0
    weight += min(1.0, math.log10(max(candidate.magnitude, 1.0)) / 6)
    weight += 0.5 * (1 - candidate.sentence_index / total)
    return weight + (0.75 if in_summary else 0.0)
