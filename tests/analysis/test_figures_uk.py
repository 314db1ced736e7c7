"""Key figures in Ukrainian: гривні (гривень, грн), тис./млн, відсотки, number words, dates excluded."""

from __future__ import annotations

import pytest

from bot.analysis.figures import extract_figures


def figures(sentences: list[str], limit: int = 20) -> list[tuple[str, str, str]]:
    return [(f.value, f.context, f.kind) for f in extract_figures(sentences, "uk", limit=limit)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Уряд виділив 5 млн гривень на ремонт доріг.",
         [("5 млн гривень", "Уряд виділив 5 млн гривень", "money")]),
        ("Квиток коштує 120 грн.", [("120 грн", "Квиток коштує 120 грн", "money")]),
        ("На будівництво витратять три тисячі гривень.",
         [("три тисячі гривень", "будівництво витратять три тисячі гривень", "money")]),
        ("Громада отримала понад 2,5 тис. грн на кожну родину.",
         [("2,5 тис. грн", "Громада отримала понад 2,5 тис. грн", "money")]),
    ],
)
def test_hryvnia_sums(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert figures([sentence]) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Внаслідок обстрілу загинули п'ять людей, ще 12 людей поранені.",
         [("п'ять", "загинули п'ять людей", "casualties"), ("12", "12 людей поранені", "casualties")]),
        ("Шість шахтарів залишаються заблокованими під землею.",
         [("Шість", "Шість шахтарів залишаються заблокованими", "casualties")]),
        ("Понад 200 рятувальників працюють на місці.", [("200", "Понад 200 рятувальників", "count")]),
        ("Інфляція сповільнилася до 8,6 відсотка у грудні.",
         [("8,6 відсотка", "Інфляція сповільнилася до 8,6 відсотка", "rate")]),
        ("Бюджет виконано на 104,2% від плану.", [("104,2%", "Бюджет виконано на 104,2% від плану", "plan")]),
        ("«Шахтар» обіграв «Динамо» з рахунком 2:1.", [("2:1", "рахунком 2:1", "score")]),
    ],
)
def test_people_rates_plans_and_scores(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert figures([sentence]) == expected


@pytest.mark.parametrize(
    "sentence",
    ["Нараду провели 10 серпня.", "Закон ухвалили у 2024 році.", "Два роки тому завод закрили.",
     "У 18 років він переїхав до Києва."],
)
def test_dates_and_time_frames_are_not_figures(sentence: str) -> None:
    assert figures([sentence]) == []
