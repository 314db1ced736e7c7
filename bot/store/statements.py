"""Statement helpers shared by the store and the lease: portable upserts and UTC times."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection


def now() -> datetime:
    return datetime.now(UTC)


def utc(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def dialect_of(conn: Connection):
    """The dialect module whose insert() knows ON CONFLICT (both speak it)."""
    return postgresql if conn.dialect.name == "postgresql" else sqlite


def insert_ignore(table: Table, conn: Connection, rows: list[dict]) -> int:
    """Insert rows, skipping those whose key exists; returns how many were new."""
    # RETURNING rather than rowcount: psycopg reports -1 for some inserts on PostgreSQL.
    key = next(iter(table.primary_key.columns))
    statement = dialect_of(conn).insert(table).on_conflict_do_nothing().returning(key)
    return sum(len(conn.execute(statement, row).all()) for row in rows)


def upsert(table: Table, conn: Connection, row: dict, keys: Sequence[str]) -> None:
    """Insert the row, or update its non-key columns when the key exists."""
    statement = dialect_of(conn).insert(table).values(**row)
    changes = {k: v for k, v in row.items() if k not in keys}
    conn.execute(statement.on_conflict_do_update(index_elements=list(keys), set_=changes))
