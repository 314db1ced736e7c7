"""The store keeps reports, analyses and per-chat deliveries across restarts."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from bot.analysis.model import Analysis, Figure, Quote, Report
from bot.store.db import Store, chat_key


def report(n: int, title: str | None = None) -> Report:
    return Report(title=title or f"Report {n}", text=f"Body number {n}. It has two sentences.",
                  source=f"r{n}.txt", url=f"https://example.org/{n}" if n % 2 else None)


def test_creates_parent_folder_and_uses_wal(tmp_path: Path) -> None:
    file = tmp_path / "deep" / "er" / "b.db"
    store = Store(f"sqlite:///{file}")
    store.add_report(report(1))
    store.close()
    assert file.is_file()
    assert sqlite3.connect(file).execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_same_text_is_one_report(store: Store) -> None:
    first = report(1)
    assert store.add_report(first) is True
    again = Report(title="Other title", text="  body NUMBER 1.\nIt has two   sentences. ",
                   source="copy.md")
    assert again.id == first.id
    assert store.add_report(again) is False
    assert store.count_reports() == 1
    assert store.get_report(first.id) == first


def test_report_round_trip_keeps_every_field(store: Store) -> None:
    original = Report(title="Отчёт", text="Текст отчёта.", source="ru.docx", language="ru",
                      url="https://example.org/ru")
    store.add_report(original)
    assert store.get_report(original.id) == original
    assert store.get_report("000000000000") is None


def test_undelivered_is_per_chat_and_in_arrival_order(store: Store) -> None:
    reports = [report(n) for n in (3, 1, 2)]
    for r in reports:
        store.add_report(r)
    assert store.undelivered(-100) == reports
    assert store.mark_delivered(-100, [reports[1].id]) == 1
    assert store.undelivered(-100) == [reports[0], reports[2]]
    assert store.undelivered("@team") == reports
    assert store.delivered_ids(-100) == {reports[1].id}


def test_mark_delivered_is_idempotent(store: Store) -> None:
    r = report(1)
    store.add_report(r)
    assert store.mark_delivered(7, [r.id, r.id]) == 1
    assert store.mark_delivered(7, [r.id]) == 0
    assert store.delivery_counts(7) == 1


def test_delivery_needs_a_stored_report(store: Store) -> None:
    with pytest.raises(IntegrityError):
        store.mark_delivered(7, ["nosuchreport"])


def test_state_survives_reopening(db_url: str) -> None:
    first = Store(db_url)
    r1, r2 = report(1), report(2)
    first.add_report(r1)
    first.add_report(r2)
    first.mark_delivered(5, [r1.id])
    first.close()
    second = Store(db_url)
    assert second.undelivered(5) == [r2]
    assert second.count_reports() == 2
    second.close()


def test_analysis_cache_round_trip(store: Store) -> None:
    r = report(1)
    store.add_report(r)
    analysis = Analysis(
        report=r, summary=("Body number 1.",),
        figures=(Figure("1", "number 1", "Body number 1."),),
        quotes=(Quote("It has two sentences.", "Ann"), Quote("x", None)),
    )
    store.save_analysis("default|s=3", analysis)
    store.save_analysis("default|s=3", analysis)
    assert store.load_analysis(r, "default|s=3") == analysis
    assert store.load_analysis(r, "lexrank|s=3") is None


def test_recent_reports_newest_first(store: Store) -> None:
    base = datetime(2025, 1, 1, tzinfo=UTC)
    for n in range(1, 5):
        store.add_report(report(n), added_at=base + timedelta(hours=n))
    recent = store.recent_reports(2)
    assert [s.report.title for s in recent] == ["Report 4", "Report 3"]
    assert recent[0].added_at == base + timedelta(hours=4)
    assert store.index() == [(report(n).id, f"Report {n}") for n in range(1, 5)]


def test_last_digest_filters_kinds(store: Store) -> None:
    t0 = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
    assert store.last_digest(-1) is None
    store.record_digest(-1, "scheduled", 3, at=t0)
    store.record_digest(-1, "summary", 0, at=t0 + timedelta(minutes=5))
    last = store.last_digest(-1)
    assert (last.kind, last.report_count, last.created_at) == ("summary", 0, t0 + timedelta(
        minutes=5))
    assert store.last_digest(-1, kinds=["scheduled"]).created_at == t0
    assert store.last_digest(-2) is None


def test_chat_keys_unify_ids_and_names() -> None:
    assert chat_key(-1001) == "-1001" == chat_key("-1001")
    assert chat_key("@team") == "@team"
