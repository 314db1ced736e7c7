"""Two `briefbot run` processes on one database (SQLite, and PostgreSQL when CI starts one), and
a database deleted while running.

Before the lease, both processes polled and scheduled: every report reached every target
twice. Now the second stands by (and never posts) until the first dies, then takes over
within a minute.
"""

from __future__ import annotations

import asyncio
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fakes.databases import KINDS, database_url
from tests.fakes.reports import CITIES, city_report, title_of, write_reports
from tests.fakes.telegram_server import FakeTelegram
from tests.resilience.bot_process import bot_config, start, wait_for_line
from tests.resilience.conftest import TARGETS, city_inbox, titles_in
from tests.resilience.figures import FIGURES

STANDBY = "another briefbot holds the database; standing by"


def delivered(fake: FakeTelegram, chat: int, titles: list[str]) -> list[str]:
    return [t for s in fake.sent_to(chat) for t in titles_in(s.text, titles)]


def everywhere(fake: FakeTelegram, titles: list[str]) -> bool:
    return all(set(titles) <= set(delivered(fake, chat, titles)) for chat in TARGETS[:2])


@pytest.fixture(params=KINDS)
def shared_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with database_url(request.param, tmp_path) as url:
        yield url


async def test_two_processes_post_each_report_once_and_the_standby_takes_over(
        fake_telegram: FakeTelegram, inbox: Path, shared_db_url: str, tmp_path: Path) -> None:
    db_url = shared_db_url
    first_titles = city_inbox(inbox, 3)
    config = bot_config(tmp_path, inbox, TARGETS[:2])
    logs = [tmp_path / "a.log", tmp_path / "b.log"]
    # started together on a database that does not exist yet
    processes = [start(config, fake_telegram, db_url, tmp_path, log) for log in logs]
    try:
        await fake_telegram.wait_for(lambda: everywhere(fake_telegram, first_titles), timeout=60)
        waiting = await asyncio.wait_for(_standby_index(logs), timeout=30)
        runner = 1 - waiting
        await asyncio.sleep(3)  # three more scheduled runs: nothing may go out twice
        for chat in TARGETS[:2]:
            assert delivered(fake_telegram, chat, first_titles) == first_titles, chat
        assert "holding the database lease" not in logs[waiting].read_text()

        processes[runner].send_signal(signal.SIGKILL)
        processes[runner].wait(timeout=30)
        killed_at = time.monotonic()
        later = [CITIES[5], CITIES[6]]
        write_reports(inbox, {f"r{i:02d}.txt": city_report(i, c) for i, c in enumerate(later, 5)})
        later_titles = [title_of(c) for c in later]
        await fake_telegram.wait_for(lambda: everywhere(fake_telegram, later_titles), timeout=75)
        took_over = await wait_for_line(logs[waiting], "holding the database lease", 5)
        assert took_over - killed_at < 60
        print(f"standby took over {took_over - killed_at:.1f} s after the kill")
    finally:
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=30)
    assert processes[waiting].returncode == 0, logs[waiting].read_text()
    everything = first_titles + later_titles
    for chat in TARGETS[:2]:
        assert delivered(fake_telegram, chat, everything) == everything, chat
    assert "table reports already exists" not in logs[0].read_text() + logs[1].read_text()
    FIGURES["faults survived"] += 1


async def _standby_index(logs: list[Path]) -> int:
    while True:
        for index, log in enumerate(logs):
            if STANDBY in log.read_text(encoding="utf-8"):
                return index
        await asyncio.sleep(0.1)


async def test_a_database_deleted_while_running_stops_the_bot_and_reposts_nothing(
        fake_telegram: FakeTelegram, inbox: Path, db_url: str, tmp_path: Path) -> None:
    titles = city_inbox(inbox, 2)
    config = bot_config(tmp_path, inbox, TARGETS[:1])
    log = tmp_path / "bot.log"
    process = start(config, fake_telegram, db_url, tmp_path, log)
    try:
        await fake_telegram.wait_for(
            lambda: delivered(fake_telegram, TARGETS[0], titles) == titles, timeout=60)
        database = Path(db_url.removeprefix("sqlite:///"))
        for path in database.parent.iterdir():
            path.unlink()
        write_reports(inbox, {"r09.txt": city_report(9, CITIES[9])})
        await wait_for_line(log, "database gone", 30)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
    everything = [*titles, title_of(CITIES[9])]
    assert delivered(fake_telegram, TARGETS[0], everything) == titles  # nothing posted again
    assert "disappeared while running" in log.read_text()
    assert not database.exists()  # no fresh empty database was made
    FIGURES["faults survived"] += 1
