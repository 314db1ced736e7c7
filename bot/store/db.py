"""Compatibility for callers written when the store was one module: import from bot.store."""

from bot.store.store import Store, chat_key

__all__ = ["Store", "chat_key"]
