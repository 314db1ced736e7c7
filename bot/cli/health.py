"""`briefbot health`: is the running bot alive? For Docker's HEALTHCHECK and systemd.

The running bot records heartbeats in the store (kind "poll" on each long poll, kind
"schedule" from its scheduler); a heartbeat older than --max-age means the process is stuck
or gone. Reads only; prints one line; exit 0 healthy, 1 not.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime

from bot.settings import Settings

from .database import NoDatabase, open_existing_store
from .exits import EXIT_FAILED, EXIT_OK

DEFAULT_MAX_AGE = 300.0  # seconds; the bot's heartbeats come every minute or faster


def heartbeat_kinds(settings: Settings) -> tuple[str, ...]:
    """A webhook bot does not poll; its scheduler still ticks."""
    return ("schedule",) if settings.telegram.mode == "webhook" else ("poll", "schedule")


def run_health(settings: Settings, *, max_age: float = DEFAULT_MAX_AGE,
               now: datetime | None = None, store: object | None = None) -> int:
    """Check the heartbeats; `store` may be given (tests), otherwise the configured one opens."""
    now = now or datetime.now(UTC)
    opened = None
    try:
        if store is None:
            store = opened = open_existing_store(settings.database_url)
        problems, seen = _ages(store, heartbeat_kinds(settings), now, max_age)
    except NoDatabase as exc:
        problems, seen = [str(exc)], []
    except Exception as exc:  # a locked or vanished database is "unhealthy", not a crash
        problems, seen = [f"cannot read heartbeats ({type(exc).__name__}: {exc})"], []
    finally:
        if opened is not None:
            opened.close()
    if problems:
        print("briefbot health: unhealthy: " + "; ".join(problems), file=sys.stderr)
        return EXIT_FAILED
    print("briefbot health: ok: " + ", ".join(seen))
    return EXIT_OK


def _ages(store: object, kinds: tuple[str, ...], now: datetime,
          max_age: float) -> tuple[list[str], list[str]]:
    heartbeat = getattr(store, "heartbeat", None)
    if heartbeat is None:
        return ["this version of the store records no heartbeats"], []
    problems, seen = [], []
    for kind in kinds:
        last = heartbeat(kind)
        if last is None:
            problems.append(f"no {kind} heartbeat yet (is the bot running?)")
            continue
        age = (now - (last if last.tzinfo else last.replace(tzinfo=UTC))).total_seconds()
        line = f"last {kind} {age:.0f} s ago"
        if age > max_age:
            problems.append(f"{line} (more than {max_age:.0f} s)")
        else:
            seen.append(line)
    return problems, seen
