"""Extractive sentence ranking: the project's default ranker and sumy's algorithms by name.

Every ranker shares one call shape, (sentences, count, language, title) -> indices, so the
pipeline and the benchmark switch algorithms by name alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .default import rank_default
from .sumy_adapter import SUMY_ALGORITHMS, sumy_ranker

Ranker = Callable[[Sequence[str], int, str, str], list[int]]

_RANKERS: dict[str, Ranker] = {"default": rank_default}
_RANKERS.update({name: sumy_ranker(name) for name in SUMY_ALGORITHMS})
ALGORITHMS: tuple[str, ...] = tuple(_RANKERS)

__all__ = ["ALGORITHMS", "rank"]


def rank(
    sentences: Sequence[str],
    count: int,
    *,
    language: str = "en",
    algorithm: str = "default",
    title: str = "",
) -> list[int]:
    """Indices of the `count` best sentences, ascending (document order)."""
    ranker = _RANKERS.get(algorithm)
    if ranker is None:
        raise ValueError(
            f"unknown summary algorithm {algorithm!r}; valid: {', '.join(ALGORITHMS)}"
        )
    if not sentences or count <= 0:
        return []
    return ranker(sentences, count, language, title)
