"""Extractive sentence ranking: the project's default ranker and sumy's algorithms by name.

Every ranker shares one call shape, (sentences, count, language, title) -> indices, so the
pipeline and the benchmark switch algorithms by name alone. sumy (and the NLTK it imports)
is loaded only when one of its algorithms is asked for: the default path starts fast.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from .default import rank_default

Ranker = Callable[[Sequence[str], int, str, str], list[int]]

SUMY_ALGORITHMS: tuple[str, ...] = (
    "lexrank", "textrank", "lsa", "luhn", "edmundson", "kl", "sumbasic", "reduction",
)
ALGORITHMS: tuple[str, ...] = ("default", *SUMY_ALGORITHMS)
_ALIASES = {"klsum": "kl"}  # sumy's docs call KL "KL-Sum"

__all__ = ["ALGORITHMS", "SUMY_ALGORITHMS", "rank", "resolve_algorithm"]


def resolve_algorithm(name: str) -> str:
    """The canonical name for `name`, accepting sumy's spellings ("lex-rank", "Text_Rank").

    Raises ValueError naming the valid algorithms for anything else.
    """
    canonical = re.sub(r"[\s_-]+", "", name.strip().lower())
    canonical = _ALIASES.get(canonical, canonical)
    if canonical in ALGORITHMS:
        return canonical
    raise ValueError(f"unknown summary algorithm {name!r}; valid: {', '.join(ALGORITHMS)}")


def rank(
    sentences: Sequence[str],
    count: int,
    *,
    language: str = "en",
    algorithm: str = "default",
    title: str = "",
    exclude: Collection[int] = (),
) -> list[int]:
    """Indices of the `count` best sentences, ascending (document order).

    Sentences in `exclude` (debris the caller recognised) are ranked out: the others are
    ranked as a report of their own, and excluded ones fill in, in document order, only when
    more sentences are asked for than the others provide (the count is a promise).
    """
    ranker = _ranker(resolve_algorithm(algorithm))
    if not sentences or count <= 0:
        return []
    kept = [i for i in range(len(sentences)) if i not in exclude] if exclude else []
    if not exclude or not kept:
        return ranker(sentences, count, language, title)
    chosen = [kept[i] for i in ranker([sentences[i] for i in kept], count, language, title)]
    missing = min(count, len(sentences)) - len(chosen)
    if missing > 0:
        chosen += [i for i in range(len(sentences)) if i in exclude][:missing]
    return sorted(chosen)


def _ranker(name: str) -> Ranker:
    if name == "default":
        return rank_default
    from .sumy_adapter import sumy_ranker

    return sumy_ranker(name)
