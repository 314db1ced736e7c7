"""Organisations a report names with common words, in the nominative.

Agencies often name a body without a proper name: "на сайте городской администрации", "со
ссылкой на городскую Думу", "в правительстве республики". A recogniser tags none of these (or
only "Думу"), so the words of that body's press service would have no speaker. A body here is
a noun of a public body (QuoteRules.body_nouns) with lowercase adjectives before it or a
lowercase noun in the genitive after it; a bare noun ("в администрации") stays a reference to
a body named before, and a company, a club or a newspaper is named by its own name. The name
goes to the nominative with the recogniser's morphology ("городской администрации" ->
"городская администрация"), so only a language whose pack names a recogniser gets bodies,
and only when the recogniser is installed.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import Any

from bot.analysis.lang.quote_rules import QuoteRules

from . import entities as recogniser  # its models, looked up when used (tests swap them)
from .entities import MAX_NER_CHARS, Entity
from .rules import Patterns

_FOLLOWING = re.compile(r"[ \u00a0]([\w-]+)")
MAX_ADJECTIVES = 2
_NAMED_NEXT = re.compile(r"[ \u00a0]+[«\"“„]?[A-ZА-ЯЁІЇЄҐ]")
_WORD_BEFORE = re.compile(r"([\w-]+)[ \u00a0]+$")


def with_bodies(text: str, masked: str, entities: list[Entity], patterns: Patterns) -> list[Entity]:
    """`entities` plus the bodies named with common words, in text order; a body replaces a
    recognised organisation inside it ("Думу" in "городскую Думу")."""
    if not patterns.rules.ner or len(text) > MAX_NER_CHARS or not patterns.rules.body_nouns:
        return entities
    models = recogniser._natasha() if patterns.rules.ner == "natasha" else None
    if models is None:
        return entities
    morph = models[1]
    bodies = [body for match in _nouns(patterns.rules).finditer(masked)
              if (body := _body(masked, match, morph, patterns)) is not None]
    if not bodies:
        return entities
    kept = [e for e in entities if not any(b.start <= e.start and e.end <= b.end for b in bodies)]
    starts = [e.start for e in kept]
    for body in bodies:
        i = bisect.bisect_left(starts, body.start)
        if (i < len(kept) and kept[i].start < body.end) or (i > 0 and kept[i - 1].end > body.start):
            continue   # the recogniser named part of it ("правительства РФ"): its name stands
        kept.insert(i, body)
        starts.insert(i, body.start)
    return kept


@cache
def _nouns(rules: QuoteRules) -> re.Pattern[str]:
    """Any case form of a body noun: its stem and up to four more letters."""
    stems = sorted({_stem(n) for n in rules.body_nouns}, key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, stems))})\w{{0,4}}(?![\w-])",
                      re.IGNORECASE)


def _body(masked: str, match: re.Match[str], morph: Any, patterns: Patterns) -> Entity | None:
    nouns = {n.casefold() for n in patterns.rules.body_nouns}
    parses = [p for p in morph.parse(match.group().casefold())
              if p.tag.POS == "NOUN" and p.normal_form in nouns]
    if not parses:
        return None
    adjectives = _adjectives_before(masked, match.start(), morph)
    agreeing = [(noun, chosen) for noun in parses
                if (chosen := _agreeing(adjectives, noun)) is not None]
    noun, chosen = agreeing[0] if agreeing else (parses[0], [])
    complement = _complement(masked, match.end(), morph, nouns)
    if not chosen and complement is None:
        return None   # a bare noun refers to a body named elsewhere
    start = chosen[0][0] if chosen else match.start()
    if _after_role(masked, start, patterns):
        return None   # "глава городской администрации", "сотрудник министерства": a person
    words = [_nominative(word, parse) for _, word, parse in chosen]
    words.append(_nominative(match.group(), noun))
    end = match.end()
    if complement is not None:
        words.append(complement.group(1))
        end = complement.end(1)
    if _NAMED_NEXT.match(masked, end):
        return None   # "управления Роспотребнадзора": the body's own name follows
    # oblique unless nominative: a body in the genitive after a verb is whose, not who
    # ("сказал глава городской администрации")
    return Entity(start, end, " ".join(words), "ORG", None, noun.tag.case != "nomn")


def _after_role(masked: str, start: int, patterns: Patterns) -> bool:
    """The word before is a form of a role noun ("главы", "сотрудник"): a person of the body."""
    before = _WORD_BEFORE.search(masked, max(0, start - 40), start)
    if before is None:
        return False
    word = before.group(1).casefold()
    return any(word.startswith(stem) and len(word) - len(stem) <= 3
               for stem in _role_stems(patterns.rules))


@cache
def _role_stems(rules: QuoteRules) -> tuple[str, ...]:
    return tuple(_stem(noun) for noun in rules.role_nouns)


def _stem(noun: str) -> str:
    noun = noun.casefold()
    return noun[:-1] if noun[-1] in "аеиоуыэюяьй" else noun


def _adjectives_before(masked: str, position: int, morph: Any) -> list[tuple[int, str, list[Any]]]:
    """Up to two lowercase words right before `position` that may be adjectives, nearest last."""
    found: list[tuple[int, str, list[Any]]] = []
    cursor = position
    while len(found) < MAX_ADJECTIVES:
        before = re.search(r"([\w-]+)[ \u00a0]$", masked[max(0, cursor - 40): cursor])
        if before is None or not before.group(1)[:1].islower():
            break
        word = before.group(1)
        # not a pronoun ("само министерство", "этого ведомства")
        parses = [p for p in morph.parse(word) if p.tag.POS == "ADJF" and "Apro" not in p.tag]
        if not parses:
            break
        cursor -= len(before.group())
        found.insert(0, (cursor, word, parses))
    return found


def _agreeing(adjectives: list[tuple[int, str, list[Any]]], noun: Any) -> list[tuple[int, str, Any]] | None:
    """The adjectives nearest the noun that agree with it in case, number and gender, each with
    its agreeing reading; None when even the nearest does not (then the noun reading is wrong)."""
    chosen: list[tuple[int, str, Any]] = []
    for start, word, parses in reversed(adjectives):
        parse = next((p for p in parses if _agree(p, noun)), None)
        if parse is None:
            break
        chosen.insert(0, (start, word, parse))
    return chosen if chosen or not adjectives else None


def _agree(adjective: Any, noun: Any) -> bool:
    a, n = adjective.tag, noun.tag
    return a.case == n.case and a.number == n.number and (n.number == "plur" or a.gender == n.gender)


def _complement(masked: str, position: int, morph: Any, nouns: set[str]) -> re.Match[str] | None:
    """"правительстве [республики]": a lowercase noun in the genitive right after the noun."""
    following = _FOLLOWING.match(masked, position)
    if following is None or not following.group(1)[:1].islower():
        return None
    parses = morph.parse(following.group(1))
    best = parses[0] if parses else None
    if best is None or best.tag.POS != "NOUN" or best.tag.case not in ("gent", "gen1") \
            or best.normal_form in nouns:
        return None
    return following


def _nominative(word: str, parse: Any) -> str:
    """The word in the nominative, capitalised as the report writes it ("Думу" -> "Дума")."""
    inflected = parse.inflect({"Nom"})
    nominative = inflected.word if inflected is not None else word
    return nominative[:1].upper() + nominative[1:] if word[:1].isupper() else nominative
