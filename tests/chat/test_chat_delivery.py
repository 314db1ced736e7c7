"""Delivery over real HTTP to the fake Bot API: retries, fallback and per-report bookkeeping."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError
from telegram.request import HTTPXRequest

from bot.chat.delivery import RetryPolicy, deliver, plain_of, send_html
from tests.fakes.telegram_server import TOKEN, FakeTelegram

FAST = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.05)


@dataclass(frozen=True)
class Msg:
    html: str
    plain: str
    report_ids: tuple[str, ...]


@pytest.fixture
async def bot(fake_telegram: FakeTelegram) -> AsyncIterator[Bot]:
    bot = Bot(TOKEN, base_url=fake_telegram.base_url, base_file_url=fake_telegram.base_file_url,
              request=HTTPXRequest(read_timeout=0.5))
    async with bot:
        yield bot


class Marks:
    def __init__(self) -> None:
        self.calls: list[tuple[str, ...]] = []

    async def __call__(self, ids: tuple[str, ...]) -> None:
        self.calls.append(ids)


MESSAGES = [
    Msg("<b>one</b>", "one", ("a",)),
    Msg("<i>two, part 1</i>", "two, part 1", ("b",)),
    Msg("two, part 2 &amp; three", "two, part 2 & three", ("b", "c")),
]


async def test_reports_count_only_after_their_last_message(bot: Bot,
                                                           fake_telegram: FakeTelegram) -> None:
    marks = Marks()
    result = await deliver(bot, -5, MESSAGES, policy=FAST, on_delivered=marks)
    assert marks.calls == [("a",), ("b", "c")]
    assert result.delivered == ("a", "b", "c") and result.sent == 3 and result.error is None
    sent = fake_telegram.sent_to(-5)
    assert [s.text for s in sent] == [m.html for m in MESSAGES]
    assert {s.parse_mode for s in sent} == {"HTML"}
    assert all(s.params["link_preview_options"] == {"is_disabled": True} for s in sent)


async def test_forbidden_stops_and_keeps_unsent_reports(bot: Bot,
                                                        fake_telegram: FakeTelegram) -> None:
    fake_telegram.fail("sendMessage", "forbidden", chat_id=-5)
    marks = Marks()
    result = await deliver(bot, -5, MESSAGES, policy=FAST, on_delivered=marks)
    assert isinstance(result.error, Forbidden)
    assert result.sent == 0 and result.delivered == () and marks.calls == []
    assert len(fake_telegram.calls_of("sendMessage")) == 1


async def test_failure_mid_report_leaves_that_report_undelivered(
        bot: Bot, fake_telegram: FakeTelegram) -> None:
    fake_telegram.fail("sendMessage", "forbidden", chat_id=-5, after=2)
    marks = Marks()
    result = await deliver(bot, -5, MESSAGES, policy=FAST, on_delivered=marks)
    # "b" started in message 2 but its end (message 3) was refused: only "a" counts
    assert marks.calls == [("a",)]
    assert result.sent == 2 and result.delivered == ("a",)
    assert isinstance(result.error, Forbidden)
    assert fake_telegram.texts(-5) == [MESSAGES[0].html, MESSAGES[1].html]


async def test_server_errors_are_retried(bot: Bot, fake_telegram: FakeTelegram) -> None:
    fake_telegram.fail("sendMessage", "server_error", times=1)
    fake_telegram.fail("sendMessage", "bad_gateway", times=1)
    message = await send_html(bot, 9, "<b>x</b>", "x", policy=FAST)
    assert message.text == "x"
    outcomes = [c.outcome for c in fake_telegram.calls_of("sendMessage")]
    assert outcomes == ["server_error", "bad_gateway", "ok"]
    assert fake_telegram.texts(9) == ["<b>x</b>"]


async def test_retries_are_bounded(bot: Bot, fake_telegram: FakeTelegram) -> None:
    fake_telegram.fail("sendMessage", "server_error", times=10)
    with pytest.raises(NetworkError):
        await send_html(bot, 9, "x", "x", policy=FAST)
    assert len(fake_telegram.calls_of("sendMessage")) == FAST.attempts
    assert fake_telegram.sent == []


async def test_retry_after_waits_and_resends(bot: Bot, fake_telegram: FakeTelegram) -> None:
    fake_telegram.fail("sendMessage", "retry_after", seconds=1)
    await send_html(bot, 9, "hello", "hello", policy=FAST)
    calls = fake_telegram.calls_of("sendMessage")
    assert [c.outcome for c in calls] == ["retry_after", "ok"]
    assert fake_telegram.texts(9) == ["hello"]


async def test_timeouts_are_retried(bot: Bot, fake_telegram: FakeTelegram) -> None:
    fake_telegram.fail("sendMessage", "hang", seconds=1.0)
    await send_html(bot, 9, "late", "late", policy=FAST)
    assert [c.outcome for c in fake_telegram.calls_of("sendMessage")] == ["hang", "ok"]
    assert fake_telegram.texts(9) == ["late"]


async def test_unparsable_html_falls_back_to_plain_text(bot: Bot,
                                                        fake_telegram: FakeTelegram) -> None:
    await send_html(bot, 9, "<b>broken", "broken", policy=FAST)
    sent = fake_telegram.sent_to(9)
    assert [(s.text, s.parse_mode) for s in sent] == [("broken", None)]
    assert sent[0].params["link_preview_options"] == {"is_disabled": True}


async def test_other_bad_requests_are_not_retried(bot: Bot, fake_telegram: FakeTelegram) -> None:
    with pytest.raises(BadRequest, match="too long"):
        await send_html(bot, 9, "x" * 5000, "x" * 5000, policy=FAST)
    assert len(fake_telegram.calls_of("sendMessage")) == 1


def test_plain_of_drops_tags_and_decodes_entities() -> None:
    assert plain_of("<b>A &amp; B</b> &lt;3 <a href=\"x\">link</a>") == "A & B <3 link"
