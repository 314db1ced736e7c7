"""Detection over the registered packs: English, Russian, Ukrainian, on seeds and edge cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.analysis.lang import codes, is_supported
from bot.analysis.language import detect_language
from bot.analysis.loaders import decode_text

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TEXT_SEEDS = {
    "01_regional_water_conference.txt": "en",
    "02_rail_green_corridor.txt": "en",
    "03_finance_ministry_statement.txt": "en",
    "04_quarterly_economic_bulletin.md": "en",
    "05_mine_flooding_incident.txt": "en",
    "07_ministry_statement_ru.txt": "ru",
    "08_small_business_loans_ru.txt": "ru",
    "09_harvest_report_ru_cp1251.txt": "ru",
    "10_electricity_exports_utf16.txt": "en",
    "11_trade_fair_with_page_furniture.txt": "en",
}


@pytest.mark.parametrize(("name", "language"), sorted(TEXT_SEEDS.items()))
def test_seed_language(name: str, language: str) -> None:
    text = decode_text((SEEDS / name).read_bytes(), name)
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Министр сказал, что план готов (UN, WHO, IMF).", "ru"),
        ("The minister met Иван Петров in Dushanbe on Monday.", "en"),
        ("", "en"),
        ("12 345 678 !!!", "en"),
        ("Bonjour tout le monde", "en"),  # anything not Cyrillic falls back to English
        ("Ёж ёж ЯЯЯЯ abcdefgh", "en"),  # as many Cyrillic letters as Latin: Latin
        ("Ёж ёж ЯЯЯЯЯ abcdefgh", "ru"),
        ("Éé ÀÀ ÇÇ ﬁﬁ Ωω жжж", "ru"),  # accented Latin, ligatures, Greek count for no script
        ("Итоги \ud800\U0001f600 okay", "ru"),  # a lone surrogate or an emoji breaks nothing
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_only_the_sample_counts() -> None:
    assert detect_language("a" * 100 + "я" * 1000, sample=100) == "en"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Уряд України виділив 2 млрд гривень на відбудову шкіл, які постраждали.", "uk"),
        ("Міністр заявив, що ціни на пальне знизяться вже в березні.", "uk"),
        ("Експорт зерна зріс на 12%, повідомили в міністерстві.", "uk"),
        ("Правительство выделило 2 млрд рублей на ремонт школ, которые пострадали.", "ru"),
        ("Министр заявил, что цены на топливо снизятся уже в марте.", "ru"),
        ("Экспорт зерна вырос на 12%, сообщили в министерстве.", "ru"),
    ],
)
def test_ukrainian_told_from_russian(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_without_distinctive_letters_the_words_decide() -> None:
    # No і ї є ґ and no ы э ъ ё: "що" and "від" mark Ukrainian, "что" and "или" Russian.
    assert detect_language("Кажуть, що від неба до землі далеко") == "uk"
    assert detect_language("Говорят, что от неба до земли далеко или нет") == "ru"


def test_every_detected_language_is_registered() -> None:
    assert set(codes()) == {"en", "ru", "uk"}
    assert all(is_supported(code) for code in ("en", "ru", "uk"))
    assert not is_supported("de")
