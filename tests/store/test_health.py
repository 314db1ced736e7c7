"""Heartbeats: when the running bot last polled and last ran its schedule, for `briefbot health`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.store.store import Store

T0 = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)


def test_heartbeat_keeps_the_latest_time_per_kind(store: Store) -> None:
    assert store.heartbeat("poll") is None
    store.record_heartbeat("poll", at=T0)
    store.record_heartbeat("poll", at=T0 + timedelta(seconds=30))
    store.record_heartbeat("schedule", at=T0 + timedelta(hours=1))
    assert store.heartbeat("poll") == T0 + timedelta(seconds=30)
    assert store.heartbeat("schedule") == T0 + timedelta(hours=1)


def test_heartbeat_defaults_to_now(store: Store) -> None:
    before = datetime.now(UTC)
    store.record_heartbeat("poll")
    seen = store.heartbeat("poll")
    assert seen is not None and before <= seen <= datetime.now(UTC)
