"""The remembered word tests answer exactly what the role and organisation patterns answer."""

import pytest

from bot.analysis.quotes.entities import Entity, _from_run
from bot.analysis.quotes.rules import patterns


@pytest.mark.parametrize("language", ["en", "ru", "uk"])
def test_word_tests_agree_with_the_patterns(language: str) -> None:
    p = patterns(language)
    nouns = p.rules.role_nouns + p.rules.organisation_nouns + p.rules.spokesperson_nouns
    words = {"", " ", "22-year-old", "22-Year-Old", "year-old", "Greene", "Кудрин"}
    for noun in nouns:
        words |= {noun, noun.upper(), noun.title(), noun + "s", noun[:-1], noun.replace(" ", "  ")}
    for word in words:
        assert p.is_role(word) == bool(p.role.fullmatch(word)), word
        assert p.is_organisation(word) == bool(p.organisation.fullmatch(word)), word


def test_word_tests_know_role_and_organisation_nouns() -> None:
    p = patterns("en")
    assert p.is_role("Chancellor") and p.is_role("22-year-old")
    assert not p.is_role("Greene")
    assert p.is_organisation("Ministry") and not p.is_organisation("Minister")


def test_word_alternations_match_whole_words_in_any_case() -> None:
    # the first-letter class in front of each alternation must not change what matches
    text = "His Wife, the wife-to-be, a housewife and her son-in-law met his SON and Mother."
    assert [m.group() for m in patterns("en").relation.finditer(text)] == ["Wife", "SON", "Mother"]
    text = "Минобороны сообщили, что министр заявил об этом."
    assert [m.group() for m in patterns("ru").verb.finditer(text)] == ["сообщили", "заявил"]


@pytest.mark.parametrize(("run", "expected"), [
    ("Greene", [Entity(10, 16, "Greene", "PER")]),
    ("BBC", [Entity(10, 13, "BBC", "ORG")]),
    ("The", []),
    ("Mr", []),
    ("Chancellor Gordon Brown", [Entity(21, 33, "Gordon Brown", "PER")]),
])
def test_a_run_of_one_word_reads_as_a_longer_run_would(run: str, expected: list[Entity]) -> None:
    assert _from_run(run, 10, patterns("en")) == expected
