"""A chat facing a large archive gets the latest N reports in full; older ones are listed by id,
never loaded, and once marked skipped never sent. Searching runs in SQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from bot.analysis.model import Report
from bot.store.records import Backlog
from bot.store.store import Store


def report(n: int, title: str | None = None, text: str | None = None) -> Report:
    return Report(title=title or f"Report {n}", text=text or f"Body number {n}.",
                  source=f"r{n}.txt")


@contextmanager
def statements(store: Store) -> Iterator[list[str]]:
    """The SQL the store runs inside the block."""
    seen: list[str] = []

    def record(_conn, _cursor, statement, _parameters, _context, _many) -> None:
        seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", record)


def test_backlog_loads_text_only_for_the_latest(store: Store) -> None:
    reports = [report(n) for n in range(1, 8)]
    for r in reports:
        store.add_report(r)
    store.mark_delivered(-1, [reports[6].id])
    with statements(store) as seen:
        backlog = store.backlog(-1, 2)
    assert backlog == Backlog(reports=[reports[4], reports[5]],
                              older=[r.id for r in reports[:4]])
    # one id scan, then one query for the two texts
    assert len(seen) == 2
    assert "reports.text" not in seen[0]
    assert "reports.text" in seen[1] and "IN (" in seen[1]


def test_small_backlog_is_complete_and_empty_one_is_empty(store: Store) -> None:
    reports = [report(n) for n in range(1, 4)]
    for r in reports:
        store.add_report(r)
    assert store.backlog(-1, 10) == Backlog(reports=reports, older=[])
    store.mark_delivered(-1, [r.id for r in reports])
    with statements(store) as seen:
        assert store.backlog(-1, 10) == Backlog(reports=[], older=[])
    assert len(seen) == 1


def test_skipped_reports_are_done_but_not_counted_as_sent(store: Store) -> None:
    reports = [report(n) for n in range(1, 6)]
    for r in reports:
        store.add_report(r)
    backlog = store.backlog(-1, 2)
    assert store.mark_skipped(-1, backlog.older) == 3
    assert store.mark_skipped(-1, backlog.older) == 0  # idempotent
    assert store.backlog(-1, 2) == Backlog(reports=reports[3:], older=[])
    assert store.undelivered(-1) == reports[3:]
    store.mark_delivered(-1, [r.id for r in backlog.reports])
    assert store.undelivered(-1) == []
    assert store.delivered_ids(-1) == {r.id for r in reports}
    assert store.delivery_counts(-1) == 2
    assert store.undelivered(-2) == reports  # another chat is untouched


def test_find_reports_matches_every_word_in_title_or_text_newest_first(store: Store) -> None:
    dam = report(1, "Dam on the Vakhsh", "Rogun dam holds 13 billion cubic metres.")
    road = report(2, "Road closed", "The Pamir road is closed near the dam for 3 days.")
    ru = report(3, "Паводок в Душанбе", "Уровень воды в реке Варзоб поднялся на 2 метра.")
    grain = report(4, "Grain prices 100% up", "Wheat_flour costs more.")
    for r in (dam, road, ru, grain):
        store.add_report(r)
    assert store.find_reports("dam", 10) == [road, dam]
    assert store.find_reports("DAM rogun", 10) == [dam]
    assert store.find_reports(["dam"], 1) == [road]
    assert store.find_reports("душанбе", 10) == [ru]        # Cyrillic, other casing
    assert store.find_reports("ВАРЗОБ", 10) == [ru]
    assert store.find_reports("100%", 10) == [grain]         # % is literal
    assert store.find_reports("t_e", 10) == []               # _ is literal
    assert store.find_reports(dam.id[:6], 10) == [dam]       # an id prefix
    assert store.find_reports(dam.id[:6].upper(), 10) == [dam]
    assert store.find_reports(dam.id[:3], 10) == []          # too short to be an id
    assert store.find_reports("nothing here", 10) == []
    assert store.find_reports("  ", 10) == []
