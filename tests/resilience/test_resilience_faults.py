"""Telegram and network faults during scheduled digests to three targets, over real HTTP.

The fake Bot API server answers with bursts of 429, runs of 500/502, connection resets and
answers slower than the client's timeout; every report must still reach every target, in
order, and no message may arrive twice.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest
from telegram.ext import Application

from bot.chat.delivery import RetryPolicy
from bot.settings import Settings
from bot.store.db import Store
from tests.fakes.telegram_server import FakeTelegram
from tests.resilience.conftest import TARGETS, city_inbox, titles_in
from tests.resilience.figures import FIGURES

READ_TIMEOUT = 1.0
POLICY = RetryPolicy(attempts=3, base_delay=0.05, max_delay=0.2)
# (target, kind, times, seconds, after): per target a different mix, some longer than one
# send's retries, so a run stops part-way and the next scheduled run has to resume.
FAULTS = [
    (TARGETS[0], "retry_after", 3, 1.0, 0),
    (TARGETS[0], "reset", 2, 0.0, 1),
    (TARGETS[0], "server_error", 4, 0.0, 2),
    (TARGETS[1], "bad_gateway", 2, 0.0, 0),
    (TARGETS[1], "hang", 2, READ_TIMEOUT + 0.5, 1),
    (TARGETS[1], "slow", 2, 0.3, 2),
    (TARGETS[2], "server_error", 2, 0.0, 0),
    (TARGETS[2], "reset", 1, 0.0, 1),
    (TARGETS[2], "retry_after", 1, 1.0, 1),
    (TARGETS[2], "bad_gateway", 4, 0.0, 2),
]


async def scheduled_round(app: Application) -> None:
    """Every target's scheduled job at once, as the scheduler fires them."""
    jobs = [j for j in app.job_queue.jobs() if j.name and j.name.startswith("digest:")]
    assert len(jobs) == len(TARGETS)
    await asyncio.gather(*(job.run(app) for job in jobs))


def delivered_titles(fake: FakeTelegram, chat: int, titles: list[str]) -> list[str]:
    return [t for sent in fake.sent_to(chat) for t in titles_in(sent.text, titles)]


async def test_every_report_reaches_every_target_once_in_order_despite_faults(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, store: Store,
        inbox: Path) -> None:
    titles = city_inbox(inbox, 10)  # a first digest carries at most delivery.backfill (10)
    for chat, kind, times, seconds, after in FAULTS:
        fake_telegram.fail("sendMessage", kind, times=times, chat_id=chat, seconds=seconds,
                           after=after)
    rounds = 0
    async with run_bot(settings, policy=POLICY, read_timeout=READ_TIMEOUT) as app:
        while rounds == 0 or (any(store.undelivered(c) for c in TARGETS) and rounds < 6):
            await scheduled_round(app)
            rounds += 1
    faults = [c for c in fake_telegram.calls_of("sendMessage") if c.outcome != "ok"]
    assert {c.outcome for c in faults} == {kind for _, kind, _, _, _ in FAULTS}
    assert len(faults) >= 20
    assert rounds >= 2  # some run was cut short and the next one resumed it
    for chat in TARGETS:
        sent = fake_telegram.sent_to(chat)
        assert delivered_titles(fake_telegram, chat, titles) == titles, chat
        assert len({s.text for s in sent}) == len(sent)  # no message twice
        assert {s.parse_mode for s in sent} == {"HTML"}
        assert store.undelivered(chat) == []
    FIGURES["faults survived"] += len(faults)
    FIGURES["reports lost"] += sum(len(set(titles) - set(delivered_titles(fake_telegram, c, titles)))
                                   for c in TARGETS)


async def test_an_answer_lost_after_telegram_accepted_repeats_that_message_only(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, store: Store, inbox: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    """Telegram has no idempotency key: a message accepted whose answer came after the timeout
    cannot be told apart from one never received. briefbot resends (at least once): the one
    message repeats, nothing is lost, and the log says why."""
    titles = city_inbox(inbox, 4)
    fake_telegram.fail("sendMessage", "late", chat_id=TARGETS[0], seconds=READ_TIMEOUT + 0.5)
    caplog.set_level(logging.WARNING, logger="bot.chat.delivery")
    async with run_bot(settings, policy=POLICY, read_timeout=READ_TIMEOUT) as app:
        job = next(j for j in app.job_queue.jobs() if j.name == "digest:t0:0")
        await job.run(app)
    texts = fake_telegram.texts(TARGETS[0])
    assert len(texts) == 2 and texts[0] == texts[1]
    assert delivered_titles(fake_telegram, TARGETS[0], titles) == titles * 2
    assert store.undelivered(TARGETS[0]) == []
    assert any("Timed out" in r.getMessage() and "retrying" in r.getMessage()
               for r in caplog.records)
    FIGURES["faults survived"] += 1
