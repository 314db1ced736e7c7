"""Whether a stretch of text is an attribution, and the speaker it names.

An attribution is framed by a phrase ("according to X", "по словам X", "говорится в заявлении
X", "сообщили в Минобороны"), by a speech verb (read in `verbs`) or by a participle ("citing
X"). After a quote only its first words may attribute it, so a later verb in the sentence
belongs to another clause. Most narrative sentences hold none of the frame words, and are
passed over on a set test.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .clauses import in_relative_clause, outlet_of_source
from .mentions import Mentions
from .narrative import Narrative
from .organisations import Organisations
from .pronouns import Pronouns
from .rules import WORD, Patterns
from .verbs import NOT_FRAMED, Found, SpeechVerbs

_WORDS = re.compile(WORD)
_ATTRIBUTION_WORDS = 9   # an attribution after a quote starts within this many words


class Frames:
    """Reads the attributions of one report."""

    def __init__(self, masked: str, patterns: Patterns, mentions: Mentions, narrative: Narrative,
                 pronouns: Pronouns, organisations: Organisations, verbs: SpeechVerbs) -> None:
        self.masked, self.patterns, self.verbs = masked, patterns, verbs
        self.entity_at, self.entity_after = mentions.entity_at, mentions.entity_after
        self.entities_in = mentions.entities_in
        self.entity_ending_before = mentions.entity_ending_before
        self.person_in_commas_before = mentions.person_in_commas_before
        self.last_source, self.resolve_pronoun = narrative.last_source, pronouns.resolve
        self.organisations = organisations
        self.named = organisations.named

    def speaker_in(self, start: int, end: int, *, tail: bool = False) -> Found:
        """The speaker an attribution in text[start:end] names, if the region is one; with
        `tail`, the region follows a quote and must open with its attribution."""
        p = self.patterns
        words = list(_WORDS.finditer(self.masked, start, end))
        present = {w.group().casefold() for w in words}
        if present.isdisjoint(p.frame_words):
            return NOT_FRAMED   # most narrative sentences: nothing to read
        region = self.masked[start:end]
        framed = False
        handlers = ((p.statement, self._statement), (p.words_of, self._after_phrase),
                    (p.according, self._after_phrase), (p.source, self._source))
        for (matcher, handler), first_words in zip(handlers, p.phrase_words, strict=False):
            if present.isdisjoint(first_words):
                continue
            match = matcher.search(region)
            if match and (not tail or _word_index(region, match.start()) <= _ATTRIBUTION_WORDS):
                found = handler(start + match.start(), start + match.end())
                if found.speaker or matcher is not p.source:
                    return found
                framed = True
        verbs = [w for w in words if w.group().casefold() in p.verb_words]
        for index, verb in enumerate(verbs):
            if tail and _word_index(region, verb.start() - start) > _ATTRIBUTION_WORDS:
                named = self.verbs.long_apposition(start, verb.start(), verb.end(), end)
                if named is not None:
                    return Found(self.named(named), True)
                break
            found = self.verbs.around(verb.start(), verb.end(), start, end)
            if found.speaker:
                return found
            if index >= 3:
                break
        participle = None if present.isdisjoint(p.phrase_words[4]) else p.participle.search(region)
        if participle:
            return Found(self.subject(start, start + participle.start()), True)
        framing = verbs and (not tail or _word_index(region, verbs[0].start() - start)
                             <= _ATTRIBUTION_WORDS)
        return Found(None, True) if framing or framed else NOT_FRAMED

    def subject(self, start: int, end: int) -> str | None:
        """The subject at the start of a sentence: a pronoun or the first entity."""
        region = self.masked[start:end]
        pronoun = self.patterns.opening_pronoun.match(region)
        if pronoun:
            return self.resolve_pronoun(pronoun.group(1), start)
        entity = self.entity_at(start, end)
        if entity is None or in_relative_clause(self.masked, start, entity.start, self.patterns):
            return None   # "The judges, who included Jenny Colgan, ...": the judges, a group
        return self.named(entity)

    def _statement(self, start: int, end: int) -> Found:
        """"говорится в заявлении X", "Scotland Yard said in a statement": who issued it, else
        the last source."""
        entity = self.entity_after(end, words=3)
        if entity:
            return Found(self.named(entity, oblique=True), True)
        subject = self.entity_ending_before(start)   # "Scotland Yard said in a statement"
        if subject is not None:
            return Found(self.named(subject), True)
        return Found(self.last_source(start, statement=True), True)

    def _source(self, start: int, end: int) -> Found:
        """"сообщили в Минобороны", "a spokesman for the ministry": the organisation; "Bill
        Roe, a spokesman for the patrol": a spokesman the report names speaks as himself."""
        named = self.person_in_commas_before(start)
        if named is not None:
            return Found(self.named(named), True)
        entity = self.entity_after(end, words=3)
        if entity is None:
            # "a spokesman for the ministry": the ministry the report named; "рассказали в
            # ведомстве" (any body): the organisation last given as a source, else unknown
            press = bool(self.patterns.spokesperson.search(self.masked, start, end))
            named = self.organisations.named_by_noun(end, start, main=press)
            if named is None and self.organisations.generic_at(end):
                named = self.last_source(start, kind="ORG")
            return Found(named, True)
        return Found(self.named(replace(entity, kind="ORG"), oblique=True), True)

    def _possessive(self, start: int, end: int) -> str | None:
        """The personal pronoun of a possessive inside the phrase ("его" of "по его словам")."""
        possessives = self.patterns.possessives
        if not possessives:
            return None
        return next((possessives[w.casefold()] for w in _WORDS.findall(self.masked, start, end)
                     if w.casefold() in possessives), None)

    def _after_phrase(self, start: int, end: int) -> Found:
        """"According to X", "по словам X", "according to a statement from X"; "по его
        словам": the person the possessive points back to."""
        possessive = self._possessive(start, end)
        if possessive:
            # the person must be named in the paragraph: after "рассказывает сотрудник
            # министерства. По его мнению" an earlier name is not who "его" is
            opening = self.masked.rfind("\n", 0, start) + 1
            named = any(e.kind == "PER" for e in self.entities_in(opening, start))
            return Found(self.resolve_pronoun(possessive, start) if named else None, True)
        entity = self.entity_after(end, words=5, person=True, through=True)
        if entity is not None and outlet_of_source(self.masked, end, entity, self.patterns):
            entity = None
        if entity is None and self.organisations.generic_at(end):
            return Found(self.last_source(start, kind="ORG"), True)   # "по версии ведомства"
        return Found(self.named(entity, oblique=True) if entity else None, True)


def _word_index(region: str, position: int) -> int:
    """How many words of `region` come before `position`."""
    return len(_WORDS.findall(region[:position]))
