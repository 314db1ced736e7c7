"""Terminal rendering: the same lines as the Telegram messages, numbered, without markup."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.digest.model import Digest
from bot.digest.render_text import render_text

CREATED = datetime(2025, 3, 5, 8, 0, tzinfo=UTC)


def test_exact_text(make_item) -> None:
    first = make_item("a", "Water <deal> & more", url="https://example.org/a", sources=("seeds/01.txt",),
                      summary=("First <b>sentence</b>.", "Second & last."),
                      figures=(("600", "more than 600 delegates"), ("$1", "$1 fee")),
                      quotes=(("We will win", "Aigerim Tulegenova"), ("Nobody knows", None)))
    second = make_item("b", "Второй", language="ru", summary=("Одно.",))
    digest = Digest(created=CREATED, items=(first, second), failures=("bad.pdf: broken PDF", "x.txt: empty"))
    assert render_text(digest) == (
        "Briefing digest · 05 Mar 2025 08:00 UTC · 2 reports\n\n"
        "1. Water <deal> & more\n"
        "EN · 01.txt\n"
        "• First <b>sentence</b>.\n"
        "• Second & last.\n"
        "Key figures: more than 600 delegates; $1 fee\n"
        "«We will win» — Aigerim Tulegenova\n"
        "«Nobody knows» — unattributed\n\n"
        "2. Второй\n"
        "RU · a.txt\n"
        "• Одно.\n\n"
        "Not included:\n"
        "  ! bad.pdf: broken PDF\n"
        "  ! x.txt: empty\n"
    )


def test_without_header_no_numbers(make_item) -> None:
    digest = Digest(created=CREATED, items=(make_item("a", "Only"),))
    assert render_text(digest, with_header=False) == "Only\nEN · a.txt\n• One sentence.\n"


def test_long_quote_is_shortened_at_a_word(make_item) -> None:
    quote = "word " * 100  # 500 characters
    digest = Digest(created=CREATED, items=(make_item("a", "T", quotes=((quote.strip(), "X"),)),))
    line = next(ln for ln in render_text(digest).split("\n") if ln.startswith("«"))
    inner = line[1:line.index("»")]
    assert inner == ("word " * 79).strip() + "…"
    assert len(inner) <= 400
