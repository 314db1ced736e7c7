"""Russian/English detection by script, on the seeds and on edge cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.analysis.language import detect_language, sumy_language
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
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_only_the_sample_counts() -> None:
    assert detect_language("a" * 100 + "я" * 1000, sample=100) == "en"


def test_sumy_language_names() -> None:
    names = (sumy_language("en"), sumy_language("ru"), sumy_language("xx"))
    assert names == ("english", "russian", "english")
