"""`briefbot run` killed with SIGKILL in the middle of a digest, then started again.

A real process polls the fake server; Telegram is slow, so the kill lands while messages are
in flight to all three targets. After a restart on the same database every report reaches
every target; only the message in flight at the kill (per target) may arrive twice. The
restarted process first waits for the killed one's database lease to expire (under a minute).
"""

from __future__ import annotations

import asyncio
import signal
import sqlite3
from pathlib import Path

from tests.fakes.telegram_server import TOKEN, FakeTelegram
from tests.resilience.bot_process import bot_config, start
from tests.resilience.conftest import TARGETS, city_inbox, titles_in
from tests.resilience.figures import FIGURES


async def test_sigkill_mid_digest_loses_nothing_and_repeats_at_most_the_message_in_flight(
        fake_telegram: FakeTelegram, inbox: Path, db_url: str, tmp_path: Path) -> None:
    titles = city_inbox(inbox, 10)  # a first digest carries at most delivery.backfill (10)
    config = bot_config(tmp_path, inbox, TARGETS)
    # every message takes 0.4 s: the kill finds one in flight to each target
    fake_telegram.fail("sendMessage", "slow", times=10_000, seconds=0.4)

    first = start(config, fake_telegram, db_url, tmp_path)
    try:
        await fake_telegram.wait_for(lambda: len(fake_telegram.sent) >= 4, timeout=60)
    finally:
        first.send_signal(signal.SIGKILL)
        first.communicate(timeout=30)
    assert first.returncode == -signal.SIGKILL
    await asyncio.sleep(0.6)  # requests in flight at the kill finish on the server side
    before = {chat: fake_telegram.sent_to(chat) for chat in TARGETS}
    assert any(set(titles) - {t for s in sent for t in titles_in(s.text, titles)}
               for sent in before.values())  # the kill did land mid-digest

    fake_telegram.failures.clear()
    second = start(config, fake_telegram, db_url, tmp_path)
    try:
        await fake_telegram.wait_for(lambda: all(
            set(titles) <= {t for s in fake_telegram.sent_to(chat)
                            for t in titles_in(s.text, titles)}
            for chat in TARGETS), timeout=90)
    finally:
        second.send_signal(signal.SIGTERM)
        _, stderr = second.communicate(timeout=30)
    assert second.returncode == 0, stderr
    assert TOKEN not in stderr

    repeated_messages = 0
    for chat in TARGETS:
        delivered = [t for s in fake_telegram.sent_to(chat) for t in titles_in(s.text, titles)]
        assert list(dict.fromkeys(delivered)) == titles  # all of them, in order
        repeats = {t for t in delivered if delivered.count(t) > 1}
        in_flight = titles_in(before[chat][-1].text, titles) if before[chat] else []
        assert repeats <= set(in_flight), chat
        repeated_messages += bool(repeats)
        FIGURES["reports lost"] += len(set(titles) - set(delivered))
    assert repeated_messages <= len(TARGETS)
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as check:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert check.execute("SELECT count(*) FROM reports").fetchone() == (len(titles),)
    FIGURES["faults survived"] += 1
