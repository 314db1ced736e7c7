"""Offline language detection for the two languages the reports come in.

A script count is enough to tell Russian from English and needs no model download;
anything else falls back to English, whose tokenizer handles any Latin text.
"""

from __future__ import annotations

SUPPORTED = ("en", "ru")
_SUMY_NAMES = {"en": "english", "ru": "russian"}


def detect_language(text: str, sample: int = 20_000) -> str:
    """'ru' when Cyrillic letters outnumber Latin ones in the first `sample` characters."""
    cyrillic = latin = 0
    for char in text[:sample]:
        if "\u0400" <= char <= "\u04ff":
            cyrillic += 1
        elif char.isascii() and char.isalpha():
            latin += 1
    return "ru" if cyrillic > latin else "en"


def sumy_language(code: str) -> str:
    """The language name sumy's stemmer and stop-word lists expect."""
    return _SUMY_NAMES.get(code, "english")
