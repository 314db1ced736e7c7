"""Words, stems and stop words without NLTK or downloaded data.

sumy's stemmer imports NLTK, which costs most of a second at start-up; the default path uses
`snowballstemmer` (pure Python, the same Snowball algorithms) or, for a language Snowball
lacks, the pack's suffix list. Stop words and stemmer choice come from the language pack.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache, lru_cache, partial
from itertools import chain
from typing import TypeVar

import snowballstemmer

from .lang import get_pack

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
_EDGE = ".,;:!?\"'()[]{}«»“”‘’„—–-…/*"  # never part of a word at its edges: no letters here
# Words repeat across reports, so stems are memoized, but a long-running bot sees an open-ended
# vocabulary: the memo keeps the most recently used stems only.
STEM_CACHE_SIZE = 50_000
SENTENCE_MEMO = 4096  # sentences whose tokens are kept: one report's worth, for its stages
_Value = TypeVar("_Value")


class TokenMemo(dict[str, _Value]):
    """`compute` of one token, remembered; call `memo.__getitem__` (a plain dict look-up).

    A long report asks tens of thousands of times about a few thousand distinct tokens, so the
    look-up is the cost: half that of `functools.lru_cache`, which reorders its entries on
    every hit. Bounded all the same: a full memo starts afresh, and a report's own tokens
    soon return.
    """

    __slots__ = ("_compute", "_maxsize")

    def __init__(self, compute: Callable[[str], _Value], maxsize: int) -> None:
        super().__init__()
        self._compute = compute
        self._maxsize = maxsize

    def __missing__(self, token: str) -> _Value:
        value = self._compute(token)
        if len(self) >= self._maxsize:
            self.clear()
        self[token] = value
        return value


def words(text: str) -> list[str]:
    """Letter runs (with inner apostrophes and hyphens), as written.

    Most whitespace-separated tokens are all letters, or letters between punctuation, and are
    words as they stand; only the rest go through the regex, which costs about 20 ns a
    character (a word never spans whitespace or punctuation other than its inner apostrophes
    and hyphens, so the result is the same as one findall over the text).
    """
    found: list[str] = []
    for token in text.split():
        if token.isalpha():
            found.append(token)
            continue
        bare = token.strip(_EDGE)  # "said," and "(Reuters)" are one word without the regex
        if bare.isalpha():
            found.append(bare)
        else:
            found.extend(_WORD.findall(token))
    return found


@cache
def stop_words(language: str) -> frozenset[str]:
    return get_pack(language).text.stop_words


@cache
def stemmer(language: str) -> Callable[[str], str]:
    """The language's stemmer on one word (lower-cased first, as sumy's summarizers expect)."""
    stem = _raw_stemmer(language)
    return lambda word: stem(word.lower())


def content_stems(text: str, language: str) -> list[str]:
    """Lower-cased stems of the words that carry meaning (stop words dropped)."""
    return _stems_of(text.lower().split(), language)


def sentence_stems(sentence: str, language: str) -> list[str]:
    """`content_stems` of one sentence, from the tokens furniture scoring split already."""
    return _stems_of(lowered_tokens(sentence), language)


def stems_of_sentences(sentence_tokens: Iterable[Iterable[str]],
                       language: str) -> list[tuple[str, ...]]:
    """`sentence_stems` of each sentence, from its `lowered_tokens`.

    All in C-level passes (the token memo, chaining), with no Python call per sentence: the
    ranker asks for every sentence of a report at once.
    """
    stems = partial(map, token_stems(language))
    return list(map(tuple, map(chain.from_iterable, map(stems, sentence_tokens))))


@lru_cache(maxsize=SENTENCE_MEMO)
def lowered_tokens(sentence: str) -> tuple[str, ...]:
    """The sentence's whitespace-separated tokens, lower-cased, split once per sentence.

    Furniture scoring, debris checks and the ranker's stems and word counts all start from
    these; sharing the very token objects also shares their hashes for the memo look-ups.
    Lower-casing never makes or removes whitespace, so there are as many as in the sentence.
    """
    return tuple(sentence.lower().split())


def in_any_token(test: Callable[[str], bool]) -> Callable[[str], bool]:
    """`test` on each lower-cased token of a sentence, memoized per token (bounded).

    For what never spans whitespace (a word, a literal without a space), whose edges a token's
    edges do not change, the same answer as `test` on the whole lower-cased sentence; tokens
    repeat, so most cost one memo look-up instead of a scan of every sentence.
    """
    holds = TokenMemo(test, STEM_CACHE_SIZE).__getitem__
    return lambda sentence: any(map(holds, lowered_tokens(sentence)))


def _stems_of(lowered: Iterable[str], language: str) -> list[str]:
    return list(chain.from_iterable(map(token_stems(language), lowered)))


@cache
def token_stems(language: str) -> Callable[[str], tuple[str, ...]]:
    """The content stems of one whitespace-separated token ("said," -> ("said",)), memoized.

    Tokens repeat even more than words in news text, so a long report costs one memo look-up
    per token instead of a word scan, a stop-word test and a stem look-up per word; the same
    stems, as no word spans whitespace. Bounded like the stem memo.
    """
    stops = stop_words(language)
    stem = _cached_stem(language)

    def stems(token: str) -> tuple[str, ...]:
        return tuple(stem(w) for w in words(token) if w not in stops and len(w) > 1)

    return TokenMemo(stems, STEM_CACHE_SIZE).__getitem__


@cache
def _cached_stem(language: str) -> Callable[[str], str]:
    """Stemming dominates tokenization cost; words repeat, so memoize per language (bounded)."""
    return lru_cache(maxsize=STEM_CACHE_SIZE)(_raw_stemmer(language))


def _raw_stemmer(language: str) -> Callable[[str], str]:
    rules = get_pack(language).text
    if rules.snowball:
        return snowballstemmer.stemmer(rules.snowball).stemWord
    return suffix_stemmer(rules.suffixes, rules.min_stem)


def suffix_stemmer(suffixes: tuple[str, ...], min_stem: int) -> Callable[[str], str]:
    """A light stemmer: the longest listed suffix goes while `min_stem` letters remain.

    For languages Snowball does not cover; one pass, no recoding, so it conflates inflected
    forms of a word without pretending to be a morphological analyser.
    """
    by_length = sorted(set(suffixes), key=len, reverse=True)

    def stem(word: str) -> str:
        for suffix in by_length:
            if word.endswith(suffix) and len(word) - len(suffix) >= min_stem:
                return word[: -len(suffix)]
        return word

    return stem


class OfflineTokenizer:
    """Drop-in for sumy's Tokenizer: sentences come from our splitter, words from a regex."""

    def __init__(self, language: str) -> None:
        self.language = language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        from .sentences import split_sentences

        return tuple(split_sentences(paragraph, self.language))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))
