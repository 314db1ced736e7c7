"""Load: 200 /summary from 50 users within 10 s, and the event loop while a long report is
summarized. Precise figures come from `python -m benchmarks.load`; the test holds the bounds
the issue states (every request answered; loop lag under 100 ms)."""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

import pytest

from benchmarks.load import (
    bot_settings,
    long_report,
    loop_lag_while_summarizing,
    short_reports,
    summary_load,
)
from bot.chat.texts import text
from bot.sources.fetch import MIB
from bot.store.db import Store
from tests.fakes.bot_process import start_briefbot
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


UPLOADS, UPLOAD_MB, MEMORY_BOUND_MB = 6, 19.5, 600


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident memory so far (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
async def test_six_big_uploads_at_once_stay_under_the_memory_bound(
        fake_telegram: FakeTelegram, db_url: str, tmp_path: Path) -> None:
    """Six members each send a 19.5 MB text at the same moment to `briefbot run` (a real
    process, so its peak memory is its own): every one is answered, the peak stays bounded."""
    body = long_report(140_000, seed=5).encode()[: int(UPLOAD_MB * MIB)]
    users = range(2000, 2000 + UPLOADS)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    process = start_briefbot(
        tmp_path, f'[inbox]\npath = "{inbox}"\n\n[access]\nallowed_users = {list(users)}\n',
        api_base_url=fake_telegram.base_url, db_url=db_url, stdout=subprocess.DEVNULL)
    try:
        fake_telegram.send("/help", chat_id=users[0], user_id=users[0])
        await fake_telegram.wait_sent(users[0], 1, timeout=60)
        idle = peak_rss_mb(process.pid)
        for user in users:
            document = fake_telegram.add_file(body, f"report{user}.txt")
            fake_telegram.send(chat_id=user, user_id=user, document=document)
        for user in users:
            await fake_telegram.wait_sent(user, 2 if user == users[0] else 1, timeout=300)
        peak = peak_rss_mb(process.pid)
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
    for user in users:
        assert "Water and canals: the long annual report" in fake_telegram.texts(user)[-1]
    assert peak < MEMORY_BOUND_MB, f"peak {peak:.0f} MB (idle {idle:.0f} MB)\n{stderr[-3000:]}"
    FIGURES["requests answered"] += UPLOADS
    FIGURES["peak MB, six 20 MB uploads"] = round(peak)
