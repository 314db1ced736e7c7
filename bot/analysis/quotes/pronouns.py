"""A pronoun in an attribution resolved to whom the narrative last put forward.

"— сказал он.", "she added", "it concluded": the pronoun's gender picks the last person (or,
for "it", the last organisation) the narrative noted before it. A role-noun speaker in between
whose gender is unknown stops the search, and so does distance: a wrong name is worse than none.
"""

from __future__ import annotations

from .bounds import Bounds
from .genders import NEUTER, Genders
from .narrative import Narrative
from .rules import Patterns


class Pronouns:
    """Resolves pronouns against one report's narrative."""

    def __init__(self, patterns: Patterns, bounds: Bounds, narrative: Narrative,
                 genders: Genders) -> None:
        self.patterns, self.bounds, self.narrative = patterns, bounds, narrative
        self.genders, self.neuter = genders.by_name, genders.neuter

    def resolve(self, pronoun: str, position: int) -> str | None:
        """The last person before `position` of the pronoun's gender; "it": an organisation."""
        wanted = self.patterns.pronoun_gender.get(pronoun.casefold())
        if wanted == NEUTER:
            return self.organisation(position)
        speakers = self.narrative.speakers
        for event in reversed(self.narrative.events):
            if event.position >= position or event.kind != "PER":
                continue
            gender = self.genders.get(event.name, event.gender)
            # a lone capitalised word never named as a speaker may be a place ("Jakarta")
            if gender is None and len(event.name.split()) == 1 and event.name not in speakers:
                continue
            if wanted is None or gender is None or gender == wanted:
                return event.name
            if event.position in self.narrative.role_sentences:
                # "the first minister said ..." taken for a woman, then "He told ...": he is
                # the minister the report never named, not a man further back
                return None
        return None

    def organisation(self, position: int) -> str | None:
        """"it concluded": the organisation that spoke or was the subject in the last three
        paragraphs (news paragraphs are one sentence); a person in between, or nothing recent,
        leaves it unknown."""
        here = self.bounds.paragraph(position)
        for event in reversed(self.narrative.events):
            if event.position >= position:
                continue
            if here - self.bounds.paragraph(event.position) > 2 \
                    or (event.kind != "ORG" and event.name not in self.neuter):
                return None
            return event.name
        return None
