"""Telegram HTML messages: exact markup, escaping, links, splitting at report boundaries."""

from __future__ import annotations

import html
import itertools
import re
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest

from bot.digest.model import Digest, Message
from bot.digest.render_html import render_messages

CREATED = datetime(2025, 3, 5, 8, 0, tzinfo=UTC)
ALLOWED_TAGS = {"b", "i", "a"}


class _Balance(HTMLParser):
    """Tags open and close in order; only Telegram's tags; no stray markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.errors.append(f"unexpected <{tag}>")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}> with {self.stack}")
        else:
            self.stack.pop()


def assert_well_formed(markup: str) -> None:
    parser = _Balance()
    parser.feed(markup)
    parser.close()
    assert parser.errors == []
    assert parser.stack == []
    # every '<' and '&' in text is escaped: nothing but our tags and entities remain
    stripped = re.sub(r"</?(?:b|i|a)(?: href=\"[^\"<>]*\")?>", "", markup)
    assert "<" not in stripped and ">" not in stripped
    assert re.findall(r"&(?!amp;|lt;|gt;|quot;)", stripped) == []


def strip_tags(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_exact_html_of_a_small_digest(make_item) -> None:
    first = make_item(
        "aaa", "Water <deal> & more", url='https://example.org/a?x=1&y="2"', sources=("seeds/01.txt",),
        summary=("First <b>sentence</b>.", "Second & last."),
        figures=(("$2.4 billion", "a combined $2.4 billion"), ("600", "more than 600 delegates")),
        quotes=(("We <i>will</i> win", "Aigerim Tulegenova"), ("No speaker here at all", None)),
    )
    second = make_item("bbb", "Второй", url="tg://x", sources=("/tmp/a/b.txt", "https://feed.example/x"),
                       language="ru", summary=("Одно.",))
    messages = render_messages(Digest(created=CREATED, items=(first, second), failures=("bad.pdf: x",)))
    assert messages == [Message(
        html=(
            "<b>Briefing digest</b> · 05 Mar 2025 08:00 UTC · 2 reports\n\n"
            '<b><a href="https://example.org/a?x=1&amp;y=&quot;2&quot;">'
            "Water &lt;deal&gt; &amp; more</a></b>\n"
            "<i>EN · 01.txt</i>\n"
            "• First &lt;b&gt;sentence&lt;/b&gt;.\n"
            "• Second &amp; last.\n"
            "<b>Key figures:</b> a combined $2.4 billion; more than 600 delegates\n"
            "«We &lt;i&gt;will&lt;/i&gt; win» — <i>Aigerim Tulegenova</i>\n"
            "«No speaker here at all» — <i>unattributed</i>\n\n"
            "<b>Второй</b>\n"
            "<i>RU · b.txt, https://feed.example/x</i>\n"
            "• Одно."
        ),
        plain=(
            "Briefing digest · 05 Mar 2025 08:00 UTC · 2 reports\n\n"
            "Water <deal> & more\n"
            "EN · 01.txt\n"
            "• First <b>sentence</b>.\n"
            "• Second & last.\n"
            "Key figures: a combined $2.4 billion; more than 600 delegates\n"
            "«We <i>will</i> win» — Aigerim Tulegenova\n"
            "«No speaker here at all» — unattributed\n\n"
            "Второй\n"
            "RU · b.txt, https://feed.example/x\n"
            "• Одно."
        ),
        report_ids=("aaa", "bbb"),
    )]


def test_empty_digest_is_one_header_message() -> None:
    assert render_messages(Digest(created=CREATED, items=())) == [
        Message("<b>Briefing digest</b> · 05 Mar 2025 08:00 UTC · 0 reports",
                "Briefing digest · 05 Mar 2025 08:00 UTC · 0 reports", ()),
    ]


def test_single_report_header_says_report(make_item) -> None:
    [message] = render_messages(Digest(created=CREATED, items=(make_item("a"),)))
    assert message.html.startswith("<b>Briefing digest</b> · 05 Mar 2025 08:00 UTC · 1 report\n\n")


HOSTILE = ['<a href="tg://x">', "</b>", "<script>alert(1)</script>", "Tom & Jerry", "a > b", "&amp;"]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_escaped_everywhere(make_item, text: str) -> None:
    item = make_item("h", f"Title {text}", summary=(f"Summary {text}.",), figures=(("5", f"5 {text}"),),
                     quotes=((f"Quote {text} here", f"Speaker {text}"),), sources=(f"dir/{text}.txt",))
    [message] = render_messages(Digest(created=CREATED, items=(item,)))
    assert_well_formed(message.html)
    escaped = html.escape(text, quote=False)
    for field in (f"Title {escaped}</b>", f"• Summary {escaped}.", f"</b> 5 {escaped}\n",
                  f"«Quote {escaped} here» — <i>Speaker {escaped}</i>"):
        assert field in message.html
    assert strip_tags(message.html) == message.plain
    assert message.plain.count(text) >= 5


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://example.org/x", '<a href="https://example.org/x">'),
        ("http://example.org/x?a=1&b=2", '<a href="http://example.org/x?a=1&amp;b=2">'),
        ('https://example.org/"><script>', '<a href="https://example.org/&quot;&gt;&lt;script&gt;">'),
        ("tg://resolve?domain=x", None),
        ("javascript:alert(1)", None),
        ("HTTPS://EXAMPLE.ORG/", None),
        ("", None),
        (None, None),
    ],
)
def test_link_only_for_http_urls(make_item, url: str | None, linked: str | None) -> None:
    [message] = render_messages(Digest(created=CREATED, items=(make_item("l", "Title", url=url),)))
    assert_well_formed(message.html)
    if linked is None:
        assert "<a " not in message.html
        assert "<b>Title</b>" in message.html
    else:
        assert f"<b>{linked}Title</a></b>" in message.html


def long_digest(make_item, count: int = 14) -> Digest:
    items = tuple(
        make_item(f"r{n:02d}", f"Report {n} <& title>",
                  summary=tuple(f"Sentence {k} of report {n} says <something> & more, " + "x" * 150 + "."
                                for k in range(3)),
                  figures=((str(n), f"more than {n} <units>"),),
                  quotes=((f"Quote of report {n} & <more>", f"Speaker {n}"),))
        for n in range(count)
    )
    return Digest(created=CREATED, items=items)


def test_long_digest_split_between_reports(make_item) -> None:
    digest = long_digest(make_item)
    messages = render_messages(digest)
    total = sum(len(m.html) for m in messages)
    assert total > 10_000
    assert len(messages) >= 3
    assert all(len(m.html) <= 4096 for m in messages)
    # every report exactly once, in order, whole in one message
    ids = [rid for m in messages for rid in m.report_ids]
    assert ids == [item.report_id for item in digest.items]
    for message in messages:
        assert_well_formed(message.html)
        assert strip_tags(message.html) == message.plain
        for item in digest.items:
            inside = f"Report {item.report_id[1:].lstrip('0') or '0'} &lt;&amp; title&gt;" in message.html
            assert inside == (item.report_id in message.report_ids)
        for rid in message.report_ids:
            n = int(rid[1:])
            assert all(f"Sentence {k} of report {n} says" in message.html for k in range(3))
    assert messages[0].html.startswith("<b>Briefing digest</b> · 05 Mar 2025 08:00 UTC · 14 reports\n\n")
    assert all("Briefing digest" not in m.html for m in messages[1:])


def test_messages_use_the_limit_greedily(make_item) -> None:
    digest = long_digest(make_item)
    messages = render_messages(digest)
    # a message is only closed when the next report would not fit
    for current, following in itertools.pairwise(messages):
        next_block = following.html.split("\n\n")[0]
        assert len(current.html) + 2 + len(next_block) > 4096


def test_custom_limit(make_item) -> None:
    messages = render_messages(long_digest(make_item, 4), limit=1000)
    assert [m.report_ids for m in messages] == [("r00",), ("r01",), ("r02",), ("r03",)]
    assert all(len(m.html) <= 1000 for m in messages)


def test_single_oversized_report_split_at_line_boundaries(make_item) -> None:
    summary = tuple(f"Sentence number {k} <b>of</b> the & long report " + "y" * 450 + "." for k in range(25))
    big = make_item("big", "Huge report", summary=summary, quotes=(("A quote that closes it", "Somebody"),))
    small = make_item("small", "Small report")
    after = make_item("after", "After report")
    messages = render_messages(Digest(created=CREATED, items=(small, big, after)))
    assert sum(len(m.html) for m in messages) > 12_000
    assert all(len(m.html) <= 4096 for m in messages)
    assert all("big" in m.report_ids for m in messages if "Sentence number" in m.html)
    parts = [m for m in messages if "big" in m.report_ids]
    assert len(parts) >= 4
    lines = [line for m in parts for line in m.html.split("\n")]
    for k in range(25):
        expected = f"• Sentence number {k} &lt;b&gt;of&lt;/b&gt; the &amp; long report " + "y" * 450 + "."
        assert lines.count(expected) == 1  # never cut inside a line
    for message in messages:
        assert_well_formed(message.html)
        assert strip_tags(message.html) == message.plain
    assert messages[0].report_ids[0] == "small"
    assert messages[-1].report_ids[-1] == "after"
