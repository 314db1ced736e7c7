"""A role noun resolved to the person who holds it.

"the chancellor said", "написал спортсмен", "said the 22-year-old": news names a speaker by a
role, an age or a nationality once it has introduced them ("Chancellor Gordon Brown", "The
Bishop of Durham, the Rt Rev Dr Tom Wright", "Farrukh Sharipov, Minister of Transport"). The
holders are collected once, when a report first needs one; an office no one was introduced
with goes to the person the report is about, and a description to the person just written of.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..names import without_possessive
from .bounds import Bounds
from .clauses import apposition_gap
from .entities import Entity
from .mentions import Mentions
from .narrative import Narrative
from .rules import WORD, Patterns

_WORDS = re.compile(WORD)
_WORD_CHAR = re.compile(WORD[:-1])   # one character of a word


@dataclass(frozen=True)
class Holder:
    """A person the report introduced with a role, and the words that described it."""

    position: int
    role: str            # casefolded role noun: "champion"
    person: str
    described: frozenset[str]   # casefolded: {"world", "and", "commonwealth", "100m", "champion"}


class Roles:
    """The role holders of one report, and who a role noun means."""

    def __init__(self, text: str, masked: str, patterns: Patterns, bounds: Bounds,
                 mentions: Mentions, narrative: Narrative) -> None:
        self.text, self.masked, self.patterns = text, masked, patterns
        self.bounds, self.mentions, self.narrative = bounds, mentions, narrative
        # role holders, read from the entities in text order as far as a role has needed
        self._holders: list[Holder] = []
        self._read = 0            # how many entities were read for holders
        self._previous_end = 0    # where the last person read ends
        self._main: str | None = None   # the person the report is about, "" for none

    def resolve(self, role: str, position: int) -> str | None:
        """"the chancellor": the person the report introduced with that role, else the subject
        of the last sentence about a person when it is in this paragraph or the one before."""
        self.narrative.role_sentences.add(self.bounds.sentence_start(position))
        named = self.holder(role, position)
        if named is None and role[:1].upper() + role[1:].casefold() in self.patterns.title_words:
            # an office ("the first minister"), not a description ("the European champion")
            named = self._main_person_near(position)
        if named:
            return named
        # "Пётр Ян перенёс операцию ... написал спортсмен": the person the last paragraphs are about
        here = self.bounds.paragraph(position)
        for event in reversed(self.narrative.events):
            if event.position < position and event.kind == "PER":
                recent = here - self.bounds.paragraph(event.position) <= 1
                return event.name if recent and event.role != "source" else None
        return None

    def holder(self, role: str, position: int) -> str | None:
        """The person introduced before `position` with `role`; "the world champion" is the
        one introduced as "World and Commonwealth 100m champion", not the "Olympic 100m
        champion" named after him."""
        role = role.casefold()
        self._read_holders(position)   # most reports never need any
        named = [h for h in self._holders if h.role == role and h.position < position]
        described = self._role_modifiers(position)
        named = [h for h in named if described <= h.described] or named
        return named[-1].person if named else None

    def _read_holders(self, position: int) -> None:
        """"Chancellor Gordon Brown", "World and Commonwealth 100m champion Kim Collins",
        "президент UFC Дана Уайт": who holds which role, described how, for the people named
        before `position` (a role early in a long report does not read the report's end)."""
        entities = self.mentions.entities
        while self._read < len(entities) and entities[self._read].start < position:
            index, entity = self._read, entities[self._read]
            self._read += 1
            if entity.kind == "PER":
                self._holders += self._held_by(entity, entities[index - 1] if index else None)

    def _held_by(self, entity: Entity, place: Entity | None) -> list[Holder]:
        """The roles one person is introduced with, before the name or after its comma."""
        holders = []
        person = self.mentions.fullest(entity.name)
        apposed = self._apposed_role(place, entity) if place is not None else None
        if apposed:
            holders.append(Holder(entity.start, apposed, person, frozenset((apposed,))))
        opening = max(self.bounds.sentence_start(entity.start), entity.start - 60)
        words = _WORDS.findall(self.masked, max(opening, self._previous_end), entity.start)[-8:]
        self._previous_end = entity.end
        roles = [i for i, word in enumerate(words) if self.patterns.is_role(word)
                 and not any(w.casefold() in self.patterns.prepositions for w in words[i + 1:])]
        # the description may hold names: "European indoor champion Tom Reid"
        wide = _WORDS.findall(self.masked, opening, entity.start) if roles else []
        holders += [Holder(entity.start, words[i].casefold(), person,
                           frozenset(w.casefold()
                                     for w in wide[: len(wide) - len(words) + i + 1][-8:]))
                    for i in roles]
        # "Farrukh Sharipov, Minister of Transport": the role right after the comma
        after = self.patterns.role_after_comma.match(self.masked, entity.end, entity.end + 40) \
            if self.masked.startswith(",", entity.end) else None
        if after:
            described = _WORDS.findall(self.masked, after.start(), after.end())
            holders.append(Holder(entity.start, after.group(1).casefold(), person,
                                  frozenset(w.casefold() for w in described)))
        return holders

    def _apposed_role(self, place: Entity, entity: Entity) -> str | None:
        """"The Bishop of Durham, the Rt Rev Dr Tom Wright": the role of the place or body
        named just before the comma is the person's."""
        if not apposition_gap(self.masked, place.end, entity.start, self.patterns):
            return None
        articles = self.patterns.rules.articles
        words = _WORDS.findall(self.masked[max(0, place.start - 40): place.start])[-3:]
        while words and words[-1].casefold() in articles:
            words.pop()
        if len(words) < 2 or words[-1].casefold() not in self.patterns.prepositions:
            return None
        return words[-2].casefold() if self.patterns.is_role(words[-2]) else None

    def _role_modifiers(self, position: int) -> frozenset[str]:
        """The words between the article and the role noun at `position`: "world" in "the
        world champion", none in "the minister" or "a spokesman"."""
        words = _WORDS.findall(self.masked, max(0, position - 40), position)[-3:]
        articles = [i for i, w in enumerate(words) if w.casefold() in self.patterns.rules.articles]
        return frozenset(w.casefold() for w in words[articles[-1] + 1:]) if articles \
            else frozenset()

    def _main_person_near(self, position: int) -> str | None:
        """"Sturgeon wrote to Mr McConnell ... the first minister said": an office no one was
        introduced with is held by the person the report is about (named most often, quotes included),
        when the sentence before names him."""
        fullest = self.mentions.fullest
        sentence_start = self.bounds.sentence_start
        before = sentence_start(max(0, sentence_start(position) - 1))
        named = {fullest(e.name) for e in self.mentions.entities_in(before, position)
                 if e.kind == "PER"}
        if not named:
            return None   # no one named there: who the report is about need not be counted
        main = self._main_person()
        return main if main in named else None

    def _main_person(self) -> str:
        """The person named most often, if by at least three mentions and no tie; else ""."""
        if self._main is None:
            counts: dict[str, int] = {}
            for entity in self.mentions.entities:
                full = self.mentions.fullest(entity.name) if entity.kind == "PER" else ""
                if len(full.split()) > 1 and full not in counts:
                    counts[full] = _word_count(self.text, full.split()[-1])
            ranked = sorted(counts.items(), key=lambda item: -item[1])
            unique = len(ranked) == 1 or (len(ranked) > 1 and ranked[0][1] > ranked[1][1])
            self._main = ranked[0][0] if ranked and unique and ranked[0][1] >= 3 else ""
        return self._main


def _word_count(text: str, surname: str) -> int:
    """How many words of `text` are `surname`, possessive or not ("Greene", "Greene's"): found
    with a substring search, so a long report is not split into words for a few surnames."""
    count = 0
    at = text.find(surname)
    while at >= 0:
        word = None if at and _WORD_CHAR.match(text, at - 1) else _WORDS.match(text, at)
        if word and without_possessive(word.group()) == surname:
            count += 1
        at = text.find(surname, at + 1)
    return count
