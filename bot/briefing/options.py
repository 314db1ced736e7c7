"""Settings -> SummaryOptions, once for the bot and the CLI, and the cache key of an analysis."""

from __future__ import annotations

from bot.analysis.model import SummaryOptions
from bot.settings import SummarySettings


def summary_options(summary: SummarySettings, **overrides: object) -> SummaryOptions:
    """The options a digest uses; the CLI overrides some of them from its flags (None: keep)."""
    values = {"sentences": summary.sentences, "algorithm": summary.algorithm,
              "figures": summary.figures, "quotes": summary.quotes}
    values.update({k: v for k, v in overrides.items() if v is not None})
    return SummaryOptions(**values)  # type: ignore[arg-type]


def options_key(options: SummaryOptions) -> str:
    """Cache key for analyses: a change of settings means new analyses, not stale ones."""
    return (f"{options.algorithm}|s={options.sentences}|r={options.ratio}"
            f"|f={options.figures}|q={options.quotes}")
