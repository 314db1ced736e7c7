"""The schema exactly as the first release created it (metadata.create_all, no alembic_version).

Frozen here, never imported by the bot: the migration tests build a database with it to prove
that a database made by that release is recognised and upgraded without losing a row.
"""

from __future__ import annotations

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
)

metadata = MetaData()

Table(
    "reports", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(64), nullable=False, unique=True),
    Column("title", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("language", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
)
Table(
    "analyses", metadata,
    Column("report_id", String(64), ForeignKey("reports.id", ondelete="CASCADE"),
           primary_key=True),
    Column("options_key", String(200), primary_key=True),
    Column("data", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
Table(
    "deliveries", metadata,
    Column("chat_id", String(64), primary_key=True),
    Column("report_id", String(64), ForeignKey("reports.id", ondelete="CASCADE"),
           primary_key=True),
    Column("delivered_at", DateTime(timezone=True), nullable=False),
)
Table(
    "digests", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("chat_id", String(64), nullable=False, index=True),
    Column("kind", String(32), nullable=False),
    Column("report_count", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
Table(
    "feeds", metadata,
    Column("url", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("interval_seconds", Integer, nullable=False),
    Column("removed", Boolean, nullable=False, default=False),
    Column("changed_by", Integer),
    Column("changed_at", DateTime(timezone=True), nullable=False),
)
Table(
    "feed_entries", metadata,
    Column("feed_url", Text, primary_key=True),
    Column("entry_key", String(64), primary_key=True),
    Column("seen_at", DateTime(timezone=True), nullable=False),
)
Table(
    "source_state", metadata,
    Column("key", Text, primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_success", DateTime(timezone=True)),
    Column("last_error", Text),
    Column("last_error_at", DateTime(timezone=True)),
    Column("reports", Integer, nullable=False, default=0),
)
