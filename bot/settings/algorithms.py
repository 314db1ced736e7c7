"""Summary algorithm names as users type them: briefbot's names and sumy's spellings.

sumy's own command line says `lex-rank`, `text-rank`, `sum-basic`; people who come from it
type those. Until bot.analysis.ranking offers `resolve_algorithm`, this table is the one
place that maps a spelling to a ranker name (the settings and the CLI both ask here).
"""

from __future__ import annotations

from bot.analysis.ranking import ALGORITHMS

try:  # the ranking package's own resolver wins once it exists
    from bot.analysis.ranking import resolve_algorithm as _ranking_resolver  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - depends on merge order
    _ranking_resolver = None

ALIASES = {
    "lex-rank": "lexrank",
    "text-rank": "textrank",
    "sum-basic": "sumbasic",
    "kl-sum": "kl",
    "klsum": "kl",
}


def resolve_algorithm(name: str) -> str | None:
    """The ranker name for `name` (case and sumy's hyphens tolerated), or None if unknown."""
    if _ranking_resolver is not None:
        try:
            return _ranking_resolver(name)
        except (KeyError, ValueError):
            return None
    spelled = name.strip().lower()
    spelled = ALIASES.get(spelled, spelled)
    return spelled if spelled in ALGORITHMS else None


def algorithm_names() -> tuple[str, ...]:
    """Every accepted spelling, canonical names first (for --help and error messages)."""
    return (*ALGORITHMS, *ALIASES)


__all__ = ["ALGORITHMS", "ALIASES", "algorithm_names", "resolve_algorithm"]
