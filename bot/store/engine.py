"""Engines for SQLite and PostgreSQL, and the two rules every transaction obeys.

1. A database failure (locked, disk full, server unreachable) surfaces as
   `StoreUnavailable("database", reason)`, so no caller needs to know SQLAlchemy.
2. A SQLite file that is deleted or replaced while running is an error, never a fresh empty
   database: an empty one would make the bot post every inbox report again.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from weakref import WeakKeyDictionary

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DatabaseError, DataError, IntegrityError, ProgrammingError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from bot.errors import DatabaseGone, StoreUnavailable

_GUARDS: WeakKeyDictionary[Engine, FileGuard] = WeakKeyDictionary()

# Bugs in our own SQL or data, not an unavailable database: these keep their own type.
_NOT_AVAILABILITY = (IntegrityError, ProgrammingError, DataError)


def sqlite_file(url: str) -> Path | None:
    """The file behind a sqlite URL; None for other databases and in-memory ones."""
    prefix = url.split("://", 1)
    if len(prefix) != 2 or not prefix[0].startswith("sqlite"):
        return None
    path = prefix[1][1:] if prefix[1].startswith("/") else prefix[1]
    if not path or path == ":memory:" or path.startswith("file:"):
        return None
    return Path(path)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def unavailable(exc: DatabaseError) -> StoreUnavailable:
    """The driver's own words, first line only ("database is locked", "connection refused")."""
    original = exc.orig if exc.orig is not None else exc
    lines = str(original).strip().splitlines()
    return StoreUnavailable("database", lines[0] if lines else type(original).__name__)


@contextmanager
def database_errors() -> Iterator[None]:
    """Turn driver failures into StoreUnavailable; integrity and SQL errors pass unchanged."""
    try:
        yield
    except _NOT_AVAILABILITY:
        raise
    except DatabaseError as exc:
        raise unavailable(exc) from exc
    except PoolTimeout as exc:
        raise StoreUnavailable("database", "no free database connection (all busy)") from exc


class FileGuard:
    """Remembers which file (device, inode) the database is and refuses any other.

    Checked before each transaction and before each new connection: SQLite would otherwise
    keep writing to a deleted inode, or create a new empty file on the next connect.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.identity: tuple[int, int] | None = None

    def _stat(self) -> tuple[int, int] | None:
        try:
            info = os.stat(self.path)
        except FileNotFoundError:
            return None
        return info.st_dev, info.st_ino

    def opened(self) -> None:
        """The first connection made (or found) the file: this is the database from now on."""
        if self.identity is None:
            self.identity = self._stat()

    def check(self) -> None:
        if self.identity is None:
            return  # nothing opened yet: the first connection may create the file
        current = self._stat()
        if current is None:
            raise DatabaseGone("database", f"the database file {self.path} disappeared while "
                                           "running; restore it or restart")
        if current != self.identity:
            raise DatabaseGone("database", f"the database file {self.path} was replaced while "
                                           "running; restore it or restart")


def _switch_to_wal(cursor, patience: float) -> None:
    """WAL lets readers and one writer work at once. Switching a brand-new file to it while
    other processes open that file can fail at once with "database is locked" (SQLite does not
    call the busy handler for it), so the switch is retried within the busy timeout."""
    deadline = time.monotonic() + patience
    delay = 0.02
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() + delay > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


def make_engine(url: str, *, busy_timeout: float = 30.0) -> Engine:
    """An engine for sqlite (WAL, foreign keys, parent folder created, file guarded) or PostgreSQL.

    busy_timeout: how long a write waits for a lock held by another process before failing.
    """
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    file = sqlite_file(url)
    guard = FileGuard(file) if file is not None else None
    if file is not None:
        file.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": busy_timeout})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        if file is not None:
            _switch_to_wal(cursor, busy_timeout)
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
        cursor.close()
        if guard is not None:
            guard.opened()

    if guard is not None:
        _GUARDS[engine] = guard

        @event.listens_for(engine, "do_connect")
        def _no_new_file(_dialect, _record, _cargs, _cparams) -> None:
            guard.check()

    return engine


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A connection for queries: file checked, failures as StoreUnavailable."""
    with database_errors():
        _check_file(engine)
        with engine.connect() as connection:
            yield connection


@contextmanager
def writing(engine: Engine, *, immediate: bool = False) -> Iterator[Connection]:
    """A transaction, committed on success; immediate: take SQLite's write lock first."""
    with database_errors():
        _check_file(engine)
        with engine.begin() as connection:
            if immediate:
                lock_for_write(connection)
            yield connection


def _check_file(engine: Engine) -> None:
    guard = _GUARDS.get(engine)
    if guard is not None:
        guard.check()


def lock_for_write(connection: Connection) -> None:
    """Start the transaction by taking SQLite's write lock now (BEGIN IMMEDIATE).

    Read-then-write decisions (a lease, a migration) must not let another process write between
    the read and the write; other writers wait up to busy_timeout. No-op elsewhere: PostgreSQL
    callers use advisory locks.
    """
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
