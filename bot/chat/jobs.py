"""Digest schedules on PTB's JobQueue, and catching up runs missed while the bot was down.

APScheduler's job store lives in memory, so its own misfire handling cannot see runs missed
before a restart; catch_up_due() compares each cron schedule's previous fire time with the
target's last digest in the store instead.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger
from telegram.ext import Application, Job, JobQueue

from bot.errors import DatabaseGone
from bot.settings import Schedule, Target

if TYPE_CHECKING:  # handlers import this module (status shows the next runs)
    from .handlers.context import BotState, BriefContext

log = logging.getLogger(__name__)
JOB_PREFIX = "digest:"
CATCH_UP_PREFIX = "catchup:"


def cron_trigger(schedule: Schedule) -> CronTrigger:
    assert schedule.cron is not None
    return CronTrigger.from_crontab(schedule.cron, timezone=ZoneInfo(schedule.timezone))


def previous_fire_time(schedule: Schedule, now: datetime, window: timedelta) -> datetime | None:
    """The latest time the cron schedule fired in (now - window, now], if any."""
    trigger = cron_trigger(schedule)
    previous = None
    fire = trigger.get_next_fire_time(None, now - window)
    while fire is not None and fire <= now:
        previous = fire
        fire = trigger.get_next_fire_time(fire, fire + timedelta(seconds=1))
    return previous


def catch_up_due(target: Target, last_digest: datetime | None, now: datetime,
                 grace_seconds: int) -> datetime | None:
    """The missed fire time to catch up once, or None when the target is up to date."""
    window = timedelta(seconds=grace_seconds)
    missed = [
        fire for s in target.schedules if s.cron
        if (fire := previous_fire_time(s, now, window)) is not None
        and (last_digest is None or fire > last_digest)
    ]
    return max(missed, default=None)


async def digest_job(context: BriefContext) -> None:
    """Job callback: one target's digest (job.data is the Target)."""
    job = context.job
    assert job is not None
    target: Target = job.data
    briefing = context.state.briefing
    kind = "catch-up" if job.name and job.name.startswith(CATCH_UP_PREFIX) else "scheduled"
    try:
        await briefing.run_target(context.bot, target, kind)
    except DatabaseGone as exc:  # locked or full goes to on_error; the next run tries again
        stop_for_database(context.application, exc)


def stop_for_database(application: Application, exc: DatabaseGone) -> None:
    """A database that vanished while running: say so and stop, never re-post.

    (A fresh empty database would make every inbox report look new to every target.)"""
    log.error("database gone (%s): stopping the bot; nothing was posted. Restore the database "
              "(or fix database_url) and start briefbot again", exc.reason)
    application.stop_running()


def schedule_targets(job_queue: JobQueue, targets: Iterable[Target],
                     grace_seconds: int) -> list[Job]:
    """One job per schedule; a run missed by less than the grace time still runs, once."""
    jobs = []
    for target in targets:
        for i, schedule in enumerate(target.schedules):
            name = f"{JOB_PREFIX}{target.name}:{i}"
            options = {"misfire_grace_time": grace_seconds, "coalesce": True, "max_instances": 1}
            if schedule.cron:
                jobs.append(job_queue.run_custom(
                    digest_job, job_kwargs={"trigger": cron_trigger(schedule), **options},
                    data=target, name=name))
            elif schedule.interval:
                jobs.append(job_queue.run_repeating(
                    digest_job, interval=schedule.interval, first=schedule.interval,
                    data=target, name=name, job_kwargs=options))
    return jobs


async def schedule_catch_up(application: Application, now: datetime | None = None) -> list[str]:
    """At start-up: queue one digest for each target whose cron run was missed."""
    state: BotState = application.bot_data
    briefing = state.briefing
    settings = briefing.settings
    now = now or datetime.now(UTC)
    queued = []
    for target in settings.targets:
        last = briefing.store.last_digest(target.chat_id)
        missed = catch_up_due(target, last.created_at if last else None, now,
                              settings.telegram.misfire_grace_seconds)
        if missed is not None:
            log.info("catching up the %s digest for %s missed at %s", target.name,
                     target.chat_id, missed.isoformat())
            application.job_queue.run_once(digest_job, when=0, data=target,
                                           name=f"{CATCH_UP_PREFIX}{target.name}")
            queued.append(target.name)
    return queued


def next_runs(job_queue: JobQueue, target: Target) -> datetime | None:
    """The next scheduled digest for a target (for /status)."""
    times = [job.next_t for job in job_queue.jobs()
             if job.data is target and job.name and job.name.startswith(JOB_PREFIX)
             and job.next_t is not None]
    return min(times, default=None)
