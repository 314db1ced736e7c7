"""`briefbot summarize` on one short report loads only what summarizing needs.

Start-up time is most of what a one-report command costs (benchmarks/speed.py measures it as
a ratio to `import numpy`); what keeps it low is that the database, fetching, Telegram, sumy
and NLTK stay unimported. This checks `sys.modules` in a fresh process, not time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOT_NEEDED = ("sqlalchemy", "httpx", "httpcore", "telegram", "sumy", "nltk", "scipy", "pydantic",
              "multiprocessing", "concurrent.futures.process", "charset_normalizer",
              "apscheduler", "alembic", "natasha", "importlib.metadata", "asyncio")

PROBE = """
import json, runpy, sys
sys.argv = ["briefbot", *sys.argv[1:]]
try:
    runpy.run_module("bot", run_name="__main__")
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _modules_after(tmp_path: Path, *args: str) -> tuple[list[str], dict]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "BOT_TOKEN"))}
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True,
                            text=True, cwd=tmp_path, env=env, check=True)
    lines = result.stdout.splitlines()
    return lines[:-1], json.loads(lines[-1])


def test_summarize_one_report_imports_no_heavy_library(tmp_path: Path) -> None:
    report = tmp_path / "x.txt"
    report.write_text("The ministry said wheat exports rose by 12 percent in March.\n",
                      encoding="utf-8")
    printed, probe = _modules_after(tmp_path, "summarize", str(report))
    assert probe["code"] == 0
    assert printed[-1] == "Key figures: ministry said wheat exports rose by 12 percent"
    loaded = [name for name in NOT_NEEDED
              if any(m == name or m.startswith(name + ".") for m in probe["modules"])]
    assert loaded == []


def test_summarize_with_a_settings_file_still_validates_it(tmp_path: Path) -> None:
    """The light path is for the defaults only: a settings file is read and checked as ever."""
    (tmp_path / "x.txt").write_text("Exports rose by 12 percent in March. Imports fell.\n",
                                    encoding="utf-8")
    (tmp_path / "bad.toml").write_text("[summary]\nsentence = 2\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "bot", "--config", "bad.toml", "summarize", "x.txt"],
        capture_output=True, text=True, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 2
    assert "did you mean 'summary.sentences'?" in result.stderr
