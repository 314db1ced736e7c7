"""Persistent state: reports, cached analyses, deliveries per chat and the digest log.

This is the only module that speaks SQL. Delivery bookkeeping lives here so that a restart or
a crash never loses a report and never posts one twice to the same chat: a report counts as
delivered to a chat only once a row for the pair exists, and the pair is unique.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    func,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from bot.analysis.model import Analysis, Figure, Quote, Report

metadata = MetaData()

reports = Table(
    "reports", metadata,
    # seq keeps the order in which reports arrived; id is the content hash everyone else uses.
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(64), nullable=False, unique=True),
    Column("title", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("language", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
)

analyses = Table(
    "analyses", metadata,
    Column("report_id", String(64), ForeignKey("reports.id", ondelete="CASCADE"),
           primary_key=True),
    Column("options_key", String(200), primary_key=True),
    Column("data", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

deliveries = Table(
    "deliveries", metadata,
    Column("chat_id", String(64), primary_key=True),
    Column("report_id", String(64), ForeignKey("reports.id", ondelete="CASCADE"),
           primary_key=True),
    Column("delivered_at", DateTime(timezone=True), nullable=False),
)

digests = Table(
    "digests", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("chat_id", String(64), nullable=False, index=True),
    Column("kind", String(32), nullable=False),
    Column("report_count", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)


# -- sources: feeds added or removed in chat, feed entries already seen, per-source health ----

feeds = Table(
    "feeds", metadata,
    Column("url", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("interval_seconds", Integer, nullable=False),
    # removed=True hides a feed listed in the settings file until /addfeed brings it back.
    Column("removed", Boolean, nullable=False, default=False),
    Column("changed_by", Integer),
    Column("changed_at", DateTime(timezone=True), nullable=False),
)

feed_entries = Table(
    "feed_entries", metadata,
    Column("feed_url", Text, primary_key=True),
    Column("entry_key", String(64), primary_key=True),
    Column("seen_at", DateTime(timezone=True), nullable=False),
)

source_state = Table(
    "source_state", metadata,
    Column("key", Text, primary_key=True),       # "feed:<url>", "inbox", "links"
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_success", DateTime(timezone=True)),
    Column("last_error", Text),
    Column("last_error_at", DateTime(timezone=True)),
    Column("reports", Integer, nullable=False, default=0),
)


@dataclass(frozen=True)
class SavedFeed:
    """A feed changed in chat: added (removed=False) or taken off the settings' list."""

    url: str
    name: str
    interval_seconds: int
    removed: bool


@dataclass(frozen=True)
class SourceState:
    """Health of one source for /sources, plus a feed's validators for conditional requests."""

    key: str
    etag: str | None = None
    last_modified: str | None = None
    last_success: datetime | None = None
    last_error: str | None = None
    last_error_at: datetime | None = None
    reports: int = 0


@dataclass(frozen=True)
class StoredReport:
    """A report plus when it arrived; what /reports lists."""

    report: Report
    added_at: datetime


@dataclass(frozen=True)
class DigestRun:
    """One digest (or "nothing new" check) for a chat."""

    chat_id: str
    kind: str
    report_count: int
    created_at: datetime


def chat_key(chat_id: int | str) -> str:
    """Chats are keyed by text so numeric ids and '@channel' names share one column."""
    return str(chat_id)


def _now() -> datetime:
    return datetime.now(UTC)


def _utc(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; everything stored is UTC.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _sqlite_file(url: str) -> Path | None:
    prefix = url.split("://", 1)
    if len(prefix) != 2 or not prefix[0].startswith("sqlite"):
        return None
    path = prefix[1][1:] if prefix[1].startswith("/") else prefix[1]
    if not path or path == ":memory:" or path.startswith("file:"):
        return None
    return Path(path)


def make_engine(url: str, *, busy_timeout: float = 30.0) -> Engine:
    """An engine for sqlite (WAL, foreign keys, parent folder created) or PostgreSQL.

    busy_timeout: how long a write waits for a lock held by another process before failing.
    """
    if url.startswith("sqlite"):
        file = _sqlite_file(url)
        if file is not None:
            file.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False,
                                                  "timeout": busy_timeout})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record) -> None:
            cursor = dbapi_connection.cursor()
            if file is not None:
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


class Store:
    """Synchronous store; call it from a worker thread when on the event loop."""

    def __init__(self, url: str, *, busy_timeout: float = 30.0) -> None:
        self.url = url
        self.engine = make_engine(url, busy_timeout=busy_timeout)
        metadata.create_all(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    # -- reports -----------------------------------------------------------------------------

    def _insert_ignore(self, table: Table, conn: Connection, rows: list[dict]) -> int:
        """Insert rows, skipping those whose key exists; returns how many were new."""
        dialect = postgresql if self.engine.dialect.name == "postgresql" else sqlite
        # RETURNING rather than rowcount: psycopg reports -1 for some inserts on PostgreSQL.
        key = next(iter(table.primary_key.columns))
        statement = dialect.insert(table).on_conflict_do_nothing().returning(key)
        return sum(len(conn.execute(statement, row).all()) for row in rows)

    def add_report(self, report: Report, *, added_at: datetime | None = None) -> bool:
        """Store a report by content id; False when the same text is already stored."""
        row = {
            "id": report.id, "title": report.title, "source": report.source, "url": report.url,
            "language": report.language, "text": report.text, "added_at": added_at or _now(),
        }
        with self.engine.begin() as conn:
            return self._insert_ignore(reports, conn, [row]) == 1

    def has_report(self, report_id: str) -> bool:
        with self.engine.connect() as conn:
            found = conn.execute(select(reports.c.id).where(reports.c.id == report_id)).first()
        return found is not None

    def get_report(self, report_id: str) -> Report | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(reports).where(reports.c.id == report_id)).first()
        return _report(row) if row else None

    def count_reports(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(reports)).scalar_one()

    def recent_reports(self, limit: int) -> list[StoredReport]:
        """The newest reports first."""
        query = select(reports).order_by(reports.c.seq.desc()).limit(limit)
        with self.engine.connect() as conn:
            return [StoredReport(_report(r), _utc(r.added_at)) for r in conn.execute(query)]

    def index(self) -> list[tuple[str, str]]:
        """(id, title) of every report, oldest first: lookups without loading texts."""
        query = select(reports.c.id, reports.c.title).order_by(reports.c.seq)
        with self.engine.connect() as conn:
            return [(row.id, row.title) for row in conn.execute(query)]

    def undelivered(self, chat_id: int | str) -> list[Report]:
        """Reports the chat has not received yet, oldest first."""
        delivered = select(deliveries.c.report_id).where(deliveries.c.chat_id == chat_key(chat_id))
        query = select(reports).where(reports.c.id.not_in(delivered)).order_by(reports.c.seq)
        with self.engine.connect() as conn:
            return [_report(r) for r in conn.execute(query)]

    # -- analyses ----------------------------------------------------------------------------

    def save_analysis(self, options_key: str, analysis: Analysis) -> None:
        row = {"report_id": analysis.report.id, "options_key": options_key,
               "data": json.dumps(analysis_to_json(analysis), ensure_ascii=False),
               "created_at": _now()}
        with self.engine.begin() as conn:
            self._insert_ignore(analyses, conn, [row])

    def load_analysis(self, report: Report, options_key: str) -> Analysis | None:
        query = select(analyses.c.data).where(
            analyses.c.report_id == report.id, analyses.c.options_key == options_key)
        with self.engine.connect() as conn:
            data = conn.execute(query).scalar()
        return analysis_from_json(report, json.loads(data)) if data else None

    # -- deliveries and digests ----------------------------------------------------------------

    def mark_delivered(self, chat_id: int | str, report_ids: Iterable[str],
                       *, at: datetime | None = None) -> int:
        """Record that Telegram accepted every message carrying these reports; idempotent."""
        when = at or _now()
        rows = [{"chat_id": chat_key(chat_id), "report_id": rid, "delivered_at": when}
                for rid in dict.fromkeys(report_ids)]
        with self.engine.begin() as conn:
            return self._insert_ignore(deliveries, conn, rows)

    def delivered_ids(self, chat_id: int | str) -> set[str]:
        query = select(deliveries.c.report_id).where(deliveries.c.chat_id == chat_key(chat_id))
        with self.engine.connect() as conn:
            return set(conn.execute(query).scalars())

    def delivery_counts(self, chat_id: int | str) -> int:
        query = select(func.count()).select_from(deliveries).where(
            deliveries.c.chat_id == chat_key(chat_id))
        with self.engine.connect() as conn:
            return conn.execute(query).scalar_one()

    def record_digest(self, chat_id: int | str, kind: str, report_count: int,
                      *, at: datetime | None = None) -> None:
        row = {"chat_id": chat_key(chat_id), "kind": kind, "report_count": report_count,
               "created_at": at or _now()}
        with self.engine.begin() as conn:
            conn.execute(digests.insert(), row)

    def last_digest(self, chat_id: int | str,
                    kinds: Sequence[str] | None = None) -> DigestRun | None:
        """The latest digest run for a chat, optionally only of the given kinds."""
        query = select(digests).where(digests.c.chat_id == chat_key(chat_id))
        if kinds is not None:
            query = query.where(digests.c.kind.in_(list(kinds)))
        query = query.order_by(digests.c.seq.desc()).limit(1)
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        if row is None:
            return None
        return DigestRun(row.chat_id, row.kind, row.report_count, _utc(row.created_at))


    # -- sources -------------------------------------------------------------------------------

    def _upsert(self, table: Table, conn: Connection, row: dict, keys: Sequence[str]) -> None:
        dialect = postgresql if self.engine.dialect.name == "postgresql" else sqlite
        statement = dialect.insert(table).values(**row)
        changes = {k: v for k, v in row.items() if k not in keys}
        conn.execute(statement.on_conflict_do_update(index_elements=list(keys), set_=changes))

    def save_feed(self, url: str, name: str, interval_seconds: int, *,
                  removed: bool = False, by: int | None = None) -> None:
        row = {"url": url, "name": name, "interval_seconds": interval_seconds,
               "removed": removed, "changed_by": by, "changed_at": _now()}
        with self.engine.begin() as conn:
            self._upsert(feeds, conn, row, ["url"])

    def saved_feeds(self) -> list[SavedFeed]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(feeds).order_by(feeds.c.changed_at, feeds.c.url))
            return [SavedFeed(r.url, r.name, r.interval_seconds, bool(r.removed)) for r in rows]

    def seen_entries(self, feed_url: str, keys: Sequence[str]) -> set[str]:
        """Which of these entry keys were handled before (a restart does not repeat them)."""
        if not keys:
            return set()
        query = select(feed_entries.c.entry_key).where(
            feed_entries.c.feed_url == feed_url, feed_entries.c.entry_key.in_(list(keys)))
        with self.engine.connect() as conn:
            return set(conn.execute(query).scalars())

    def mark_entries_seen(self, feed_url: str, keys: Iterable[str]) -> None:
        rows = [{"feed_url": feed_url, "entry_key": k, "seen_at": _now()}
                for k in dict.fromkeys(keys)]
        with self.engine.begin() as conn:
            self._insert_ignore(feed_entries, conn, rows)

    def source_state(self, key: str) -> SourceState:
        with self.engine.connect() as conn:
            row = conn.execute(select(source_state).where(source_state.c.key == key)).first()
        return _state(row) if row else SourceState(key)

    def source_states(self) -> dict[str, SourceState]:
        with self.engine.connect() as conn:
            return {r.key: _state(r) for r in conn.execute(select(source_state))}

    def record_source_success(self, key: str, *, new_reports: int = 0,
                              etag: str | None = None, last_modified: str | None = None,
                              keep_validators: bool = False) -> None:
        """A successful look at a source; keep_validators: a 304 leaves ETag/Last-Modified."""
        with self.engine.begin() as conn:
            current = conn.execute(select(source_state).where(source_state.c.key == key)).first()
            row = {"key": key, "last_success": _now(),
                   "reports": (current.reports if current else 0) + new_reports}
            if not keep_validators:
                row.update(etag=etag, last_modified=last_modified)
            self._upsert(source_state, conn, row, ["key"])

    def record_source_error(self, key: str, error: str) -> None:
        row = {"key": key, "last_error": error[:500], "last_error_at": _now()}
        with self.engine.begin() as conn:
            exists = conn.execute(select(source_state.c.key).where(source_state.c.key == key))
            if exists.first() is None:
                row["reports"] = 0
            self._upsert(source_state, conn, row, ["key"])


def _state(row) -> SourceState:
    return SourceState(
        key=row.key, etag=row.etag, last_modified=row.last_modified,
        last_success=_utc(row.last_success) if row.last_success else None,
        last_error=row.last_error,
        last_error_at=_utc(row.last_error_at) if row.last_error_at else None,
        reports=row.reports or 0,
    )


def _report(row) -> Report:
    return Report(title=row.title, text=row.text, source=row.source, language=row.language,
                  url=row.url, id=row.id)


def analysis_to_json(analysis: Analysis) -> dict:
    """Everything needed to rebuild the Analysis (Analysis.to_json drops figure scores)."""
    return {
        "summary": list(analysis.summary),
        "figures": [{"value": f.value, "context": f.context, "sentence": f.sentence,
                     "score": f.score} for f in analysis.figures],
        "quotes": [{"text": q.text, "speaker": q.speaker} for q in analysis.quotes],
    }


def analysis_from_json(report: Report, data: dict) -> Analysis:
    return Analysis(
        report=report,
        summary=tuple(data["summary"]),
        figures=tuple(Figure(f["value"], f["context"], f["sentence"], f.get("score", 0.0))
                      for f in data["figures"]),
        quotes=tuple(Quote(q["text"], q["speaker"]) for q in data["quotes"]),
    )
