"""Speaker keys and term stems: every form of one name meets on one key; terms on word forms."""

from __future__ import annotations

import pytest

from bot.analysis.names import namesakes_meant, speaker_key
from bot.analysis.terms import stem_key, term_stems


@pytest.mark.parametrize(("forms", "key"), [
    (["Maurice Greene", "Mr Greene", "Mr. Greene", "Greene", "GREENE", "Greene's", "Greene’s"],
     "greene"),
    (["Алексей Кудрин", "Кудрин", "Кудрина", "Кудрину", "Кудриным", "Кудрине", "А. Кудрин"],
     "кудрин"),
    (["Эльвира Набиуллина", "Набиуллиной", "Набиуллину"], "набиуллин"),
    (["Зеленский", "Зеленского", "Зеленскому", "Зеленским", "Зеленском"], "зеленск"),
    (["Тарас Шевченко", "Шевченка", "Шевченку", "Шевченком"], "шевченк"),
    (["Пётр Семёнов", "Петр Семенов", "Семёнова"], "семенов"),
    (["Martin Luther King Jr.", "King"], "king"),
])
def test_every_form_of_a_name_has_one_key(forms: list[str], key: str) -> None:
    assert {speaker_key(form) for form in forms} == {key}


def test_short_names_keep_their_letters_and_nothing_is_no_key() -> None:
    assert speaker_key("Ким") == "ким"
    assert speaker_key("Кима") == "ким"
    assert speaker_key("Ли") == "ли"
    assert speaker_key(" — ") == ""
    assert speaker_key("Greene") != speaker_key("Green")


def test_term_stems_cover_both_languages_and_keys_hold_whole_stems() -> None:
    assert term_stems("газом sanctions") == [frozenset({"газ", "газом"}),
                                             frozenset({"sanction", "sanctions"})]
    assert stem_key("Gas supplies rose by 12%", "en") == " gas suppli rose by "
    assert stem_key("Поставки газа выросли", "ru") == " поставк газ выросл "


def test_first_names_narrow_only_among_namesakes() -> None:
    speakers = ["Maurice Greene", "Tom Greene", "Greene"]
    assert namesakes_meant("Maurice Greene", speakers) == {"Maurice Greene", "Greene"}
    assert namesakes_meant("Greene", speakers) == set(speakers)
    assert namesakes_meant("Mr Greene", speakers) == set(speakers)
    assert namesakes_meant("Алексей Кудрин", ["Алексей Кудрин", "Кудрин"]) == {
        "Алексей Кудрин", "Кудрин"}
