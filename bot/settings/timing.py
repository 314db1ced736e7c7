"""When a target's digests go out, in the target's own time zone (no Telegram, no database).

`briefbot check` prints the next runs with this; digest headers and /status can show dates
in `target_zone(target)` the same way.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from datetime import datetime, timedelta
from itertools import count, islice
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

from .models import Schedule, Target


def target_zone(target: Target) -> ZoneInfo:
    """The time zone of the target's first cron schedule; UTC for interval-only targets."""
    for schedule in target.schedules:
        if schedule.cron is not None:
            return ZoneInfo(schedule.timezone)
    return ZoneInfo("UTC")


def fire_times(schedule: Schedule, now: datetime) -> Iterator[datetime]:
    """Run times after `now`, for ever: cron in its zone; an interval counted from now."""
    if schedule.interval is not None:
        yield from (now + schedule.interval * n for n in count(1))
        return
    assert schedule.cron is not None
    trigger = CronTrigger.from_crontab(schedule.cron, timezone=ZoneInfo(schedule.timezone))
    fire = trigger.get_next_fire_time(None, now)
    while fire is not None:
        yield fire
        fire = trigger.get_next_fire_time(fire, fire + timedelta(seconds=1))


def next_runs(target: Target, now: datetime, count: int = 3) -> list[datetime]:
    """The target's next `count` digest times over all its schedules, in its own time zone."""
    zone = target_zone(target)
    merged = heapq.merge(*(fire_times(s, now) for s in target.schedules))
    unique: list[datetime] = []
    for fire in merged:
        if not unique or fire != unique[-1]:
            unique.append(fire)
        if len(unique) == count:
            break
    return [fire.astimezone(zone) for fire in islice(unique, count)]


def describe_interval(interval: timedelta) -> str:
    """A timedelta the way the settings write it: '90s', '30m', '6h', '1d'."""
    seconds = int(interval.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"
