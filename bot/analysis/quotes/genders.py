"""What the report tells of each person's gender, for the pronouns that refer back to them.

"He said" goes to the last man named, so each name needs a gender before the report is read:
from the recogniser or an honorific ("Ms"), from a relation ("his wife, ex-model Sandra"), or
from the pronoun right after the name ("Ann Lee said she would stay"). A name followed by
"said it" may be a body, whatever its name looks like, and is kept apart for "it".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .mentions import Mentions
from .rules import UPPER, Patterns

NEUTER = "n"   # the gender QuoteRules.pronouns gives "it": an organisation, never a person
# Between a relation and the name: ", ex-model ", " former dancer " (lowercase descriptors)
_RELATION_GAP = re.compile(rf"\s*,?\s+(?:[^\W\d_{UPPER}][\w’'-]*\s+){{0,2}}")


@dataclass(frozen=True)
class Genders:
    """The genders one report gives its names."""

    by_name: dict[str, str]    # fullest name -> gender
    neuter: set[str]           # names followed by "said it": bodies "it" may mean
    relatives: dict[int, str]  # position of a person introduced by a relation -> gender


def report_genders(mentions: Mentions, masked: str, patterns: Patterns) -> Genders:
    """The gender of each name the report gives one, and the names "it" may mean."""
    relatives = _relatives(mentions, masked, patterns) if patterns.relation_gender else {}
    genders: dict[str, str] = {}
    neuter: set[str] = set()
    said = patterns.said_pronoun
    for entity in mentions.entities:
        gender = entity.gender or relatives.get(entity.start)
        if gender is None and entity.kind == "PER":
            # "Ann Lee said she would stay": what she said tells who she is
            pronoun = said.match(masked, entity.end, entity.end + 60)
            gender = patterns.pronoun_gender.get(pronoun.group(1).casefold()) \
                if pronoun else None
        if gender == NEUTER and entity.kind == "PER" and entity.gender is None:
            # "Microsoft has said it will ...": maybe a body, whatever its name looks like,
            # that "it added" may mean ("Blair said it was time" leaves "he" to Blair)
            neuter.add(mentions.fullest(entity.name))
        elif gender:
            genders.setdefault(mentions.fullest(entity.name, entity.kind), gender)
    return Genders(genders, neuter, relatives)


def _relatives(mentions: Mentions, masked: str, patterns: Patterns) -> dict[int, str]:
    """People introduced by a relation, by position: "his wife, ex-model Sandra" is a
    woman, and the one a following "she" most likely means."""
    relatives: dict[int, str] = {}
    lowered = masked.lower()
    if not any(f" {word}" in lowered for word in patterns.relation_gender):
        return relatives   # most reports: a substring test instead of a scan
    for relation in patterns.relation.finditer(masked):
        entity = mentions.entity_at(relation.end(), relation.end() + 40)
        if entity is not None and entity.kind == "PER" \
                and _RELATION_GAP.fullmatch(masked, relation.end(), entity.start):
            relatives[entity.start] = patterns.relation_gender[relation.group().casefold()]
    return relatives
