"""The tables: what is kept across restarts. Alembic revisions in migrations/ build exactly this.

A change here needs a new revision (`python -m bot.store.migrate new "what changed"`); a test
compares the migrated database against this metadata on every dialect the tests run on.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
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
    # where it came from, for routing (bot.briefing.routing): "feed:<name>", "inbox/<subfolder>",
    # "links:<chat>"; NULL for reports stored before routing existed (they reach unrouted targets)
    Column("origin", Text),
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

# -- who said what, which figures: an index of analyses, rebuilt from them when needed ---------

quote_index = Table(
    "quote_index", metadata,
    Column("report_id", String(64), ForeignKey("reports.id", ondelete="CASCADE"),
           primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("speaker", Text, nullable=False),
    # the surname's light stem (bot.analysis.names.speaker_key): "Кудриным" -> "кудрин"
    Column("speaker_key", String(100), nullable=False, index=True),
    Column("text", Text, nullable=False),
)

figure_index = Table(
    "figure_index", metadata,
    Column("report_id", String(64), ForeignKey("reports.id", ondelete="CASCADE"),
           primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("value", Text, nullable=False),
    Column("context", Text, nullable=False),
    Column("sentence", Text, nullable=False),
    # stems of the sentence between spaces (bot.analysis.terms.stem_key), for whole-stem LIKE:
    # a figure's context is short ("12%"), the sentence says what it is about ("газа")
    Column("context_key", Text, nullable=False),
)

# -- watchlists: terms a chat wants an alert for, and the alerts already sent --------------------

watches = Table(
    "watches", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("chat_id", String(64), nullable=False, index=True),
    Column("term", Text, nullable=False),
    # who added it with /watch; NULL for a target's settings watchlist (kept in step at start)
    Column("created_by", BigInteger),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

alerts_sent = Table(
    "alerts_sent", metadata,
    # one alert per report per watch, across restarts: the pair is claimed before sending
    Column("watch_id", Integer, ForeignKey("watches.id", ondelete="CASCADE"), primary_key=True),
    Column("report_id", String(64), ForeignKey("reports.id", ondelete="CASCADE"),
           primary_key=True),
    Column("sent_at", DateTime(timezone=True), nullable=False),
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
