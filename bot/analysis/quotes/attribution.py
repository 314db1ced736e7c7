"""Who said each quotation, read the way news is written.

One pass over the report, sentence by sentence. A quote's speaker comes from, in order:
the attribution right after it (", said Mr Smith", "», — заявил он"), the attribution before it
in its sentence ("X told the BBC:", "По словам X,"), the quote just before it when only an
attribution separates them (a split quote), and for a paragraph that is only a quotation, the
quote or attribution that ends the paragraph before. Narrative sentences feed what pronouns,
role nouns ("the chancellor", "глава правительства") and unnamed spokespeople or statements
("говорится в сообщении") resolve to. When nothing says who, the speaker is None.

The Reader only ties the parts together for one report: `bounds` (sentences, paragraphs),
`mentions` (entities by position, fullest names), `genders`, `narrative` (who was put forward
so far), `pronouns`, `roles`, `organisations`, `frames` and `verbs` (the attribution shapes).
"""

from __future__ import annotations

import re

from .bounds import Bounds
from .clauses import opens
from .entities import Entity
from .frames import Frames
from .genders import NEUTER, report_genders
from .mentions import Mentions
from .narrative import Narrative
from .organisations import Organisations
from .pronouns import Pronouns
from .roles import Roles
from .rules import Patterns
from .spans import Span
from .verbs import SpeechVerbs


class Reader:
    """Attribution for one report: its parts built once, and the narrative read sentence by
    sentence. The attributes below are what the extraction and interview readers use."""

    def __init__(self, text: str, masked: str, spans: list[Span], entities: list[Entity],
                 patterns: Patterns) -> None:
        self.text, self.masked, self.patterns = text, masked, patterns
        bounds = Bounds(text, spans, patterns)
        self.paragraphs, self.boundaries = bounds.paragraphs, bounds.boundaries
        self.paragraph = bounds.paragraph
        self.sentence_start, self.sentence_end = bounds.sentence_start, bounds.sentence_end
        mentions = Mentions(entities, masked, patterns)
        self.kinds, self.kind_of = mentions.kinds, mentions.kind_of
        self.fullest, self.entity_at = mentions.fullest, mentions.entity_at
        self.entities_in, self.entity_after = mentions.entities_in, mentions.entity_after
        self.entity_ending_before = mentions.entity_ending_before
        genders = report_genders(mentions, masked, patterns)
        self.genders, self.relatives = genders.by_name, genders.relatives
        narrative = Narrative(patterns, self.genders)
        self.speakers, self.note, self.events_in = narrative.speakers, narrative.note, \
            narrative.events_in
        pronouns = Pronouns(patterns, bounds, narrative, genders)
        roles = Roles(text, masked, patterns, bounds, mentions, narrative)
        self.role_holder = roles.holder
        organisations = Organisations(text, masked, patterns, mentions, narrative, pronouns)
        self.named = organisations.named
        verbs = SpeechVerbs(masked, patterns, mentions, narrative, pronouns, roles, organisations)
        frames = Frames(masked, patterns, mentions, narrative, pronouns, organisations, verbs)
        self.speaker_in, self.subject = frames.speaker_in, frames.subject

    def read_narrative(self, start: int, end: int) -> None:
        """Note the sentence's subject, and its speaker or source if it reports speech."""
        entity = next((e for e in self.entities_in(start, end) if e.kind == "PER"), None)
        opening = self.patterns.opening_pronoun.match(self.masked, start, end)
        role = self.patterns.opening_role.match(self.masked, start, end)
        if opening and self.patterns.pronoun_gender.get(opening.group(1).casefold()) != NEUTER:
            self.note(start, self.subject(start, end), "PER", "subject")
        elif role and (entity is None or entity.start > role.end()):
            # "The Tory leader was asked ...": the holder the report introduced, if any
            self.note(role.start(1), self.role_holder(role.group(1), role.start(1)), "PER",
                      "subject")
        elif entity is not None and (entity.oblique is False
                                     or opens(self.masked, start, entity.start, self.patterns)):
            name = self.named(entity)
            self.note(entity.start, name, self.kind_of(name), "subject")
        found = self.speaker_in(start, end)
        if found.speaker:
            p = self.patterns
            sourced = p.statement.search(self.masked, start, end) or p.source.search(self.masked,
                                                                                    start, end)
            kind = self.kind_of(found.speaker)
            if kind == "ORG" and any(p.is_role(m.group()) for m in
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
