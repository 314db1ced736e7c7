"""The inbox stores each new report once and reports unreadable files by name."""

from __future__ import annotations

import os
import time
from pathlib import Path

from bot.analysis.loaders import load_report
from bot.sources.inbox import Inbox
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


def test_scan_stores_new_reports_once(tmp_path: Path, store: Store) -> None:
    inbox = tmp_path / "inbox"
    one = drop(inbox, "one.txt", "First report\n\nThe dam holds 2 billion cubic metres.")
    two = drop(inbox / "sub", "two.md", "# Second\n\nExports rose 7 percent in May.")
    scanner = Inbox(inbox)
    result = scanner.scan(store)
    assert [r.id for r in result.new] == [load_report(one).id, load_report(two).id]
    assert result.failures == ()
    assert scanner.scan(store).new == ()
    # a second process (fresh Inbox) re-reads the files but the store knows them
    assert Inbox(inbox).scan(store).new == ()
    assert store.count_reports() == 2


def test_changed_file_becomes_a_new_report(tmp_path: Path, store: Store) -> None:
    inbox = tmp_path / "inbox"
    drop(inbox, "note.txt", "Note\n\nThe road is closed for 3 days.", age=120)
    scanner = Inbox(inbox)
    assert len(scanner.scan(store).new) == 1
    changed = drop(inbox, "note.txt", "Note\n\nThe road is closed for 5 days.", age=60)
    assert [r.id for r in scanner.scan(store).new] == [load_report(changed).id]


def test_unreadable_files_are_named_and_do_not_stop_the_scan(tmp_path: Path,
                                                            store: Store) -> None:
    inbox = tmp_path / "inbox"
    drop(inbox, "broken.pdf", b"%PDF-1.4 this is not really a pdf")
    drop(inbox, "empty.txt", b"")
    good = drop(inbox, "good.txt", "Good\n\nThe plant produced 40 tonnes.")
    scanner = Inbox(inbox)
    result = scanner.scan(store)
    assert [r.id for r in result.new] == [load_report(good).id]
    assert [f.split(": ", 1)[0] for f in result.failures] == [
        str(inbox / "broken.pdf"), str(inbox / "empty.txt")]
    assert scanner.failures == result.failures
    # failures are not retried until the file changes
    assert scanner.scan(store).failures == ()
    assert scanner.failures == result.failures
    drop(inbox, "empty.txt", "Now filled\n\nIt has 1 sentence.")
    assert len(scanner.scan(store).new) == 1
    assert scanner.failures == result.failures[:1]


def test_files_still_being_written_wait_for_the_next_scan(tmp_path: Path, store: Store) -> None:
    inbox = tmp_path / "inbox"
    drop(inbox, "fresh.txt", "Fresh\n\nJust 1 sentence here.", age=0)
    scanner = Inbox(inbox, settle_seconds=30)
    assert scanner.scan(store).new == ()
    drop(inbox, "fresh.txt", "Fresh\n\nJust 1 sentence here.", age=60)
    assert len(scanner.scan(store).new) == 1


def test_missing_inbox_is_empty(tmp_path: Path, store: Store) -> None:
    result = Inbox(tmp_path / "absent").scan(store)
    assert result.new == () and result.failures == ()
