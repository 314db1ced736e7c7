"""Shapes of the few words between a name and what it does, as attribution reads them.

Whether a name is the subject of a speech verb, only describes it, or is the object of a
preposition depends on the words between them: ", the Rt Rev Dr " makes an apposition, a "who"
opens a relative clause, a "from" or "в" makes the name an object. These tests look only at the
masked text and the language's patterns, so each attribution reader asks them the same way.
"""

from __future__ import annotations

import re

from .entities import Entity
from .rules import UPPER, WORD, Patterns

_WORDS = re.compile(WORD)
_LAST_WORD = re.compile(rf"{WORD}$")
# ", the " (with honorifics already outside the name) between a place and a person's name
_APPOSED = re.compile(rf"\s*,\s*(?:([a-z]+)\s+)?(?:[{UPPER}][\w’'-]*\.?\s+)*")


def apposition_gap(masked: str, start: int, end: int, patterns: Patterns) -> bool:
    """Only ", the Rt Rev Dr " between two names: the second is the first's apposition."""
    comma = _APPOSED.fullmatch(masked, start, end)
    return bool(comma) and comma.group(1) in (None, *patterns.rules.articles)


def in_relative_clause(masked: str, start: int, position: int, patterns: Patterns) -> bool:
    """A relative pronoun ("who", "which") between the sentence start and `position`: a
    name there describes the subject, it is not the subject."""
    relatives = patterns.rules.relative_pronouns
    return any(w.casefold() in relatives for w in _WORDS.findall(masked[start:position]))


def opens(masked: str, start: int, position: int, patterns: Patterns) -> bool:
    """Only connectors and a title come before `position` ("But", "Opposition leader"),
    no preposition: the entity is the sentence's subject."""
    words = _WORDS.findall(masked[start:position])
    return len(words) <= 6 and not any(
        w.casefold() in patterns.prepositions or patterns.pronoun.fullmatch(w)
        for w in words) and not in_relative_clause(masked, start, position, patterns)


def object_of_preposition(masked: str, entity: Entity, start: int, patterns: Patterns) -> bool:
    """A preposition (an article aside) right before the entity: "in Greenpeace", "of the
    Cabinet"; it is not the subject of the verb after it."""
    words = _WORDS.findall(masked[max(start, entity.start - 30): entity.start])[-2:]
    words = [w.casefold() for w in words if w.casefold() not in patterns.rules.articles]
    return bool(words) and words[-1] in patterns.prepositions


def preposition_before(masked: str, entity: Entity) -> str:
    """The casefolded word just before the entity ("в" in "В Greenpeace"), else ""."""
    word = _LAST_WORD.search(masked, max(0, entity.start - 12), entity.start - 1) \
        if entity.start > 1 else None
    return word.group().casefold() if word else ""


def outlet_of_source(masked: str, position: int, entity: Entity, patterns: Patterns) -> bool:
    """"по словам источника «Медузы»", "сказал собеседник агентства": the organisation right
    after an anonymous source is the outlet it talked to, not who speaks ("источник в МЧС"
    is someone at МЧС)."""
    words = [w.casefold() for w in _WORDS.findall(masked[position: entity.start])]
    return bool(words) and words[-1] in patterns.anonymous_sources


def pronoun_after(after: str, patterns: Patterns) -> re.Match[str] | None:
    """"— сказал он.", "said he, ..." or "— сказал он корреспонденту ТАСС": the pronoun ends
    the attribution, its clause, or only whom it was told to follows."""
    match = patterns.pronoun_after.match(after)
    if match and match.group(2) and match.group(2).casefold() not in patterns.prepositions \
            and match.group(2).casefold() not in patterns.addressees:
        return None
    return match
