"""Sentence splitting: abbreviations, decimals, initials, quotations, bullets, headings, Russian."""

from __future__ import annotations

import pytest

from bot.analysis.lang import codes, get_pack
from bot.analysis.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. economy grew. Dr. Smith agreed with Mr. Jones. Gen. Petrov left.",
         ["The U.S. economy grew.", "Dr. Smith agreed with Mr. Jones.", "Gen. Petrov left."]),
        ("He lives at No. 5 Main Street. It is old.", ["He lives at No. 5 Main Street.", "It is old."]),
        ("It opened on Jan. 5 with a ceremony. Then it closed.",
         ["It opened on Jan. 5 with a ceremony.", "Then it closed."]),
        ("The U.N. Security Council met. It voted.", ["The U.N. Security Council met.", "It voted."]),
        ("Prices rose at 5 p.m. yesterday. Trading stopped.",
         ["Prices rose at 5 p.m. yesterday.", "Trading stopped."]),
    ],
)
def test_english_abbreviations_do_not_end_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Это т.е. важно. Второе предложение.", ["Это т.е. важно.", "Второе предложение."]),
        ("Он живёт в г. Душанбе с семьёй. Второе.", ["Он живёт в г. Душанбе с семьёй.", "Второе."]),
        # after a year "г." is the end of the sentence
        ("Закон принят в 2024 г. Президент подписал его.",
         ["Закон принят в 2024 г.", "Президент подписал его."]),
        ("Собрано более 520 тыс. тонн зерна. Это рекорд.",
         ["Собрано более 520 тыс. тонн зерна.", "Это рекорд."]),
    ],
)
def test_russian_abbreviations(text: str, expected: list[str]) -> None:
    assert split_sentences(text, "ru") == expected


@pytest.mark.parametrize("language", codes())
def test_every_listed_abbreviation_in_any_case_keeps_its_sentence(language: str) -> None:
    """Most full stops are settled by the two letters before them alone; none of those
    shortcuts may pass over a word the pack lists, however it is capitalized."""
    for word in sorted(get_pack(language).text.abbreviations):
        for shown in {word, word.capitalize(), word.upper()}:
            text = f"Итог {shown}. Далее текст. Next one."
            assert split_sentences(text, language) == [f"Итог {shown}. Далее текст.", "Next one."]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("It cost a plan. Then Japan. Then Inc. Done.", "en",
         ["It cost a plan.", "Then Japan.", "Then Inc. Done."]),
        ("Прийшов Іван. Сказав їж. Пішов на вул. Франка.", "uk",
         ["Прийшов Іван.", "Сказав їж.", "Пішов на вул. Франка."]),
        ("Name ΣΑΣ. Kelvin sign K. Next.", "en", ["Name ΣΑΣ.", "Kelvin sign K. Next."]),
    ],
)
def test_words_ending_like_abbreviations_and_other_scripts(
        text: str, language: str, expected: list[str]) -> None:
    assert split_sentences(text, language) == expected


def test_decimals_do_not_split() -> None:
    assert split_sentences("Growth was 3.5% last year. It slowed to 2.75 percent.") == [
        "Growth was 3.5% last year.", "It slowed to 2.75 percent.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The book by J. K. Rowling sold well. Another sentence.",
         ["The book by J. K. Rowling sold well.", "Another sentence."]),
        ("Стихи написал А. С. Пушкин в молодости. Второе.",
         ["Стихи написал А. С. Пушкин в молодости.", "Второе."]),
    ],
)
def test_initials(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"It works." Next one starts.', ['"It works."', "Next one starts."]),
        ("“It works.” Next one starts.", ["“It works.”", "Next one starts."]),
        ("«Мы готовы.» Потом ушёл.", ["«Мы готовы.»", "Потом ушёл."]),
    ],
)
def test_quotation_that_ends_a_sentence(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    ['"It works," he said.', '"It works." he said.', "“It works!” she said.", "«Мы готовы», — сказал он."],
)
def test_quotation_continued_by_attribution_is_one_sentence(text: str) -> None:
    assert split_sentences(text + " Next.") == [text, "Next."]


def test_bullets_and_headings_stand_alone() -> None:
    text = "Key points\n- first bullet item\n- second bullet\n  continues here\nSummary of the rest. Done."
    assert split_sentences(text) == [
        "Key points", "first bullet item", "second bullet continues here", "Summary of the rest.", "Done.",
    ]


def test_numbered_bullets() -> None:
    assert split_sentences("1. First item\n2) Second item") == ["First item", "Second item"]


def test_heading_without_full_stop_then_wrapped_paragraph_is_joined() -> None:
    text = "Why it matters\nThe road is closed for\nfour months. It stays closed."
    assert split_sentences(text) == [
        "Why it matters", "The road is closed for four months.", "It stays closed.",
    ]


def test_russian_sentences() -> None:
    assert split_sentences("Первое предложение. Второе предложение! Третье? Четвёртое…", "ru") == [
        "Первое предложение.", "Второе предложение!", "Третье?", "Четвёртое…",
    ]


def test_whitespace_is_normalized() -> None:
    assert split_sentences("One   two\tthree.  Four\u00a0five.") == ["One two three.", "Four five."]


def test_run_on_text_is_capped_at_600_characters() -> None:
    text = "word " * 300  # 1,500 characters, no full stop
    pieces = split_sentences(text)
    assert [len(p) for p in pieces] == [599, 599, 299]
    assert all(len(p) <= 600 for p in pieces)
    assert " ".join(pieces) == text.strip()


def test_run_on_text_without_spaces_is_cut_hard() -> None:
    pieces = split_sentences("x" * 1300)
    assert [len(p) for p in pieces] == [600, 600, 100]


def test_empty_text() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n ") == []
