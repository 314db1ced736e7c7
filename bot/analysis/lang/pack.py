"""The shape of a language pack: a name and the three rule groups the pipeline compiles."""

from __future__ import annotations

from dataclasses import dataclass

from .figure_rules import FigureRules
from .quote_rules import QuoteRules
from .text_rules import TextRules


@dataclass(frozen=True)
class LanguagePack:
    """Everything the pipeline knows about one language; built once per language module."""

    code: str            # ISO 639-1: "en", "ru", "uk"
    name: str            # in the language itself, for labels: "English", "Русский"
    text: TextRules
    figures: FigureRules
    quotes: QuoteRules
