"""Work the pipeline does once and shares between stages gives the same answers as before."""

from __future__ import annotations

import pytest

from bot.analysis.figures.patterns import patterns
from bot.analysis.figures.scan import scan
from bot.analysis.ranking.furniture import Assessment, assess, furniture_score, is_debris
from bot.analysis.tokens import content_stems, lowered_tokens, sentence_stems


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Click here to subscribe.", Assessment(0.8, True)),                  # a furniture phrase
    ("(Pictured) The minister at the launch.", Assessment(1 / 6, True)),  # a caption
    ("Exports rose by 12 percent in March.", Assessment(2 / 7, False)),   # "by", "march"
])
def test_one_assessment_answers_both_questions(sentence: str, expected: Assessment) -> None:
    assert assess(sentence, "en") == pytest.approx(expected)
    assert furniture_score(sentence, "en") == pytest.approx(expected.furniture)
    assert is_debris(sentence, "en") is expected.debris


def test_lowered_tokens_are_the_sentence_split_once() -> None:
    sentence = "The  Minister\tsaid: Exports ROSE."
    assert lowered_tokens(sentence) == ("the", "minister", "said:", "exports", "rose.")
    assert sentence_stems(sentence, "en") == content_stems(sentence, "en")


def test_a_number_starts_once_per_digit_run_or_at_a_number_word() -> None:
    text = "In 2004, 12,500 people and Twenty dogs"
    starts = [(m.start(), m.group()) for m in patterns("en").core.finditer(text)]
    assert starts == [(3, "2004"), (9, "12"), (12, "500"), (27, "Twenty")]


@pytest.mark.parametrize("sentence", [
    "Exports rose by 12 percent in March.",
    "Exports rose by 12 percent in März.",  # not ASCII: the Unicode digit test
])
def test_digits_are_found_in_ascii_and_other_text(sentence: str) -> None:
    assert [(c.value, c.context, c.kind) for c in scan(sentence, 0, "en")] == [
        ("12 percent", "Exports rose by 12 percent", "rate")]


def test_years_and_scores_keep_their_verdicts() -> None:
    assert scan("He was born in 2004, and 1990-2004 was long.", 0, "en") == []
    assert [c.value for c in scan("Liverpool beat Chelsea 2-1 on Sunday.", 0, "en")] == ["2-1"]
    assert scan("Liverpool beat Chelsea on Sunday, 2 days ago.", 0, "en") == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("It often rains in the hills.", False),   # "ten" inside a word
    ("It rained for ten days.", True),
    ("A Ten-day festival opened.", True),       # a hyphen is a word edge, case does not matter
    ("Plenty (Twenty) came.", True),
])
def test_number_words_are_found_token_by_token(sentence: str, expected: bool) -> None:
    assert patterns("en").has_number_word(sentence) is expected
