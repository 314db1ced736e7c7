"""The database locked by another process, or the disk full, while a new report is stored.

Both are real SQLite conditions: a second connection holding an EXCLUSIVE lock, and a
max_page_count that leaves no room for the new report's pages ("database or disk is full").
The run logs one clear line and stops; the next run picks the report up; earlier rows and
the file stay intact.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import event
from telegram.ext import Application

from bot.settings import Settings
from bot.store.db import Store
from tests.fakes.telegram_server import FakeTelegram
from tests.resilience.conftest import (
    CITIES,
    TARGETS,
    city_inbox,
    city_report,
    title_of,
    titles_in,
    write_reports,
)
from tests.resilience.figures import FIGURES


async def run_target(app: Application) -> None:
    job = next(j for j in app.job_queue.jobs() if j.name == "digest:t0:0")
    await job.run(app)


def stored(store: Store) -> dict[str, tuple[str, str]]:
    return {s.report.id: (s.report.title, s.report.text) for s in store.recent_reports(100)}


def delivered(fake: FakeTelegram, titles: list[str]) -> list[str]:
    return [t for s in fake.sent_to(TARGETS[0]) for t in titles_in(s.text, titles)]


async def fail_then_recover(run_bot, settings: Settings, fake: FakeTelegram, store: Store,
                            inbox: Path, caplog: pytest.LogCaptureFixture,
                            break_store: Callable[[], Callable[[], None]], reason: str) -> None:
    """Deliver two reports, break the store, add a third, run, repair, run again."""
    titles = city_inbox(inbox, 2)
    async with run_bot(settings, use_store=store) as app:
        await run_target(app)
        assert delivered(fake, titles) == titles
        before = stored(store)
        # a big report needs many new pages, so it cannot fit in a full database
        big = city_report(7, CITIES[7]) + "\n\n" + "\n\n".join(
            f"Paragraph {i} repeats the canal figures for the record." for i in range(3000))
        write_reports(inbox, {"r07.txt": big})
        repair = break_store()
        caplog.clear()
        with caplog.at_level(logging.ERROR, logger="bot.chat.app"):
            await run_target(app)
            await fake.wait_for(lambda: any("database unavailable" in r.getMessage()
                                            for r in caplog.records), timeout=40)
        line = next(r.getMessage() for r in caplog.records
                    if "database unavailable" in r.getMessage())
        assert reason in line and "read again on the next run" in line
        assert delivered(fake, titles) == titles  # nothing new went out
        repair()
        await run_target(app)
    everything = [*titles, title_of(CITIES[7])]
    assert delivered(fake, everything) == everything
    after = stored(store)
    assert {k: v for k, v in after.items() if k in before} == before
    assert len(after) == 3
    with sqlite3.connect(store.url.removeprefix("sqlite:///")) as check:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    FIGURES["faults survived"] += 1
    FIGURES["reports lost"] += len(set(everything) - set(delivered(fake, everything)))


async def test_locked_database_is_logged_and_the_report_stored_on_the_next_run(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, db_url: str, inbox: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    store = Store(db_url, busy_timeout=0.5)
    holder = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)

    def lock() -> Callable[[], None]:
        holder.execute("BEGIN EXCLUSIVE")
        return lambda: holder.execute("COMMIT")

    try:
        await fail_then_recover(run_bot, settings, fake_telegram, store, inbox, caplog, lock,
                                "database is locked")
    finally:
        holder.close()
        store.close()


async def test_full_disk_is_logged_and_the_report_stored_on_the_next_run(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, db_url: str, inbox: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    store = Store(db_url)

    def fill() -> Callable[[], None]:
        def no_room(dbapi_connection, _record) -> None:
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count={pages + 2}")

        event.listen(store.engine, "connect", no_room)
        store.engine.dispose()  # pooled connections reconnect with the limit

        def room() -> None:
            event.remove(store.engine, "connect", no_room)
            store.engine.dispose()
        return room

    try:
        await fail_then_recover(run_bot, settings, fake_telegram, store, inbox, caplog, fill,
                                "database or disk is full")
    finally:
        store.close()
