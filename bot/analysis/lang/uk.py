"""Українська: the language pack (text, figures, quotes rules as data)."""

from __future__ import annotations

from .figure_rules import FigureRules
from .pack import LanguagePack
from .quote_rules import QuoteRules
from .text_rules import TextRules

# ---------------------------------------------------------------------------------------------
# Text: cleaning, sentences, detection, stems, stop words.
# ---------------------------------------------------------------------------------------------

TEXT = TextRules(
    snowball="ukrainian",
)

# ---------------------------------------------------------------------------------------------
# Figures: number words, scales, currencies, months.
# ---------------------------------------------------------------------------------------------

FIGURES = FigureRules(
)

# ---------------------------------------------------------------------------------------------
# Quotes: speech verbs, pronouns, role nouns.
# ---------------------------------------------------------------------------------------------

QUOTES = QuoteRules(
)

# ---------------------------------------------------------------------------------------------

PACK = LanguagePack(code="uk", name="Українська", text=TEXT, figures=FIGURES, quotes=QUOTES)
