"""What a briefing reader needs first, and each fact once.

People killed, injured, trapped or missing come first, then people evacuated or arrested
(whatever the sum of money beside them), then match scores, sums of money, rates of
change and shares of a plan, then plain percentages and counts; durations last. Bigger,
earlier and summarised figures weigh a little more.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from .patterns import WORD_CACHE_SIZE, FigurePatterns
from .scan import Candidate

_WEIGHTS = {
    "casualties": 6.5, "people": 5.5, "score": 3.5, "plan": 3.4, "rate": 3.2, "money": 3.0, "percent": 2.5,
    "count": 2.0, "duration": 1.2,
}
_STEM = re.compile(r"[^\W\d_]{3,}")
_CURRENCY_NOISE = re.compile(r"[\d.,\s]")


def importance(candidate: Candidate, total: int, in_summary: bool) -> float:
    weight = _WEIGHTS[candidate.kind]
    weight += 0.3 if candidate.approximate else 0.0
    if candidate.kind in ("money", "count"):
        weight += min(1.0, math.log10(max(candidate.amount, 1.0)) / 6)
    weight += 0.5 * (1 - candidate.sentence_index / total)
    return weight + (0.75 if in_summary else 0.0)


def same_fact(a: Candidate, b: Candidate, p: FigurePatterns,
              restated: frozenset[Candidate] = frozenset()) -> bool:
    """"Six miners" and "6 miners", "18 туристов" and "18 человек": one fact told twice.

    Counts of the same size are one fact when they count the same thing (the same head noun:
    "two families" and "two family friends" are two facts) or one of them counts plain
    people, unless both are vague sizes ("Millions of Indonesians", "Millions of people": a
    size, not a tally that could be the same); percentages when their phrases share a stem;
    sums when they are the same amount in the same currency, wherever in the report; "a 30%
    hike" restates an earlier change of 30% ("raising prices by as much as 30%").
    """
    if a.context.casefold() == b.context.casefold():
        return True
    if a.sentence_index == b.sentence_index:
        return False  # one sentence does not tell the same fact twice
    if a.amount != b.amount or not a.amount or _group(a) != _group(b):
        return False
    if _vague(a) != _vague(b):
        return False  # "миллионы гектаров" and "более 1 миллиона гектаров" are two facts
    if a.kind == b.kind == "money" and _currency(a.value) == _currency(b.value):
        return True  # "$280bn" in the lead and "$280bn in profits" later: one sum, told twice
    if _group(a) == "count":
        counted = _head if p.head_last else _stems
        return bool(counted(a.noun) & counted(b.noun)) or (not _vague(a) and bool(
            set(a.noun.split()) & p.generic_nouns or set(b.noun.split()) & p.generic_nouns))
    if "rate" in (a.kind, b.kind) and (a in restated or b in restated):
        return True
    return bool(_stems(a.noun) & _stems(b.noun))


def restates_a_change(candidate: Candidate, sentence: str, p: FigurePatterns) -> bool:
    """"if a 30% hike is suitable": an article, the figure and a change noun that measures
    nothing of its own (not "a 5% rise in wages") refer back to a change already told."""
    if candidate.kind != "rate":
        return False
    found = re.search(rf"(?<![\w])(\w+)\s+{re.escape(candidate.value)}\s+(\w+)(?:\s+(\w+))?", sentence)
    return bool(found and found.group(1).lower() in p.articles
                and p.change.fullmatch(found.group(2))
                and (found.group(3) or "").lower() not in p.measured_by)


def _currency(value: str) -> str:
    """"$280bn" -> "$bn": the currency and scale as written, digits dropped (a figure's value
    is its original sum; a conversion stays in the context)."""
    return _CURRENCY_NOISE.sub("", value).casefold()


def _vague(candidate: Candidate) -> bool:
    """A scale word with no digits ("thousands", "миллионы"): a vague size, never the same
    fact as an exact number of the same scale."""
    return candidate.amount >= 1000 and not any(map(str.isdigit, candidate.value))


def _group(candidate: Candidate) -> str:
    if candidate.kind in ("casualties", "people", "count", "duration"):
        return "count"
    if candidate.kind in ("rate", "plan", "percent"):
        return "percent"
    return candidate.kind


@lru_cache(maxsize=WORD_CACHE_SIZE)  # a figure is compared with every other of its amount
def _head(noun: str) -> frozenset[str]:
    """The stem of a counted phrase's last word, its head noun: "family friends" -> "frie"."""
    return _stems(noun.split()[-1]) if noun.split() else frozenset()


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _stems(text: str) -> frozenset[str]:
    return frozenset(w[:4] for w in _STEM.findall(text.lower()))
