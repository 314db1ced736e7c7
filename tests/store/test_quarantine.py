"""Failed analyses are counted per report; past the threshold a report is quarantined: listed
with its reason and left out of what chats are still owed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.analysis.model import Report
from bot.store.records import QuarantinedReport
from bot.store.store import Store

T0 = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)


def report(n: int) -> Report:
    return Report(title=f"Report {n}", text=f"Body number {n}.", source=f"r{n}.txt")


def test_attempts_count_up_and_the_latest_reason_is_kept(store: Store) -> None:
    bad = report(1)
    store.add_report(bad)
    assert store.record_failure(bad.id, "ValueError: first", at=T0) == 1
    assert store.record_failure(bad.id, "ValueError: second", at=T0 + timedelta(minutes=1)) == 2
    assert store.is_quarantined(bad.id, 2) is True
    assert store.is_quarantined(bad.id, 3) is False
    assert store.quarantined(2) == [QuarantinedReport(
        bad.id, "Report 1", "r1.txt", "ValueError: second", 2, T0 + timedelta(minutes=1))]
    assert store.quarantined(3) == []


def test_quarantined_reports_are_skipped_only_at_the_threshold(store: Store) -> None:
    good, bad, flaky = report(1), report(2), report(3)
    for r in (good, bad, flaky):
        store.add_report(r)
    for minute in range(3):
        store.record_failure(bad.id, "boom", at=T0 + timedelta(minutes=minute))
    store.record_failure(flaky.id, "timeout", at=T0 + timedelta(minutes=5))
    assert store.undelivered(-1, quarantine_after=3) == [good, flaky]
    assert store.undelivered(-1) == [good, bad, flaky]
    assert store.backlog(-1, 10, quarantine_after=1).reports == [good]
    assert [q.id for q in store.quarantined(1)] == [flaky.id, bad.id]  # latest failure first


def test_clearing_a_failure_releases_the_report(store: Store) -> None:
    bad = report(1)
    store.add_report(bad)
    store.record_failure(bad.id, "boom")
    store.clear_failure(bad.id)
    assert store.is_quarantined(bad.id, 1) is False
    assert store.record_failure(bad.id, "again") == 1


def test_long_reasons_are_cut_for_the_status_line(store: Store) -> None:
    bad = report(1)
    store.add_report(bad)
    store.record_failure(bad.id, "x" * 5000)
    assert len(store.quarantined(1)[0].reason) == 500
