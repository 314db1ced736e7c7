"""Text hygiene: page furniture out, control and bidi characters out, article text kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.analysis.clean import clean_text, is_furniture, normalize, strip_dateline

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
    # a dropped furniture line or a line of spaces leaves no second blank line behind
    assert clean_text("\n\nOne.\n\nClick here to subscribe\n  \n\nTwo.\n\n\n") == "One.\n\nTwo."


def test_normalize_leaves_other_unprintables_and_single_spaces() -> None:
    """Only the listed characters change; text with none of them and no double space comes
    back as it was, line separators (U+2028) and word joiners (U+2060) too."""
    assert normalize("Ein Satz.\u2028Zwei\u2060drei.\n\n Vier ") == "Ein Satz.\u2028Zwei\u2060drei.\n\nVier"
    assert normalize("a\x85b\u200bc\u2028 \x1f d") == "a bc\u2028 d"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("A woman who . claims she was bitten by a fox has called on the council to . act.",
         "A woman who claims she was bitten by a fox has called on the council to act."),
        ("Sarah Collins, 41, said the fox walked in . while she was cooking.",
         "Sarah Collins, 41, said the fox walked in while she was cooking."),
        # a dot before a capital is a sentence end in scraped copy, and stays
        ("Scroll on . The council met on Monday . It agreed.",
         "Scroll on . The council met on Monday . It agreed."),
    ],
)
def test_daily_mail_wrap_dots_repaired(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


@pytest.mark.parametrize(
    ("sentence", "stripped"),
    [
        ("(CNN) -- Rescuers reached the miners on Sunday.", "Rescuers reached the miners on Sunday."),
        ("LONDON, England (CNN) -- Rescuers came.", "Rescuers came."),
        ("(CNN)The fire spread overnight.", "The fire spread overnight."),
        ("WASHINGTON (AP) — The Senate voted.", "The Senate voted."),
        ("ALMATY, March 3 (Steppe News Agency) — Water ministers met.", "Water ministers met."),
        ("ХУДЖАНД, 12 июля — Аграрии собрали урожай.", "Аграрии собрали урожай."),
        ("МОСКВА, 5 мая. /ТАСС/. Правительство выделит деньги.", "Правительство выделит деньги."),
        ("КИЇВ, 12 березня — Уряд виділив кошти.", "Уряд виділив кошти."),
        # not datelines: ordinary capitals, dashes inside a sentence
        ("NATO, the alliance — all of it — agreed.", "NATO, the alliance — all of it — agreed."),
        ("US — China talks resumed.", "US — China talks resumed."),
        ("The deal (worth $2bn) — a record — closed.", "The deal (worth $2bn) — a record — closed."),
    ],
)
def test_strip_dateline(sentence: str, stripped: str) -> None:
    assert strip_dateline(sentence) == stripped


@pytest.mark.parametrize(
    "line",
    ["(Getty Images)", "Photo: Reuters", "Picture: AP", "Фото: пресс-служба хякумата.",
     "Фото: пресс-служба міністерства", "Підпишіться на наш канал", "Усі права захищені."],
)
def test_caption_and_credit_lines_dropped(line: str) -> None:
    assert clean_text(f"The article text stays here.\n\n{line}") == "The article text stays here."


def test_furniture_of_one_language_only() -> None:
    # with the language known, another language's prompts are text
    assert is_furniture("Читайте также: новости региона", "ru")
    assert not is_furniture("Читайте также: новости региона", "en")
    assert is_furniture("Читайте также: новости региона")  # language unknown: every pack


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        # before a capital, a wrap dot is known by the word before it: no sentence ends on "the"
        ("He wrote to the . Prime Minister and the council.",
         "He wrote to the Prime Minister and the council."),
        ("Он сказал, что согласен на . Москву как место встречи.",
         "Он сказал, что согласен на Москву как место встречи."),
        ("Зустріч відбудеться у . Києві.", "Зустріч відбудеться у Києві."),
        # a real sentence end stays, even when the scraper left a space before it
        ("She told her . Then she left.", "She told her . Then she left."),
    ],
)
def test_wrap_dot_after_a_word_no_sentence_ends_with(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean
