"""Russian speakers, one test per way news attributes a quotation (texts written for the tests).

natasha (NER and morphology) names people in the nominative; without it the rules still do.
"""

from __future__ import annotations

import pytest

from bot.analysis.quotes import entities, extract_quotes


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes(text, "ru")]


@pytest.fixture(params=["natasha", "rules"])
def recogniser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test below runs with natasha and with the rules alone (natasha not installed)."""
    if request.param == "rules":
        monkeypatch.setattr(entities, "_natasha", lambda: None)
    return request.param


def test_dash_led_direct_speech_is_two_quotes_around_the_attribution(recogniser: str) -> None:
    text = ("Министр финансов Антон Силуанов выступил в Госдуме.\n"
            "— Бюджет будет исполнен полностью, — сказал он. — Дефицита в этом году не будет.\n")
    assert speakers(text) == [
        ("Бюджет будет исполнен полностью", "Антон Силуанов"),
        ("Дефицита в этом году не будет.", "Антон Силуанов"),
    ]


def test_attribution_after_the_quote(recogniser: str) -> None:
    text = "«Это лучший день в моей карьере», — прокомментировала победу Екатерина Бурмистрова."
    assert speakers(text) == [("Это лучший день в моей карьере", "Екатерина Бурмистрова")]


def test_split_quote_inside_guillemets_is_two_quotes_with_one_speaker(recogniser: str) -> None:
    text = "«Мы готовы к переговорам, — заявил Сергей Лавров, — но не на любых условиях»."
    assert speakers(text) == [("Мы готовы к переговорам", "Сергей Лавров"),
                              ("но не на любых условиях", "Сергей Лавров")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("По словам Алексея Кудрина, «бюджетное правило надо сохранить любой ценой».",
     "Алексей Кудрин"),
    ("По словам министра Азизы Рахимовой, «программа охватит все районы страны».",
     "Азиза Рахимова"),
])
def test_genitive_names_become_nominative(recogniser: str, text: str, speaker: str) -> None:
    [(_, found)] = speakers(text)
    assert found == speaker


def test_short_form_in_any_case_resolves_to_the_full_name(recogniser: str) -> None:
    text = ("Алексей Кудрин выступил на форуме в Санкт-Петербурге.\n"
            "«Бюджетное правило надо сохранить любой ценой», — приводит ТАСС заявление Кудрина.\n"
            "«Иначе нефтяные доходы снова уйдут на текущие расходы», — добавил Кудрин.\n")
    assert [s for _, s in speakers(text)] == ["Алексей Кудрин", "Алексей Кудрин"]


def test_role_noun_resolves_to_the_holder(recogniser: str) -> None:
    text = ("Глава правительства Михаил Мишустин провёл совещание с губернаторами.\n"
            "«Все объекты должны быть сданы до конца года», — подчеркнул глава правительства.\n")
    assert speakers(text) == [("Все объекты должны быть сданы до конца года", "Михаил Мишустин")]


def test_an_occupation_noun_is_the_person_the_report_is_about(recogniser: str) -> None:
    text = ("Мария Шарапова объявила о завершении карьеры.\n"
            "— Я отдала теннису двадцать восемь лет жизни, — написала теннисистка.\n")
    assert speakers(text) == [("Я отдала теннису двадцать восемь лет жизни", "Мария Шарапова")]


def test_role_of_an_organisation_is_the_person_not_the_organisation() -> None:
    text = ("Министр здравоохранения Михаил Мурашко посетил больницу в Твери.\n"
            "«Больница получит новое оборудование до конца года», — пообещал глава Минздрава.\n")
    assert speakers(text) == [("Больница получит новое оборудование до конца года",
                               "Михаил Мурашко")]


def test_an_organisation_after_its_own_noun_still_speaks() -> None:
    text = ("Туристы застряли на пляже, сообщает ГУ МЧС РФ по Приморскому краю.\n"
            "\"Люди не могут выбраться самостоятельно\", - сообщает региональный главк МЧС.\n")
    assert speakers(text) == [("Люди не могут выбраться самостоятельно",
                               "ГУ МЧС РФ по Приморскому краю")]


def test_a_thought_in_a_transcript_is_the_speaker_s_and_a_pronoun_frame_is_someone_else(
        recogniser: str) -> None:
    text = ("Анна Соколова:\n"
            "Когда он дочитал сценарий, я еще подумала: «Ему явно понравилось, это хороший знак!» "
            "Обычно-то он такой: «Все пропало, ничего не выйдет!»\n")
    assert speakers(text) == [("Ему явно понравилось, это хороший знак!", "Анна Соколова"),
                              ("Все пропало, ничего не выйдет!", None)]


def test_unnamed_source_goes_to_the_organisation(recogniser: str) -> None:
    text = "«Учения пройдут в плановом режиме», — сообщили в Минобороны."
    assert speakers(text) == [("Учения пройдут в плановом режиме", "Минобороны")]


def test_unnamed_ministry_is_the_ministry_named_before() -> None:
    text = ("Министерство обороны России провело учения на Балтике.\n"
            "«Учения прошли успешно», — рассказали в министерстве.\n")
    assert speakers(text) == [("Учения прошли успешно", "Министерство обороны России")]


def test_statement_goes_to_the_source_named_before(recogniser: str) -> None:
    text = ("Об этом сообщает пресс-служба «Газпрома».\n"
            "\"Поставки газа идут в полном объеме\", - говорится в сообщении.\n")
    assert speakers(text) == [("Поставки газа идут в полном объеме", "Газпром")]


def test_nested_guillemets_with_merged_closing_marks(recogniser: str) -> None:
    text = "«Я сказал им: «Мы не отступим» — и это решение окончательное», — заявил Иван Петров."
    [(quote, speaker)] = speakers(text)
    assert quote == "Я сказал им: «Мы не отступим» — и это решение окончательное"
    assert speaker == "Иван Петров"
    merged = "«Он ответил коротко: «Решение уже принято», — рассказал Иван Петров."
    assert speakers(merged) == [("Он ответил коротко: «Решение уже принято", "Иван Петров")]


def test_straight_quotes_with_nested_marks(recogniser: str) -> None:
    text = ("\"Работы ведут АО \"КрасЭКО\" и ОАО \"МРСК Сибири\", сроки не изменились\", "
            "- сказал Иван Петров.")
    assert speakers(text) == [
        ("Работы ведут АО \"КрасЭКО\" и ОАО \"МРСК Сибири\", сроки не изменились", "Иван Петров")]


@pytest.mark.parametrize("text", [
    "«Комитет солдатских матерей» направил обращение в прокуратуру.",
    "Акции «Газпрома» подорожали на 2%.",
    "Фильм «Война и мир» покажут в кинотеатрах страны.",
])
def test_names_in_guillemets_are_not_quotes(recogniser: str, text: str) -> None:
    assert speakers(text) == []


def test_stray_capitalised_word_is_never_a_speaker(recogniser: str) -> None:
    text = ("Как считает эксперт, водителям не стоит волноваться.\n"
            "«Когда идёт дождь, номер грязный не по умыслу водителя», — заявил он.\n")
    assert speakers(text) == [("Когда идёт дождь, номер грязный не по умыслу водителя", None)]


def test_feminine_pronoun_resolves_to_the_woman_named(recogniser: str) -> None:
    text = ("Председатель ассоциации «Деловой Юг» Гульнара Жумабаева назвала решение своевременным.\n"
            "«Залог остаётся главной проблемой для малого бизнеса», — сказала она.\n")
    assert speakers(text) == [("Залог остаётся главной проблемой для малого бизнеса",
                               "Гульнара Жумабаева")]


def test_interview_answers_go_to_the_interviewee_and_an_unnamed_journalist_stays_unknown(
        recogniser: str) -> None:
    text = ("Ксения Петрова ответила на вопросы журналиста.\n"
            "— Почему вы решили участвовать в выборах в этом году?\n"
            "— Я давно работаю в этом округе и знаю его проблемы.\n"
            "— Какая проблема округа для вас главная?\n"
            "— Транспорт: до центра города больше часа пути.\n")
    assert [s for _, s in speakers(text)] == [None, "Ксения Петрова", None, "Ксения Петрова"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("По словам Светланы Кетовой, «программа охватит все районы страны».", "Светлана Кетова"),
    ("По мнению Ильи Кетова, «программа охватит все районы страны».", "Илья Кетов"),
    # ё kept where the report writes it, whatever the case ending
    ("По словам Артёма Королёва, «программа охватит все районы страны».", "Артём Королёв"),
    # a woman's first name that does not end like one: the surname stays as written
    ("«Фонд продолжит работу несмотря ни на что», — сказала актриса Чулпан Хаматова.",
     "Чулпан Хаматова"),
])
def test_a_rare_surname_in_its_case_becomes_nominative(recogniser: str, text: str,
                                                       speaker: str) -> None:
    [(_, found)] = speakers(text)
    assert found == speaker


def test_unnamed_body_is_the_body_named_before_not_the_agency(recogniser: str) -> None:
    text = ("Об этом сообщает «Интерфакс» со ссылкой на городскую думу.\n"
            "«Накануне мэром было подано заявление об отставке», - рассказали в ведомстве.\n")
    # a body named with common words needs morphology (natasha's); without it, unknown
    expected = "городская дума" if recogniser == "natasha" else None
    assert speakers(text) == [("Накануне мэром было подано заявление об отставке", expected)]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Как сообщается на сайте городской администрации, работы начнутся завтра.\n"
     "\"Бригады приступят к ремонту линий электропередачи\", - говорится в сообщении.\n",
     "городская администрация"),
    ("«Учения прошли по плану», — сообщили в правительстве республики.", "правительство республики"),
    # the body's own name follows: that name speaks
    ("Об этом сообщается на сайте регионального управления Роспотребнадзора.\n"
     "\"Превышение нормы отмечается в шести пробах\", - говорится в сообщении.\n",
     "Роспотребнадзор"),
    # a person of an unnamed body is not its voice
    ("«Самолёты прилетят с небольшим запасом воды», — рассказал сотрудник областного "
     "министерства.", None),
    ("«Решение будет принято до конца недели», — сказал глава городской администрации.", None),
])
def test_a_body_named_with_common_words_speaks_in_the_nominative(text: str, speaker: str) -> None:
    [(_, found)] = speakers(text)
    assert found == speaker
