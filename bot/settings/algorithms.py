"""Summary algorithm names as users type them, checked without paying for the rankers.

The spellings (sumy's "lex-rank", "text-rank", "sum-basic", "KL-Sum") are resolved in one
place, `bot.analysis.ranking.resolve_algorithm`; this module only imports it lazily, because
the rankers pull in numpy, which `briefbot health` and `--help` should not pay for.
"""

from __future__ import annotations

from functools import cache

DEFAULT = "default"  # the project's own ranker: known without importing the rankers


@cache
def algorithms() -> tuple[str, ...]:
    """The rankers' names (imported on first use)."""
    from bot.analysis.ranking import ALGORITHMS

    return ALGORITHMS


def resolve_algorithm(name: str) -> str | None:
    """The ranker name for `name` (case and sumy's spellings tolerated), or None if unknown."""
    if name.strip().lower() == DEFAULT:
        return DEFAULT
    from bot.analysis.ranking import resolve_algorithm as resolve

    try:
        return resolve(name)
    except ValueError:
        return None


__all__ = ["algorithms", "resolve_algorithm"]
