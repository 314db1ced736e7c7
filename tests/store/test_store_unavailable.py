"""Database failures reach callers as StoreUnavailable with the reason; a SQLite file that
vanishes or is swapped while running is an error, never a fresh empty database."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from bot.analysis.model import Report
from bot.errors import DatabaseGone, StoreUnavailable
from bot.store.store import Store

REPORT = Report(title="Dam", text="The dam holds 2 billion cubic metres.", source="dam.txt")
LATER = Report(title="Road", text="The road is closed for 3 days.", source="road.txt")


def sqlite_store(tmp_path: Path, **options) -> tuple[Store, Path]:
    file = tmp_path / "state" / "briefbot.db"
    store = Store(f"sqlite:///{file}", **options)
    store.add_report(REPORT)
    return store, file


def test_locked_database_is_unavailable_with_the_reason(tmp_path: Path) -> None:
    store, file = sqlite_store(tmp_path, busy_timeout=0.2)
    holder = sqlite3.connect(file, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreUnavailable) as info:
            store.add_report(LATER)
        assert (info.value.source, info.value.reason) == ("database", "database is locked")
        assert str(info.value) == "database: database is locked"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert store.add_report(LATER) is True  # works again once the lock is gone
    store.close()


def test_unreachable_server_is_unavailable_at_open() -> None:
    with pytest.raises(StoreUnavailable) as info:
        Store("postgresql+psycopg://briefbot@127.0.0.1:9/briefbot")
    assert info.value.source == "database"
    assert "127.0.0.1" in info.value.reason and "\n" not in info.value.reason


def remove_database(file: Path) -> None:
    for part in (file, file.with_name(file.name + "-wal"), file.with_name(file.name + "-shm")):
        part.unlink(missing_ok=True)


@pytest.mark.parametrize("fresh_connections", [False, True])
def test_deleted_file_is_an_error_and_no_new_file_appears(tmp_path: Path,
                                                          fresh_connections: bool) -> None:
    store, file = sqlite_store(tmp_path)
    remove_database(file)
    if fresh_connections:
        store.engine.dispose()  # the next query must open a new connection
    expected = (f"the database file {file} disappeared while running; restore it or restart")
    for call in (lambda: store.add_report(LATER), store.count_reports,
                 lambda: store.undelivered(-100)):
        with pytest.raises(DatabaseGone) as info:
            call()
        assert (info.value.source, info.value.reason) == ("database", expected)
    assert not file.exists()
    store.close()


def test_file_deleted_right_after_opening_is_an_error(tmp_path: Path) -> None:
    file = tmp_path / "fresh.db"
    store = Store(f"sqlite:///{file}")  # migrated, nothing else done yet
    remove_database(file)
    with pytest.raises(DatabaseGone):
        store.count_reports()
    assert not file.exists()
    store.close()


def test_replaced_file_is_an_error(tmp_path: Path) -> None:
    store, file = sqlite_store(tmp_path)
    store.engine.dispose()  # checkpoint the WAL into the file so the copy is complete
    shutil.copy(file, tmp_path / "copy.db")
    remove_database(file)
    shutil.move(tmp_path / "copy.db", file)
    with pytest.raises(DatabaseGone) as info:
        store.count_reports()
    assert info.value.reason == (f"the database file {file} was replaced while running; "
                                 "restore it or restart")
    store.close()
    reopened = Store(f"sqlite:///{file}")  # a restart accepts the restored file
    assert reopened.get_report(REPORT.id) == REPORT
    reopened.close()
