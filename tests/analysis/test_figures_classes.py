"""Figures by class, as news is written: each test pins one class seen on unseen reports.

The sentences are written here; every assertion gives the exact value, context and kind.
"""

from __future__ import annotations

import pytest

from bot.analysis.figures import extract_figures


def figures(sentences: list[str], language: str = "en") -> list[tuple[str, str, str]]:
    return [(f.value, f.context, f.kind) for f in extract_figures(sentences, language, limit=20)]


# -- a currency is known by its name, whichever country's it is --------------------------------

@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("Jakarta spent 59.2 trillion rupiah ($6.58bn; £3.5bn) on fuel subsidies.", "en",
     ("59.2 trillion rupiah", "Jakarta spent 59.2 trillion rupiah ($6.58bn; £3.5bn)", "money")),
    ("Seoul set aside 5 trillion won ($4.3bn) for the plan.", "en",
     ("5 trillion won", "Seoul set aside 5 trillion won ($4.3bn)", "money")),
    ("Zambia owes 9 billion kwacha to the fund.", "en",
     ("9 billion kwacha", "Zambia owes 9 billion kwacha", "money")),
    ("Индонезия потратила 59,2 трлн рупий (6,58 млрд долларов) на субсидии.", "ru",
     ("59,2 трлн рупий", "Индонезия потратила 59,2 трлн рупий (6,58 млрд долларов)", "money")),
    ("Польша выделила 3 млрд злотых на дороги.", "ru",
     ("3 млрд злотых", "Польша выделила 3 млрд злотых", "money")),
    ("Польща виділила 3 млрд злотих (700 млн доларів).", "uk",
     ("3 млрд злотих", "Польща виділила 3 млрд злотих (700 млн доларів)", "money")),
])
def test_a_sum_in_any_named_currency_is_money_with_its_conversion(
        sentence: str, language: str, expected: tuple[str, str, str]) -> None:
    assert figures([sentence], language) == [expected]


def test_won_is_a_currency_only_after_a_scale() -> None:
    assert figures(["The side won 3 trophies last season."]) == [("3", "3 trophies", "count")]


# -- a period that is the fact, and a time frame that only places other facts ------------------

@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("The appeal must be heard within 14 days.", "en", [("14", "heard within 14 days", "duration")]),
    ("Viewers can download shows up to eight days after they air.", "en",
     [("eight", "download shows up to eight days", "duration")]),
    ("He won the race in 14 minutes.", "en", [("14", "race in 14 minutes", "duration")]),
    ("Его дисквалифицировали на четыре года.", "ru",
     [("четыре", "дисквалифицировали на четыре года", "duration")]),
    ("Спортсмен выбыл до трех месяцев после операции.", "ru",
     [("трех", "Спортсмен выбыл до трех месяцев", "duration")]),
])
def test_a_deadline_a_window_or_a_time_taken_is_a_figure(
        sentence: str, language: str, expected: list[tuple[str, str, str]]) -> None:
    assert figures([sentence], language) == expected


@pytest.mark.parametrize(("sentence", "language"), [
    ("Within two years the firm had collapsed.", "en"),
    ("Four years after the war, the town was rebuilt.", "en"),
    ("The novel became a best-seller in little over two years.", "en"),
    ("С тех пор прошло семь лет.", "ru"),
    ("Для этого должно пройти хотя бы три месяца.", "ru"),
])
def test_a_time_frame_is_not_a_figure(sentence: str, language: str) -> None:
    assert figures([sentence], language) == []


# -- how a whole divides, and abstract counts, are not news ------------------------------------

@pytest.mark.parametrize(("sentence", "language"), [
    ("Когда все поделились на два лагеря, поддержка выглядит геройством.", "ru"),
    ("Наблюдения показали, что пришедшие делятся на три группы.", "ru"),
    ("Для меня допустимы две линии поведения.", "ru"),
    ("The party has split into two camps over the vote.", "en"),
    ("Усі поділилися на два табори.", "uk"),
])
def test_a_division_or_an_abstract_count_is_not_a_figure(sentence: str, language: str) -> None:
    assert figures([sentence], language) == []


def test_a_count_of_real_things_beside_a_division_word_stays() -> None:
    assert figures(["На юге открыли две линии метро.", "Делегация на 5 дней прибыла в Москву."],
                   "ru") == [("две", "две линии метро", "count"), ("5", "Делегация на 5 дней", "duration")]


# -- multipliers, told by a verb or by "times more" ---------------------------------------------

@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("The firm's revenue nearly tripled in the fourth quarter.", "en",
     ("tripled", "firm's revenue nearly tripled", "rate")),
    ("Prices have doubled since the war.", "en", ("doubled", "Prices have doubled", "rate")),
    ("We hold a hundred times more early manuscripts than they do.", "en",
     ("a hundred", "a hundred times more early manuscripts", "count")),
    ("Sales were 10 times higher than expected.", "en", ("10", "Sales were 10 times higher", "count")),
    ("Выручка компании почти утроилась за год.", "ru",
     ("утроилась", "Выручка компании почти утроилась", "rate")),
])
def test_a_multiplier_is_a_figure_and_a_change_a_rate(
        sentence: str, language: str, expected: tuple[str, str, str]) -> None:
    assert figures([sentence], language) == [expected]


def test_a_number_of_times_something_happened_is_not_a_multiplier() -> None:
    assert figures(["The player was asked three times about it."]) == []


# -- one fact per figure: the head noun decides, and vague sizes are never one tally ----------

def test_counts_of_the_same_size_with_different_head_nouns_are_two_facts() -> None:
    sentences = ["The minister apologised to two families on Monday.",
                 "They were joined by two family friends."]
    assert [v for v, _, _ in figures(sentences)] == ["two", "two"]


def test_the_same_count_told_again_with_its_head_noun_is_one_fact() -> None:
    sentences = ["Six miners remain trapped underground.", "Rescuers are drilling towards the 6 miners."]
    assert figures(sentences) == [("Six", "Six miners remain trapped", "casualties")]


def test_two_vague_sizes_of_the_same_scale_are_two_facts() -> None:
    sentences = ["Millions of farmers use kerosene for cooking.",
                 "Millions of people were left homeless by the floods."]
    assert figures(sentences) == [
        ("Millions", "Millions of people were left homeless", "people"),
        ("Millions", "Millions of farmers", "count"),
    ]


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("Some 40,000 homes were left without power.", "en",
     ("40,000", "Some 40,000 homes were left without power", "people")),
    ("Более 300 человек остались без крова.", "ru",
     ("300", "Более 300 человек остались без крова", "people")),
])
def test_people_left_homeless_or_without_power_are_people_affected(
        sentence: str, language: str, expected: tuple[str, str, str]) -> None:
    assert figures([sentence], language) == [expected]


# -- names, races and manners of speaking that hold a number -----------------------------------

@pytest.mark.parametrize(("sentence", "language"), [
    ("Episodes of Desperate Housewives and Six Feet Under appear on the web.", "en"),
    ("England lost to Wales in the Six Nations.", "en"),
    ("I'm sure the 60 metres will be one of the most exciting races.", "en"),
    ("She won the 400 metres hurdles in Birmingham.", "en"),
    ('"Two clicks and your favourite programme is downloading.', "en"),
    ("Два клика — и ваша программа загружается.", "ru"),
    ("Два кліки — і ваша програма завантажується.", "uk"),
])
def test_a_title_a_race_name_or_a_figure_of_speech_is_not_a_figure(sentence: str, language: str) -> None:
    assert figures([sentence], language) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("He cleared 4.89 metres at the second attempt.", ("4.89", "4.89 metres", "count")),
    ("Officials said. Six people died.", ("Six", "Six people died", "casualties")),
    ('"Two men were arrested at the scene," police said.', ("Two", "Two men were arrested", "people")),
])
def test_a_distance_achieved_or_a_count_opening_a_sentence_stays(
        sentence: str, expected: tuple[str, str, str]) -> None:
    assert figures([sentence]) == [expected]


# -- a change told again ("a 30% hike") is one figure; a new change of the same size is not ----

def test_a_change_restated_as_a_30_percent_hike_is_one_figure() -> None:
    sentences = ["Indonesia is considering raising fuel prices by as much as 30%.",
                 "Ministers wonder if a 30% hike is suitable."]
    assert figures(sentences) == [
        ("30%", "Indonesia is considering raising fuel prices by as much as 30%", "rate")]


@pytest.mark.parametrize("sentences", [
    ["Sales rose 5% in May.", "A 5% rise in wages followed."],
    ["Film profits slumped 27% to $284m.", "Full-year profit was $3.36bn, up 27% from 2003."],
])
def test_a_change_of_the_same_size_with_its_own_subject_is_a_second_figure(sentences: list[str]) -> None:
    assert len([f for f in figures(sentences) if f[2] == "rate"]) == 2


def test_the_27_percent_rise_restates_the_rise_told_before() -> None:
    sentences = ["Profits rose 27% to $1.2bn.", "The 27% rise was driven by sales."]
    assert [(v, c) for v, c, _ in figures(sentences)] == [
        ("$1.2bn", "Profits rose 27% to $1.2bn"), ("27%", "Profits rose 27%")]


def test_a_percentage_before_its_noun_keeps_the_noun() -> None:
    assert figures(["The bank bought a 5% stake in the insurer."]) == [
        ("5%", "bank bought a 5% stake", "percent")]


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("They may raise prices between 20% and 30% or stagger it.", "en",
     ("20% and 30%", "raise prices between 20% and 30%", "rate")),
    ("Цены вырастут от 10% до 15%.", "ru", ("10% до 15%", "Цены вырастут от 10% до 15%", "rate")),
])
def test_a_range_that_repeats_its_percent_sign_is_one_figure(
        sentence: str, language: str, expected: tuple[str, str, str]) -> None:
    assert figures([sentence], language) == [expected]


# -- a duration says what lasts: the verb or the planned period before it -----------------------

@pytest.mark.parametrize(("sentence", "language", "context"), [
    ("He was jailed for six years.", "en", "jailed for six years"),
    ("The plan will save money over the next 10 years.", "en", "over the next 10 years"),
    ("The party signed a two year deal.", "en", "two year"),
    ("Программа охватит все районы страны в ближайшие три года.", "ru", "в ближайшие три года"),
    ("Он вернется в строй через 2-3 недели.", "ru", "в строй через 2-3 недели"),
])
def test_a_duration_keeps_what_lasts(sentence: str, language: str, context: str) -> None:
    assert [f.context for f in extract_figures([sentence], language)] == [context]


# -- Russian: people affected by an active verb, shares with their whole, multipliers ---------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Полиция задержала около 200 участников акции.",
     ("200", "задержала около 200 участников акции", "people")),
    ("В регионе эвакуировали более 3 тыс. жителей.",
     ("3 тыс.", "эвакуировали более 3 тыс. жителей", "people")),
    ("Он набрал 48% голосов.", ("48%", "набрал 48% голосов", "percent")),
    ("Выручка снизилась на 5% год к году.", ("5%", "Выручка снизилась на 5%", "rate")),
    ("Цены на бензин выросли в 1,5 раза за год.", ("1,5", "Цены на бензин выросли в 1,5 раза", "rate")),
    ("Суд приговорил его к восьми годам колонии.",
     ("восьми", "Суд приговорил его к восьми годам", "duration")),
])
def test_russian_news_shapes(sentence: str, expected: tuple[str, str, str]) -> None:
    assert figures([sentence], "ru") == [expected]


# -- the period a rate is measured over is not a figure of its own ------------------------------

@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("ВВП России за девять месяцев вырос на 3,2%.", "ru",
     [("3,2%", "ВВП России за девять месяцев вырос на 3,2%", "rate")]),
    ("Sales rose 5% in three months.", "en", [("5%", "Sales rose 5%", "rate")]),
    ("Работу выполнили за 23 дня.", "ru", [("23", "Работу выполнили за 23 дня", "duration")]),
    ("The loan carries an interest rate of 1.5 percent and a maturity of 30 years.", "en",
     [("1.5 percent", "loan carries an interest rate of 1.5 percent", "rate"),
      ("30", "maturity of 30 years", "duration")]),
])
def test_a_rate_period_is_not_a_figure_but_a_term_is(
        sentence: str, language: str, expected: list[tuple[str, str, str]]) -> None:
    assert figures([sentence], language) == expected


# -- sports counts, "a majority of 161", and "three years since" --------------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Robinson scored two tries in the second half.", [("two", "two tries", "count")]),
    ("Labour has a majority of 161 in the Commons.",
     [("161", "Labour has a majority of 161", "count")]),
    ("New episodes of 24 appear online within hours.", []),
    ("He died at the age of 85.", []),
    ("It has been three years since the last election.", []),
])
def test_counts_measures_and_frames_in_english_news(
        sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert figures([sentence]) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The strike will last 48 hours.", [("48", "strike will last 48 hours", "duration")]),
    ("The trial is expected to last six weeks.", [("six", "expected to last six weeks", "duration")]),
    ("Prices rose sharply in the last three years.", []),
])
def test_last_as_a_verb_gives_a_duration_and_as_an_adjective_a_frame(
        sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert figures([sentence]) == expected


# -- a level told by its verb, casualties named before the number --------------------------------

@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("The death toll has risen to 17.", "en", ("17", "death toll has risen to 17", "casualties")),
    ("Membership reached 300, the party said.", "en", ("300", "Membership reached 300", "count")),
    ("Число погибших возросло до 17.", "ru", ("17", "погибших возросло до 17", "casualties")),
    ("Он провел на поле 90 минут.", "ru", ("90", "провел на поле 90 минут", "duration")),
])
def test_a_level_after_its_verb_says_what_it_counts(
        sentence: str, language: str, expected: tuple[str, str, str]) -> None:
    assert figures([sentence], language) == [expected]


def test_a_bare_number_after_was_is_not_a_level() -> None:
    assert figures(["The boy was 12."]) == []


# -- glued units, tennis sets, and phone numbers ----------------------------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("The player has a 40GB hard drive.", [("40GB", "40GB hard drive", "count")]),
    ("Broadband speeds of up to 8Mbps are planned.",
     [("8Mbps", "Broadband speeds of up to 8Mbps", "count")]),
    ("Some 3G phones play MP3 files.", []),
    ("He holds the Irish record at 3km, 5km and 10km.", []),  # race names
    ("Federer won 6-2 6-3 6-4.", [("6-2 6-3 6-4", "Federer won 6-2 6-3 6-4", "score")]),
    ("Call 020 7946 0958 for tickets.", []),
])
def test_units_sets_and_phone_numbers(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert figures([sentence]) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The bank raised rates by a quarter of a point.",
     [("quarter of a point", "bank raised rates by a quarter of a point", "rate")]),
    ("Rates rose by half a percentage point.",
     [("half a percentage point", "Rates rose by half a percentage point", "rate")]),
    ("Profits rose in the fourth quarter.", []),
    ("A quarter of voters backed him.", []),
])
def test_a_fraction_of_a_point_is_a_rate_and_a_bare_fraction_is_not(
        sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert figures([sentence]) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The 2 show was cancelled.", []),
    ("The 3 children were safe.", [("3", "3 children", "count")]),
    ("The crash killed all 12 passengers.", [("12", "killed all 12 passengers", "casualties")]),
    ("Troops evacuated the 500 residents.", [("500", "evacuated the 500 residents", "people")]),
])
def test_a_label_is_no_count_and_a_determiner_keeps_the_people_affected(
        sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert figures([sentence]) == expected


def test_a_fact_told_twice_is_shown_at_its_first_mention() -> None:
    sentences = ["Шесть горняков остаются под землей.", "Спасатели пытаются добраться до 6 горняков."]
    assert figures(sentences, "ru") == [
        ("Шесть", "Шесть горняков остаются под землей", "casualties")]


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("Six miners remain underground.", "en", ("Six", "Six miners remain underground", "casualties")),
    ("The mine is 400 metres underground.", "en", ("400", "400 metres", "count")),
    ("Шахта находится на глубине 400 метров под землей.", "ru", ("400", "400 метров", "count")),
])
def test_people_who_remain_underground_are_casualties_a_depth_is_not(
        sentence: str, language: str, expected: tuple[str, str, str]) -> None:
    assert figures([sentence], language) == [expected]


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("The Conservatives want to cut immigration to 50,000 a year.", "en",
     [("50,000", "Conservatives want to cut immigration to 50,000 a year", "count")]),
    ("Within half an hour the file was online.", "en", []),
    ("Мигрантов должно быть не больше 50 тысяч в год.", "ru",
     [("50 тысяч", "Мигрантов должно быть не больше 50 тысяч в год", "count")]),
])
def test_a_number_per_year_is_a_rate(sentence: str, language: str,
                                     expected: list[tuple[str, str, str]]) -> None:
    assert figures([sentence], language) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The rupee climbed to 43.305 per US dollar on Thursday.",
     [("43.305", "climbed to 43.305 per US dollar", "money")]),
    ("The euro rose to 1.3 against the dollar.", [("1.3", "rose to 1.3 against the dollar", "money")]),
    ("Sales were 5 per store.", []),
])
def test_an_exchange_rate_without_a_sign_is_money(
        sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert figures([sentence]) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The firm has deals with 20 other national Olympic bodies.",
     [("20", "20 other national Olympic bodies", "count")]),
    ("The pair faced bans for missing the three tests.", [("three", "three tests", "count")]),
])
def test_a_filler_does_not_cut_the_counted_phrase_and_missing_a_test_harms_nobody(
        sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert figures([sentence]) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("You could see that phrase 7.1 million times.", [("7.1 million", "7.1 million times", "count")]),
    ("He tried two times.", []),
    ("Find one - it takes about 30 seconds.", [("30", "it takes about 30 seconds", "duration")]),
])
def test_a_large_count_of_times_is_news_and_a_dash_opens_no_phrase(
        sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert figures([sentence]) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Пожары охватили леса в 2-х регионах.", [("2", "2-х регионах", "count")]),
    ("Ему грозит до 5-ти лет лишения свободы.", [("5", "грозит до 5-ти лет", "duration")]),
    ("Выборы пройдут 8-го сентября.", []),
    ("Это 113-й элемент таблицы.", []),
])
def test_a_russian_cardinal_in_a_case_form_is_a_number_and_an_ordinal_is_not(
        sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert figures([sentence], "ru") == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Жертвами урагана стали 45 человек.", [("45", "Жертвами урагана стали 45 человек", "casualties")]),
    ("Погибли 3 человека, в больнице находятся 45 человек.",
     [("3", "Погибли 3 человека", "casualties"), ("45", "45 человек", "count")]),
])
def test_people_named_as_victims_before_the_number_are_casualties(
        sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert figures([sentence], "ru") == expected
