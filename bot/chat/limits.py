"""Limits per user and overall, so one member or a burst of uploads cannot flood the bot.

Per user: a sliding one-minute window over the requests that cost work (/summary, links,
uploads), answered with "try again in N s" when full (settings.limits), once a minute, later
refusals silently; a looser window over every command (COMMANDS_PER_MINUTE). Overall: a
bound on heavy work running at once (downloads, fetches, analyses); a big upload takes every
slot, since analysing a 20 MB text peaks at about 15 times its size in memory, and two at once
would not fit.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import time
from collections import deque
from collections.abc import AsyncIterator, Callable

WINDOW_SECONDS = 60.0
# Any command at all, per user: /help, /status and unknown commands cost nothing to run, but
# each answer counts against the 20 messages a minute Telegram lets a bot send to a group, so a
# member flooding them would hold up the group's digests. Twice the costly limit, at least 30.
COMMANDS_PER_MINUTE = 30
BIG_INPUT_BYTES = 2 * 1024 * 1024  # from here on, one job at a time (see the module docstring)


class RateLimiter:
    """At most `per_minute` requests per key within any 60 s; memory bounded by active keys."""

    def __init__(self, per_minute: int, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self._hits: dict[int, deque[float]] = {}
        self._told: dict[int, float] = {}  # key -> when it was last told to wait

    def wait_seconds(self, key: int) -> int:
        """0 and counts the request when it may run now; else whole seconds until it may."""
        now = self.clock()
        self._forget_before(now - WINDOW_SECONDS)
        hits = self._hits.setdefault(key, deque())
        if self.per_minute > 0 and len(hits) >= self.per_minute:
            return max(1, math.ceil(hits[0] + WINDOW_SECONDS - now))
        hits.append(now)
        return 0

    def refusal_is_news(self, key: int) -> bool:
        """True for a key's first refusal within a minute, so only that one is answered: an
        answer to every request of a flood floods the chat back."""
        now = self.clock()
        told = self._told.get(key)
        if told is not None and told > now - WINDOW_SECONDS:
            return False
        self._told[key] = now
        return True

    def _forget_before(self, oldest: float) -> None:
        for key in [k for k, told in self._told.items() if told <= oldest]:
            del self._told[key]
        for key in list(self._hits):
            hits = self._hits[key]
            while hits and hits[0] <= oldest:
                hits.popleft()
            if not hits:
                del self._hits[key]


class HeavyWork:
    """A counting bound on heavy jobs; a job may take several slots (a big upload takes all)."""

    def __init__(self, slots: int) -> None:
        self.slots = max(1, slots)
        self._free = self.slots
        self._changed = asyncio.Condition()

    @contextlib.asynccontextmanager
    async def slot(self, size: int = 0) -> AsyncIterator[None]:
        """Hold one slot, or all of them when the input is at least BIG_INPUT_BYTES."""
        need = self.slots if size >= BIG_INPUT_BYTES else 1
        async with self._changed:
            await self._changed.wait_for(lambda: self._free >= need)
            self._free -= need
        try:
            yield
        finally:
            async with self._changed:
                self._free += need
                self._changed.notify_all()
