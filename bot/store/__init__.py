"""Persistent state: reports, analyses, deliveries per chat, sources, quarantine, lease, health.

Modules: schema (tables), records (values returned), engine (connections, errors, file guard),
migrate (Alembic, applied at open), store (the sync Store), aio (AsyncStore, AsyncLease for the event loop),
lease (one running instance per database), indexing (who said what, which figures: rows built
from analyses). The values returned live in bot.store.records.
See docs/store.md.
"""

from bot.store.aio import AsyncLease, AsyncStore
from bot.store.lease import Lease
from bot.store.store import Store, chat_key

__all__ = ["AsyncLease", "AsyncStore", "Lease", "Store", "chat_key"]
