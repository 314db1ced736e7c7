"""The same story told by several sources: group near-duplicate reports into one digest item.

Exact copies already share a content id; rewrites of one wire story do not. Reports are
compared by TF-IDF cosine over their content stems (stop words out, Snowball stems, so
"pledged"/"pledges" and "министр"/"министра" count as one word). The IDF is smoothed so that a
batch made only of the same story still weighs the words the reports share. Grouping is greedy
in digest order against each group's first report, so similarity never chains A~B~C into one
item when A and C are different stories.

Wording alone is not enough: templated reports (one regional bulletin per city) share nearly
every word but tell different stories. Rewrites of one story repeat its numbers, so reports
that both carry numbers must also share a third of them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from ..analysis.model import Analysis, Figure, Quote
from ..analysis.tokens import content_stems

DEFAULT_THRESHOLD = 0.4
_MAX_CHARS = 20_000  # the opening of a report says what story it tells
_NUMBER = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:[,\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)")


def vectors(texts: Sequence[tuple[str, str]]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors of (text, language) pairs, IDF taken over these texts."""
    return weigh([stem_counts(text, language) for text, language in texts])


def stem_counts(text: str, language: str) -> Counter[str]:
    """Content stems of a report's opening, counted (what `vectors` weighs)."""
    return Counter(content_stems(text[:_MAX_CHARS], language))


def weigh(counts: Sequence[Counter[str]]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors of stem counts, IDF taken over these counts."""
    frequency: Counter[str] = Counter()
    for count in counts:
        frequency.update(count.keys())
    total = len(counts)
    idf = {term: math.log((1 + total) / (1 + df)) + 1.0 for term, df in frequency.items()}
    result = []
    for count in counts:
        weights = {term: (1.0 + math.log(n)) * idf[term] for term, n in count.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        result.append({term: w / norm for term, w in weights.items()})
    return result


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(term, 0.0) for term, w in a.items())


def numbers(text: str) -> frozenset[str]:
    """The numbers a text states, written one way: "4,000", "4 000" and "4000" alike; "2,4" is 2.4."""
    found = set()
    for match in _NUMBER.finditer(text[:_MAX_CHARS]):
        raw = match.group()
        if re.search(r"[,\u00a0 ]\d{3}(?:\D|$)", raw):
            raw = re.sub(r"[,\u00a0 ](?=\d{3})", "", raw)
        raw = raw.replace(",", ".")
        found.add(raw.rstrip("0").rstrip(".") if "." in raw else raw)
    return frozenset(found)


def numbers_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when either text has no numbers or they share at least a third of the smaller set."""
    if not a or not b:
        return True
    return len(a & b) * 3 >= min(len(a), len(b))


def same_story(a: dict[str, float], b: dict[str, float], numbers_a: frozenset[str],
               numbers_b: frozenset[str], threshold: float) -> bool:
    return cosine(a, b) >= threshold and numbers_agree(numbers_a, numbers_b)


def group_similar(analyses: Sequence[Analysis], threshold: float) -> list[list[Analysis]]:
    """Groups in digest order; a report joins the first group whose first report it matches.

    Reports in different languages are never compared (their stems cannot match anyway).
    """
    vecs = vectors([(a.report.text, a.report.language) for a in analyses])
    nums = [numbers(a.report.text) for a in analyses]
    groups: list[list[int]] = []
    for index, analysis in enumerate(analyses):
        for group in groups:
            head = group[0]
            if analyses[head].report.language == analysis.report.language \
                    and same_story(vecs[head], vecs[index], nums[head], nums[index], threshold):
                group.append(index)
                break
        else:
            groups.append([index])
    return [[analyses[i] for i in group] for group in groups]


def merged_figures(analyses: Sequence[Analysis]) -> tuple[Figure, ...]:
    """Every report's figures, in report order, each phrase once."""
    seen: set[str] = set()
    figures = []
    for analysis in analyses:
        for figure in analysis.figures:
            key = " ".join(figure.context.split()).casefold()
            if key not in seen:
                seen.add(key)
                figures.append(figure)
    return tuple(figures)


def merged_quotes(analyses: Sequence[Analysis]) -> tuple[Quote, ...]:
    """Every report's quotes, each quotation once (a named speaker wins over none)."""
    order: list[str] = []
    quotes: dict[str, Quote] = {}
    for analysis in analyses:
        for quote in analysis.quotes:
            key = " ".join(quote.text.split()).casefold().strip(" .,!?…")
            if key not in quotes:
                order.append(key)
                quotes[key] = quote
            elif quotes[key].speaker is None and quote.speaker is not None:
                quotes[key] = quote
    return tuple(quotes[key] for key in order)
