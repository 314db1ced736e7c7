"""Direct quotations and who said them, in any language with a pack (bot/analysis/lang).

Quotes are found in the whole text, not per sentence, because one quotation often spans
several sentences: `spans` finds the quoted passages, `entities` the people and organisations
the report names, `attribution` reads who said each passage and `extraction` walks the report
once, deciding which passages are quotations. The language only selects the pack's
QuoteRules; nothing here branches on a language code.
"""

from __future__ import annotations

from bot.analysis.model import Quote

from .attribution import Reader
from .bodies import with_bodies
from .entities import find_entities
from .extraction import MAX_QUOTE_CHARS, Extraction, is_candidate
from .interview import find_interview
from .rules import patterns
from .spans import find_spans, masked

__all__ = ["MAX_QUOTE_CHARS", "extract_quotes", "patterns"]


# With a limit, a long report is read from its beginning in growing windows, so a digest's
# first three quotes do not pay for reading a 1,600-sentence report to its end.
FIRST_WINDOW = 20_000


def extract_quotes(text: str, language: str = "en", *, limit: int | None = None) -> list[Quote]:
    """Direct quotations in document order, each with its speaker or None."""
    window = FIRST_WINDOW
    while limit is not None and window < len(text):
        cut = text.rfind("\n", 0, window)
        found = _extract(text[: cut if cut > window // 2 else window], language, limit)
        if len(found) >= limit:
            return found
        window *= 4
    return _extract(text, language, limit)


def _extract(text: str, language: str, limit: int | None) -> list[Quote]:
    rules = patterns(language)
    spans = [s for s in find_spans(text, rules) if is_candidate(text, s, rules)]
    if not spans:
        return []
    spans, interview = find_interview(text, spans, rules)
    blanked = masked(text, spans)
    named = with_bodies(text, blanked, find_entities(text, blanked, language), rules)
    reader = Reader(text, blanked, spans, named, rules)
    return Extraction(text, reader, spans, interview).run(limit)
