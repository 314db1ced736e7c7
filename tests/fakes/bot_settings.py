"""The people and settings the bot suites share: who may talk to the bot, and a builder.

The suites differ only in the chats they post digests to.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path

from bot.settings import AccessSettings, Schedule, Settings, Target, TelegramSettings
from tests.fakes.telegram_server import TOKEN, FakeTelegram

USER = 42          # allowed user (private chat id == user id)
ADMIN = 1
STRANGER = 555
HOURLY = (Schedule(interval=timedelta(hours=1)),)


def bot_settings(fake_telegram: FakeTelegram, inbox: Path, db_url: str,
                 targets: Iterable[tuple[int, str]]) -> Settings:
    """Settings for a bot on the fake Telegram server, posting hourly to (chat id, name)."""
    return Settings(
        inbox=inbox,
        database_url=db_url,
        telegram=TelegramSettings(api_base_url=fake_telegram.base_url, max_download_mb=1.0),
        access=AccessSettings(allowed_users=frozenset({USER}), admins=frozenset({ADMIN})),
        targets=tuple(Target(chat_id=chat, name=name, schedules=HOURLY)
                      for chat, name in targets),
        token=TOKEN,
    )
