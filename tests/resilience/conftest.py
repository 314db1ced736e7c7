"""Fixtures for the resilience suite: three targets on the fake server, a figures tally.

The tally collects what the suite survived (faults injected, hostile inputs tried, requests
answered, reports lost) and prints it at the end of the run, so CI logs carry the figures the
README quotes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings
from tests.fakes.bot_settings import bot_settings
from tests.fakes.reports import CITIES, city_report, title_of, write_reports
from tests.fakes.telegram_server import FakeTelegram, parse_telegram_html
from tests.resilience.figures import FIGURES, summary

TARGETS = (-100, -200, -300)


def pytest_terminal_summary(terminalreporter) -> None:
    if FIGURES:
        terminalreporter.write_line(f"resilience figures: {summary()}")


def city_inbox(folder: Path, count: int = len(CITIES)) -> list[str]:
    """An inbox of `count` city reports; returns their titles in arrival order."""
    write_reports(folder, {f"r{i:02d}.txt": city_report(i, city)
                           for i, city in enumerate(CITIES[:count])})
    return [title_of(city) for city in CITIES[:count]]


def titles_in(html: str, titles: list[str]) -> list[str]:
    """The report titles a message carries, in the order they appear."""
    visible = parse_telegram_html(html)
    found = [(visible.find(title), title) for title in titles if title in visible]
    return [title for _, title in sorted(found)]


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


@pytest.fixture
def settings(fake_telegram: FakeTelegram, inbox: Path, db_url: str) -> Settings:
    return bot_settings(fake_telegram, inbox, db_url,
                        [(chat, f"t{i}") for i, chat in enumerate(TARGETS)])


