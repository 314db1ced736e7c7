"""Key figures: the number with what it counts; years, dates, times and references are not figures."""

from __future__ import annotations

import pytest

from bot.analysis.figures import extract_figures


def pairs(sentence: str, language: str = "en") -> list[tuple[str, str]]:
    return [(f.value, f.context) for f in extract_figures([sentence], language, limit=20)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Tajik authorities have repatriated more than 4,000 students from abroad.",
         [("4,000", "more than 4,000 students")]),
        ("About 300 people attended the meeting.", [("300", "About 300 people")]),
        ("The conference brought together over 150 participants from 11 CIS countries.",
         [("150", "over 150 participants"), ("11", "11 CIS countries")]),
        ("The population reached 1.2 billion people.", [("1.2 billion", "1.2 billion people")]),
        ("Britain gave £20 million to the programme.", [("£20 million", "Britain gave £20 million")]),
        ("Kazakhstan spent 180 billion tenge on roads.",
         [("180 billion tenge", "Kazakhstan spent 180 billion tenge")]),
        ("Russia sent 5 million rubles and 3 million somoni to the region.",
         [("5 million rubles", "Russia sent 5 million rubles"),
          ("3 million somoni", "3 million somoni to the region")]),
        ("Prices rose 12% last year.", [("12%", "Prices rose 12%")]),
        ("Losses reached between 30 and 40 percent of the harvest.",
         [("30 and 40 percent", "Losses reached between 30 and 40 percent of the harvest")]),
        ("Delays fell 10-15 percent after the reform.", [("10-15 percent", "Delays fell 10-15 percent")]),
        ("The work will take nine months.", [("nine", "nine months")]),
        ("Some two thousand families have moved.", [("two thousand", "Some two thousand families")]),
        ("Twenty-five villages were flooded.", [("Twenty-five", "Twenty-five villages")]),
    ],
)
def test_english_figures(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("В программе участвовали более 4 тыс. человек.", [("4 тыс.", "более 4 тыс. человек")]),
        ("Бюджет составил 5 млн рублей.", [("5 млн рублей", "Бюджет составил 5 млн рублей")]),
        ("Выделено 18 млн сомони на ремонт.", [("18 млн сомони", "Выделено 18 млн сомони")]),
        ("Программа продлится три года.", [("три", "три года")]),
        ("Урожай собран на площади свыше 96 тыс. гектаров.", [("96 тыс.", "свыше 96 тыс. гектаров")]),
        ("Стоимость составила 3,2–3,5 сомони за килограмм.",
         [("3,2–3,5 сомони", "Стоимость составила 3,2–3,5 сомони")]),
        ("Доход составит от 6 до 7% годовых.", [("6 до 7%", "Доход составит от 6 до 7%")]),
    ],
)
def test_russian_figures(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(sentence, "ru") == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The meeting was held in 2024 in Dushanbe.",
        "It opened on March 3 with a ceremony.",
        "It opened on 3 March with a ceremony.",
        "The meeting starts at 14:30 in the hall.",
        "The meeting starts at 9 a.m. sharp.",
        "The form was dated 12/03/2024 by the clerk.",
        "Call +992 37 221 44 55 for details.",
        "See page 3 of the report.",
        "He lives at No. 5 Main Street.",
        "COVID-19 cases fell sharply.",
        "It was the 3rd time the 21st century saw floods.",
        "The 25th meeting was held.",
        "The figures are in section 4 of chapter 2.",
    ],
)
def test_english_non_figures(sentence: str) -> None:
    assert pairs(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    ["Закон принят в 2024 году.", "Совещание прошло 5 марта в Астане.", "Закон принят в 2024 г. в столице.",
     "Подробности на стр. 12 доклада."],
)
def test_russian_non_figures(sentence: str) -> None:
    assert pairs(sentence, "ru") == []


def test_a_bare_number_without_what_it_counts_is_not_a_figure() -> None:
    assert pairs("The total was 37.") == []


def test_emphasis_on_summary_sentences_ranks_their_figures_higher() -> None:
    sentences = ["About 300 cows came to the fair.", "About 300 tractors came to the fair."]
    plain = extract_figures(sentences, "en", limit=2)
    emphasized = extract_figures(sentences, "en", limit=2, emphasis=[1])
    assert [f.context for f in plain] == ["About 300 cows", "About 300 tractors"]
    assert [f.context for f in emphasized] == ["About 300 tractors", "About 300 cows"]
    assert emphasized[0].score > emphasized[1].score
    assert emphasized[0].sentence == sentences[1]


def test_money_outranks_plain_counts_and_limit_is_honoured() -> None:
    sentences = [
        "Some 40 companies took part.",
        "The fair drew 60,000 visitors and 900 exhibitors.",
        "Deals were worth more than $3 billion.",
    ]
    figures = extract_figures(sentences, "en", limit=2)
    assert [f.context for f in figures] == ["Deals were worth more than $3 billion", "60,000 visitors"]
    every = extract_figures(sentences, "en", limit=10)
    assert sorted(f.context for f in every) == [
        "60,000 visitors", "900 exhibitors", "Deals were worth more than $3 billion", "Some 40 companies",
    ]
    assert [f.score for f in every] == sorted((f.score for f in every), reverse=True)


def test_limit_zero_means_no_figures() -> None:
    assert extract_figures(["Deals were worth more than $3 billion."], "en", limit=0) == []


def test_same_context_twice_kept_once() -> None:
    sentences = ["About 300 people came.", "Later, about 300 people, tired, left."]
    assert [f.sentence for f in extract_figures(sentences, "en")] == ["About 300 people came."]


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("Annual inflation slowed to 8.6 percent in December.", "8.6 percent"),
        ("The government's share is set to rise from 40 to 60 percent by 2027.", "40 to 60 percent"),
        ("Export earnings rose to about $150 million last year.", "$150 million"),
        ("Unemployment fell to 4.7 percent.", "4.7 percent"),
    ],
)
def test_context_is_verbatim_from_the_sentence(sentence: str, number: str) -> None:
    [figure] = extract_figures([sentence], "en")
    assert number in figure.context
    assert figure.context in sentence


def test_compound_written_number_with_one() -> None:
    assert pairs("Thirty-one miners were rescued.") == [("Thirty-one", "Thirty-one miners were rescued")]


@pytest.mark.parametrize(
    ("sentence", "language", "context"),
    [
        ("Repairs will cost between €6 million and €8 million.", "en", "between €6 million and €8 million"),
        ("Лимит вырос с 1,5 млрд до 2 млрд тенге.", "ru", "с 1,5 млрд до 2 млрд тенге"),
    ],
)
def test_range_with_units_on_both_ends_is_one_figure(sentence: str, language: str, context: str) -> None:
    figures = extract_figures([sentence], language)
    assert len(figures) == 1
    assert figures[0].context.endswith(context.split(" ", 1)[1])


def test_russian_dollars_at_sentence_end() -> None:
    assert pairs("Перевод составил 1,2 млрд долларов.", "ru") == [
        ("1,2 млрд долларов", "Перевод составил 1,2 млрд долларов"),
    ]
