"""`briefbot run` as a real process against the fake Bot API server, for tests that need the
whole start-up (retries, exit codes, stderr) or the process's own peak memory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.fakes.telegram_server import TOKEN

REPO = Path(__file__).resolve().parents[2]


def start_briefbot(folder: Path, config: str, *, api_base_url: str, db_url: str,
                   token: str = TOKEN, stdout: int | None = subprocess.PIPE,
                   **environment: str) -> subprocess.Popen:
    """Write `config` as briefbot.toml in `folder` and run the bot there (stderr piped)."""
    path = folder / "briefbot.toml"
    path.write_text(config, encoding="utf-8")
    env = {**os.environ, "BOT_TOKEN": token, "BRIEFBOT_API_BASE_URL": api_base_url,
           "BRIEFBOT_DATABASE_URL": db_url, "PYTHONPATH": str(REPO), **environment}
    return subprocess.Popen([sys.executable, "-m", "bot", "run", "--config", str(path)],
                            cwd=folder, env=env, stdout=stdout, stderr=subprocess.PIPE,
                            text=True)
