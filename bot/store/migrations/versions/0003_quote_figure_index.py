"""Who said what, which figures: quote_index and figure_index, built from the stored analyses.

The index is derived data: the backfill reads every analysis already stored and indexes it
through the same function Store.save_analysis uses, so old and new rows carry the same keys.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from bot.store.indexing import index_analysis

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    quotes = op.create_table(
        "quote_index",
        sa.Column("report_id", sa.String(64), sa.ForeignKey("reports.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("speaker", sa.Text, nullable=False),
        sa.Column("speaker_key", sa.String(100), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_quote_index_speaker_key", "quote_index", ["speaker_key"])
    figures = op.create_table(
        "figure_index",
        sa.Column("report_id", sa.String(64), sa.ForeignKey("reports.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("context", sa.Text, nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("context_key", sa.Text, nullable=False),
    )
    _backfill(op.get_bind(), quotes, figures)


def _backfill(conn: sa.Connection, quotes: sa.Table, figures: sa.Table) -> None:
    """Index every stored analysis, oldest report first; one unreadable row is skipped alone."""
    analyses = sa.table("analyses", sa.column("report_id"), sa.column("data"))
    reports = sa.table("reports", sa.column("id"), sa.column("seq"), sa.column("language"))
    rows = conn.execute(sa.select(analyses.c.report_id, analyses.c.data, reports.c.language)
                        .join(reports, reports.c.id == analyses.c.report_id)
                        .order_by(reports.c.seq))
    for row in rows.all():
        try:
            index_analysis(conn, quotes, figures, row.report_id, row.language,
                           json.loads(row.data))
        except (ValueError, KeyError, TypeError, AttributeError):
            continue  # a damaged cache entry: the next analysis of that report indexes it


def downgrade() -> None:
    op.drop_table("figure_index")
    op.drop_index("ix_quote_index_speaker_key", table_name="quote_index")
    op.drop_table("quote_index")
