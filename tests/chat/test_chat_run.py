"""`briefbot run` as a real process: polling the fake server, logging without the token."""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bot.chat.app import run
from bot.chat.texts import text
from bot.settings import Settings, SettingsError, TelegramSettings
from tests.chat.conftest import ADMIN
from tests.fakes.telegram_server import TOKEN, FakeTelegram

REPO = Path(__file__).resolve().parents[2]


async def test_briefbot_run_polls_answers_and_stops_cleanly(
        fake_telegram: FakeTelegram, inbox: Path, db_url: str, tmp_path: Path) -> None:
    config = tmp_path / "briefbot.toml"
    config.write_text(
        f'[inbox]\npath = "{inbox}"\n\n[access]\nadmins = [{ADMIN}]\n\n'
        '[[targets]]\nchat_id = -100\nname = "team"\nschedules = [{interval = "1h"}]\n',
        encoding="utf-8")
    env = {**os.environ, "BOT_TOKEN": TOKEN, "BRIEFBOT_API_BASE_URL": fake_telegram.base_url,
           "BRIEFBOT_DATABASE_URL": db_url, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen([sys.executable, "-m", "bot", "run", "--config", str(config)],
                               cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        fake_telegram.send("/help", chat_id=ADMIN, user_id=ADMIN)
        await fake_telegram.wait_sent(ADMIN, 1, timeout=30)
        fake_telegram.send("/digest", chat_id=ADMIN, user_id=ADMIN)
        await fake_telegram.wait_sent(ADMIN, 2, timeout=30)
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
    assert process.returncode == 0, stderr
    assert fake_telegram.texts(ADMIN) == [text("en", "help"),
                                          "Digest run:\nteam: 2 report(s) posted"]
    assert len(fake_telegram.texts(-100)) == 1
    assert "digest (manual) to -100: 2 report(s) delivered" in stderr
    assert TOKEN not in stderr
    assert (tmp_path / "state" / "briefbot.db").is_file()


def test_webhook_mode_without_the_extra_is_a_settings_error(db_url: str) -> None:
    if importlib.util.find_spec("tornado") is not None:
        pytest.skip("tornado is installed; webhook mode would really start")
    settings = Settings(database_url=db_url, token=TOKEN,
                        telegram=TelegramSettings(mode="webhook",
                                                  webhook_url="https://example.org/hook"))
    with pytest.raises(SettingsError, match="python-telegram-bot\\[webhooks\\]"):
        run(settings)
