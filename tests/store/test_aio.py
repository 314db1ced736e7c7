"""AsyncStore runs each store call off the event loop and keeps the sync store's API."""

from __future__ import annotations

import asyncio
import inspect
import threading
from pathlib import Path

import pytest

from bot.analysis.model import Report
from bot.errors import StoreUnavailable
from bot.store.aio import AsyncLease, AsyncStore
from bot.store.lease import Lease
from bot.store.store import Store

REPORT = Report(title="Dam", text="The dam holds 2 billion cubic metres.", source="dam.txt")


def public_methods(cls: type) -> set[str]:
    return {name for name, value in vars(cls).items()
            if not name.startswith("_") and callable(value) and name != "open"}


@pytest.mark.parametrize(("twin", "sync"), [(AsyncStore, Store), (AsyncLease, Lease)])
def test_every_method_has_an_async_twin_with_the_same_parameters(twin: type, sync: type) -> None:
    assert public_methods(twin) == public_methods(sync)
    for name in public_methods(sync):
        assert inspect.iscoroutinefunction(getattr(twin, name)), name
        assert inspect.signature(getattr(twin, name)) == inspect.signature(
            getattr(sync, name)), name


async def test_calls_run_in_a_worker_thread(db_url: str) -> None:
    store = await AsyncStore.open(db_url)
    loop_thread = threading.get_ident()
    seen: list[int] = []
    original = store.sync.add_report

    def spy(report: Report) -> bool:
        seen.append(threading.get_ident())
        return original(report)

    store.sync.add_report = spy  # type: ignore[method-assign]
    assert await store.add_report(REPORT) is True
    assert seen and seen[0] != loop_thread
    assert await store.get_report(REPORT.id) == REPORT
    assert (await store.backlog(-1, 5)).reports == [REPORT]
    await store.close()


async def test_failures_arrive_as_store_unavailable(tmp_path: Path) -> None:
    file = tmp_path / "b.db"
    store = await AsyncStore.open(f"sqlite:///{file}")
    file.unlink()
    with pytest.raises(StoreUnavailable):
        await asyncio.wait_for(store.count_reports(), 10)
    await store.close()


async def test_async_lease_acquires_and_releases(db_url: str) -> None:
    store = await AsyncStore.open(db_url)
    first = AsyncLease(Lease(store.sync, holder="a", ttl_seconds=30))
    second = AsyncLease(Lease(store.sync, holder="b", ttl_seconds=30))
    assert await first.acquire() is True
    assert await second.acquire() is False
    assert await first.renew() is True
    await first.release()
    assert await second.acquire() is True
    assert (await second.current_holder())[0] == "b"
    await second.release()
    await store.close()
