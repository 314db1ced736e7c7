"""Ukrainian quotes and speakers: the uk pack's rules alone (no Ukrainian recogniser is used)."""

from __future__ import annotations

import pytest

from bot.analysis.quotes import extract_quotes


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes(text, "uk")]


def test_guillemets_with_attribution_after() -> None:
    text = "«Ми готові почати роботу вже сьогодні», — заявив міністр енергетики Олег Петренко."
    assert speakers(text) == [("Ми готові почати роботу вже сьогодні", "Олег Петренко")]


def test_he_said_resolves_to_the_man_named_before() -> None:
    text = ("Міністр Олег Петренко відвідав Харків у понеділок.\n"
            "«Ми відновимо енергосистему до зими», — заявив він.\n")
    assert speakers(text) == [("Ми відновимо енергосистему до зими", "Олег Петренко")]


def test_she_said_resolves_to_the_woman_named_before() -> None:
    text = ("Віцепрем'єр Ольга Стефанішина зустрілася з послами ЄС. Олег Петренко теж був там.\n"
            "«Переговори йдуть за планом», — сказала вона.\n")
    assert speakers(text) == [("Переговори йдуть за планом", "Ольга Стефанішина")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("За словами Олега Петренка, «ціни на електроенергію не зростуть до кінця року».",
     "Олег Петренко"),
    ("За словами Ольги Стефанішиної, «переговори про вступ почнуться навесні».",
     "Ольга Стефанішина"),
])
def test_genitive_names_become_nominative(text: str, speaker: str) -> None:
    [(_, found)] = speakers(text)
    assert found == speaker


def test_an_interview_names_the_interviewee_in_the_nominative() -> None:
    text = ("Журналістка «Вісника» Ірина Мельник поспілкувалася з мером міста Андрієм Шевченком.\n"
            "— Коли відновлять водопостачання у місті?\n"
            "— До кінця тижня, бригади працюють цілодобово.\n"
            "— Чи вистачить коштів на ремонт мереж?\n"
            "— Так, гроші виділили з міського бюджету.\n")
    assert [s for _, s in speakers(text)] == ["Ірина Мельник", "Андрій Шевченко",
                                              "Ірина Мельник", "Андрій Шевченко"]


def test_dash_led_speech_and_split_attribution() -> None:
    text = ("Голова НБУ Андрій Пишний провів пресконференцію.\n"
            "— Інфляція сповільнюється, — сказав Андрій Пишний. — Ставку знизимо в березні.\n")
    assert speakers(text) == [("Інфляція сповільнюється", "Андрій Пишний"),
                              ("Ставку знизимо в березні.", "Андрій Пишний")]


def test_unnamed_source_is_the_organisation() -> None:
    text = "«Удари по енергетиці тривають», — повідомили в Укренерго."
    assert speakers(text) == [("Удари по енергетиці тривають", "Укренерго")]


def test_names_in_guillemets_are_not_quotes() -> None:
    assert speakers("Компанія «Нафтогаз України» виплатила дивіденди.") == []
