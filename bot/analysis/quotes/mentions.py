"""The people and organisations a report names, looked up by position and by name.

Every attribution shape asks the same questions of the entities: which one starts here, which
one ends just before this verb, which one follows this phrase within a few words, and what is
the fullest form of this short name ("Greene" -> "Maurice Greene"). They are answered here by
bisection over the entities in text order, so the readers of attributions hold no lists of
their own.
"""

from __future__ import annotations

import bisect
import re

from .entities import Entity, NameIndex
from .rules import WORD, Patterns

_WORDS = re.compile(WORD)
_CLAUSE_END = re.compile(r"[.,;:]")


class Mentions:
    """The entities of one report in text order, with their kinds and fullest names."""

    def __init__(self, entities: list[Entity], masked: str, patterns: Patterns) -> None:
        self.entities, self.masked, self.patterns = entities, masked, patterns
        self.starts = [e.start for e in entities]
        # a name's kind; resolving an organisation by its noun or acronym adds names to it
        self.kinds = {e.name: e.kind for e in entities}
        self._fullest: dict[tuple[str, str], str] = {}
        self._indexes: dict[str, tuple[NameIndex, dict[str, set[str]]]] = {}

    def kind_of(self, name: str) -> str:
        """PER or ORG; a name the report never tagged counts as a person."""
        return self.kinds.get(name, "PER")

    def fullest(self, name: str, kind: str = "PER") -> str:
        """The fullest form the report gives: "Greene" -> "Maurice Greene"."""
        if (name, kind) not in self._fullest:
            self._fullest[name, kind] = self._find_fullest(name, kind)
        return self._fullest[name, kind]

    def _find_fullest(self, name: str, kind: str) -> str:
        index = self._indexes.get(kind)
        if index is None:
            names = [e.name for e in self.entities if e.kind == kind and len(e.name.split()) > 1]
            index = self._indexes[kind] = (NameIndex(names), {})
            for full in names:
                index[1].setdefault(full.split()[0], set()).add(full)
        surnames, first_names = index
        longer = surnames.longer_forms(name)
        if longer:
            return max(longer, key=lambda full: len(full.split()))
        if len(name.split()) == 1 and len(first_names.get(name, ())) == 1:
            return next(iter(first_names[name]))   # "Чарли": the report's only "Чарли Брукер"
        return name

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The first entity that starts in [start, end)."""
        i = bisect.bisect_left(self.starts, start)
        if i < len(self.entities) and self.entities[i].start < end:
            return self.entities[i]
        return None

    def entities_in(self, start: int, end: int) -> list[Entity]:
        """The entities that start in [start, end), in text order."""
        return self.entities[bisect.bisect_left(self.starts, start): bisect.bisect_left(self.starts,
                                                                                       end)]

    def entity_ending_before(self, position: int, reach: int = 40) -> Entity | None:
        """The entity that ends just before `position`, with only fillers ("also", "has") between."""
        i = bisect.bisect_left(self.starts, position) - 1
        while i >= 0 and self.entities[i].end > position:
            i -= 1
        if i < 0 or position - self.entities[i].end > reach:
            return None
        between = self.patterns.verb_lead.sub(" ", self.masked[self.entities[i].end: position])
        words = _WORDS.findall(between)
        if all(self.patterns.filler.fullmatch(w) for w in words) and not _CLAUSE_END.search(between):
            return self.entities[i]
        return None

    def person_in_commas_before(self, position: int) -> Entity | None:
        """The person whose name ends just before `position` with a comma between: "said Bill
        Roe, a spokesman for ...", "Her mother, Linda, said"."""
        before = self.entities_in(max(0, position - 80), position)
        if before and before[-1].kind == "PER" \
                and re.fullmatch(r"\s*,\s*", self.masked[before[-1].end: position]):
            return before[-1]
        return None

    def entity_after(self, position: int, *, words: int, person: bool = False,
                     through: bool = False) -> Entity | None:
        """The entity within `words` words after `position`, with no preposition before it;
        with `person`, a person further on wins over an organisation ("слова главного тренера
        «Арсенала» Унаи Эмери")."""
        candidates = self.entities_in(position, position + 100)[:3]
        if not candidates:
            return None
        entity = candidates[0]
        if person and entity.kind != "PER":
            entity = next((e for e in candidates if e.kind == "PER"), entity)
        between = _WORDS.findall(self.masked[position: entity.start])
        if len(between) > words or re.search(r"[.,;:!?]", self.masked[position: entity.start]):
            return None
        if not through and any(w.casefold() in self.patterns.prepositions for w in between[1:]):
            return None
        return entity
