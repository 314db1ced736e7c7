"""The workflow stays free of Telegram and SQL: importing it loads neither."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_the_briefing_package_imports_neither_telegram_nor_sqlalchemy() -> None:
    code = ("import sys, bot.briefing, bot.briefing.workflow; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'telegram', 'sqlalchemy'}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"
