"""Fixtures for end-to-end bot tests: settings pointing at the fake server, an inbox, a runner."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from telegram.ext import Application

from bot.analysis.loaders import load_report
from bot.analysis.model import SummaryOptions
from bot.analysis.pipeline import analyze
from bot.chat.app import build_application, running
from bot.chat.delivery import RetryPolicy
from bot.digest.build import build_digest
from bot.digest.model import Message
from bot.digest.render_html import render_messages
from bot.settings import AccessSettings, Schedule, Settings, Target, TelegramSettings
from bot.store.db import Store
from tests.fakes.telegram_server import TOKEN, FakeTelegram

USER = 42          # allowed user (private chat id == user id)
ADMIN = 1
STRANGER = 555
TEAM = -100        # target chat
OTHER_TEAM = -200  # second target chat
NOW = datetime(2025, 3, 5, 9, 30, tzinfo=UTC)
FAST = RetryPolicy(attempts=3, base_delay=0.05, max_delay=0.2)
HOURLY = (Schedule(interval=timedelta(hours=1)),)

REPORTS = {
    "a_water.txt": (
        "Water ministers pledge 2.4 billion for canals\n\n"
        "Water ministers from five states pledged a combined $2.4 billion on Monday for canals "
        "and reservoirs. The region loses between 30 and 40 percent of its irrigation water. "
        "\u201cEvery drop we lose is a drop our farmers will not see,\u201d said Minister Aigerim "
        "Tulegenova. More than 600 delegates attended the two-day conference in Almaty. "
        "The next meeting will take place in Dushanbe in the autumn."
    ),
    "b_rail.txt": (
        "Rail green corridor opens at the northern border\n\n"
        "Tajikistan will open a green corridor for rail freight at two northern crossings in "
        "April. Waiting times for container trains will fall from five days to under 24 hours. "
        "Rail freight through the crossings rose 12.5 percent last year to 2.1 million tonnes. "
        "\u201cWe used to lose more money standing at the border than moving,\u201d said Farrukh "
        "Sharipov, the transport minister. Exporters welcomed the decision."
    ),
}


def write_reports(inbox: Path, reports: dict[str, str]) -> None:
    """Drop files into the inbox the safe way: write aside, date back, rename into place."""
    inbox.mkdir(parents=True, exist_ok=True)
    settled = time.time() - 60
    for name, body in reports.items():
        hidden = inbox / f".{name}.part"
        hidden.write_text(body, encoding="utf-8")
        os.utime(hidden, (settled, settled))
        hidden.rename(inbox / name)


def expected_messages(paths: Sequence[Path], settings: Settings) -> list[Message]:
    """What the bot should send for these report files, computed by the library directly."""
    summary = settings.summary
    options = SummaryOptions(sentences=summary.sentences, algorithm=summary.algorithm,
                             figures=summary.figures, quotes=summary.quotes)
    analyses = [analyze(load_report(p), options) for p in paths]
    return render_messages(build_digest(analyses, created=NOW))


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    write_reports(folder, REPORTS)
    return folder


@pytest.fixture
def settings(fake_telegram: FakeTelegram, inbox: Path, db_url: str) -> Settings:
    return Settings(
        inbox=inbox,
        database_url=db_url,
        telegram=TelegramSettings(api_base_url=fake_telegram.base_url, max_download_mb=1.0),
        access=AccessSettings(allowed_users=frozenset({USER}), admins=frozenset({ADMIN})),
        targets=(Target(chat_id=TEAM, name="team", schedules=HOURLY),
                 Target(chat_id=OTHER_TEAM, name="ops", schedules=HOURLY)),
        token=TOKEN,
    )


BotRunner = Callable[..., contextlib.AbstractAsyncContextManager[Application]]


@pytest.fixture
def run_bot(store: Store) -> BotRunner:
    """Start the real Application against the fake server; settings may be overridden."""

    @contextlib.asynccontextmanager
    async def runner(settings: Settings, *, use_store: Store | None = None,
                     **changes: object) -> AsyncIterator[Application]:
        app = build_application(replace(settings, **changes) if changes else settings,
                                use_store or store, policy=FAST, read_timeout=2.0,
                                clock=lambda: NOW)
        async with running(app):
            yield app

    return runner
