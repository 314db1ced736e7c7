"""Every message fits, by construction: bounded fields, long lines split, controls removed."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.digest.bounds import MAX_SPEAKER, MAX_TITLE, one_line, shorten, visible
from bot.digest.model import Digest, Message
from bot.digest.render_html import TELEGRAM_LIMIT, render_messages, split_line, split_message, units
from tests.digest.test_render_html import assert_well_formed, strip_tags

CREATED = datetime(2025, 3, 5, 8, 0, tzinfo=UTC)


def assert_fits(messages: list[Message]) -> None:
    assert messages
    for message in messages:
        assert units(message.html) <= TELEGRAM_LIMIT
        assert units(message.plain) <= TELEGRAM_LIMIT
        assert_well_formed(message.html)
        assert strip_tags(message.html) == message.plain


def test_a_6000_character_speaker_is_cut_to_a_name(make_item) -> None:
    speaker = "Z" * 6000
    item = make_item("aaa", quotes=(("We will build the canal", speaker),))
    messages = render_messages(Digest(created=CREATED, items=(item,)))
    assert_fits(messages)
    assert len(messages) == 1
    assert f"«We will build the canal» — <i>{'Z' * (MAX_SPEAKER - 1)}…</i>" in messages[0].html


def test_a_10000_character_title_is_cut_at_a_word(make_item) -> None:
    title = " ".join(["Ministers"] * 1000)
    item = make_item("aaa", title, url="https://example.org/a")
    messages = render_messages(Digest(created=CREATED, items=(item,)))
    assert_fits(messages)
    shown = messages[0].plain.split("\n\n")[1].split("\n")[0]
    assert shown == " ".join(["Ministers"] * 19) + "…"
    assert len(shown) <= MAX_TITLE


def test_a_5000_character_word_in_a_summary_is_split_across_messages(make_item) -> None:
    word = "&<" * 2500  # escaped: 5,000 entities; no cut may fall inside one
    item = make_item("aaa", summary=(f"Start {word} end.", "Second sentence."))
    messages = render_messages(Digest(created=CREATED, items=(item,)), limit=1000)
    assert_fits(messages)
    assert len(messages) > 5 and all(units(m.html) <= 1000 for m in messages)
    text = "".join(m.plain for m in messages)
    assert text.count("&<") == 2500
    assert all(m.report_ids == ("aaa",) for m in messages[1:])
    assert messages[-1].plain.endswith("• Second sentence.")


def test_every_message_fits_at_telegram_size_for_all_three_at_once(make_item) -> None:
    item = make_item("aaa", "T" * 10_000, sources=("s" * 5000,),
                     summary=("x" * 5000, "A normal sentence."),
                     figures=(("1", "c" * 3000),), quotes=(("q" * 7000, "S" * 6000),))
    messages = render_messages(Digest(created=CREATED, items=(item,)))
    assert_fits(messages)
    assert len(messages) == 2


def test_split_line_closes_and_reopens_tags() -> None:
    words = " ".join(["word"] * 30)
    line = f'<b><a href="https://e.org/x">{words}</a></b> tail'
    pieces = split_line(line, 60)
    assert pieces[0] == '<b><a href="https://e.org/x">word word word word</a></b>'
    assert all(units(p) <= 60 for p in pieces)
    for piece in pieces:
        assert_well_formed(piece)
    assert " ".join(strip_tags(p) for p in pieces) == words + " tail"


def test_split_message_keeps_content_and_reports() -> None:
    message = Message("<b>Head</b>\n" + "\n".join(f"• line {i} &amp; more" for i in range(40)),
                      "unused", ("r1", "r2"))
    parts = split_message(message, 200)
    assert len(parts) > 1
    assert all(units(p.html) <= 200 and p.report_ids == ("r1", "r2") for p in parts)
    assert "\n".join(p.html for p in parts) == message.html


def test_bidi_and_zero_width_controls_never_reach_a_message(make_item) -> None:
    item = make_item("aaa", "Safe\u202e txt.exe\u200b", sources=("feed\u2066name",),
                     quotes=(("Hi", "Ana\u200d Lee"),))
    messages = render_messages(Digest(created=CREATED, items=(item,)))
    for ch in ("\u202e", "\u200b", "\u2066", "\u200d"):
        assert ch not in messages[0].html and ch not in messages[0].plain
    assert "Safe txt.exe" in messages[0].plain and "Ana Lee" in messages[0].plain


def test_shorten_and_one_line() -> None:
    assert shorten("short", 10) == "short"
    assert shorten("alpha beta gamma delta", 12) == "alpha beta…"
    assert shorten("x" * 20, 10) == "x" * 9 + "…"
    assert one_line("  two\nlines\u202e  ", 50) == "two lines"
    assert visible("a\u200bb\u00adc") == "abc"
