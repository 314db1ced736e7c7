"""AsyncStore runs each store call off the event loop and keeps the sync store's API."""

from __future__ import annotations

import asyncio
import inspect
import threading
from pathlib import Path

import pytest

from bot.analysis.model import Report
from bot.errors import StoreUnavailable
from bot.store.aio import AsyncStore
from bot.store.store import Store

REPORT = Report(title="Dam", text="The dam holds 2 billion cubic metres.", source="dam.txt")


def public_methods(cls: type) -> set[str]:
    return {name for name, value in vars(cls).items()
            if not name.startswith("_") and callable(value) and name != "open"}


def test_every_store_method_has_an_async_twin_with_the_same_parameters() -> None:
    assert public_methods(AsyncStore) == public_methods(Store)
    for name in public_methods(Store):
        assert inspect.iscoroutinefunction(getattr(AsyncStore, name)), name
        assert inspect.signature(getattr(AsyncStore, name)) == inspect.signature(
            getattr(Store, name)), name


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
