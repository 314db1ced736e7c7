"""The inbox stores each new report once and reports unreadable files by name."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from bot.analysis import loaders
from bot.analysis.loaders import load_report
from bot.sources.inbox import Inbox
from bot.store.aio import AsyncStore
from bot.store.db import Store


def drop(folder: Path, name: str, body: bytes | str, *, age: float = 60) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(body, str):
        path.write_text(body, encoding="utf-8")
    else:
        path.write_bytes(body)
    stamp = time.time() - age
    os.utime(path, (stamp, stamp))
    return path


async def test_scan_stores_new_reports_once(tmp_path: Path, store: Store) -> None:
    inbox = tmp_path / "inbox"
    one = drop(inbox, "one.txt", "First report\n\nThe dam holds 2 billion cubic metres.")
    two = drop(inbox / "sub", "two.md", "# Second\n\nExports rose 7 percent in May.")
    scanner = Inbox(inbox)
    result = await scanner.scan(AsyncStore(store))
    assert [r.id for r in result.new] == [load_report(one).id, load_report(two).id]
    assert result.failures == ()
    assert (await scanner.scan(AsyncStore(store))).new == ()
    # a second process (fresh Inbox) re-reads the files but the store knows them
    assert (await Inbox(inbox).scan(AsyncStore(store))).new == ()
    assert store.count_reports() == 2


async def test_changed_file_becomes_a_new_report(tmp_path: Path, store: Store) -> None:
    inbox = tmp_path / "inbox"
    drop(inbox, "note.txt", "Note\n\nThe road is closed for 3 days.", age=120)
    scanner = Inbox(inbox)
    assert len((await scanner.scan(AsyncStore(store))).new) == 1
    changed = drop(inbox, "note.txt", "Note\n\nThe road is closed for 5 days.", age=60)
    assert [r.id for r in (await scanner.scan(AsyncStore(store))).new] == [load_report(changed).id]


async def test_unreadable_files_are_named_and_do_not_stop_the_scan(tmp_path: Path,
                                                            store: Store) -> None:
    inbox = tmp_path / "inbox"
    drop(inbox, "broken.pdf", b"%PDF-1.4 this is not really a pdf")
    drop(inbox, "empty.txt", b"")
    good = drop(inbox, "good.txt", "Good\n\nThe plant produced 40 tonnes.")
    scanner = Inbox(inbox)
    result = await scanner.scan(AsyncStore(store))
    assert [r.id for r in result.new] == [load_report(good).id]
    assert [f.split(": ", 1)[0] for f in result.failures] == [
        str(inbox / "broken.pdf"), str(inbox / "empty.txt")]
    assert scanner.failures == result.failures
    # failures are not retried until the file changes
    assert (await scanner.scan(AsyncStore(store))).failures == ()
    assert scanner.failures == result.failures
    drop(inbox, "empty.txt", "Now filled\n\nIt has 1 sentence.")
    assert len((await scanner.scan(AsyncStore(store))).new) == 1
    assert scanner.failures == result.failures[:1]


async def test_files_still_being_written_wait_for_the_next_scan(tmp_path: Path, store: Store) -> None:
    inbox = tmp_path / "inbox"
    drop(inbox, "fresh.txt", "Fresh\n\nJust 1 sentence here.", age=0)
    scanner = Inbox(inbox, settle_seconds=30)
    assert (await scanner.scan(AsyncStore(store))).new == ()
    drop(inbox, "fresh.txt", "Fresh\n\nJust 1 sentence here.", age=60)
    assert len((await scanner.scan(AsyncStore(store))).new) == 1


async def test_missing_inbox_is_empty(tmp_path: Path, store: Store) -> None:
    result = await Inbox(tmp_path / "absent").scan(AsyncStore(store))
    assert result.new == () and result.failures == ()


async def test_any_exception_reading_one_file_fails_that_file_only(
        tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A DOCX whose paragraph style has no name raised AttributeError and stopped every scan."""
    inbox = tmp_path / "inbox"
    drop(inbox, "a_odd.docx", b"PK not really a docx")
    good = drop(inbox, "b_good.txt", "Good\n\nThe plant produced 40 tonnes.")
    real = loaders.load_report

    def load(path: Path, **kwargs: object):
        if path.suffix == ".docx":
            raise AttributeError("'NoneType' object has no attribute 'lower'")
        return real(path, **kwargs)

    monkeypatch.setattr("bot.sources.inbox.load_report", load)
    result = await Inbox(inbox).scan(AsyncStore(store))
    assert [r.id for r in result.new] == [load_report(good).id]
    assert result.failures == (f"{inbox / 'a_odd.docx'}: cannot be read (unexpected "
                               "AttributeError: 'NoneType' object has no attribute 'lower')",)
    state = store.source_state("inbox")
    assert state.last_error == result.failures[0] and state.reports == 1


async def test_the_read_cache_holds_only_files_in_the_folder(tmp_path: Path,
                                                             store: Store) -> None:
    inbox = tmp_path / "inbox"
    paths = [drop(inbox, f"r{i}.txt", f"Report {i}\n\nIt has {i} sentence.") for i in range(5)]
    scanner = Inbox(inbox)
    await scanner.scan(AsyncStore(store))
    for path in paths[:4]:
        path.unlink()
    await scanner.scan(AsyncStore(store))
    assert list(scanner._seen) == [paths[4]]
