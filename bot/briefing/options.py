"""Settings -> SummaryOptions for the bot, and the cache key of an analysis."""

from __future__ import annotations

from bot.analysis.model import SummaryOptions

# The one mapping lives on SummaryOptions (the CLI uses it too, then applies its flags);
# this name is what the bot's modules import.
summary_options = SummaryOptions.from_settings


def options_key(options: SummaryOptions) -> str:
    """Cache key for analyses: a change of settings means new analyses, not stale ones."""
    return (f"{options.algorithm}|s={options.sentences}|r={options.ratio}"
            f"|f={options.figures}|q={options.quotes}")
