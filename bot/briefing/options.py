"""The cache key of an analysis (settings -> options is `SummaryOptions.from_settings`)."""

from __future__ import annotations

from bot.analysis.model import SummaryOptions


def options_key(options: SummaryOptions) -> str:
    """Cache key for analyses: a change of settings means new analyses, not stale ones."""
    return (f"{options.algorithm}|s={options.sentences}|r={options.ratio}"
            f"|f={options.figures}|q={options.quotes}")
