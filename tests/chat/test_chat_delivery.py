"""Delivery over real HTTP to the fake Bot API: retries, fallback and per-report bookkeeping."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError
from telegram.request import HTTPXRequest

from bot.briefing import SENT, Destination, SendStatus
from bot.chat.delivery import RetryPolicy, TelegramSender, deliver, plain_of, send_html
from tests.fakes.telegram_server import TOKEN, FakeTelegram, parse_telegram_html

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


async def test_a_message_telegram_finds_too_long_is_resplit_not_blocked(
        bot: Bot, fake_telegram: FakeTelegram) -> None:
    lines = [f"<b>Line {i}</b> " + "word " * 20 for i in range(60)]  # ~7,000 visible characters
    html = "\n".join(lines)
    result = await TelegramSender(bot, FAST).send(Destination(-5, reply_to=7), html,
                                                  plain_of(html))
    assert result.status is SendStatus.SENT
    sent = fake_telegram.sent_to(-5)
    assert len(sent) == 4  # re-split at 2,048 units: 60 lines of ~113 fill four messages
    assert "\n".join(s.text for s in sent) == html
    assert all(len(parse_telegram_html(s.text)) <= 4096 for s in sent)
    replies = [s.params.get("reply_parameters") for s in sent]
    assert replies[0]["message_id"] == 7 and replies[1:] == [None, None, None]


async def test_one_unsendable_message_fails_its_reports_and_the_next_ones_go(
        bot: Bot, fake_telegram: FakeTelegram) -> None:
    huge = Msg("x" * 300_000, "x" * 300_000, ("big",))  # one word: cannot be re-split at all
    marks = Marks()
    result = await deliver(bot, -5, [MESSAGES[0], huge, MESSAGES[2]], policy=FAST,
                           on_delivered=marks)
    assert marks.calls == [("a",), ("b", "c")]
    assert fake_telegram.texts(-5)[0] == MESSAGES[0].html
    assert fake_telegram.texts(-5)[-1] == MESSAGES[2].html
    assert result.error is not None


async def test_the_sender_says_stopped_for_a_chat_that_refuses(
        bot: Bot, fake_telegram: FakeTelegram) -> None:
    fake_telegram.fail("sendMessage", "forbidden", chat_id=-5)
    result = await TelegramSender(bot, FAST).send(Destination(-5), "hi", "hi")
    assert result.status is SendStatus.STOPPED and isinstance(result.error, Forbidden)
    assert "kicked" in result.reason


async def test_a_group_upgraded_to_a_supergroup_is_followed_to_its_new_id(
        bot: Bot, fake_telegram: FakeTelegram) -> None:
    fake_telegram.fail("sendMessage", "migrated", chat_id=-5, seconds=-1005)
    result = await TelegramSender(bot, FAST).send(Destination(-5, reply_to=7), "<b>hi</b>", "hi")
    assert result is SENT
    assert [(c.params["chat_id"], c.outcome) for c in fake_telegram.calls_of("sendMessage")] == [
        ("-5", "migrated"), ("-1005", "ok")]
    sent = fake_telegram.sent_to(-1005)
    assert [s.text for s in sent] == ["<b>hi</b>"]
    # the replied message stayed in the old chat: Telegram is told to send without it
    assert sent[0].params["reply_parameters"] == {"message_id": 7,
                                                  "allow_sending_without_reply": True}


@pytest.mark.parametrize(("kind", "status", "reason"), [
    ("blocked", SendStatus.STOPPED, "Forbidden: Forbidden: bot was blocked by the user"),
    ("chat_not_found", SendStatus.STOPPED, "Chat not found"),
])
async def test_a_chat_that_blocked_the_bot_or_is_gone_stops_after_one_call(
        bot: Bot, fake_telegram: FakeTelegram, kind: str, status: SendStatus,
        reason: str) -> None:
    fake_telegram.fail("sendMessage", kind, chat_id=-5, times=9)
    result = await TelegramSender(bot, FAST).send(Destination(-5), "hi", "hi")
    assert (result.status, result.reason) == (status, reason)
    assert len(fake_telegram.calls_of("sendMessage")) == 1  # never retried


@pytest.mark.parametrize("kind", ["html_bad_gateway", "gateway_timeout"])
async def test_a_proxys_html_error_page_is_retried_like_a_5xx(
        bot: Bot, fake_telegram: FakeTelegram, kind: str) -> None:
    fake_telegram.fail("sendMessage", kind, chat_id=-5, times=2)
    result = await TelegramSender(bot, FAST).send(Destination(-5), "hi", "hi")
    assert result is SENT
    assert [c.outcome for c in fake_telegram.calls_of("sendMessage")] == [kind, kind, "ok"]
