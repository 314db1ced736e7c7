"""The schema migrates: a first-release database keeps every row, new ones start at head, and
processes starting together on a new database both come up."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, select, text

from bot.analysis.model import Analysis, Figure, Quote, Report
from bot.errors import StoreUnavailable
from bot.store.engine import sqlite_file
from bot.store.migrate import head
from bot.store.schema import metadata
from bot.store.store import Store
from tests.store import first_release_schema as first
from tests.store.processes import spawn

T0 = datetime(2025, 2, 1, 9, 0, tzinfo=UTC)
REPORT = Report(title="Dam", text="The dam holds 2 billion cubic metres.", source="dam.txt",
                url="https://example.org/dam")
OTHER = Report(title="Road", text="The road is closed for 3 days.", source="road.txt")
# Rows in every table of the first release, as that release wrote them.
FIRST_RELEASE_ROWS = {
    "reports": [
        {"id": REPORT.id, "title": REPORT.title, "source": REPORT.source, "url": REPORT.url,
         "language": "en", "text": REPORT.text, "added_at": T0},
        {"id": OTHER.id, "title": OTHER.title, "source": OTHER.source, "url": None,
         "language": "en", "text": OTHER.text, "added_at": T0},
    ],
    "analyses": [{"report_id": REPORT.id, "options_key": "default|s=3", "created_at": T0,
                  "data": json.dumps({
                      "summary": [REPORT.text],
                      "figures": [{"value": "2 billion", "context": "2 billion cubic metres",
                                   "sentence": REPORT.text, "score": 0.9}],
                      "quotes": [{"text": "It holds.", "speaker": "Ann"}]})}],
    "deliveries": [{"chat_id": "-100", "report_id": REPORT.id, "delivered_at": T0}],
    "digests": [{"chat_id": "-100", "kind": "scheduled", "report_count": 1, "created_at": T0}],
    "feeds": [{"url": "https://example.org/feed", "name": "Example", "interval_seconds": 600,
               "removed": False, "changed_by": 42, "changed_at": T0}],
    "feed_entries": [{"feed_url": "https://example.org/feed", "entry_key": "e1", "seen_at": T0}],
    "source_state": [{"key": "inbox", "etag": None, "last_modified": None, "last_success": T0,
                      "last_error": "broken.pdf: unreadable", "last_error_at": T0,
                      "reports": 2}],
}
NEW_TABLES = {"analysis_failures", "leases", "heartbeats", "alembic_version"}


def make_first_release_database(url: str) -> dict[str, list[tuple]]:
    """Create the first release's schema, fill every table; returns each table's rows."""
    file = sqlite_file(url)
    if file is not None:
        file.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    first.metadata.create_all(engine)
    with engine.begin() as conn:
        for name, rows in FIRST_RELEASE_ROWS.items():
            conn.execute(first.metadata.tables[name].insert(), rows)
    dump = table_rows(engine, first.metadata.tables)
    engine.dispose()
    return dump


def table_rows(engine, tables) -> dict[str, list[tuple]]:
    """Every row of each named table, with only the first release's columns, in key order."""
    dump = {}
    with engine.connect() as conn:
        for name, table in tables.items():
            columns = [metadata.tables[name].c[c.name] for c in table.columns]
            query = select(*columns).order_by(*metadata.tables[name].primary_key.columns)
            dump[name] = [tuple(row) for row in conn.execute(query)]
    return dump


def schema_differences(engine) -> list:
    with engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn), metadata)


def test_first_release_database_keeps_every_row(db_url: str) -> None:
    before = make_first_release_database(db_url)
    assert all(len(rows) == len(FIRST_RELEASE_ROWS[name]) for name, rows in before.items())
    store = Store(db_url)
    try:
        assert table_rows(store.engine, first.metadata.tables) == before
        assert set(inspect(store.engine).get_table_names()) >= NEW_TABLES
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).all() == [
                (head(),)]
        assert schema_differences(store.engine) == []
        # the rows read back through the new code, old analysis JSON included
        assert store.undelivered(-100) == [OTHER]
        assert store.delivered_ids(-100) == {REPORT.id}
        assert store.delivery_counts(-100) == 1  # a first-release delivery counts as sent
        assert store.load_analysis(REPORT, "default|s=3") == Analysis(
            report=REPORT, summary=(REPORT.text,),
            figures=(Figure("2 billion", "2 billion cubic metres", REPORT.text, 0.9),),
            quotes=(Quote("It holds.", "Ann"),))
        assert store.source_state("inbox").reports == 2
        assert [f.url for f in store.saved_feeds()] == ["https://example.org/feed"]
        assert store.seen_entries("https://example.org/feed", ["e1", "e2"]) == {"e1"}
        assert store.last_digest(-100).created_at == T0
    finally:
        store.close()


def test_new_database_is_created_at_head_and_reopening_changes_nothing(db_url: str) -> None:
    store = Store(db_url)
    store.add_report(REPORT)
    store.close()
    again = Store(db_url)
    try:
        assert schema_differences(again.engine) == []
        assert again.get_report(REPORT.id) == REPORT
        with again.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0005"
    finally:
        again.close()


OPEN_ON_GO = """
import sys
from bot.analysis.model import Report
from bot.store.store import Store
print("ready", flush=True)
sys.stdin.readline()
store = Store(sys.argv[1])
store.add_report(Report(title=sys.argv[2], text="Report " + sys.argv[2], source=sys.argv[2]))
print(store.count_reports() >= 1)
store.close()
"""


def test_processes_starting_together_on_a_new_database_both_migrate(db_url: str) -> None:
    runs = [spawn(OPEN_ON_GO, db_url, name) for name in ("one", "two", "three")]
    assert [run.stdout.readline() for run in runs] == ["ready\n"] * 3  # all imported
    for run in runs:  # then open the database as close to together as processes can
        run.stdin.write("go\n")
        run.stdin.flush()
    outputs = [run.communicate(timeout=60) for run in runs]
    assert [(run.returncode, out) for run, (out, _) in zip(runs, outputs, strict=True)] \
        == [(0, "True\n")] * 3, [err for _, err in outputs]
    store = Store(db_url)
    try:
        assert sorted(s.report.title for s in store.recent_reports(10)) == ["one", "three", "two"]
        assert schema_differences(store.engine) == []
    finally:
        store.close()


def test_database_from_a_newer_release_is_refused_clearly(db_url: str) -> None:
    Store(db_url).close()
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    engine.dispose()
    with pytest.raises(StoreUnavailable) as info:
        Store(db_url)
    assert info.value.reason == ("the database is at schema revision 0099, newer than this "
                                 "briefbot knows (0005); upgrade briefbot")
