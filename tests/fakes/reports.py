"""Report files for end-to-end tests, written into an inbox the way a careful user would."""

from __future__ import annotations

import os
import time
from pathlib import Path

CITIES = ["Dushanbe", "Almaty", "Tashkent", "Bishkek", "Ashgabat", "Khujand", "Osh", "Samarkand",
          "Bukhara", "Termez", "Kulob", "Nukus"]


def write_reports(inbox: Path, reports: dict[str, str]) -> None:
    """Write aside, date back past the inbox settle time, rename into place."""
    inbox.mkdir(parents=True, exist_ok=True)
    settled = time.time() - 60
    for name, body in reports.items():
        hidden = inbox / f".{name}.part"
        hidden.write_text(body, encoding="utf-8")
        os.utime(hidden, (settled, settled))
        hidden.rename(inbox / name)


def title_of(city: str) -> str:
    return f"{city} approves its canal programme"


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
