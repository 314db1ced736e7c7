"""Fixtures for end-to-end bot tests: settings pointing at the fake server, an inbox, a runner."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from bot.analysis.loaders import load_report
from bot.analysis.model import SummaryOptions
from bot.analysis.pipeline import analyze
from bot.digest.build import build_digest
from bot.digest.model import Message
from bot.digest.render_html import render_messages
from bot.settings import Settings
from tests.conftest import NOW
from tests.fakes.bot_settings import bot_settings
from tests.fakes.reports import write_reports
from tests.fakes.telegram_server import FakeTelegram

TEAM = -100        # target chat
OTHER_TEAM = -200  # second target chat

REPORTS = {
    "a_water.txt": (
        "Water ministers pledge 2.4 billion for canals\n\n"
        "Water ministers from five states pledged a combined $2.4 billion on Monday for canals "
        "and reservoirs. The region loses between 30 and 40 percent of its irrigation water. "
        "\u201cEvery drop we lose is a drop our farmers will not see,\u201d said Minister Aigerim "
        "Tulegenova. More than 600 delegates attended the two-day conference in Almaty. "
        "The next meeting will take place in Dushanbe in the autumn."
    ),
    "b_rail.txt": (
        "Rail green corridor opens at the northern border\n\n"
        "Tajikistan will open a green corridor for rail freight at two northern crossings in "
        "April. Waiting times for container trains will fall from five days to under 24 hours. "
        "Rail freight through the crossings rose 12.5 percent last year to 2.1 million tonnes. "
        "\u201cWe used to lose more money standing at the border than moving,\u201d said Farrukh "
        "Sharipov, the transport minister. Exporters welcomed the decision."
    ),
}


def expected_messages(paths: Sequence[Path], settings: Settings) -> list[Message]:
    """What the bot should send for these report files, computed by the library directly."""
    summary = settings.summary
    options = SummaryOptions(sentences=summary.sentences, algorithm=summary.algorithm,
                             figures=summary.figures, quotes=summary.quotes)
    analyses = [analyze(load_report(p), options) for p in paths]
    return render_messages(build_digest(analyses, created=NOW), buttons=True)  # stored reports


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    write_reports(folder, REPORTS)
    return folder


@pytest.fixture
def settings(fake_telegram: FakeTelegram, inbox: Path, db_url: str) -> Settings:
    return bot_settings(fake_telegram, inbox, db_url, [(TEAM, "team"), (OTHER_TEAM, "ops")])


