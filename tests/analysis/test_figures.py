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
        ("The work will take nine months.", [("nine", "work will take nine months")]),
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
        ("Программа продлится три года.", [("три", "Программа продлится три года")]),
        ("Урожай собран на площади свыше 96 тыс. гектаров.", [("96 тыс.", "свыше 96 тыс. гектаров")]),
        ("Стоимость составила 3,2–3,5 сомони за килограмм.",
         [("3,2–3,5 сомони", "Стоимость составила 3,2–3,5 сомони")]),
        ("Доход составит от 6 до 7% годовых.", [("6 до 7%", "Доход составит от 6 до 7% годовых")]),
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


def figures(sentences: list[str], language: str = "en", limit: int = 20) -> list[tuple[str, str, str]]:
    return [(f.value, f.context, f.kind) for f in extract_figures(sentences, language, limit=limit)]


def test_casualties_then_people_affected_come_before_money_and_counts() -> None:
    sentences = ["More than 200 rescuers are working at the site.",
                 "The company set aside $2 billion for repairs.",
                 "It has evacuated nearly 500 workers.",
                 "Six miners remain trapped in a ventilation chamber."]
    assert figures(sentences) == [
        ("Six", "Six miners remain trapped", "casualties"),
        ("500", "evacuated nearly 500 workers", "people"),
        ("$2 billion", "company set aside $2 billion", "money"),
        ("200", "More than 200 rescuers", "count"),
    ]
    summarised = extract_figures(sentences, "en", emphasis=[1])
    assert [f.kind for f in summarised][:2] == ["casualties", "people"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Nine people have died and three are still missing.",
         [("Nine", "Nine people have died", "casualties"),
          ("three", "three are still missing", "casualties")]),
        ("The firm evacuated nearly 500 workers from the other shafts.",
         [("500", "evacuated nearly 500 workers", "people")]),
        ("The two men were killed in the crash.", [("two", "two men were killed", "casualties")]),
        ("Police arrested 224 people and shut down 700 websites.",
         [("224", "arrested 224 people", "people"), ("700", "700 websites", "count")]),
    ],
)
def test_casualties_and_people_affected(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert figures([sentence]) == expected


def test_rates_of_change_and_the_earlier_level_get_their_own_phrases() -> None:
    sentence = "Annual inflation slowed to 8.6 percent in December from nearly 10 percent in the summer."
    assert figures([sentence]) == [
        ("8.6 percent", "Annual inflation slowed to 8.6 percent", "rate"),
        ("10 percent", "from nearly 10 percent in the summer", "percent"),
    ]


def test_share_of_a_plan_keeps_its_of_phrase_and_ranks_first() -> None:
    sentences = ["Tax revenues accounted for about 83 percent of the total.",
                 "The state budget was executed at 104.2 percent of the approved revenue plan."]
    assert figures(sentences, limit=1) == [
        ("104.2 percent", "state budget was executed at 104.2 percent of the approved revenue plan", "plan"),
    ]


@pytest.mark.parametrize(
    ("sentence", "value", "context"),
    [
        ("Kazakhstan will spend 180 billion tenge (about $390 million) on canals.",
         "180 billion tenge", "Kazakhstan will spend 180 billion tenge (about $390 million)"),
        ("GDP reached about 135 trillion tenge, or roughly $270 billion at the average rate.",
         "135 trillion tenge", "GDP reached about 135 trillion tenge, or roughly $270 billion"),
        ("Quarterly profits rose to $1.13bn (£600m) for the year.",
         "$1.13bn", "Quarterly profits rose to $1.13bn (£600m)"),
        ("The rival has a capitalisation of £5.7bn ($10.7bn; 8.2bn euros).",
         "£5.7bn", "rival has a capitalisation of £5.7bn ($10.7bn; 8.2bn euros)"),
    ],
)
def test_a_conversion_is_one_figure_with_its_original(sentence: str, value: str, context: str) -> None:
    assert figures([sentence]) == [(value, context, "money")]


def test_two_sums_in_one_currency_are_two_figures() -> None:
    assert sorted(f[0] for f in figures(["It paid $5m, $6m and $7m."])) == ["$5m", "$6m", "$7m"]


def test_the_same_fact_in_words_and_digits_is_one_figure() -> None:
    assert figures(["Six miners remain trapped.", "Rescuers said 6 miners were alive."]) == [
        ("Six", "Six miners remain trapped", "casualties"),
    ]


@pytest.mark.parametrize(
    "sentence",
    ["The ceremony was held on 10 August.", "It opened on August 10 in 2024.",
     "The two sides met in Geneva.", "Sixty years ago the dam was built.",
     "Prices fell for the past three years.", "He was 35 years old.", "The 25-year-old won.",
     "In the men's 60m, the favourite fell.", "She won the 800m title again.",
     "Women in FTSE 100 companies were asked.", "It is one of the biggest firms.",
     "The two task forces will report back.", "The unit 58661-49 was hit."],
)
def test_weak_numbers_and_dates_are_not_figures(sentence: str) -> None:
    assert figures([sentence]) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Chelsea beat Arsenal 2-1 at Stamford Bridge.", [("2-1", "Chelsea beat Arsenal 2-1", "score")]),
        ("The visitors won 3:0 in the rain.", [("3:0", "visitors won 3:0", "score")]),
        ("Dibaba won in 14 minutes 32.93 seconds to erase the mark of 14:39.29.",
         [("14:39.29", "erase the mark of 14:39.29", "duration"),
          ("14", "Dibaba won in 14 minutes 32.93 seconds", "duration")]),
        ("Shares rose 10-15 percent after the team won.",
         [("10-15 percent", "Shares rose 10-15 percent", "rate")]),
        ("The meeting starts at 14:30 after the match.", []),
    ],
)
def test_scores_and_race_times_in_sports(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert figures([sentence]) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("About 60,000 residents face regular power cuts.", [("60,000", "About 60,000 residents", "count")]),
        ("All the 100,000 or so net cafes must register.",
         [("100,000", "100,000 or so net cafes", "count")]),
        ("Millions of government e-mails could be deleted.",
         [("Millions", "Millions of government e-mails", "count")]),
        ("The party signed a two year deal.", [("two", "two year", "duration")]),
        ("Denmark is holding a three-day celebration.", [("three", "three-day celebration", "duration")]),
        ("Microsoft flagged eight \"critical\" security holes.",
         [("eight", "eight \"critical\" security holes", "count")]),
    ],
)
def test_contexts_are_whole_phrases(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert figures([sentence]) == expected


def test_contexts_are_bounded_and_verbatim() -> None:
    sentence = ("The long-awaited and much-debated national programme of regional water infrastructure "
                "renewal approved by parliament will cost about $2.4 billion over the next decade.")
    [(value, context, kind)] = figures([sentence])
    assert (value, kind) == ("$2.4 billion", "money")
    assert context == "parliament will cost about $2.4 billion"
    assert len(context) <= 80 and context in sentence


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Unemployment rose by 23,000 to 1.45 million.",
         [("1.45 million", "Unemployment rose by 23,000 to 1.45 million", "count"),
          ("23,000", "Unemployment rose by 23,000", "count")]),
        ("At least 12 people were killed and 40 injured when a bus crashed.",
         [("12", "At least 12 people were killed", "casualties"), ("40", "40 injured", "casualties")]),
        ("It reached number one in the UK top 40 chart.", []),
        ("The fire broke out at 3.30pm on Tuesday.", []),
        ("John Smith, 35, from London, was there with a two-year-old boy.", []),
    ],
)
def test_news_wire_patterns(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert figures([sentence]) == expected


def test_two_facts_with_the_same_percentage_stay_two() -> None:
    sentences = ["Revised figures indicated annual growth of just 0.2%.",
                 "Private consumption was up just 0.2% in the third quarter."]
    assert figures(sentences) == [
        ("0.2%", "annual growth of just 0.2%", "rate"),
        ("0.2%", "Private consumption was up just 0.2%", "rate"),
    ]


def test_either_or_numbers_are_one_range() -> None:
    assert figures(["The deal will run for five or six years."]) == [
        ("five or six", "run for five or six years", "duration"),
    ]


def test_every_field_is_bounded() -> None:
    long_number = " ".join(["1"] + ["000"] * 30)
    assert extract_figures([f"Фонд хранит {long_number} рублей."], "ru") == []
    subject = "The " + "long-awaited " * 12 + "programme"
    [figure] = extract_figures([f"{subject} will cost $2.4 billion (£1.9 billion) in all."], "en")
    assert figure.context == "long-awaited programme will cost $2.4 billion (£1.9 billion)"
    assert len(figure.context) <= 80
