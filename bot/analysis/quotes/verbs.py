"""The speaker a speech verb names, read from the words around it.

"Mr Greene said", "X, who presents Z, said", "a spokesman said", "said Robert Sinche, head
of ...", "— сказал он", "прокомментировала победу Екатерина Бурмистрова": the subject before
the verb, a pronoun or a role noun in its place, or the name after it. An unnamed spokesperson
speaks for the organisation, a role noun for its holder. The shapes end at the verb, so only
the last words before it are looked at: a long sentence costs no more than a short one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clauses import (
    apposition_gap,
    object_of_preposition,
    opens,
    outlet_of_source,
    preposition_before,
    pronoun_after,
)
from .entities import Entity
from .mentions import Mentions
from .narrative import Narrative
from .organisations import Organisations
from .pronouns import Pronouns
from .roles import Roles
from .rules import WORD, Patterns

_WORDS = re.compile(WORD)
_CLAUSE_END = re.compile(r"[.,;:]")
_LAST_WORD = re.compile(r"([\w-]+)[ \u00a0]+$")
# An aside between a subject and its verb: " - who was wrongly convicted - ", " (aged 31) "
_ASIDE = re.compile(r"\s+(?:[-–—]\s(?=[^-–—]*?\w)[^-–—.;:]{1,150}?\s[-–—]|\([^()]*\w[^()]*\))\s*$")
_ASIDE_MARKS = re.compile(r"[-–—)]\s*$|\s[-–—]\s")
# The description between a speech verb and the name after its comma: " one of their lawyers, "
_DESCRIPTION = re.compile(r"\s+[^.,;:!?\"“”«»]{1,60}?,\s+")


@dataclass(frozen=True)
class Found:
    """What one attribution says: who spoke, and whether it frames a quote at all."""

    speaker: str | None
    framed: bool         # a speech verb or an "according to" frames the quote


NOT_FRAMED = Found(None, False)


class SpeechVerbs:
    """Reads the attribution around each speech verb of one report."""

    def __init__(self, masked: str, patterns: Patterns, mentions: Mentions, narrative: Narrative,
                 pronouns: Pronouns, roles: Roles, organisations: Organisations) -> None:
        self.masked, self.patterns = masked, patterns
        self.entity_at, self.entities_in = mentions.entity_at, mentions.entities_in
        self.entity_after = mentions.entity_after
        self.entity_ending_before = mentions.entity_ending_before
        self.person_in_commas_before = mentions.person_in_commas_before
        self.kind_of = mentions.kind_of
        self.last_source = narrative.last_source
        self.resolve_pronoun, self.resolve_role = pronouns.resolve, roles.resolve
        self.organisations = organisations
        self.named = organisations.named

    def around(self, verb_start: int, verb_end: int, start: int, end: int) -> Found:
        """The speaker the verb at [verb_start, verb_end) names within text[start:end]."""
        p = self.patterns
        after = self.masked[verb_end: end]
        before = self.masked[start: verb_start]
        verb = self.masked[verb_start: verb_end].casefold()
        auxiliary = re.search(r"([\w’'-]+)\s+$", before)
        if auxiliary and auxiliary.group(1).casefold() in p.rules.passive_auxiliaries:
            return Found(None, False)   # "she was told": someone else spoke
        # "Gerry Conlon - who was wrongly convicted - said": the subject is before the aside
        # the shapes below end at the verb: look only at its last words, not the whole sentence
        aside = _ASIDE.search(before, _tail(before, 200)) if _ASIDE_MARKS.search(
            before, _tail(before, 200)) else None
        if aside:
            before, verb_start = before[: aside.start()], start + aside.start()
        pronoun = pronoun_after(after, p) or p.pronoun_before.search(before, _tail(before))
        if pronoun:
            return Found(self.resolve_pronoun(pronoun.group(1), verb_start), True)
        if p.first_person_before.search(before, _tail(before)):
            return Found(None, True)   # "Я сказал Анне:": the name after is who was told
        entity = self.entity_ending_before(verb_start)
        if entity is not None and entity.oblique \
                and not object_of_preposition(self.masked, entity, start, p):
            # "Олег Решетов в интервью «Известиям» заявил": the outlet is no subject
            entity = self._subject_before_venue(entity, start)
        if entity is not None and object_of_preposition(self.masked, entity, start, p):
            # "В Greenpeace считают": the organisation speaks; "Михаил Крейндлин из Greenpeace
            # соглашается": the person before the preposition; "a member of the Cabinet says":
            # neither
            if entity.kind == "ORG" \
                    and preposition_before(self.masked, entity) in p.source_prepositions:
                return Found(self.named(entity, oblique=True), True)
            entity = self._person_before_preposition(entity, start)
        # "Writing in the Northern Echo, the Bishop said": a new subject after the comma
        loose = (entity is None or entity.kind == "ORG") and not p.the_noun_before.search(before,
                                                                                  _tail(before))
        entity = self._appositive_subject(start, verb_start, loose=loose) or entity \
            or self._apposed_subject(start, verb_start)
        if entity:
            return Found(self.named(entity), True)
        noun = p.noun_before.search(before, _tail(before))
        if noun and noun.group(2) and not self.organisations.stem(noun.group(1)):
            return Found(None, True)   # "the minister's spokesman": who, the text does not say
        if noun:
            # "a spokesman said", "the council's ruling said"
            return Found(self.unnamed(noun.group(1), start + noun.start(1)), True)
        if verb in p.rules.addressee_verbs:
            return Found(None, True)   # "one witness told the BBC": the BBC only listened
        return self._after_verb(verb_end, end)

    def long_apposition(self, start: int, verb_start: int, verb_end: int,
                        end: int) -> Entity | None:
        """'"...", Rabbi Ann Hale, founder of the Hale Center said.': a person opens the
        attribution after the quote, a long description follows her comma and the speech verb
        ends the sentence; the names inside the description only describe her."""
        entity = self.entity_at(start, verb_start)
        if entity is None or entity.kind != "PER" or self.kind_of(entity.name) != "PER":
            return None
        lead = _WORDS.findall(self.masked[start: entity.start])
        if len(lead) > 2 or not all(w[:1].isupper() for w in lead) \
                or not re.match(r"\s*,\s", self.masked[start: entity.start] or ","):
            return None
        description = self.masked[entity.end: verb_start]
        if not re.fullmatch(r",[^.;:!?\"“”«»]{3,160}", description.rstrip()) \
                or description.count(",") > 2 or len(_WORDS.findall(self.masked, verb_end, end)) > 3:
            return None
        return entity

    def unnamed(self, noun: str, position: int) -> str | None:
        """A spokesperson speaks for the organisation before it or the last source; a role
        noun for the person who holds it."""
        p = self.patterns
        organisations = self.organisations
        if p.spokesperson.fullmatch(noun):
            entity = self.entity_ending_before(position, reach=3)
            # "an IAAF spokesman"; not the outlet told in "рассказывает «Медузе» сотрудник" or
            # "заявил РИА Новости источник"
            if entity and not entity.oblique and "»" not in self.masked[entity.end: position] \
                    and not self._told(entity):
                return self.named(entity)
            after = self.entity_after(position + len(noun), words=3)
            if after and after.kind == "ORG" \
                    and not outlet_of_source(self.masked, position, after, p):
                return self.named(after, oblique=True)
            # "пресс-служба вуза": the university the report is about; "сотрудник министерства"
            # is one person there, not the ministry's voice; an organisation the report does not
            # name ("сотрудник иркутского министерства") leaves the speaker unknown
            press = bool(p.source.fullmatch(noun))
            words = _WORDS.findall(self.masked, position + len(noun), position + len(noun) + 40)
            outlet = noun.casefold() in p.anonymous_sources   # "собеседник агентства"
            if not outlet and any(organisations.stem(w) for w in words[:3]):
                return organisations.named_by_noun(position + len(noun), position, main=press)
            return self.last_source(position, kind="ORG")
        if organisations.stem(noun):
            return organisations.by_noun(noun, position)   # "said the magazine"
        return self.resolve_role(noun, position)

    def _told(self, entity: Entity) -> bool:
        """"заявил РИА Новости источник": an organisation right after a speech verb and before
        the one who speaks is the outlet told."""
        prior = _LAST_WORD.search(self.masked, max(0, entity.start - 40), entity.start)
        return bool(prior) and prior.group(1).casefold() in self.patterns.verb_words

    def _subject_before_venue(self, entity: Entity, start: int) -> Entity | None:
        """"X в интервью «Известиям» заявил": the person before a short phrase of where it was
        said, which ends in an outlet in an oblique case."""
        before = self.entities_in(start, entity.start)
        if not before or before[-1].kind != "PER" or before[-1].oblique:
            return None
        gap = self.masked[before[-1].end: entity.start]
        words = _WORDS.findall(gap)
        return before[-1] if 1 <= len(words) <= 3 and words[0].casefold() in \
            self.patterns.venue_prepositions and not _CLAUSE_END.search(gap) else None

    def _person_before_preposition(self, entity: Entity, start: int) -> Entity | None:
        """"Михаил Крейндлин из Greenpeace", "John Hale from Oxfam": the person whose
        organisation the preposition names."""
        before = self.entities_in(start, entity.start)
        if not before or before[-1].kind != "PER":
            return None
        between = _WORDS.findall(self.masked[before[-1].end: entity.start])
        return before[-1] if len(between) == 1 and not _CLAUSE_END.search(
            self.masked[before[-1].end: entity.start]) else None

    def _appositive_subject(self, start: int, verb_start: int, *, loose: bool) -> Entity | None:
        """"X, who presents Z, said", "X, a friend of Y, also said" and (loose, when an
        organisation stands before the verb) "Colin Asplin, Blackpool Hotel Association said":
        the person before the comma."""
        p = self.patterns
        shape = p.loose_appositive if loose else p.appositive
        for entity in self.entities_in(start, verb_start):
            between = self.masked[entity.end: verb_start]
            appositive = p.named_appositive.fullmatch(between)
            if appositive:
                inner = self.entity_at(entity.end, verb_start)
                # "Sen. John McCain, R-Arizona, said" keeps the subject before the commas
                subject = entity.kind == "PER" \
                    and not object_of_preposition(self.masked, entity, start, p)
                if inner is not None and inner.kind == "PER" and not subject \
                        and inner.end == entity.end + appositive.end(1) \
                        and apposition_gap(self.masked, entity.end, inner.start, p):
                    # "the organiser in Uganda, Sarah Mukasa, told the BBC", "The Bishop of
                    # Durham, the Rt Rev Dr Tom Wright, described"
                    return inner
            if entity.kind == "PER" and (shape.fullmatch(between) or p.relative_clause.match(between)):
                return entity
            if entity.kind == "ORG" and opens(self.masked, start, entity.start, p) \
                    and p.relative_clause.match(between):
                return entity   # "The BPI, which represents the music industry, said"
        return None

    def _apposed_subject(self, start: int, verb_start: int) -> Entity | None:
        """"Her mother, Linda, said": a short description, then the name in commas."""
        entity = self.person_in_commas_before(verb_start)
        if entity is None:
            return None
        head = self.masked[start: entity.start].rstrip()
        if not head.endswith(",") or "," in head[:-1] or len(_WORDS.findall(head)) > 6 \
                or self.patterns.verb.search(head):
            return None
        return entity

    def _after_verb(self, verb_end: int, end: int) -> Found:
        """"said Robert Sinche, head of ...", "прокомментировала победу Екатерина Бурмистрова"."""
        p = self.patterns
        cursor, noun, placed, venue = verb_end, None, False, False
        for count, word in enumerate(_WORDS.finditer(self.masked, verb_end, end)):
            entity = self.entity_at(cursor, word.end())
            # "пообещал глава Минздрава": after a role the organisation is whose role it is
            whose = noun is not None and entity is not None and entity.kind == "ORG" \
                and ((bool(p.is_role(noun[0])) and not p.spokesperson.fullmatch(noun[0]))
                     # "заявил источник РИА Новости": the outlet the source talked to
                     or outlet_of_source(self.masked, noun[1], entity, p))
            if entity is not None and not entity.oblique and not self._modifier(entity, end) \
                    and not (placed and entity.kind != "PER") and not whose \
                    and not (venue and noun is None):
                return Found(self.named(entity), True)
            text = word.group()
            gap = self.masked[cursor: word.start()]
            preposition = text.casefold() in p.prepositions
            # "написал в Telegram-канале мэр X": where it was said, then the speaker's role
            venue = venue or (preposition and count == 0 and text.casefold() in p.venue_prepositions)
            # after a role noun its chain may run on, places included: "министр труда, миграции
            # и ... X", "заведующий лабораторией в Институте леса X" (then only a person)
            # "suggested they should get X": a pronoun opens a reported clause, X is no speaker
            if count >= (25 if noun else 5) or (preposition and (not (noun or venue) or "," in gap)) \
                    or p.pronoun.fullmatch(text) or re.search(r"[.;:]" if noun else r"[.,;:]", gap):
                break
            placed = placed or preposition
            if p.spokesperson.fullmatch(text) or p.is_role(text) \
                    or (count <= 2 and p.is_organisation(text)):
                noun = noun or (text, word.start())
            cursor = word.end()
        speaker = self.unnamed(*noun) if noun else None
        return Found(speaker or self._named_after_description(verb_end, end), True)

    def _named_after_description(self, verb_end: int, end: int) -> str | None:
        """"said one of their lawyers, Michalis Dimitrakopoulos.": a description, a comma and
        a person's name that ends the attribution."""
        comma = _DESCRIPTION.match(self.masked, verb_end, end)
        entity = self.entity_at(comma.end(), comma.end() + 1) if comma else None
        if entity is None or entity.kind != "PER" \
                or not re.match(r"\s*(?:[.,;!?]|$)", self.masked[entity.end: end]):
            return None
        return self.named(entity)

    def _modifier(self, entity: Entity, end: int) -> bool:
        """"said Moscow-based US lawyer Jamie Firestone", "said the European champion": a name
        followed by a common word or another name describes the speaker; it is not the speaker."""
        if re.match(r"[’']s\b", self.masked[entity.end: end]):
            return True   # "Ernst and Young's Sanjay Mehta"
        # "рассказал «Медузе» сотрудник министерства": the closing mark does not hide the noun
        following = re.match(r"[»”\"]?[ \u00a0]+([\w’'-]+)", self.masked[entity.end: end])
        if not following:
            return False
        word = following.group(1)
        if self.entity_at(entity.end, entity.end + following.end()) is not None:
            return True
        # "сказал Андрей Белов агентству «Интерфакс»": whom it was told to ends the name
        return word[:1].islower() and word.casefold() not in self.patterns.prepositions \
            and word.casefold() not in self.patterns.rules.relative_pronouns \
            and word.casefold() not in self.patterns.addressees


def _tail(region: str, reach: int = 80) -> int:
    """Where to start looking for a shape that ends `region` (an aside, "the Bishop "): its
    last `reach` characters, so a long sentence costs no more than a short one."""
    return max(0, len(region) - reach)
