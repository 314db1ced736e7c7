"""The tables: what is kept across restarts. Alembic revisions in migrations/ build exactly this.

A change here needs a new revision (`python -m bot.store.migrate new "what changed"`); a test
compares the migrated database against this metadata on every dialect the tests run on.
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
    false,
)

metadata = MetaData()

# -- reports, cached analyses, deliveries per chat, the digest log -------------------------------

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
    # skipped: an older report a bounded backfill left out; done for the chat, never sent.
    Column("skipped", Boolean, nullable=False, server_default=false()),
)

digests = Table(
    "digests", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("chat_id", String(64), nullable=False, index=True),
    Column("kind", String(32), nullable=False),
    Column("report_count", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# -- sources: feeds added or removed in chat, feed entries already seen, per-source health -------

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

# -- running: failing reports, the one-runner lease, liveness ------------------------------------

analysis_failures = Table(
    "analysis_failures", metadata,
    # A report whose analysis keeps failing is quarantined after a few attempts, not retried forever.
    Column("report_id", String(64), ForeignKey("reports.id", ondelete="CASCADE"),
           primary_key=True),
    Column("attempts", Integer, nullable=False),
    Column("reason", Text, nullable=False),
    Column("first_at", DateTime(timezone=True), nullable=False),
    Column("last_at", DateTime(timezone=True), nullable=False),
)

leases = Table(
    "leases", metadata,
    Column("name", String(64), primary_key=True),
    Column("holder", Text, nullable=False),
    Column("acquired_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

heartbeats = Table(
    "heartbeats", metadata,
    Column("kind", String(32), primary_key=True),   # "poll", "schedule"
    Column("at", DateTime(timezone=True), nullable=False),
)

# -- follow-ups: what each chat was shown with a report (bot.digest.followups) -------------------

shown_items = Table(
    "shown_items", metadata,
    Column("chat_id", String(64), primary_key=True),
    Column("report_id", String(64), ForeignKey("reports.id", ondelete="CASCADE"),
           primary_key=True),
    Column("title", Text, nullable=False),
    Column("summary", Text, nullable=False),  # JSON list of the bullets shown
    Column("shown_at", DateTime(timezone=True), nullable=False),
)
