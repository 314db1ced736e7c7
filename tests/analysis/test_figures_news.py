"""Figures as news is written: references, names, vague sizes, repeats and non-counts.

Each test covers one class of error seen on unseen reports; the sentences are written here.
"""

from __future__ import annotations

import pytest

from bot.analysis.figures import extract_figures


def figures(sentences: list[str], language: str = "en") -> list[tuple[str, str]]:
    return [(f.value, f.context) for f in extract_figures(sentences, language, limit=20)]


# -- references to laws, and names that carry a number ----------------------------------------

@pytest.mark.parametrize("sentence", [
    "Суд оштрафовал активиста по части 5 статьи 19.3 КоАП.",
    "Ему вменяют ч. 3 ст. 212 УК, а также ч. 1.1 ст. 293 УК.",
    "Закон (часть 2 статьи 14) это прямо запрещает.",
    "Депутат сослался на пункт 4 статьи 7 закона о выборах.",
])
def test_law_articles_and_parts_are_references(sentence: str) -> None:
    assert figures([sentence], "ru") == []


@pytest.mark.parametrize(("sentence", "language"), [
    ("A former No 10 adviser joined the board.", "en"),
    ("Ex-No 10 aides met on Friday.", "en"),
    ("Protesters gathered outside 10 Downing Street.", "en"),
    ("Сезон-2011/12 форвард провел в аренде.", "ru"),
    ("Об этом написало издание N+1 со ссылкой на физиков.", "ru"),
])
def test_names_and_codes_with_numbers_are_not_figures(sentence: str, language: str) -> None:
    assert figures([sentence], language) == []


def test_a_capitalised_no_is_a_reference_but_a_plain_no_is_not() -> None:
    assert figures(["The court heard that no 12 jurors agreed."]) == [("12", "12 jurors")]


# -- one figure per fact across the report ----------------------------------------------------

def test_the_same_sum_later_in_the_report_is_one_figure() -> None:
    sentences = ["The regulator demanded $45bn (£24bn) from the banks.",
                 "Analysts doubt the lenders can hand over $45bn in a single year.",
                 "A separate fine of 45bn euros was also discussed."]
    assert [value for value, _ in figures(sentences)] == ["$45bn", "45bn euros"]


def test_a_vague_size_and_an_exact_one_of_the_same_scale_are_two_facts() -> None:
    sentences = ["Огнем охвачены миллионы гектаров тайги.",
                 "В одной только Якутии горит более 1 миллиона гектаров."]
    assert figures(sentences, "ru") == [
        ("1 миллиона", "более 1 миллиона гектаров"), ("миллионы", "миллионы гектаров тайги"),
    ]


# -- vague quantities -------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Волонтеры работают в сотнях школ по всей стране.", [("сотнях", "сотнях школ")]),
    ("Пункты выдачи появятся в тысячах магазинов.", [("тысячах", "тысячах магазинов")]),
    ("Дым накрыл миллионы жителей Сибири.", [("миллионы", "миллионы жителей Сибири")]),
    ("К утру около 300 поселков остались без света.",
     [("300", "около 300 поселков остались без света")]),
])
def test_russian_vague_and_approximate_quantities(sentence: str,
                                                  expected: list[tuple[str, str]]) -> None:
    assert figures([sentence], "ru") == expected


def test_a_number_after_a_month_is_a_date_only_when_it_could_be_a_day_or_year() -> None:
    assert figures(["К середине марта 600 семей получили жилье."], "ru") == [
        ("600", "600 семей")]
    assert figures(["Выборы пройдут 12 марта, решение принято в марте 2024."], "ru") == []


@pytest.mark.parametrize(("sentence", "language", "value"), [
    ("Число заявок выросло более чем втрое за неделю.", "ru", "втрое"),
    ("The number of complaints rose fourfold last year.", "en", "fourfold"),
])
def test_multipliers_are_figures(sentence: str, language: str, value: str) -> None:
    assert [v for v, _ in figures([sentence], language)] == [value]


# -- not figures by the guideline -------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "language"), [
    ("The group holds two thirds of the seats.", "en"),
    ("Поставщики обеспечивают две трети спроса.", "ru"),
    ("They ran multi-million pound campaigns.", "en"),
    ("The under-21 side trained on Monday.", "en"),
    ("She took a 5,000m win in Oslo.", "en"),
])
def test_fractions_compounds_and_race_names_are_not_figures(sentence: str, language: str) -> None:
    assert figures([sentence], language) == []


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("The virus causes 4 deaths per 100,000 people each year.", "en",
     [("4", "4 deaths")]),
    ("Заболевание выявляют у 3-5 детей на 10 тысяч новорожденных.", "ru",
     [("3-5", "3-5 детей")]),
])
def test_the_base_of_a_rate_is_not_a_figure(sentence: str, language: str,
                                            expected: list[tuple[str, str]]) -> None:
    assert figures([sentence], language) == expected


def test_a_change_of_a_round_number_is_still_a_figure() -> None:
    assert figures(["Штат больницы увеличили на 100 человек."], "ru") == [
        ("100", "100 человек")]


def test_a_split_decision_is_a_result() -> None:
    assert figures(["The appeal was dismissed by a 3-2 majority of the judges."]) == [
        ("3-2", "dismissed by a 3-2")]


def test_sports_words_are_whole_nouns_not_stems() -> None:
    # "встречается" is no match ("встреча"), so "2-4" is a range, not a score
    assert [v for v, _ in figures(["Такая форма встречается у 2-4 пациентов из ста."], "ru")] \
        == ["2-4"]


# -- anaphora, ranks and time frames ----------------------------------------------------------

@pytest.mark.parametrize(("sentence", "language"), [
    ("Клуб по сумме двух матчей вышел в финал.", "ru"),
    ("Эксперты обсуждают отношения двух соседних стран.", "ru"),
    ("Перчатки выпускают в трех видах и двух категориях.", "ru"),
    ("The first four chapters of the report were leaked.", "en"),
    ("The shop sells three kinds of bread.", "en"),
    ("Exports reached their highest level in five years.", "en"),
    ("It is the worst harvest in two decades.", "en"),
])
def test_counts_of_parties_already_named_ranks_and_frames_are_not_figures(
        sentence: str, language: str) -> None:
    assert figures([sentence], language) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("She won in 2 minutes 01.5 seconds.", [("2", "won in 2 minutes 01.5 seconds")]),
    ("Their answers came in 300 hours of recorded interviews.",
     [("300", "300 hours of recorded interviews")]),
])
def test_a_plain_in_before_a_duration_keeps_it(sentence: str,
                                                 expected: list[tuple[str, str]]) -> None:
    assert figures([sentence]) == expected


# -- Russian word order -----------------------------------------------------------------------

def test_a_count_after_its_verb_takes_the_noun_before_it() -> None:
    assert sorted(figures(["В прошлом году таких школ было 40, а теперь станет 55."], "ru")) == [
        ("40", "прошлом году таких школ было 40"), ("55", "теперь станет 55")]
    assert figures(["Ему было 8, когда семья переехала."], "ru") == []  # an age


def test_a_place_before_a_russian_count_is_no_name() -> None:
    assert figures(["За сутки в Якутии 15 пожаров потушили авиацией."], "ru") == [
        ("15", "15 пожаров")]
    assert figures(["The show moved to Radio 4 last year."]) == []  # English names take numbers


def test_after_a_while_is_a_frame_but_an_estimate_is_a_figure() -> None:
    assert figures(["Решение объявили лишь через три недели."], "ru") == []
    assert figures(["Он вернется в строй через 2-3 недели."], "ru") == [
        ("2-3", "в строй через 2-3 недели")]


# -- manners of speaking and glued units ------------------------------------------------------

@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("The coach said he was 100% confident of a win.", "en", []),
    ("Я на 100% уверен в этом решении.", "ru", []),
    ("Turnout was 100% in the smallest ward.", "en", [("100%", "Turnout was 100%")]),
    ("The bridge stood for hundreds of years.", "en", []),
    ("Hundreds of homes were flooded.", "en", [("Hundreds", "Hundreds of homes")]),
    ("She clocked 7.02secs in the heats.", "en", [("7.02secs", "clocked 7.02secs")]),
])
def test_figurative_percentages_vague_frames_and_glued_seconds(
        sentence: str, language: str, expected: list[tuple[str, str]]) -> None:
    assert figures([sentence], language) == expected


# -- currencies in words and race names ---------------------------------------------------------

def test_a_sum_in_a_currency_word_keeps_its_conversions() -> None:
    assert figures(["The budget set aside 12.4 trillion rupiah ($1.3bn; £0.7bn) for roads."]) == [
        ("12.4 trillion rupiah", "budget set aside 12.4 trillion rupiah ($1.3bn; £0.7bn)")]
    assert [v for v, _ in figures(["Toyota expects a 90bn yen profit."])] == ["90bn yen"]


@pytest.mark.parametrize("sentence", [
    "She will run in the 200m at the trials in Glasgow.",
    "The coach trains 800m runners in Leeds.",
    "He wants to race well over 400m indoors.",
])
def test_race_names_are_not_distances(sentence: str) -> None:
    assert figures([sentence]) == []


def test_a_distance_achieved_is_a_figure() -> None:
    assert figures(["Smith jumped 8.05m in the final round."]) == [("8.05m", "Smith jumped 8.05m")]


def test_an_ordinal_modifier_does_not_hide_the_count() -> None:
    assert figures(["The gallery bought two 17th-century maps at auction."]) == [
        ("two", "two 17th-century maps")]
    assert figures(["Four 25th Jubilee Medals will be handed out."]) == [
        ("Four", "Four 25th Jubilee Medals")]


def test_the_n_nouns_is_a_count_until_the_report_has_given_the_number() -> None:
    assert figures(["The six finalists will perform live on Saturday."]) == [
        ("six", "six finalists")]
    assert figures(["Six singers reached the final.",
                    "The six finalists will perform live on Saturday."]) == [
        ("Six", "Six singers")]
    assert figures(["The two sides met again."]) == []  # two: always the pair just named
