"""Running safely: skipped deliveries (bounded backfill), analysis failures (quarantine),
the one-runner lease and heartbeats for `briefbot health`.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN with a constant default: existing rows become "sent", no table rebuild.
    op.add_column("deliveries", sa.Column("skipped", sa.Boolean, nullable=False,
                                          server_default=sa.false()))
    op.create_table(
        "analysis_failures",
        sa.Column("report_id", sa.String(64), sa.ForeignKey("reports.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("first_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "leases",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("holder", sa.Text, nullable=False),
        sa.Column("acquired_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "heartbeats",
        sa.Column("kind", sa.String(32), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    for table in ("heartbeats", "leases", "analysis_failures"):
        op.drop_table(table)
    with op.batch_alter_table("deliveries") as batch:
        batch.drop_column("skipped")
