"""One runner per database: a second process cannot take the lease while the first holds and
renews it, and takes over soon after the first one dies (SIGKILL, no clean-up)."""

from __future__ import annotations

import select
import signal
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from bot.store.lease import Lease
from bot.store.store import Store
from tests.store.processes import spawn

T0 = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def test_one_holder_at_a_time_and_release_frees_it(store: Store) -> None:
    first = Lease(store, holder="host:1:a", ttl_seconds=60)
    second = Lease(store.engine, holder="host:2:b", ttl_seconds=60)
    assert first.acquire() is True
    assert second.acquire() is False
    assert first.renew() is True
    assert first.acquire() is True  # holding it already
    assert second.renew() is False  # never held
    assert first.current_holder()[0] == "host:1:a"
    first.release()
    assert first.current_holder() is None
    assert second.acquire() is True
    assert first.acquire() is False
    assert second.current_holder()[0] == "host:2:b"
    second.release()


def test_sqlite_lease_is_taken_over_only_after_expiry(tmp_path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'b.db'}")
    clock = Clock()
    first = Lease(store, holder="a", ttl_seconds=60, clock=clock)
    second = Lease(store, holder="b", ttl_seconds=60, clock=clock)
    assert first.acquire()
    clock.now += timedelta(seconds=59)
    assert not second.acquire()
    assert first.renew()  # now valid until T0 + 119 s
    clock.now += timedelta(seconds=59)
    assert not second.acquire()
    clock.now += timedelta(seconds=61)
    assert second.acquire()
    assert first.renew() is False  # lost: it must stop acting as the runner
    assert second.current_holder() == ("b", clock.now + timedelta(seconds=60))
    store.close()


HOLD = """
import sys, time
from bot.store.lease import Lease
from bot.store.store import Store
ttl = float(sys.argv[2])
lease = Lease(Store(sys.argv[1]), holder=sys.argv[3], ttl_seconds=ttl)
while not lease.acquire():
    time.sleep(0.1)
print("acquired", flush=True)
while lease.renew():
    time.sleep(ttl / 4)
print("lost", flush=True)
"""
TTL = 2.0


def has_output(process, wait: float) -> bool:
    return bool(select.select([process.stdout], [], [], wait)[0])


def test_second_process_waits_then_takes_over_after_a_kill(db_url: str) -> None:
    Store(db_url).close()  # migrate first, so both processes start on the same footing
    first = spawn(HOLD, db_url, str(TTL), "first")
    second = None
    try:
        assert has_output(first, 30) and first.stdout.readline() == "acquired\n"
        second = spawn(HOLD, db_url, str(TTL), "second")
        # held and renewed for more than two lease lifetimes: the second never gets it
        assert not has_output(second, 2 * TTL + 0.5), second.stdout.readline()
        assert second.poll() is None and first.poll() is None
        first.send_signal(signal.SIGKILL)
        killed = time.monotonic()
        assert has_output(second, 30) and second.stdout.readline() == "acquired\n"
        assert time.monotonic() - killed <= TTL + TTL / 4 + 1.0  # expiry + one renew + polling
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                process.kill()
            if process is not None:
                process.communicate(timeout=10)


def test_lost_lease_is_reported_by_renew(tmp_path) -> None:
    """A holder that stalls past its expiry and was replaced learns it at the next renew."""
    ttl = 0.5
    store = Store(f"sqlite:///{tmp_path / 'c.db'}")
    stalled = Lease(store, holder="stalled", ttl_seconds=ttl)
    assert stalled.acquire()
    time.sleep(ttl + 0.1)
    assert Lease(store, holder="standby", ttl_seconds=ttl).acquire()
    assert stalled.renew() is False
    store.close()


def test_postgres_lease_is_lost_with_its_session(db_url: str) -> None:
    """The advisory lock lives in one server session: if that session ends, renew says so."""
    if not db_url.startswith("postgresql"):
        pytest.skip("the advisory-lock session exists on PostgreSQL only")
    store = Store(db_url)
    holder = Lease(store, holder="a", ttl_seconds=60)
    assert holder.acquire()
    session_pid = holder._session.execute(text("SELECT pg_backend_pid()")).scalar_one()
    with store.engine.connect() as conn:  # as an operator or a failover would end it
        assert conn.execute(text("SELECT pg_terminate_backend(:pid)"),
                            {"pid": session_pid}).scalar_one() is True
    assert holder.renew() is False
    assert Lease(store, holder="b", ttl_seconds=60).acquire() is True
    store.close()
