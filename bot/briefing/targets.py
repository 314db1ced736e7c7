"""A configured target as the workflow sees it: where to post and in which time zone."""

from __future__ import annotations

from datetime import UTC, tzinfo
from zoneinfo import ZoneInfo

from bot.settings import Target


def target_timezone(target: Target) -> tzinfo:
    """The zone of the target's first cron schedule (its team's clock); UTC otherwise."""
    for schedule in target.schedules:
        if schedule.cron:
            return ZoneInfo(schedule.timezone)
    return UTC

