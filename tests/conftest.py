"""Shared fixtures: a fake Telegram Bot API server and a throwaway database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.store.db import Store
from tests.fakes.telegram_server import FakeTelegram


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
