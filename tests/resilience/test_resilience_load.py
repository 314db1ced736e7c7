"""Load: 200 /summary from 50 users within 10 s, and the event loop while a long report is
summarized. Precise figures come from `python -m benchmarks.load`; the test holds the bounds
the issue states (every request answered; loop lag under 100 ms)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.load import (
    bot_settings,
    loop_lag_while_summarizing,
    short_reports,
    summary_load,
)
from bot.chat.texts import text
from bot.store.db import Store
from tests.fakes.telegram_server import FakeTelegram
from tests.resilience.figures import FIGURES

USERS, REQUESTS, WINDOW = 50, 200, 10.0
MAX_LOOP_LAG = 0.100


async def test_every_summary_request_is_answered_once_in_order(
        fake_telegram: FakeTelegram, store: Store, db_url: str, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    short_reports(inbox)
    settings = bot_settings(fake_telegram, inbox, db_url, range(1000, 1000 + USERS))
    result = await summary_load(fake_telegram, settings, store, users=USERS, requests=REQUESTS,
                                window=WINDOW)
    assert result.answered == REQUESTS and len(result.latencies) == REQUESTS
    for user in range(1000, 1000 + USERS):
        texts = fake_telegram.texts(user)
        # the first answer is the digest of both reports, then "nothing new", once per request
        assert len(texts) == REQUESTS // USERS
        assert "2 reports" in texts[0]
        assert texts[1:] == [text("en", "nothing_new")] * (len(texts) - 1)
    FIGURES["requests answered"] += result.answered


async def test_event_loop_stays_responsive_while_a_long_report_is_summarized(
        fake_telegram: FakeTelegram, store: Store, db_url: str, tmp_path: Path) -> None:
    """Blocking the loop (analysis on it) shows as a lag of the analysis time in every attempt;
    a shared machine's scheduling hiccup does not repeat, so the best of three attempts counts."""
    lags = []
    for attempt in range(3):
        inbox = tmp_path / f"inbox{attempt}"
        inbox.mkdir()
        user = 7 + attempt  # a fresh chat: the long report is new to it
        settings = bot_settings(fake_telegram, inbox, db_url, range(user, user + 1))
        lag, _ = await loop_lag_while_summarizing(fake_telegram, settings, store, user,
                                                  sentences=1600, seed=attempt)
        assert "Water and canals: the long annual report" in fake_telegram.texts(user)[-1]
        lags.append(lag)
        FIGURES["requests answered"] += 1
        if lag < MAX_LOOP_LAG:
            break
    assert min(lags) < MAX_LOOP_LAG, f"event loop lag {[round(x * 1000) for x in lags]} ms"
