"""One running instance per database: a lease that a second process cannot take while held.

PostgreSQL: a session-level advisory lock on a connection kept open for the life of the lease;
it vanishes with the process (crash, SIGKILL), so a standby takes over at its next `acquire`.
SQLite: a row (name, holder, expires_at) written under the database write lock; a holder
renews it well inside `ttl_seconds`, and another process may take it over only once it expired.
On both, the row shows who holds the lease (for `briefbot check`/status).

Typical use: `acquire()` in a loop while standing by; once held, `renew()` every ttl/3 and stop
posting the moment it returns False; `release()` on shutdown.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import socket
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import delete, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DatabaseError

from bot.store.engine import database_errors, reading, writing
from bot.store.schema import leases
from bot.store.statements import now, upsert, utc
from bot.store.store import Store


def default_holder() -> str:
    """host:pid:uuid — unique per process, readable in the lease row."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _lock_key(name: str) -> int:
    """A stable signed 64-bit advisory-lock key for the lease name."""
    digest = hashlib.sha256(f"briefbot-lease:{name}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


class Lease:
    """A named lease held by one process at a time; see the module docstring."""

    def __init__(self, store_or_engine: Store | Engine, name: str = "runner",
                 holder: str | None = None, ttl_seconds: float = 60.0,
                 clock: Callable[[], datetime] | None = None) -> None:
        self.engine = store_or_engine.engine if isinstance(store_or_engine, Store) else store_or_engine
        self.name = name
        self.holder = holder or default_holder()
        self.ttl = timedelta(seconds=ttl_seconds)
        self.clock = clock or now
        self.held = False
        self._session: Connection | None = None  # PostgreSQL: the connection owning the lock

    @property
    def _postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    def acquire(self) -> bool:
        """Take the lease if free (or expired); True when this process holds it now."""
        if self.held:
            return self.renew()
        self.held = self._lock_postgres() if self._postgres else self._claim_row(takeover=True)
        if self.held and self._postgres:
            self._write_row()
        return self.held

    def renew(self) -> bool:
        """Extend the lease; False when it was lost (then stop acting as the runner)."""
        if not self.held:
            return False
        if self._postgres:
            self.held = self._session_alive() and self._write_row()
        else:
            self.held = self._claim_row(takeover=False)
        return self.held

    def release(self) -> None:
        """Give the lease up at once, so a standby need not wait for the expiry."""
        was_held, self.held = self.held, False
        try:
            if was_held:
                with writing(self.engine) as conn:
                    conn.execute(delete(leases).where(leases.c.name == self.name,
                                                      leases.c.holder == self.holder))
        finally:
            self._close_session()

    def current_holder(self) -> tuple[str, datetime] | None:
        """(holder, expires_at) from the lease row, whoever holds it; None when free."""
        with reading(self.engine) as conn:
            row = conn.execute(select(leases).where(leases.c.name == self.name)).first()
        return (row.holder, utc(row.expires_at)) if row else None

    # -- SQLite: the row decides ----------------------------------------------------------------

    def _claim_row(self, *, takeover: bool) -> bool:
        """Write our row under the write lock if it is ours, or (takeover) free or expired."""
        now = self.clock()
        with writing(self.engine, immediate=True) as conn:
            row = conn.execute(select(leases).where(leases.c.name == self.name)).first()
            ours = row is not None and row.holder == self.holder
            free = row is None or utc(row.expires_at) <= now
            if not (ours or (takeover and free)):
                return False
            acquired = row.acquired_at if ours else now
            upsert(leases, conn, {"name": self.name, "holder": self.holder,
                                   "acquired_at": acquired, "expires_at": now + self.ttl},
                    ["name"])
            return True

    # -- PostgreSQL: the advisory lock decides, the row only shows it -----------------------------

    def _lock_postgres(self) -> bool:
        with database_errors():
            session = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
            try:
                got = session.execute(text("SELECT pg_try_advisory_lock(:key)"),
                                      {"key": _lock_key(self.name)}).scalar_one()
                session.commit()
            except BaseException:
                session.close()
                raise
        if not got:
            session.close()
            return False
        self._session = session
        return True

    def _session_alive(self) -> bool:
        if self._session is None:
            return False
        try:
            self._session.execute(text("SELECT 1"))
            self._session.commit()
        except DatabaseError:
            self._close_session()
            return False
        return True

    def _write_row(self) -> bool:
        """Show the holder in the lease row (the advisory lock, not the row, decides)."""
        now = self.clock()
        session = self._session
        assert session is not None
        try:
            existing = session.execute(select(leases.c.holder, leases.c.acquired_at)
                                       .where(leases.c.name == self.name)).first()
            ours = existing is not None and existing.holder == self.holder
            upsert(leases, session, {"name": self.name, "holder": self.holder,
                                     "acquired_at": existing.acquired_at if ours else now,
                                     "expires_at": now + self.ttl}, ["name"])
            session.commit()  # autocommit already applied it; this ends SQLAlchemy's autobegin
        except DatabaseError:
            self._close_session()
            return False
        return True

    def _close_session(self) -> None:
        if self._session is not None:
            session, self._session = self._session, None
            with contextlib.suppress(DatabaseError):
                session.invalidate()  # really closes it: the server ends the session and the lock
                session.close()

