"""Word-form matching for search terms in either language, as plain strings a database can test.

A text is keyed as its stems between spaces (" gas price rise "), stemmed in the text's own
language; a search word is stemmed in every supported language, since a user typing "газа" in
an English chat still means the Russian word. A word matches when any of its stems stands
whole in the key, so "sanction" finds "sanctions" and "газ" finds "газа" and "газом", while
"gas" never matches inside "gasket".
"""

from __future__ import annotations

from .language import SUPPORTED
from .tokens import stemmer, words


def stem_key(text: str, language: str) -> str:
    """The text's stems, lower-cased, space-separated and space-padded for whole-stem search."""
    stem = stemmer(language)
    return " " + " ".join(stem(w.casefold().replace("ё", "е")) for w in words(text)) + " "


def term_stems(term: str) -> list[frozenset[str]]:
    """For each word of the term, the stems it could have in any supported language."""
    return [frozenset(stemmer(code)(w.casefold().replace("ё", "е")) for code in SUPPORTED)
            for w in words(term)]

