"""The remembered word tests answer exactly what the role and organisation patterns answer."""

import pytest

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
