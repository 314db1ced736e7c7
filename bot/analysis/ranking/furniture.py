"""How much of a sentence is page furniture, and whether it is debris no summary should carry.

Cleaning drops whole boilerplate lines, but scraped news often glues furniture to the
article ("By . Associated Press . PUBLISHED: 10:05 EST, 3 March 2013 ."), so the
ranker scores what survives and gives such sentences near-zero weight.

Debris is what a reader must never get as a summary bullet: photo captions and credits,
credit lines ("Prepared by the research desk."), issue stamps ("operational summary No. 3,
issued at 14:30") and document metadata (an unpunctuated line ending in a date). The words
come from the language pack (regex fragments written in lower case; those opening with "^"
hold at the start of the sentence only); the shapes are the same in every language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from ..figures.patterns import literal_trie
from ..lang import get_pack
from ..tokens import TokenMemo, lowered_tokens

# Punctuation tokens and the copyright sign are furniture in every language.
_GENERAL_META = frozenset("| . : , / - – —".split())
_META_NUMBER = re.compile(r"^\d{1,4}(?::\d{2}(?:am|pm)?|st|nd|rd|th)?$", re.IGNORECASE)
# A line with no closing punctuation whose last comma-separated part is a date is a document's
# metadata: "Briefing note, Bishkek, 14 February 2025" (but not the bullet "Exports rose in 2024").
_CLOSING = tuple(".!?…:;\"'”’»)")  # the last character of a finished line
_ENDS_IN_DATE = re.compile(
    r",\s*(?:\S+\s+){0,3}(?:(?:19|20)\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})$")
METADATA_WORDS = 14  # longer unpunctuated lines are run-on prose, not a header
# A photo caption's label: one word and a colon before a name, "Bitten: Sarah Collins,
# pictured ..." or "Rescued: The four hikers ..." (prose puts a subject first: "He said: The").
_CAPTION_LABEL = re.compile(r"^[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ'’-]+: [A-ZА-ЯЁІЇЄҐ\"“«]")
TOKEN_MEMO = 50_000  # tokens remembered per language: an open-ended vocabulary, bounded
FURNITURE = 0.8  # a furniture share from which a sentence is furniture, not text


class Prefiltered:
    """A union of regex fragments, tried only where the text holds one of their literals.

    Python's regex engine tries every group of alternatives at every position, about 15 µs per
    news sentence for a dozen fragments; one scan for plain literals costs a fraction of that
    and rules out almost every prose sentence. Each fragment yields the literal words one of which
    any match must contain (its leading letters, or each alternative of a leading group).
    A fragment that opens with its literal is matched only where a literal starts, so common
    words ("may", "share", "report") cost no search of the whole sentence; one whose literal is
    inside is searched in the whole text once one of its literals occurs; a fragment that
    yields none is searched always.
    """

    def __init__(self, fragments: Sequence[str]) -> None:
        opening: list[str] = []
        inner: list[str] = []
        always: list[str] = []
        literals: dict[str, None] = {}
        inner_literals: list[str] = []
        for fragment in fragments:
            found = _literals(fragment)
            if found is None:
                always.append(fragment)
                continue
            words, leading = found
            (opening if leading else inner).append(fragment)
            literals.update(dict.fromkeys(words))
            if not leading:
                inner_literals.extend(words)
        self.literals = tuple(literals)
        self._find = re.compile(literal_trie(self.literals)).search  # a trie: ~20% faster
        # No literal holds a space: each lies inside one token, which can be tested alone.
        self.literals_in_token = all(len(literal.split()) == 1 for literal in self.literals)
        self._opening = re.compile(_alternatives(opening)).match
        self._inner = re.compile(_alternatives(inner)).search
        self._inner_literals = tuple(inner_literals)
        self._always = re.compile(_alternatives(always)).search if always else None
        self.needs_literal = not always  # every match holds one of `literals`

    def holds_literal(self, lowered: str) -> bool:
        return self._find(lowered) is not None

    def search(self, lowered: str) -> bool:
        if self._always is not None and self._always(lowered):
            return True
        inner_searched = not self._inner_literals
        position = 0
        while (found := self._find(lowered, position)) is not None:
            position = found.start()  # every literal's start, overlapping ones too
            if self._opening(lowered, position):
                return True
            if not inner_searched and lowered.startswith(self._inner_literals, position):
                inner_searched = True
                if self._inner(lowered):
                    return True
            position += 1
        return False


_LEADING_GROUP = re.compile(r"\(\?:([^()\[\]\\?*+{}.^$]+)\)")
_LEADING_WORD = re.compile(r"(?:[^\W\d_]|\\\(|[©№#@])+")
_PLAIN_WORD = re.compile(r"(?<!\\)[^\W\d_]{3,}(?![?*{])")


def _literals(fragment: str) -> tuple[tuple[str, ...], bool] | None:
    """Literals one of which every match of `fragment` contains, and whether every match opens
    with one; None when unsure.

    A fragment without groups or alternatives contains each of its plain words (the longest,
    usually the rarest, is kept); otherwise the leading word or the alternatives of a leading
    group are what a match must start with.
    """
    if not any(c in fragment for c in "|()[]"):
        words = _PLAIN_WORD.findall(fragment)
        if words:
            longest = max(words, key=len)
            return (longest,), fragment.startswith(longest)
    group = _LEADING_GROUP.match(fragment)
    if group and fragment[group.end():group.end() + 1] in ("?", "*", "{"):
        return None  # an optional leading group: a match need not contain it
    if group:
        return tuple(group.group(1).split("|")), True
    word = _LEADING_WORD.match(fragment)
    if not word:
        return None
    literal = word.group().replace("\\(", "(")
    if fragment[word.end():word.end() + 1] in ("?", "*", "{"):
        literal = literal[:-1]  # "comments?": the last letter is optional
    return ((literal,), True) if literal else None


@dataclass(frozen=True)
class _Rules:
    """One language's patterns, compiled for lower-cased text (no IGNORECASE: faster)."""

    phrases: Prefiltered
    meta_words: frozenset[str]
    bylines: tuple[str, ...]
    debris_start: re.Pattern[str]
    debris_anywhere: Prefiltered


@cache
def _rules(language: str) -> _Rules:
    text = get_pack(language).text
    debris = (*text.captions, *(f"^[*_\\s]*(?:{p})" for p in text.credits), *text.stamps)
    phrases = Prefiltered((*text.furniture_phrases, "©"))
    anywhere = Prefiltered([p for p in debris if not p.startswith("^")])
    return _Rules(
        phrases=phrases,
        meta_words=text.meta_words | _GENERAL_META,
        bylines=text.byline_openers,
        debris_start=re.compile(_alternatives([p[1:] for p in debris if p.startswith("^")])),
        debris_anywhere=anywhere,
    )


def _alternatives(patterns: Sequence[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns) or "(?!)"


# A token's facts in one int, so that a sentence's facts are one sum: its furniture count (0-2),
# plus _PHRASE_LITERAL if it holds a literal of the furniture phrases and _DEBRIS_LITERAL if one
# of the debris phrases. Each field counts tokens, far below _FIELD (the next field's unit).
_FIELD = 1 << 24
_PHRASE_LITERAL = _FIELD
_DEBRIS_LITERAL = _FIELD * _FIELD


@cache
def _token_facts(language: str) -> Callable[[str], int]:
    """What `assess` asks of one lower-cased token, in one memo look-up: how much furniture it
    is (a meta word, a meta number such as "10:05" or "3rd", or both) and which phrase lists
    have a literal inside it. Tokens repeat, so a long report costs one look-up per token."""
    rules = _rules(language)
    meta_words = rules.meta_words
    phrases, debris = rules.phrases, rules.debris_anywhere
    phrase_unit = _PHRASE_LITERAL if phrases.literals_in_token else 0
    debris_unit = _DEBRIS_LITERAL if debris.literals_in_token else 0

    def facts(token: str) -> int:
        word = token.strip("()[],;")
        meta = (word in meta_words) + bool(word[:1].isdigit() and _META_NUMBER.match(word))
        return (meta + (phrase_unit if phrase_unit and phrases.holds_literal(token) else 0)
                + (debris_unit if debris_unit and debris.holds_literal(token) else 0))

    return TokenMemo(facts, TOKEN_MEMO).__getitem__


class Assessment(NamedTuple):
    """What the pipeline and the ranker ask about one sentence, worked out together."""

    furniture: float  # 0.0 for prose, 1.0 for pure furniture
    debris: bool      # never a summary sentence


@lru_cache(maxsize=4096)  # the pipeline (debris) and the ranker (both) ask in turn
def assess(sentence: str, language: str = "en") -> Assessment:
    """The sentence's furniture share and whether it is debris.

    Both read the same lower-cased tokens; one memo look-up per token tells which phrase list
    has a literal in the sentence, which rules out most sentences for both lists.
    """
    rules = _rules(language)
    lowered = sentence.lower()
    tokens = lowered_tokens(sentence)
    facts = sum(map(_token_facts(language), tokens))
    furniture = _furniture_share(sentence, tokens, facts % _FIELD,
                                 _search(rules.phrases, lowered, facts, _PHRASE_LITERAL),
                                 rules.bylines)
    debris = (_is_metadata(sentence) or _CAPTION_LABEL.match(sentence) is not None
              or furniture >= FURNITURE or rules.debris_start.match(lowered) is not None
              or _search(rules.debris_anywhere, lowered, facts, _DEBRIS_LITERAL))
    return Assessment(furniture, debris)


def _search(phrases: Prefiltered, lowered: str, facts: int, unit: int) -> bool:
    """`phrases.search`, skipped when the text holds none of the literals its matches need
    (`facts` counts, in `unit`s, the tokens holding one, unless a literal spans tokens)."""
    if phrases.needs_literal and phrases.literals_in_token and facts // unit % _FIELD == 0:
        return False
    return phrases.search(lowered)


def furniture_score(sentence: str, language: str = "en") -> float:
    """0.0 for prose, 1.0 for pure furniture; a phrase match counts as mostly furniture."""
    return assess(sentence, language).furniture


def is_debris(sentence: str, language: str = "en") -> bool:
    """Furniture, a caption, photo credit, credit line, issue stamp or metadata line: never a
    summary sentence."""
    return assess(sentence, language).debris


def _furniture_share(sentence: str, tokens: Sequence[str], meta: int, phrase: bool,
                     bylines: tuple[str, ...]) -> float:
    """Meta words' share of the tokens, raised for a furniture phrase or a lone byline."""
    if not tokens:
        return 1.0
    share = meta / len(tokens)
    if phrase:
        share = max(share, FURNITURE)
    if len(tokens) <= 6 and sentence.split(None, 1)[0] in bylines:
        share = max(share, 0.9)  # a byline standing alone
    return min(1.0, share)


def _is_metadata(sentence: str) -> bool:
    stripped = sentence.strip()
    return (not stripped.endswith(_CLOSING) and len(stripped.split()) <= METADATA_WORDS
            and bool(_ENDS_IN_DATE.search(stripped[-40:])))
