"""Words, stems and stop words without NLTK data files.

sumy's default tokenizer calls NLTK's punkt, which is not installed offline; a regular
expression over Unicode letters and sumy's Snowball stemmers need nothing downloaded.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from sumy.nlp.stemmers import Stemmer
from sumy.utils import get_stop_words

from .language import sumy_language

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)


def words(text: str) -> list[str]:
    """Letter runs (with inner apostrophes and hyphens), as written."""
    return _WORD.findall(text)


@cache
def stop_words(language: str) -> frozenset[str]:
    if language == "ru":
        raw = resources.files("bot.analysis").joinpath("data/stopwords_ru.txt").read_text("utf-8")
        return frozenset(
            line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#")
        )
    return frozenset(get_stop_words(sumy_language(language)))


@cache
def stemmer(language: str) -> Stemmer:
    return Stemmer(sumy_language(language))


def content_stems(text: str, language: str) -> list[str]:
    """Lower-cased stems of the words that carry meaning (stop words dropped)."""
    stops = stop_words(language)
    stem = _cached_stem(language)
    return [stem(w) for w in (w.lower() for w in words(text)) if w not in stops and len(w) > 1]


@cache
def _cached_stem(language: str):
    """Stemming dominates tokenization cost; words repeat, so memoize per language."""
    return cache(stemmer(language))


class OfflineTokenizer:
    """Drop-in for sumy's Tokenizer: sentences come from our splitter, words from a regex."""

    def __init__(self, language: str) -> None:
        self.language = sumy_language(language)
        self._code = language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        from .sentences import split_sentences

        return tuple(split_sentences(paragraph, self._code))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))
