"""Database URLs for tests: SQLite always, PostgreSQL when a server is given.

`.ci/run` starts a throwaway PostgreSQL on 127.0.0.1 when the machine has one installed and
sets BRIEFBOT_TEST_POSTGRES_URL; each test then gets a database of its own, dropped after.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

KINDS = ["sqlite", "postgresql"]


@contextmanager
def database_url(kind: str, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of this kind; skips the test when PostgreSQL is not there."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'state' / 'briefbot.db'}"
        return
    server = os.environ.get("BRIEFBOT_TEST_POSTGRES_URL")
    if not server:
        pytest.skip("no PostgreSQL server: set BRIEFBOT_TEST_POSTGRES_URL to run these")
    name = f"briefbot_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
