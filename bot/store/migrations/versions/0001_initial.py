"""The schema of the first release (created with create_all, before migrations existed).

Revision ID: 0001
Revises:
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(64), nullable=False, unique=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "analyses",
        sa.Column("report_id", sa.String(64), sa.ForeignKey("reports.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("options_key", sa.String(200), primary_key=True),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "deliveries",
        sa.Column("chat_id", sa.String(64), primary_key=True),
        sa.Column("report_id", sa.String(64), sa.ForeignKey("reports.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "digests",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("chat_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("report_count", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_digests_chat_id", "digests", ["chat_id"])
    op.create_table(
        "feeds",
        sa.Column("url", sa.Text, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("interval_seconds", sa.Integer, nullable=False),
        sa.Column("removed", sa.Boolean, nullable=False),
        sa.Column("changed_by", sa.Integer),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "feed_entries",
        sa.Column("feed_url", sa.Text, primary_key=True),
        sa.Column("entry_key", sa.String(64), primary_key=True),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "source_state",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("last_success", sa.DateTime(timezone=True)),
        sa.Column("last_error", sa.Text),
        sa.Column("last_error_at", sa.DateTime(timezone=True)),
        sa.Column("reports", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for table in ("source_state", "feed_entries", "feeds", "digests", "deliveries", "analyses",
                  "reports"):
        op.drop_table(table)
