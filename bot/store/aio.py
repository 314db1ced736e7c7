"""AsyncStore and AsyncLease: for code on the event loop; each call runs in a worker thread.

The thread hand-off lives here once instead of `asyncio.to_thread(store.x, ...)` at every call
site. Methods keep the sync store's names, parameters and return types (ParamSpec-typed).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from functools import wraps
from typing import Any, Concatenate, ParamSpec, TypeVar

from bot.store.lease import Lease
from bot.store.store import Store

P = ParamSpec("P")
R = TypeVar("R")
Sync = TypeVar("Sync")


def _off_loop(method: Callable[Concatenate[Sync, P], R],
              ) -> Callable[Concatenate[Any, P], Coroutine[Any, Any, R]]:
    """An async method that runs the sync one on the wrapped object in a worker thread."""
    name = method.__name__

    @wraps(method)
    async def call(self: Any, *args: P.args, **kwargs: P.kwargs) -> R:
        # looked up on the instance, so a Store subclass (or a test double) is honoured
        return await asyncio.to_thread(getattr(self.sync, name), *args, **kwargs)

    return call


class AsyncStore:
    """Awaitable twin of Store; `sync` is the Store underneath (for threads and tests)."""

    def __init__(self, store: Store) -> None:
        self.sync = store

    @classmethod
    async def open(cls, url: str, *, busy_timeout: float = 30.0) -> AsyncStore:
        """Open (and migrate) without blocking the loop."""
        return cls(await asyncio.to_thread(Store, url, busy_timeout=busy_timeout))

    close = _off_loop(Store.close)
    migrate = _off_loop(Store.migrate)
    # reports
    add_report = _off_loop(Store.add_report)
    get_report = _off_loop(Store.get_report)
    count_reports = _off_loop(Store.count_reports)
    recent_reports = _off_loop(Store.recent_reports)
    index = _off_loop(Store.index)
    find_reports = _off_loop(Store.find_reports)
    # what a chat has not received
    undelivered = _off_loop(Store.undelivered)
    backlog = _off_loop(Store.backlog)
    mark_skipped = _off_loop(Store.mark_skipped)
    # analyses and quarantine
    save_analysis = _off_loop(Store.save_analysis)
    load_analysis = _off_loop(Store.load_analysis)
    record_failure = _off_loop(Store.record_failure)
    quarantined = _off_loop(Store.quarantined)
    is_quarantined = _off_loop(Store.is_quarantined)
    clear_failure = _off_loop(Store.clear_failure)
    unanalysed = _off_loop(Store.unanalysed)
    # who said what, which figures
    quotes_by = _off_loop(Store.quotes_by)
    figures_about = _off_loop(Store.figures_about)
    # deliveries and digests
    mark_delivered = _off_loop(Store.mark_delivered)
    delivered_ids = _off_loop(Store.delivered_ids)
    delivery_counts = _off_loop(Store.delivery_counts)
    record_digest = _off_loop(Store.record_digest)
    last_digest = _off_loop(Store.last_digest)
    # follow-ups
    record_shown = _off_loop(Store.record_shown)
    delivered_since = _off_loop(Store.delivered_since)
    # sources
    save_feed = _off_loop(Store.save_feed)
    saved_feeds = _off_loop(Store.saved_feeds)
    seen_entries = _off_loop(Store.seen_entries)
    mark_entries_seen = _off_loop(Store.mark_entries_seen)
    source_state = _off_loop(Store.source_state)
    source_states = _off_loop(Store.source_states)
    record_source_success = _off_loop(Store.record_source_success)
    record_source_error = _off_loop(Store.record_source_error)
    # health
    record_heartbeat = _off_loop(Store.record_heartbeat)
    heartbeat = _off_loop(Store.heartbeat)
    # watchlists and alerts
    report_origins = _off_loop(Store.report_origins)
    add_watch = _off_loop(Store.add_watch)
    watches = _off_loop(Store.watches)
    remove_watch = _off_loop(Store.remove_watch)
    sync_settings_watches = _off_loop(Store.sync_settings_watches)
    claim_alert = _off_loop(Store.claim_alert)


class AsyncLease:
    """Awaitable twin of Lease (see bot.store.lease for the semantics); `sync` is the Lease."""

    def __init__(self, lease: Lease) -> None:
        self.sync = lease

    acquire = _off_loop(Lease.acquire)
    renew = _off_loop(Lease.renew)
    release = _off_loop(Lease.release)
    current_holder = _off_loop(Lease.current_holder)
