"""Figures by class, second round: classes seen on a third unseen set of English reports.

The sentences are written here; every assertion gives the exact value, context and kind.
"""

from __future__ import annotations

import pytest

from bot.analysis.figures import extract_figures


def figures(sentences: list[str], language: str = "en") -> list[tuple[str, str, str]]:
    return [(f.value, f.context, f.kind) for f in extract_figures(sentences, language, limit=20)]


# -- a range of sums repeats its currency, and may carry a conversion on its first end ---------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Fines now range between 200 dollars and 900 dollars a case.",
     ("200 dollars and 900 dollars", "Fines now range between 200 dollars and 900 dollars", "money")),
    ("Refunds were set at between 80 euros (£55) and 400 euros, the board said.",
     ("80 euros (£55) and 400 euros", "Refunds were set at between 80 euros (£55) and 400 euros",
      "money")),
    ("Between 5bn yen and 7bn yen will be spent.",
     ("5bn yen and 7bn yen", "Between 5bn yen and 7bn yen will be spent", "money")),
])
def test_a_range_of_sums_with_a_repeated_currency_is_one_figure(
        sentence: str, expected: tuple[str, str, str]) -> None:
    assert figures([sentence]) == [expected]


def test_a_russian_range_of_sums_repeats_its_currency_too() -> None:
    assert figures(["Штраф составит от 100 рублей до 500 рублей."], "ru") == [
        ("100 рублей до 500 рублей", "Штраф составит от 100 рублей до 500 рублей", "money")]


def test_two_sums_without_between_stay_two() -> None:
    assert sorted(f[0] for f in figures(["It paid 200 dollars and 900 dollars in fees."])) == [
        "200 dollars", "900 dollars"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The levy raises 2bn euros, that's over £1.3bn a year, for the state.",
     ("2bn euros", "levy raises 2bn euros, that's over £1.3bn", "money")),
    ("It will cost $40m, that is about £21m, to repair.",
     ("$40m", "cost $40m, that is about £21m", "money")),
])
def test_a_conversion_told_as_thats_about_joins_its_original(
        sentence: str, expected: tuple[str, str, str]) -> None:
    assert figures([sentence]) == [expected]


# -- the nth event in a period, and the lifetime of something, are time frames -----------------

@pytest.mark.parametrize("sentence", [
    "The airline issued its second profits warning in six months.",
    "It was the club's fourth defeat in three weeks.",
    "The bank posted its first annual loss in 40 years.",
    "The award has never had a stronger list in the prize's 25 years.",
    "Over its 150 years the paper has had nine editors.",
])
def test_the_nth_event_in_a_period_or_a_lifetime_is_a_time_frame(sentence: str) -> None:
    assert [f for f in figures([sentence]) if f[2] == "duration"] == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The second phase will take three months.", [("three", "phase will take three months", "duration")]),
    ("He was jailed for six years in 2003.", [("six", "jailed for six years", "duration")]),
])
def test_a_duration_that_is_the_fact_stays(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert figures([sentence]) == expected


# -- a distance before a runner, a favourite or a race, or coordinated with a race, is a race --

@pytest.mark.parametrize("sentence", [
    "The 25-year-old 1500 metres runner has changed coaches.",
    "She goes in as one of the 400 metres favourites.",
    "He set fast times in the 800m and 1000m at indoor meetings.",
    "She won the women's 200m and 400m at the trials.",
    "He is the reigning 5000 metres champion.",
])
def test_a_distance_naming_an_event_is_no_figure(sentence: str) -> None:
    assert figures([sentence]) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The tunnel runs 800 metres under the city.", [("800", "800 metres", "count")]),
    ("Crews laid 400m and 900m of new track.",
     [("400m", "Crews laid 400m", "count"), ("900m", "900m", "count")]),
])
def test_a_distance_or_an_amount_that_is_no_race_stays(
        sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert figures([sentence]) == expected


# -- a period named by its length ("the 90-day period") is the fact; "the past" stays a frame --

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Staff were promised the 30-day notice period.", [("30", "30-day notice period", "duration")]),
    ("Sales doubled over the past 10-year period.", [("doubled", "Sales doubled", "rate")]),
    ("The three years since have been hard.", []),
])
def test_a_hyphenated_period_after_the_article_is_a_figure(
        sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert figures([sentence]) == expected


# -- two numbers glued by a hyphen before a plain noun name a band; scores and ranges stay -----

@pytest.mark.parametrize(("sentence", "expected"), [
    ("The plan would replace all existing 11-16 courses.", []),
    ("Ministers want more places for the 16-18 age group.", []),
    ("It was a 3-1 victory for the visitors.", [("3-1", "It was a 3-1", "score")]),
    ("The 2-0 scoreline flattered them.", [("2-0", "The 2-0", "score")]),
    ("The repair takes 2-3 days.", [("2-3", "repair takes 2-3 days", "duration")]),
    ("Police said 10-15 people were hurt.", [("10-15", "10-15 people were hurt", "casualties")]),
])
def test_a_hyphenated_pair_before_a_plain_noun_is_a_band(
        sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert figures([sentence]) == expected


# -- a race time told in words and digits is one figure -----------------------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Her time of one minute 58.21seconds was a national record.",
     [("one minute 58.21seconds", "time of one minute 58.21seconds", "duration")]),
    ("She won in two minutes 3.5 seconds, a record.",
     [("two minutes 3.5 seconds", "won in two minutes 3.5 seconds", "duration")]),
    ("It took 2.5 seconds to load.", [("2.5", "It took 2.5 seconds", "duration")]),
])
def test_a_race_time_in_words_and_digits_is_one_figure(
        sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert figures([sentence]) == expected
