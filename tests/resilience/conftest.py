"""Fixtures for the resilience suite: three targets on the fake server, a figures tally.

The tally collects what the suite survived (faults injected, hostile inputs tried, requests
answered, reports lost) and prints it at the end of the run, so CI logs carry the figures the
README quotes.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from telegram.ext import Application

from bot.chat.app import build_application, running
from bot.chat.delivery import RetryPolicy
from bot.settings import AccessSettings, Schedule, Settings, Target, TelegramSettings
from bot.store.db import Store
from tests.fakes.telegram_server import TOKEN, FakeTelegram, parse_telegram_html
from tests.resilience.figures import FIGURES, summary

USER = 42
ADMIN = 1
STRANGER = 555
TARGETS = (-100, -200, -300)
NOW = datetime(2025, 3, 5, 9, 30, tzinfo=UTC)
HOURLY = (Schedule(interval=timedelta(hours=1)),)
CITIES = ["Dushanbe", "Almaty", "Tashkent", "Bishkek", "Ashgabat", "Khujand", "Osh", "Samarkand",
          "Bukhara", "Termez", "Kulob", "Nukus"]

def pytest_terminal_summary(terminalreporter) -> None:
    if FIGURES:
        terminalreporter.write_line(f"resilience figures: {summary()}")


def city_report(i: int, city: str) -> str:
    """A report long enough that a dozen of them need several Telegram messages."""
    body = " ".join([
        f"The regional authority of {city} approved a programme worth {i + 3}.5 million dollars "
        f"to rebuild {20 + i} kilometres of irrigation canals and {i + 2} pumping stations "
        f"before the start of the next growing season in the valley.",
        f"Officials in {city} said that more than {1000 + 150 * i} households would receive "
        f"reliable water for the first time since the old network failed, and that the work "
        f"would employ about {300 + i} local people during the construction period.",
        f"\u201cThis is the largest investment in our water system for a generation and it will "
        f"change how {city} farms,\u201d said Governor Rahimov at a briefing for journalists.",
        f"Independent engineers warned that the schedule for {city} was tight, noting that "
        f"similar projects in neighbouring districts had taken {i + 4} years instead of two.",
        f"The first contracts in {city} will be signed in {['May', 'June', 'July'][i % 3]}, "
        f"and the authority promised monthly progress reports on its website.",
    ])
    return f"{title_of(city)}\n\n{body}"


def title_of(city: str) -> str:
    return f"{city} approves its canal programme"


def write_reports(inbox: Path, reports: dict[str, str]) -> None:
    """Write aside, date back past the inbox settle time, rename into place."""
    inbox.mkdir(parents=True, exist_ok=True)
    settled = time.time() - 60
    for name, body in reports.items():
        hidden = inbox / f".{name}.part"
        hidden.write_text(body, encoding="utf-8")
        os.utime(hidden, (settled, settled))
        hidden.rename(inbox / name)


def city_inbox(folder: Path, count: int = len(CITIES)) -> list[str]:
    """An inbox of `count` city reports; returns their titles in arrival order."""
    write_reports(folder, {f"r{i:02d}.txt": city_report(i, city)
                           for i, city in enumerate(CITIES[:count])})
    return [title_of(city) for city in CITIES[:count]]


def titles_in(html: str, titles: list[str]) -> list[str]:
    """The report titles a message carries, in the order they appear."""
    visible = parse_telegram_html(html)
    found = [(visible.find(title), title) for title in titles if title in visible]
    return [title for _, title in sorted(found)]


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


@pytest.fixture
def settings(fake_telegram: FakeTelegram, inbox: Path, db_url: str) -> Settings:
    return Settings(
        inbox=inbox,
        database_url=db_url,
        telegram=TelegramSettings(api_base_url=fake_telegram.base_url, max_download_mb=1.0),
        access=AccessSettings(allowed_users=frozenset({USER}), admins=frozenset({ADMIN})),
        targets=tuple(Target(chat_id=chat, name=f"t{i}", schedules=HOURLY)
                      for i, chat in enumerate(TARGETS)),
        token=TOKEN,
    )


BotRunner = Callable[..., contextlib.AbstractAsyncContextManager[Application]]


@pytest.fixture
def run_bot(store: Store) -> BotRunner:
    """The real Application against the fake server, with test-sized retries and timeouts."""

    @contextlib.asynccontextmanager
    async def runner(settings: Settings, *, policy: RetryPolicy | None = None,
                     read_timeout: float = 2.0, use_store: Store | None = None,
                     **changes: object) -> AsyncIterator[Application]:
        app = build_application(replace(settings, **changes) if changes else settings,
                                use_store or store,
                                policy=policy or RetryPolicy(attempts=3, base_delay=0.05,
                                                             max_delay=0.2),
                                read_timeout=read_timeout, clock=lambda: NOW)
        async with running(app):
            yield app

    return runner
