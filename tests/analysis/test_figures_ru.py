"""Key figures in Russian: casualties, plan shares, rates, one figure per fact, dates excluded."""

from __future__ import annotations

import pytest

from bot.analysis.figures import extract_figures


def figures(sentences: list[str], limit: int = 20) -> list[tuple[str, str, str]]:
    return [(f.value, f.context, f.kind) for f in extract_figures(sentences, "ru", limit=limit)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("В результате стрельбы 22 человека погибли, более 20 были ранены.",
         [("20", "более 20 были ранены", "casualties"), ("22", "22 человека погибли", "casualties")]),
        ("Шесть горняков остаются заблокированными в шахте.",
         [("Шесть", "Шесть горняков остаются заблокированными", "casualties")]),
        ("На каждой из двух последних акций были задержаны более тысячи человек.",
         [("тысячи", "задержаны более тысячи человек", "people")]),
    ],
)
def test_casualties_and_people_affected(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert figures([sentence]) == expected


def test_plan_share_and_rate_of_change() -> None:
    sentences = ["Государственный бюджет выполнен на 104,2% от плана.",
                 "Годовая инфляция замедлилась до 8,6% в декабре.",
                 "Доля экспорта составила 36%."]
    assert figures(sentences) == [
        ("104,2%", "Государственный бюджет выполнен на 104,2% от плана", "plan"),
        ("8,6%", "Годовая инфляция замедлилась до 8,6%", "rate"),
        ("36%", "Доля экспорта составила 36%", "percent"),
    ]


def test_a_conversion_in_brackets_is_one_figure() -> None:
    assert figures(["Казахстан направит 180 млрд тенге (около 390 млн долларов) на ремонт каналов."]) == [
        ("180 млрд тенге", "Казахстан направит 180 млрд тенге (около 390 млн долларов)", "money"),
    ]


def test_the_same_fact_in_words_and_digits_is_one_figure() -> None:
    sentences = ["Восемнадцать туристов застряли на пляже из-за ливней.",
                 "На пляже находятся 18 туристов, из них двое детей."]
    assert figures(sentences) == [
        ("Восемнадцать", "Восемнадцать туристов застряли", "casualties"),
        ("двое", "двое детей", "count"),
    ]


@pytest.mark.parametrize(
    "sentence",
    ["Совещание прошло 10 авг в Москве.", "Закон вступил в силу 10 августа.", "Закон принят в 2024 году.",
     "В последние три года цены росли.", "Два года назад цех закрыли.", "В 18 лет она уехала из СССР.",
     "Ставки меняются с 1-го числа месяца.", "Подробности на стр. 12 доклада."],
)
def test_dates_ages_and_time_frames_are_not_figures(sentence: str) -> None:
    assert figures([sentence]) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("«Тосно» обыграл тульский «Арсенал» со счётом 3:2.", [("3:2", "счётом 3:2", "score")]),
        ("Он был дисквалифицирован на четыре года.",
         [("четыре", "дисквалифицирован на четыре года", "duration")]),
        ("Около 60 тыс. жителей сталкиваются с отключениями света.",
         [("60 тыс.", "Около 60 тыс. жителей", "count")]),
        ("В активе бойца 26 боёв, 24 из них он выиграл.",
         [("26", "26 боёв", "count"), ("24", "24 из них", "count")]),
    ],
)
def test_scores_durations_and_counted_phrases(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert figures([sentence]) == expected


def test_a_year_word_never_opens_a_context() -> None:
    assert figures(["Правительство в 2025 году направит 600 млрд тенге на кредиты."]) == [
        ("600 млрд тенге", "направит 600 млрд тенге", "money"),
    ]
