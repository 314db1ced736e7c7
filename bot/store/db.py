"""Compatibility: the store was one module; import from bot.store (or its modules) instead."""

from bot.store.engine import make_engine
from bot.store.records import (
    Backlog,
    DigestRun,
    QuarantinedReport,
    SavedFeed,
    SourceState,
    StoredReport,
)
from bot.store.schema import metadata
from bot.store.store import Store, chat_key

__all__ = ["Backlog", "DigestRun", "QuarantinedReport", "SavedFeed", "SourceState", "Store",
           "StoredReport", "chat_key", "make_engine", "metadata"]
