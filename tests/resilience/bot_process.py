"""`briefbot run` as a real process against the fake Bot API: start it, read its log."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from tests.fakes.telegram_server import TOKEN, FakeTelegram

REPO = Path(__file__).resolve().parents[2]


def bot_config(folder: Path, inbox: Path, targets: Iterable[int], every: str = "1s") -> Path:
    """A settings file: the inbox and one target per chat, each with an interval schedule."""
    blocks = "".join(f'[[targets]]\nchat_id = {chat}\nname = "t{i}"\n'
                     f'schedules = [{{interval = "{every}"}}]\n\n'
                     for i, chat in enumerate(targets))
    config = folder / "briefbot.toml"
    config.write_text(f'[inbox]\npath = "{inbox}"\n\n{blocks}', encoding="utf-8")
    return config


def start(config: Path, fake: FakeTelegram, db_url: str, cwd: Path,
          log: Path | None = None) -> subprocess.Popen:
    """python -m bot run; stderr to `log` when given (read it while it runs), else a pipe."""
    env = {**os.environ, "BOT_TOKEN": TOKEN, "BRIEFBOT_API_BASE_URL": fake.base_url,
           "BRIEFBOT_DATABASE_URL": db_url, "PYTHONPATH": str(REPO)}
    stderr = log.open("w", encoding="utf-8") if log is not None else subprocess.PIPE
    return subprocess.Popen([sys.executable, "-m", "bot", "run", "--config", str(config)],
                            cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=stderr,
                            text=True)


async def wait_for_line(log: Path, text: str, timeout: float = 60.0) -> float:
    """Wait until the log holds `text`; returns when (time.monotonic) it was seen."""
    deadline = time.monotonic() + timeout
    while text not in log.read_text(encoding="utf-8"):
        if time.monotonic() > deadline:
            raise AssertionError(f"{text!r} not in {log.name}:\n{log.read_text()}")
        await asyncio.sleep(0.1)
    return time.monotonic()
