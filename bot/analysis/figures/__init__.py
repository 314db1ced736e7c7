"""Key figures: numbers together with what they count, ranked by how much they matter.

A figure is only useful with its phrase ("more than 4,000 students", "$1.13bn profit"), so
the extractor keeps the approximation word, the unit (currency, percent, scale) and the
counted noun. Years, dates, times, phone numbers and references such as "page 3" are not
key figures and are filtered out. All language knowledge comes from the language pack
(`bot/analysis/lang`, `FigureRules`); nothing here branches on a language code.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..model import Figure
from .patterns import patterns
from .phrases import MAX_CONTEXT
from .rank import importance, restates_a_change, same_fact
from .scan import Candidate, scan

__all__ = ["MAX_CONTEXT", "MAX_VALUE", "extract_figures"]

MAX_VALUE = 40


def extract_figures(
    sentences: Sequence[str], language: str = "en", *, limit: int = 5,
    emphasis: Iterable[int] = (),
) -> list[Figure]:
    """The `limit` most important figures, each fact once; summary sentences weigh more.

    A fact told twice is shown where the report first tells it ("Шесть горняков", not a
    later "до 6 горняков"), weighed by its most important telling.
    """
    if limit <= 0:
        return []
    p = patterns(language)
    found = [c for i, s in enumerate(sentences) for c in scan(s, i, language)]
    found = _first_mentions(_without_rate_periods(found, p.rate_periods))
    restated = frozenset(c for c in found if restates_a_change(c, sentences[c.sentence_index], p))
    chosen = set(emphasis)
    total = max(1, len(sentences))
    facts: list[list] = []                       # [first mention, best score]
    by_amount: dict[float, list[list]] = {}      # a fact told again has the same amount...
    by_context: dict[str, list] = {}             # ...or the very same words
    for candidate in found:
        if len(candidate.value) > MAX_VALUE:
            continue  # not a figure anyone reads: "1 000 000 000 000 000 000 ..."
        score = importance(candidate, total, candidate.sentence_index in chosen)
        said = candidate.context.casefold()
        fact = by_context.get(said) or next(
            (f for f in by_amount.get(candidate.amount, ()) if same_fact(candidate, f[0], p, restated)),
            None)
        if fact is not None:
            fact[1] = max(fact[1], score)
            continue
        fact = [candidate, score]
        facts.append(fact)
        by_context[said] = fact
        if candidate.amount:
            by_amount.setdefault(candidate.amount, []).append(fact)
    facts.sort(key=lambda f: (-f[1], f[0].sentence_index))
    return [Figure(value=c.value, context=c.context, sentence=sentences[c.sentence_index],
                   score=round(score, 3), kind=c.kind) for c, score in facts[:limit]]


def _without_rate_periods(found: list[Candidate], period_words: frozenset[str]) -> list[Candidate]:
    """"ВВП за девять месяцев вырос на 3,2%", "sales rose 5% in three months": a duration
    after "за"/"in" beside a rate of change is the period the rate is measured over, not a
    fact of its own ("a rate of 1.5 percent and a maturity of 30 years" keeps both)."""
    rated = {c.sentence_index for c in found if c.kind == "rate"}
    return [c for c in found if not (c.kind == "duration" and c.sentence_index in rated
                                     and _word_before(c) in period_words)]


def _word_before(candidate: Candidate) -> str:
    """The word before the figure's value in its context: "за" in "ВВП за девять месяцев"."""
    words = candidate.context[: candidate.context.find(candidate.value)].split()
    return words[-1].lower() if words else ""


def _first_mentions(found: list[Candidate]) -> list[Candidate]:
    """"The five writers" is a count the first time the report gives five; after "five
    writers were shortlisted" it refers back and is dropped."""
    seen: set[float] = set()
    kept = []
    for candidate in found:
        if not (candidate.anaphoric and candidate.amount in seen):
            kept.append(candidate)
        seen.add(candidate.amount)
    return kept
