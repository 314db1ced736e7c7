"""Opening the bot's database for `check` and `health` without creating one by accident."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url

from bot.store.db import Store


class NoDatabase(Exception):
    """The database named in the settings is not there (or cannot be opened)."""


def sqlite_file(database_url: str) -> Path | None:
    """The file of a SQLite URL (None for PostgreSQL and in-memory databases)."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def open_existing_store(database_url: str) -> Store:
    """The store, or NoDatabase when a SQLite file does not exist yet or opening fails."""
    file = sqlite_file(database_url)
    if file is not None and not file.is_file():
        raise NoDatabase(f"{file} does not exist yet (the bot creates it on its first run)")
    try:
        return Store(database_url)
    except Exception as exc:  # SQLAlchemy's errors vary by driver; any of them means "not usable"
        raise NoDatabase(f"cannot open the database ({type(exc).__name__}: {exc})") from None
