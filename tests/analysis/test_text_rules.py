"""Every language pack's text rules compile and behave: what adding a language must pass."""

from __future__ import annotations

import re

import pytest

from bot.analysis import clean, pipeline, sentences, tokens
from bot.analysis.lang import codes, get_pack
from bot.analysis.ranking import furniture


@pytest.mark.parametrize("code", codes())
def test_pack_patterns_compile(code: str) -> None:
    clean._furniture(code)
    furniture._rules(code)
    sentences._abbreviations(code)
    pipeline._pronoun_attribution(code)


@pytest.mark.parametrize("code", codes())
def test_pack_words_are_lower_case(code: str) -> None:
    text = get_pack(code).text
    assert len(text.stop_words) > 100
    assert tokens.stop_words(code) == text.stop_words
    for words in (text.stop_words, text.abbreviations, text.meta_words, text.marker_words,
                  text.dangling_words):
        assert all(word == word.lower() for word in words)


@pytest.mark.parametrize("code", codes())
def test_ranking_fragments_match_lower_cased_text(code: str) -> None:
    # ranking matches lower-cased sentences without IGNORECASE: a capital never matches
    text = get_pack(code).text
    for fragment in (*text.furniture_phrases, *text.captions, *text.credits, *text.stamps):
        literal = re.sub(r"\\.", "", fragment)  # escapes (\s, \b, \d) are not letters
        assert literal == literal.lower(), fragment


def test_languages_do_not_leak_into_each_other() -> None:
    assert "тыс" in get_pack("ru").text.abbreviations
    assert "тыс" not in get_pack("en").text.abbreviations
    assert "тис" in get_pack("uk").text.abbreviations
    assert "mr" not in get_pack("ru").text.abbreviations
