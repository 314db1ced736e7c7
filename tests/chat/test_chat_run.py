"""`briefbot run` as a real process: polling the fake server, logging without the token."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

from bot.chat.texts import text
from tests.fakes.bot_settings import ADMIN
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
    # one line per digest: target, reports sent, messages, seconds taken
    assert re.search(r"digest \(manual\) to team \[-100\]: 2 report\(s\) sent in 1 "
                     r"message\(s\), \d+\.\d\d s\n", stderr), stderr
    assert TOKEN not in stderr
    assert (tmp_path / "state" / "briefbot.db").is_file()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _post_update(port: int, update: dict, secret: str | None) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(f"http://127.0.0.1:{port}/hook", json.dumps(update).encode(),
                                     headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


async def test_briefbot_run_in_webhook_mode_registers_and_checks_the_secret(
        fake_telegram: FakeTelegram, inbox: Path, db_url: str, tmp_path: Path) -> None:
    port, secret = _free_port(), "s3cret-Token_1"
    config = tmp_path / "briefbot.toml"
    config.write_text(
        f'[inbox]\npath = "{inbox}"\n\n[access]\nadmins = [{ADMIN}]\n\n'
        f'[telegram]\nmode = "webhook"\nwebhook_listen = "127.0.0.1"\nwebhook_port = {port}\n'
        'webhook_path = "hook"\nwebhook_url = "https://briefbot.example.org/hook"\n',
        encoding="utf-8")
    env = {**os.environ, "BOT_TOKEN": TOKEN, "BRIEFBOT_API_BASE_URL": fake_telegram.base_url,
           "BRIEFBOT_DATABASE_URL": db_url, "BRIEFBOT_WEBHOOK_SECRET": secret,
           "PYTHONPATH": str(REPO)}
    process = subprocess.Popen([sys.executable, "-m", "bot", "run", "--config", str(config)],
                               cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        await fake_telegram.wait_for(lambda: bool(fake_telegram.webhook), timeout=30)
        update = {"update_id": 1, "message": fake_telegram.message("/help", chat_id=ADMIN,
                                                                   user_id=ADMIN)}
        # PTB registers the webhook just before its server listens: wait for the port.
        await fake_telegram.wait_for(lambda: _listening(port), timeout=30)
        assert await asyncio.to_thread(_post_update, port, update, "wrong") == 403
        assert await asyncio.to_thread(_post_update, port, update, secret) == 200
        await fake_telegram.wait_sent(ADMIN, 1, timeout=30)
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
    assert fake_telegram.webhook["url"] == "https://briefbot.example.org/hook"
    assert fake_telegram.webhook["secret_token"] == secret
    assert fake_telegram.texts(ADMIN) == [text("en", "help")]
    assert process.returncode == 0, stderr
    assert TOKEN not in stderr and secret not in stderr
