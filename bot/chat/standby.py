"""One running briefbot per database: stand by until the store's lease is ours, keep it, and
stop posting the moment it is lost.

The per-chat asyncio locks order digests inside one process; they cannot see a second
`briefbot run` on the same database, which would post every report twice. So `run` takes the
lease (bot.store.lease) before it polls or schedules anything. A second process waits as a
standby, logging once that it does, and takes over once the holder is gone: at once after a
clean stop (the lease is released), within LEASE_SECONDS + STANDBY_POLL_SECONDS (under a
minute) after a crash or SIGKILL. A holder that cannot renew in time stops itself rather than
risk posting beside the new holder.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import threading
import time

from telegram.ext import Application, ContextTypes, JobQueue

from bot.errors import StoreUnavailable
from bot.store.db import Store
from bot.store.lease import Lease

log = logging.getLogger(__name__)
LEASE_SECONDS = 30.0
RENEW_SECONDS = LEASE_SECONDS / 3
STANDBY_POLL_SECONDS = 5.0
RENEW_JOB = "lease:renew"
SCHEDULE_HEARTBEAT = "schedule"


def wait_for_lease(lease: Lease, *, poll_seconds: float = STANDBY_POLL_SECONDS) -> bool:
    """Block until this process holds the lease (True), or SIGTERM/SIGINT asked it to stop."""
    stop = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stop.set())
                for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        announced = False
        while not stop.is_set():
            try:
                if lease.acquire():
                    log.info("holding the database lease as %s", lease.holder)
                    return True
            except StoreUnavailable as exc:
                log.warning("cannot reach the database for the lease (%s); retrying", exc.reason)
            if not announced:
                holder = _holder(lease)
                log.warning("another briefbot holds the database; standing by%s", holder)
                announced = True
            stop.wait(poll_seconds)
        log.info("stopped while standing by")
        return False
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _holder(lease: Lease) -> str:
    try:
        current = lease.current_holder()
    except StoreUnavailable:
        return ""
    return f" (held by {current[0]})" if current else ""


class LeaseKeeper:
    """Renews the lease on the JobQueue; stops the application when it is lost or too late.

    Each renewal also records the "schedule" heartbeat (`briefbot health`): the scheduler
    ticks, and this process is the one allowed to post."""

    def __init__(self, lease: Lease, store: Store | None = None, *,
                 clock=time.monotonic) -> None:
        self.lease = lease
        self.store = store
        self.clock = clock
        self.renewed_at = clock()

    def schedule(self, job_queue: JobQueue, every: float = RENEW_SECONDS) -> None:
        job_queue.run_repeating(self._renew_job, interval=every, first=every, name=RENEW_JOB,
                                job_kwargs={"max_instances": 1, "coalesce": True})

    async def _renew_job(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not await self.renew():
            context.application.stop_running()
        elif self.store is not None:
            with contextlib.suppress(StoreUnavailable):
                await asyncio.to_thread(self.store.record_heartbeat, SCHEDULE_HEARTBEAT)

    async def renew(self) -> bool:
        """True while this process may go on posting."""
        try:
            held = await asyncio.to_thread(self.lease.renew)
        except StoreUnavailable as exc:
            late = self.clock() - self.renewed_at
            if late < self.lease.ttl.total_seconds() * 2 / 3:
                log.warning("could not renew the database lease (%s); trying again", exc.reason)
                return True
            log.error("could not renew the database lease for %.0f s (%s): stopping, so that "
                      "two bots never post at once", late, exc.reason)
            return False
        if not held:
            log.error("lost the database lease to another briefbot: stopping, so that two "
                      "bots never post at once")
            return False
        self.renewed_at = self.clock()
        return True


def hold_database(application: Application, lease: Lease,
                  store: Store | None = None) -> LeaseKeeper:
    """Keep the lease renewed while the application runs (call before it starts)."""
    keeper = LeaseKeeper(lease, store)
    if application.job_queue is not None:
        keeper.schedule(application.job_queue)
    return keeper
