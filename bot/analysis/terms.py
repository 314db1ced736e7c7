"""Word-form matching for search terms in either language, as plain strings a database can test.

A text is keyed as its stems between spaces (" gas price rise "), stemmed in the text's own
language; a search word is stemmed in every language with a pack, since a user typing "газа"
in an English chat still means the Russian word. A word matches when any of its stems stands
whole in the key, so "sanction" finds "sanctions" and "газ" finds "газа" and "газом", while
"gas" never matches inside "gasket".

The store imports this for every query, and `briefbot health` opens the store every minute, so
it uses the packs' Snowball stemmers directly (bot.analysis.tokens would import sumy and NLTK).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from .lang import codes, get_pack

# The same letter runs as bot.analysis.tokens.words (with inner apostrophes and hyphens).
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)


@cache
def _stem(language: str) -> Callable[[str], str]:
    """The pack's Snowball stemmer; a language Snowball lacks keeps its words whole."""
    import snowballstemmer  # loads every algorithm: only when a term or key is stemmed

    name = get_pack(language).text.snowball
    if name not in snowballstemmer.algorithms():
        return str
    return cache(snowballstemmer.stemmer(name).stemWord)


def _fold(word: str) -> str:
    return word.casefold().replace("ё", "е")


def stem_key(text: str, language: str) -> str:
    """The text's stems, lower-cased, space-separated and space-padded for whole-stem search."""
    stem = _stem(language)
    return " " + " ".join(stem(_fold(w)) for w in WORD.findall(text)) + " "


def term_stems(term: str) -> list[frozenset[str]]:
    """For each word of the term, the stems it could have in any language with a pack."""
    return [frozenset(_stem(code)(_fold(w)) for code in codes()) for w in WORD.findall(term)]
