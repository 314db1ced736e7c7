"""Desks: where each report came from (routing), watchlists per chat and the alerts they sent.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable, no default: reports stored before routing keep NULL and reach unrouted targets.
    op.add_column("reports", sa.Column("origin", sa.Text))
    op.create_table(
        "watches",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("chat_id", sa.String(64), nullable=False),
        sa.Column("term", sa.Text, nullable=False),
        sa.Column("created_by", sa.BigInteger),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_watches_chat_id", "watches", ["chat_id"])
    op.create_table(
        "alerts_sent",
        sa.Column("watch_id", sa.Integer, sa.ForeignKey("watches.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("report_id", sa.String(64), sa.ForeignKey("reports.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("alerts_sent")
    op.drop_index("ix_watches_chat_id", table_name="watches")
    op.drop_table("watches")
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("origin")
