"""The attribution parts (bounds, mentions, genders, narrative, pronouns, roles,
organisations) answer their own questions, each without the Reader around it."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from bot.analysis.quotes import patterns
from bot.analysis.quotes.bounds import Bounds
from bot.analysis.quotes.entities import find_entities
from bot.analysis.quotes.genders import Genders, report_genders
from bot.analysis.quotes.mentions import Mentions
from bot.analysis.quotes.narrative import Narrative
from bot.analysis.quotes.organisations import Organisations
from bot.analysis.quotes.pronouns import Pronouns
from bot.analysis.quotes.roles import Roles, _word_count
from bot.analysis.quotes.spans import find_spans, masked

TEXT = ("World and Commonwealth 100m champion Kim Collins beat Olympic 100m champion Justin "
        'Gatlin. Mr. Collins was happy. "I ran well. It was fast," the world champion said.\n\n'
        "The Qualifications and Curriculum Authority (QCA) said the tests would change. "
        "Ann Lee said she would stay.\n")


@dataclass
class Parts:
    bounds: Bounds
    mentions: Mentions
    genders: Genders
    narrative: Narrative
    pronouns: Pronouns
    roles: Roles
    organisations: Organisations


@pytest.fixture
def parts() -> Parts:
    rules = patterns("en")
    spans = find_spans(TEXT, rules)
    blanked = masked(TEXT, spans)
    bounds = Bounds(TEXT, spans, rules)
    mentions = Mentions(find_entities(TEXT, blanked, "en"), blanked, rules)
    genders = report_genders(mentions, blanked, rules)
    narrative = Narrative(rules, genders.by_name)
    pronouns = Pronouns(rules, bounds, narrative, genders)
    return Parts(bounds, mentions, genders, narrative, pronouns,
                 Roles(TEXT, blanked, rules, bounds, mentions, narrative),
                 Organisations(TEXT, blanked, rules, mentions, narrative, pronouns))


def test_no_sentence_ends_after_an_abbreviation_or_inside_a_quote(parts: Parts) -> None:
    starts = [0, TEXT.index("Mr. Collins"), TEXT.index('"I ran'), TEXT.index("The Qual"),
              TEXT.index("Ann Lee")]
    assert parts.bounds.boundaries == starts
    assert parts.bounds.sentence_end(TEXT.index("It was fast")) == TEXT.index("The Qual")
    assert parts.bounds.paragraph(TEXT.index("Ann Lee")) == 1


def test_a_short_name_is_its_fullest_form(parts: Parts) -> None:
    assert parts.mentions.fullest("Collins") == "Kim Collins"
    assert parts.mentions.fullest("Lee") == "Ann Lee"


def test_the_pronoun_after_said_gives_the_gender(parts: Parts) -> None:
    assert parts.genders.by_name["Ann Lee"] == "f"


def test_a_described_role_goes_to_the_holder_so_described(parts: Parts) -> None:
    # the Olympic champion is named later, but "the world champion" is Collins
    position = TEXT.index("champion said")
    assert parts.roles.holder("champion", position) == "Kim Collins"


def test_a_pronoun_goes_to_the_last_person_of_its_gender(parts: Parts) -> None:
    parts.narrative.note(0, "Kim Collins", "PER", "subject")
    parts.narrative.note(10, "Ann Lee", "PER", "subject")
    assert parts.pronouns.resolve("she", 50) == "Ann Lee"
    assert parts.pronouns.resolve("he", 50) == "Kim Collins"
    assert parts.pronouns.resolve("it", 50) is None   # no organisation spoke


def test_an_acronym_goes_by_the_words_that_define_it(parts: Parts) -> None:
    acronym = next(e for e in parts.mentions.entities if e.name == "QCA")
    assert parts.organisations.named(acronym) == "Qualifications and Curriculum Authority"
    assert parts.mentions.kind_of("Qualifications and Curriculum Authority") == "ORG"


def test_role_holders_are_read_only_as_far_as_asked_then_further(parts: Parts) -> None:
    # asked before Gatlin is named, the Olympic champion is no one; asked later, he is
    assert parts.roles.holder("champion", TEXT.index("Olympic")) == "Kim Collins"
    assert parts.roles.holder("champion", TEXT.index("Olympic")) == "Kim Collins"
    assert {h.person for h in parts.roles._holders} == {"Kim Collins"}   # Gatlin not yet read
    parts.roles.holder("champion", TEXT.index("Mr. Collins"))
    assert {h.person for h in parts.roles._holders} == {"Kim Collins", "Justin Gatlin"}


def test_surnames_are_counted_as_whole_words_possessive_or_not() -> None:
    text = "Greene's coach said Greene won, not McGreene or Greenes; GREENE. Greene’s"
    assert _word_count(text, "Greene") == 3
    assert _word_count(text, "Coach") == 0


def test_the_main_person_holds_an_office_only_when_the_sentence_before_names_him() -> None:
    text = ("Gordon Brown spoke. Brown met Tony Blair. Brown left. Brown's aides agreed.\n\n"
            "Nobody else spoke. The chancellor said it was over. Gordon Brown waved. "
            "The chancellor left.")
    rules = patterns("en")
    spans = find_spans(text, rules)
    blanked = masked(text, spans)
    bounds = Bounds(text, spans, rules)
    mentions = Mentions(find_entities(text, blanked, "en"), blanked, rules)
    narrative = Narrative(rules, {})
    roles = Roles(text, blanked, rules, bounds, mentions, narrative)
    assert roles._main_person_near(text.index("The chancellor said")) is None
    assert roles._main is None   # no one named in the sentence before: nothing counted
    assert roles._main_person_near(text.index("The chancellor left")) == "Gordon Brown"
    assert roles._main == "Gordon Brown"
