"""Summary algorithm names as users type them: briefbot's names and sumy's spellings.

sumy's own command line says `lex-rank`, `text-rank`, `sum-basic`; people who come from it
type those. Until bot.analysis.ranking offers `resolve_algorithm`, this table is the one
place that maps a spelling to a ranker name (the settings and the CLI both ask here).
"""

from __future__ import annotations

from functools import cache

DEFAULT = "default"  # the project's own ranker: known without importing the rankers
ALIASES = {
    "lex-rank": "lexrank",
    "text-rank": "textrank",
    "sum-basic": "sumbasic",
    "kl-sum": "kl",
    "klsum": "kl",
}


@cache
def algorithms() -> tuple[str, ...]:
    """The rankers' names. Imported on first use: the rankers pull in sumy and NLTK (over a
    second), which `briefbot health` and `--help` should not pay for."""
    from bot.analysis.ranking import ALGORITHMS

    return ALGORITHMS


def resolve_algorithm(name: str) -> str | None:
    """The ranker name for `name` (case and sumy's hyphens tolerated), or None if unknown."""
    spelled = name.strip().lower()
    spelled = ALIASES.get(spelled, spelled)
    if spelled == DEFAULT:
        return DEFAULT
    try:  # the ranking package's own resolver wins once it exists
        from bot.analysis.ranking import resolve_algorithm as ranking_resolver  # type: ignore[attr-defined]
    except ImportError:
        return spelled if spelled in algorithms() else None
    try:
        return ranking_resolver(name)
    except (KeyError, ValueError):
        return None


def algorithm_names() -> tuple[str, ...]:
    """Every accepted spelling, canonical names first (for --help and error messages)."""
    return (*algorithms(), *ALIASES)


__all__ = ["ALIASES", "algorithm_names", "algorithms", "resolve_algorithm"]
