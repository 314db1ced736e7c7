"""Rules for cleaning, sentence splitting, detection, stems and stop words (owned by the text stage)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextRules:
    """Language data for clean.py, sentences.py, language.py and tokens.py."""

    snowball: str = "english"                     # snowballstemmer algorithm name
    stop_words: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()   # lower case, without the final dot
