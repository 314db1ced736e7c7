"""Who said each quotation, read the way news is written.

One pass over the report, sentence by sentence. A quote's speaker comes from, in order:
the attribution right after it (", said Mr Smith", "», — заявил он"), the attribution before it
in its sentence ("X told the BBC:", "По словам X,"), the quote just before it when only an
attribution separates them (a split quote), and for a paragraph that is only a quotation, the
quote or attribution that ends the paragraph before. Narrative sentences feed what pronouns,
role nouns ("the chancellor", "глава правительства") and unnamed spokespeople or statements
("говорится в сообщении") resolve to. When nothing says who, the speaker is None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .bounds import Bounds
from .clauses import apposition_gap
from .entities import Entity
from .genders import NEUTER, report_genders
from .mentions import Mentions
from .narrative import Narrative
from .organisations import Organisations
from .pronouns import Pronouns
from .roles import Roles
from .rules import Patterns
from .spans import Span

_WORDS = re.compile(r"[\w’'-]+")
_ATTRIBUTION_WORDS = 9   # an attribution after a quote starts within this many words
_LAST_WORD = re.compile(r"[\w’'-]+$")
_CLAUSE_END = re.compile(r"[.,;:]")
# An aside between a subject and its verb: " - who was wrongly convicted - ", " (aged 31) "
_ASIDE = re.compile(r"\s+(?:[-–—]\s(?=[^-–—]*?\w)[^-–—.;:]{1,150}?\s[-–—]|\([^()]*\w[^()]*\))\s*$")
# The description between a speech verb and the name after its comma: " one of their lawyers, "
_DESCRIPTION = re.compile(r"\s+[^.,;:!?\"“”«»]{1,60}?,\s+")
_ASIDE_MARKS = re.compile(r"[-–—)]\s*$|\s[-–—]\s")


@dataclass(frozen=True)
class Found:
    speaker: str | None
    framed: bool         # a speech verb or an "according to" frames the quote


NOT_FRAMED = Found(None, False)


class Reader:
    """Attribution state for one report: entities, sentence bounds and what came before."""

    def __init__(self, text: str, masked: str, spans: list[Span], entities: list[Entity],
                 patterns: Patterns) -> None:
        self.text, self.masked, self.patterns = text, masked, patterns
        bounds = self.bounds = Bounds(text, spans, patterns)
        self.paragraphs, self.boundaries = bounds.paragraphs, bounds.boundaries
        self.paragraph = bounds.paragraph
        self.sentence_start, self.sentence_end = bounds.sentence_start, bounds.sentence_end
        mentions = self.mentions = Mentions(entities, masked, patterns)
        self.entities, self.kinds = entities, mentions.kinds
        self.fullest, self.entity_at = mentions.fullest, mentions.entity_at
        self.entities_in, self.entity_after = mentions.entities_in, mentions.entity_after
        self.entity_ending_before, self.kind_of = mentions.entity_ending_before, mentions.kind_of
        genders = report_genders(mentions, masked, patterns)
        self.genders, self.relatives = genders.by_name, genders.relatives
        narrative = self.narrative = Narrative(patterns, self.genders)
        self.events, self.speakers = narrative.events, narrative.speakers
        self.role_sentences = narrative.role_sentences
        self.note, self.events_in = narrative.note, narrative.events_in
        self.last_source = narrative.last_source
        pronouns = Pronouns(patterns, bounds, narrative, genders)
        self.resolve_pronoun, self.organisation_pronoun = pronouns.resolve, pronouns.organisation
        roles = Roles(text, masked, patterns, bounds, mentions, narrative)
        self.resolve_role, self.role_holder = roles.resolve, roles.holder
        organisations = Organisations(text, masked, patterns, mentions, narrative, pronouns)
        self.named, self.organisation_by_noun = organisations.named, organisations.by_noun
        self.organisation_stem = organisations.stem
        self.organisation_named_by_noun = organisations.named_by_noun
        self.generic_organisation = organisations.generic_at

    # --- entities and names ----------------------------------------------------------------

    # --- resolution ------------------------------------------------------------------------

    # --- frames ----------------------------------------------------------------------------

    def speaker_in(self, start: int, end: int, *, tail: bool = False) -> Found:
        """The speaker an attribution in text[start:end] names, if the region is one."""
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
                named = self._long_apposition(start, verb.start(), verb.end(), end)
                if named is not None:
                    return Found(self.named(named), True)
                break
            found = self._around_verb(verb.start(), verb.end(), start, end)
            if found.speaker:
                return found
            if index >= 3:
                break
        participle = None if present.isdisjoint(p.phrase_words[4]) else p.participle.search(region)
        if participle:
            return Found(self._subject(start, start + participle.start()), True)
        framing = verbs and (not tail or _word_index(region, verbs[0].start() - start)
                             <= _ATTRIBUTION_WORDS)
        return Found(None, True) if framing or framed else NOT_FRAMED

    def _long_apposition(self, start: int, verb_start: int, verb_end: int,
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

    def _statement(self, start: int, end: int) -> Found:
        entity = self.entity_after(end, words=3)
        if entity:
            return Found(self.named(entity, oblique=True), True)
        subject = self.entity_ending_before(start)   # "Scotland Yard said in a statement"
        if subject is not None:
            return Found(self._speaker_of(subject), True)
        return Found(self.last_source(start, statement=True), True)

    def _source(self, start: int, end: int) -> Found:
        """"сообщили в Минобороны", "a spokesman for the ministry": the organisation; "Bill
        Roe, a spokesman for the patrol": a spokesman the report names speaks as himself."""
        named = self._person_in_commas_before(start)
        if named is not None:
            return Found(self.named(named), True)
        entity = self.entity_after(end, words=3)
        if entity is None:
            # "a spokesman for the ministry": the ministry the report named; "рассказали в
            # ведомстве" (any body): the organisation last given as a source, else unknown
            press = bool(self.patterns.spokesperson.search(self.masked, start, end))
            named = self.organisation_named_by_noun(end, start, main=press)
            if named is None and self.generic_organisation(end):
                named = self.last_source(start, kind="ORG")
            return Found(named, True)
        return Found(self.named(replace(entity, kind="ORG"), oblique=True), True)

    def _person_in_commas_before(self, position: int) -> Entity | None:
        """The person whose name ends just before `position` with a comma between: "said Bill
        Roe, a spokesman for ...", "Her mother, Linda, said"."""
        before = self.entities_in(max(0, position - 80), position)
        if before and before[-1].kind == "PER" \
                and re.fullmatch(r"\s*,\s*", self.masked[before[-1].end: position]):
            return before[-1]
        return None

    def _apposed_subject(self, start: int, verb_start: int) -> Entity | None:
        """"Her mother, Linda, said": a short description, then the name in commas."""
        entity = self._person_in_commas_before(verb_start)
        if entity is None:
            return None
        head = self.masked[start: entity.start].rstrip()
        if not head.endswith(",") or "," in head[:-1] or len(_WORDS.findall(head)) > 6 \
                or self.patterns.verb.search(head):
            return None
        return entity

    def _after_phrase(self, start: int, end: int) -> Found:
        """"According to X", "по словам X", "according to a statement from X"."""
        entity = self.entity_after(end, words=5, person=True, through=True)
        if entity is not None and self._outlet_of_source(end, entity):
            entity = None
        if entity is None and self.generic_organisation(end):
            return Found(self.last_source(start, kind="ORG"), True)   # "по версии ведомства"
        return Found(self.named(entity, oblique=True) if entity else None, True)

    def _outlet_of_source(self, position: int, entity: Entity) -> bool:
        """"по словам источника «Медузы»", "сказал собеседник агентства": the organisation right
        after an anonymous source is the outlet it talked to, not who speaks ("источник в МЧС"
        is someone at МЧС)."""
        words = [w.casefold() for w in _WORDS.findall(self.masked[position: entity.start])]
        return bool(words) and words[-1] in self.patterns.anonymous_sources

    def _around_verb(self, verb_start: int, verb_end: int, start: int, end: int) -> Found:
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
        pronoun = self._pronoun_after(after) or p.pronoun_before.search(before, _tail(before))
        if pronoun:
            return Found(self.resolve_pronoun(pronoun.group(1), verb_start), True)
        if p.first_person_before.search(before, _tail(before)):
            return Found(None, True)   # "Я сказал Анне:": the name after is who was told
        entity = self.entity_ending_before(verb_start)
        if entity is not None and self._object_of_preposition(entity, start):
            # "В Greenpeace считают": the organisation speaks; "Михаил Крейндлин из Greenpeace
            # соглашается": the person before the preposition; "a member of the Cabinet says":
            # neither
            if entity.kind == "ORG" and self._preposition_before(entity) in p.source_prepositions:
                return Found(self.named(entity, oblique=True), True)
            entity = self._person_before_preposition(entity, start)
        # "Writing in the Northern Echo, the Bishop said": a new subject after the comma
        loose = (entity is None or entity.kind == "ORG") and not p.the_noun_before.search(before,
                                                                                  _tail(before))
        entity = self._appositive_subject(start, verb_start, loose=loose) or entity \
            or self._apposed_subject(start, verb_start)
        if entity:
            return Found(self._speaker_of(entity), True)
        noun = p.noun_before.search(before, _tail(before))
        if noun and noun.group(2) and not self.organisation_stem(noun.group(1)):
            return Found(None, True)   # "the minister's spokesman": who, the text does not say
        if noun:
            # "a spokesman said", "the council's ruling said"
            return Found(self._unnamed(noun.group(1), start + noun.start(1)), True)
        if verb in p.rules.addressee_verbs:
            return Found(None, True)   # "one witness told the BBC": the BBC only listened
        return self._after_verb(verb_end, end)

    def _object_of_preposition(self, entity: Entity, start: int) -> bool:
        words = _WORDS.findall(self.masked[max(start, entity.start - 30): entity.start])[-2:]
        words = [w.casefold() for w in words if w.casefold() not in self.patterns.rules.articles]
        return bool(words) and words[-1] in self.patterns.prepositions

    def _preposition_before(self, entity: Entity) -> str:
        word = _LAST_WORD.search(self.masked, max(0, entity.start - 12), entity.start - 1) \
            if entity.start > 1 else None
        return word.group().casefold() if word else ""

    def _person_before_preposition(self, entity: Entity, start: int) -> Entity | None:
        """"Михаил Крейндлин из Greenpeace", "John Hale from Oxfam": the person whose
        organisation the preposition names."""
        before = self.entities_in(start, entity.start)
        if not before or before[-1].kind != "PER":
            return None
        between = _WORDS.findall(self.masked[before[-1].end: entity.start])
        return before[-1] if len(between) == 1 and not _CLAUSE_END.search(
            self.masked[before[-1].end: entity.start]) else None

    def _pronoun_after(self, after: str) -> re.Match[str] | None:
        """"— сказал он." or "said he, ...": the pronoun ends the attribution or its clause."""
        match = self.patterns.pronoun_after.match(after)
        if match and match.group(2) and match.group(2).casefold() not in self.patterns.prepositions:
            return None
        return match

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
                subject = entity.kind == "PER" and not self._object_of_preposition(entity, start)
                if inner is not None and inner.kind == "PER" and not subject \
                        and inner.end == entity.end + appositive.end(1) \
                        and apposition_gap(self.masked, entity.end, inner.start, self.patterns):
                    # "the organiser in Uganda, Sarah Mukasa, told the BBC", "The Bishop of
                    # Durham, the Rt Rev Dr Tom Wright, described"
                    return inner
            if entity.kind == "PER" and (shape.fullmatch(between) or p.relative_clause.match(between)):
                return entity
            if entity.kind == "ORG" and self._opens(start, entity.start) \
                    and p.relative_clause.match(between):
                return entity   # "The BPI, which represents the music industry, said"
        return None

    def _after_verb(self, verb_end: int, end: int) -> Found:
        """"said Robert Sinche, head of ...", "прокомментировала победу Екатерина Бурмистрова"."""
        p = self.patterns
        cursor, noun, placed = verb_end, None, False
        for count, word in enumerate(_WORDS.finditer(self.masked, verb_end, end)):
            entity = self.entity_at(cursor, word.end())
            # "пообещал глава Минздрава": after a role the organisation is whose role it is
            whose = noun is not None and entity is not None and entity.kind == "ORG" \
                and bool(p.role.fullmatch(noun[0])) and not p.spokesperson.fullmatch(noun[0])
            if entity is not None and not entity.oblique and not self._modifier(entity, end) \
                    and not (placed and entity.kind != "PER") and not whose:
                return Found(self._speaker_of(entity), True)
            text = word.group()
            gap = self.masked[cursor: word.start()]
            preposition = text.casefold() in p.prepositions
            # after a role noun its chain may run on, places included: "министр труда, миграции
            # и ... X", "заведующий лабораторией в Институте леса X" (then only a person)
            # "suggested they should get X": a pronoun opens a reported clause, X is no speaker
            if count >= (25 if noun else 5) or (preposition and (not noun or "," in gap)) \
                    or p.pronoun.fullmatch(text) or re.search(r"[.;:]" if noun else r"[.,;:]", gap):
                break
            placed = placed or preposition
            if p.spokesperson.fullmatch(text) or p.role.fullmatch(text) \
                    or (count <= 2 and p.organisation.fullmatch(text)):
                noun = noun or (text, word.start())
            cursor = word.end()
        speaker = self._unnamed(*noun) if noun else None
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
        return word[:1].islower() and word.casefold() not in self.patterns.prepositions \
            and word.casefold() not in self.patterns.rules.relative_pronouns

    def _speaker_of(self, entity: Entity) -> str:
        """An entity named as speaker; "an IAAF spokesman" names the IAAF."""
        return self.named(entity)

    def _unnamed(self, noun: str, position: int) -> str | None:
        """A spokesperson speaks for the organisation before it or the last source; a role
        noun for the person who holds it."""
        p = self.patterns
        if p.spokesperson.fullmatch(noun):
            entity = self.entity_ending_before(position, reach=3)
            # "an IAAF spokesman"; not the outlet told in "рассказывает «Медузе» сотрудник"
            if entity and not entity.oblique and "»" not in self.masked[entity.end: position]:
                return self.named(entity)
            after = self.entity_after(position + len(noun), words=3)
            if after and after.kind == "ORG" and not self._outlet_of_source(position, after):
                return self.named(after, oblique=True)
            # "пресс-служба вуза": the university the report is about; "сотрудник министерства"
            # is one person there, not the ministry's voice
            # is one person there, not the ministry's voice; an organisation the report does not
            # name ("сотрудник иркутского министерства") leaves the speaker unknown
            press = bool(p.source.fullmatch(noun))
            words = _WORDS.findall(self.masked, position + len(noun), position + len(noun) + 40)
            outlet = noun.casefold() in p.anonymous_sources   # "собеседник агентства"
            if not outlet and any(self.organisation_stem(w) for w in words[:3]):
                return self.organisation_named_by_noun(position + len(noun), position, main=press)
            return self.last_source(position, kind="ORG")
        if self.organisation_stem(noun):
            return self.organisation_by_noun(noun, position)   # "said the magazine"
        return self.resolve_role(noun, position)

    def _subject(self, start: int, end: int) -> str | None:
        """The subject at the start of a sentence: a pronoun or the first entity."""
        region = self.masked[start:end]
        pronoun = self.patterns.opening_pronoun.match(region)
        if pronoun:
            return self.resolve_pronoun(pronoun.group(1), start)
        entity = self.entity_at(start, end)
        if entity is None or self._in_relative_clause(start, entity.start):
            return None   # "The judges, who included Jenny Colgan, ...": the judges, a group
        return self._speaker_of(entity)

    def _in_relative_clause(self, start: int, position: int) -> bool:
        """A relative pronoun ("who", "which") between the sentence start and `position`: a
        name there describes the subject, it is not the subject."""
        relatives = self.patterns.rules.relative_pronouns
        return any(w.casefold() in relatives for w in _WORDS.findall(self.masked[start:position]))

    # --- narrative -------------------------------------------------------------------------

    def read_narrative(self, start: int, end: int) -> None:
        """Note the sentence's subject, and its speaker or source if it reports speech."""
        entity = next((e for e in self.entities_in(start, end) if e.kind == "PER"), None)
        opening = self.patterns.opening_pronoun.match(self.masked, start, end)
        role = self.patterns.opening_role.match(self.masked, start, end)
        if opening and self.patterns.pronoun_gender.get(opening.group(1).casefold()) != NEUTER:
            self.note(start, self._subject(start, end), "PER", "subject")
        elif role and (entity is None or entity.start > role.end()):
            # "The Tory leader was asked ...": the holder the report introduced, if any
            self.note(role.start(1), self.role_holder(role.group(1), role.start(1)), "PER",
                      "subject")
        elif entity is not None and (entity.oblique is False or self._opens(start, entity.start)):
            name = self.named(entity)
            self.note(entity.start, name, self.kind_of(name), "subject")
        found = self.speaker_in(start, end)
        if found.speaker:
            p = self.patterns
            sourced = p.statement.search(self.masked, start, end) or p.source.search(self.masked,
                                                                                    start, end)
            kind = self.kind_of(found.speaker)
            if kind == "ORG" and any(p.role.fullmatch(m.group()) for m in
                                     p.spokesperson.finditer(self.masked, start, end)):
                # "A spokeswoman for Human Rights Watch said ... She added:": her words are
                # the body's, so "she" finds it (and "it" still does)
                self.note(start, found.speaker, "PER", "speaker")
            self.note(start, found.speaker, kind, "source" if sourced else "speaker")
        source = self.patterns.source.search(self.masked, start, end) if found.framed else None
        if source:
            after = self.entity_after(source.end(), words=3)
            if after:
                self.note(source.start(), self.named(after, oblique=True), after.kind, "source")
        for entity in self.entities_in(start, end):
            if entity.start in self.relatives:
                self.note(entity.start, self.named(entity), "PER", "subject")
        contrast = self._contrast_subject(start, end)
        if contrast is not None:
            self.note(contrast.start, self.named(contrast), "PER", "subject")

    def _contrast_subject(self, start: int, end: int) -> Entity | None:
        """"X won last week and claimed ..., but McIlroy is unfazed": the person opening the
        sentence's last contrasting clause is who its next sentence's "he" means."""
        clauses = list(self.patterns.contrast_clause.finditer(self.masked, start, end))
        if not clauses:
            return None
        entity = self.entity_at(clauses[-1].end(), clauses[-1].end() + 1)
        if entity is None or entity.kind != "PER" or self.kind_of(self.named(entity)) != "PER":
            return None
        verb = re.match(r"\s+([\w’'-]+)", self.masked[entity.end: end])
        if verb is None or not verb.group(1).islower() \
                or verb.group(1).casefold() in self.patterns.prepositions:
            return None   # "but Tom Reid's coach", "but Tom Reid in Madrid"
        return entity

    def _opens(self, start: int, position: int) -> bool:
        """Only connectors and a title come before `position` ("But", "Opposition leader"),
        no preposition: the entity is the sentence's subject."""
        words = _WORDS.findall(self.masked[start:position])
        return len(words) <= 6 and not any(
            w.casefold() in self.patterns.prepositions or self.patterns.pronoun.fullmatch(w)
            for w in words) and not self._in_relative_clause(start, position)

def _word_index(region: str, position: int) -> int:
    return len(_WORDS.findall(region[:position]))


def _tail(region: str, reach: int = 80) -> int:
    """Where to start looking for a shape that ends `region` (an aside, "the Bishop "): its
    last `reach` characters, so a long sentence costs no more than a short one."""
    return max(0, len(region) - reach)
