"""Ukrainian text: detection, sentences with р. and тис., stems, stop words, a clean summary."""

from __future__ import annotations

import pytest

from bot.analysis import tokens
from bot.analysis.language import detect_language
from bot.analysis.loaders import report_from_text
from bot.analysis.pipeline import analyze
from bot.analysis.sentences import split_sentences

# Written for briefbot in the style of a Ukrainian agency report.
REPORT = """\
Уряд виділив 4,2 млрд гривень на відновлення шкіл

КИЇВ, 12 березня — Уряд виділив 4,2 млрд гривень на відновлення шкіл, які постраждали від \
обстрілів, повідомили в Міністерстві освіти.

Кошти отримають 320 шкіл у восьми областях, де пошкоджено дахи, вікна та укриття.

У першу чергу будуть відремонтовані укриття, щоб діти могли навчатися в класах, а не в коридорах.

«Діти мають навчатися у безпечних класах, а не в коридорах», — сказала вона.

За даними міністерства, з 2022 р. пошкоджено понад 3,5 тис. закладів освіти, з них 365 зруйновано повністю.

Роботи мають завершитися до 1 вересня, а звіт про використання коштів міністерство оприлюднить у жовтні.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Будівництво завершать у 2025 р. Міністр заявив про це в понеділок.",
         ["Будівництво завершать у 2025 р.", "Міністр заявив про це в понеділок."]),
        ("Експорт у 2024 р. зріс до 45 млн тонн. Уряд задоволений.",
         ["Експорт у 2024 р. зріс до 45 млн тонн.", "Уряд задоволений."]),
        ("Кошти отримали 12 тис. ФОП у Києві. Програма триває.",
         ["Кошти отримали 12 тис. ФОП у Києві.", "Програма триває."]),
        ("Університет ім. Т. Шевченка розташований на вул. Володимирській. Він старий.",
         ["Університет ім. Т. Шевченка розташований на вул. Володимирській.", "Він старий."]),
        ("Ціни зросли на 5 грн. Інфляція прискорилася, т.д. Попит упав.",
         ["Ціни зросли на 5 грн. Інфляція прискорилася, т.д. Попит упав."]),
    ],
)
def test_ukrainian_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text, "uk") == expected


def test_ukrainian_abbreviations_come_from_the_ukrainian_pack() -> None:
    text = "Офіс розташований на вул. Хрещатик. Він новий."
    assert split_sentences(text, "uk") == ["Офіс розташований на вул. Хрещатик.", "Він новий."]
    assert split_sentences(text, "en") == ["Офіс розташований на вул.", "Хрещатик.", "Він новий."]


@pytest.mark.parametrize(
    ("forms", "stem"),
    [
        (("міністерство", "міністерства", "міністерству", "міністерством"), "міністерств"),
        (("виділив", "виділила", "виділили"), "виділ"),
        (("український", "українського", "українському", "українська"), "українськ"),
        (("школа", "школи", "школу", "школою"), "школ"),
    ],
)
def test_ukrainian_light_stemmer_conflates_inflections(forms: tuple[str, ...], stem: str) -> None:
    stemmer = tokens.stemmer("uk")
    assert {stemmer(form) for form in forms} == {stem}


def test_ukrainian_stemmer_keeps_short_words() -> None:
    stemmer = tokens.stemmer("uk")
    assert stemmer("дім") == "дім"  # "-ім" would leave one letter: three must remain
    assert stemmer("день") == "ден"
    assert stemmer("Київ") == "київ"


def test_ukrainian_stop_words_are_dropped() -> None:
    assert {"що", "який", "це", "від", "та"} <= tokens.stop_words("uk")
    assert tokens.content_stems("Уряд заявив, що це важливо для всіх", "uk") == [
        "уряд", "заяв", "важлив"]


def test_ukrainian_report_detected_and_summarized_without_debris() -> None:
    report = report_from_text(REPORT, "uk.txt")
    assert report.language == "uk"
    assert detect_language(report.text) == "uk"
    summary = analyze(report).summary
    assert len(summary) == 3
    assert summary[0].startswith("Уряд виділив 4,2 млрд гривень")  # the dateline cut
    assert not any("сказала вона" in s for s in summary)  # no speaker in the digest
