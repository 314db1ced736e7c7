"""How much of a sentence is page furniture, and whether it is debris no summary should carry.

Cleaning drops whole boilerplate lines, but scraped news often glues furniture to the
article ("By . Associated Press . PUBLISHED: 10:05 EST, 3 March 2013 ."), so the
ranker scores what survives and gives such sentences near-zero weight.

Debris is what a reader must never get as a summary bullet: photo captions and credits,
credit lines ("Prepared by the research desk."), issue stamps ("operational summary No. 3,
issued at 14:30") and document metadata (an unpunctuated line ending in a date). The words
come from the language pack; the shapes are the same in every language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lang import get_pack

# Punctuation tokens and the copyright sign are furniture in every language.
_GENERAL_META = frozenset("| . : , / - – —".split())
_META_NUMBER = re.compile(r"^\d{1,4}(?::\d{2}(?:am|pm)?|st|nd|rd|th)?$", re.IGNORECASE)
# A line with no closing punctuation that ends in a year or a date is a document's metadata:
# "Briefing note, Bishkek, 14 February 2025".
_UNFINISHED = re.compile(r"[.!?…:;\"'”’»)]$")
_ENDS_IN_DATE = re.compile(r"(?:\b(?:19|20)\d{2}|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4})$")
METADATA_WORDS = 14  # longer unpunctuated lines are run-on prose, not a header


@dataclass(frozen=True)
class _Rules:
    phrases: re.Pattern[str]
    meta_words: frozenset[str]
    bylines: tuple[str, ...]
    debris: re.Pattern[str]


@cache
def _rules(language: str) -> _Rules:
    text = get_pack(language).text
    phrases = "|".join((*text.furniture_phrases, "©"))
    captions = "|".join(f"(?:{p})" for p in text.captions) or "(?!)"
    credits = "|".join(f"(?:{p})" for p in text.credits) or "(?!)"
    stamps = "|".join(f"(?:{p})" for p in text.stamps) or "(?!)"
    debris = rf"{captions}|^[*_\s]*(?:{credits})|{stamps}"
    return _Rules(
        phrases=re.compile(phrases, re.IGNORECASE),
        meta_words=text.meta_words | _GENERAL_META,
        bylines=text.byline_openers,
        debris=re.compile(debris, re.IGNORECASE),
    )


def furniture_score(sentence: str, language: str = "en") -> float:
    """0.0 for prose, 1.0 for pure furniture; a phrase match counts as mostly furniture."""
    tokens = sentence.split()
    if not tokens:
        return 1.0
    rules = _rules(language)
    meta_words = rules.meta_words
    meta = 0
    for token in tokens:
        token = token.strip("()[],;").lower()
        if token in meta_words or (token[:1].isdigit() and _META_NUMBER.match(token)):
            meta += 1
    share = meta / len(tokens)
    if rules.phrases.search(sentence):
        share = max(share, 0.8)
    if tokens[0] in rules.bylines and len(tokens) <= 6:
        share = max(share, 0.9)  # a byline standing alone
    return min(1.0, share)


def is_debris(sentence: str, language: str = "en") -> bool:
    """A caption, photo credit, credit line, issue stamp or metadata line: never a summary."""
    if _is_metadata(sentence):
        return True
    return bool(_rules(language).debris.search(sentence))


def _is_metadata(sentence: str) -> bool:
    stripped = sentence.strip()
    return (not _UNFINISHED.search(stripped) and len(stripped.split()) <= METADATA_WORDS
            and bool(_ENDS_IN_DATE.search(stripped)))
