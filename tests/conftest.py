"""Shared fixtures: a fake Telegram Bot API server, a throwaway database, the bot runner."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from telegram.ext import Application

from bot.chat.app import build_application, running
from bot.chat.delivery import RetryPolicy
from bot.settings import Settings
from bot.store.db import Store
from tests.fakes.telegram_server import FakeTelegram

NOW = datetime(2025, 3, 5, 9, 30, tzinfo=UTC)  # the bot's clock in end-to-end tests
FAST = RetryPolicy(attempts=3, base_delay=0.05, max_delay=0.2)
BotRunner = Callable[..., contextlib.AbstractAsyncContextManager[Application]]


@pytest.fixture
def fake_telegram() -> Iterator[FakeTelegram]:
    """A running fake Bot API server on 127.0.0.1 (random port)."""
    fake = FakeTelegram().start()
    try:
        yield fake
    finally:
        fake.stop()


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A SQLite URL in a fresh folder (the folder itself is created by the store)."""
    return f"sqlite:///{tmp_path / 'state' / 'briefbot.db'}"


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    store = Store(db_url)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def run_bot(store: Store) -> BotRunner:
    """The real Application against the fake server, with test-sized retries and timeouts."""

    @contextlib.asynccontextmanager
    async def runner(settings: Settings, *, policy: RetryPolicy = FAST,
                     read_timeout: float = 2.0, use_store: Store | None = None,
                     **changes: object) -> AsyncIterator[Application]:
        app = build_application(replace(settings, **changes) if changes else settings,
                                use_store or store, policy=policy, read_timeout=read_timeout,
                                clock=lambda: NOW)
        async with running(app):
            yield app

    return runner
