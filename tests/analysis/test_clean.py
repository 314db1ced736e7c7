"""Text hygiene: page furniture out, control and bidi characters out, article text kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.analysis.clean import clean_text, is_furniture, normalize

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

FURNITURE_11 = [
    "By . Associated Press . PUBLISHED: 10:05 EST, 3 March 2025 . | . UPDATED: 12:41 EST, 3 March 2025",
    "Click here to subscribe to our free daily business newsletter",
    "Scroll down for video",
    "Share this article",
    "Share or comment on this article: Tashkent trade fair draws a record 1,400 exhibitors",
    "Comments (12)",
    "Click here to subscribe",
    "Read more: Uzbekistan’s new airport terminal to open in 2026",
]


def test_seed_11_furniture_removed_article_kept() -> None:
    raw = (SEEDS / "11_trade_fair_with_page_furniture.txt").read_text(encoding="utf-8")
    cleaned = clean_text(raw)
    lines = cleaned.split("\n")
    for furniture in FURNITURE_11:
        assert furniture not in lines
    for fragment in ("PUBLISHED", "UPDATED", "Click here", "Scroll down", "Share", "Comments (12)",
                     "Read more", "10:05", "12:41"):
        assert fragment not in cleaned
    paragraphs = cleaned.split("\n\n")
    assert paragraphs[0] == "Tashkent trade fair draws a record 1,400 exhibitors"
    assert len(paragraphs) == 11  # title + 10 article paragraphs
    assert paragraphs[1].startswith("A record 1,400 companies from 32 countries")
    assert paragraphs[-1] == (
        "“Tashkent should be the place where east and west sign their contracts,” she added."
    )


@pytest.mark.parametrize("line", FURNITURE_11[1:])
def test_furniture_lines_recognized(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "By John Smith",
        "By Aigerim Tulegenova and Dana Seitkali",
        "© 2025 Relief Desk. All rights reserved.",
        "Copyright 2024 Steppe News Agency",
        "Eurasian Development Fund · Briefing Note 2025/07 · Page 1 of 1",
        "Photo: Reuters",
        "Читайте также: новости региона",
        "-----",
    ],
)
def test_more_furniture(line: str) -> None:
    assert clean_text(f"{line}\n\nThe article text stays here.") == "The article text stays here."


@pytest.mark.parametrize(
    "line",
    [
        "By 2030 the plan will be complete.",
        "By the end of the year, 40 villages will have water.",
        "Share prices fell by 3 percent on Monday.",
        "Subscribers to the service rose to 2 million.",
    ],
)
def test_article_sentences_kept(line: str) -> None:
    assert clean_text(f"Title\n\n{line}") == f"Title\n\n{line}"


@pytest.mark.parametrize(
    "line",
    [
        "Farmers can subscribe to the new crop insurance scheme from May.",
        "The minister said the plan would read more like a promise than a budget.",
        "The cookie factory in Khujand employs 300 people.",
        "Advertisement revenue of the state broadcaster fell by a third.",
    ],
)
def test_article_sentences_with_furniture_words_kept(line: str) -> None:
    assert clean_text(f"Title\n\n{line}") == f"Title\n\n{line}"


def test_byline_prefix_glued_to_text_removed() -> None:
    text = ("By . Reuters . PUBLISHED: 10:05 EST, 3 March 2013 . | . UPDATED: 11:00 EST, 3 March 2013 . "
            "Text starts here.")
    assert clean_text(text) == "Text starts here."


def test_bidi_overrides_zero_width_and_nul_removed() -> None:
    text = "Pay\u202eevil\u202c now\x00 here\u200b.\ufeff\nNext\u2066line\u2069."
    assert clean_text(text) == "Payevil now here.\nNextline."


def test_normalize_line_ends_spaces_and_nfc() -> None:
    assert normalize("a\r\nb\rc  \t d\u00a0e\u3000f") == "a\nb\nc d e f"
    assert normalize("Cafe\u0301") == "Café"


def test_runs_of_blank_lines_collapse() -> None:
    assert clean_text("One.\n\n\n\n\nTwo.") == "One.\n\nTwo."
