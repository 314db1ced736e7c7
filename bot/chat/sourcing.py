"""Sources inside the running bot: feed and inbox-watch jobs, pages behind links, feeds changed in chat.

Each feed is its own repeating job, so a slow or broken feed never delays another; the inbox
watch is a short repeating job that stores settled files and analyzes them at once, so a digest
finds them ready. Fetching is async and extraction/analysis run in worker threads.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from telegram.ext import JobQueue

from bot.analysis.model import Report, ReportError
from bot.briefing.intake import store_report
from bot.settings import Feed
from bot.sources.fetch import MIB, FetchPolicy
from bot.sources.links import link_report
from bot.sources.poller import FeedPoller
from bot.sources.registry import FeedRegistry

from .briefing import Briefing

if TYPE_CHECKING:
    from .handlers.context import BriefContext

log = logging.getLogger(__name__)
FEED_JOB = "feed:"
WATCH_JOB = "watch:inbox"
LINKS_KEY = "links"
INBOX_KEY = "inbox"
FEED_STAGGER_SECONDS = 1.0
FIRST_POLL_SECONDS = 0.1  # PTB reads first=0 as "after one interval"
# A poll that comes late (slow start-up, busy loop) still runs, once: it is never worth skipping.
JOB_OPTIONS = {"max_instances": 1, "coalesce": True, "misfire_grace_time": None}


class SourceHub:
    """Feeds, links and the inbox watch for one application (context.state.sources)."""

    def __init__(self, briefing: Briefing) -> None:
        settings = briefing.settings.sources
        self.briefing = briefing
        self.store = briefing.store
        self.policy = FetchPolicy(timeout=settings.fetch_timeout_seconds,
                                  max_bytes=int(settings.max_fetch_mb * MIB),
                                  allow_private=settings.allow_private_addresses)
        self.registry = FeedRegistry(briefing.settings.feeds, settings.feed_interval,
                                     briefing.store)
        self.poller = FeedPoller(briefing.store, self.policy)
        self.watch_interval = settings.watch_interval_seconds

    # -- jobs --------------------------------------------------------------------------------

    def schedule(self, job_queue: JobQueue) -> None:
        """The inbox watch and one job per current feed (called once, before start)."""
        job_queue.run_repeating(watch_job, interval=self.watch_interval,
                                first=self.watch_interval, name=WATCH_JOB,
                                job_kwargs=JOB_OPTIONS)
        for index, feed in enumerate(self.registry.current()):
            self.schedule_feed(job_queue, feed, delay=index * FEED_STAGGER_SECONDS)

    def schedule_feed(self, job_queue: JobQueue, feed: Feed, *, delay: float = 0.0) -> None:
        """First poll right away (staggered at start-up), then every feed.interval.

        The first poll is a one-off job: a repeating job whose start passed before the scheduler
        started would silently wait a whole interval, a one-off job runs late instead.
        """
        name = FEED_JOB + feed.url
        job_queue.run_once(feed_job, when=FIRST_POLL_SECONDS + delay, data=feed, name=name,
                           job_kwargs=JOB_OPTIONS)
        job_queue.run_repeating(feed_job, interval=feed.interval,
                                first=feed.interval.total_seconds() + delay, data=feed,
                                name=name, job_kwargs=JOB_OPTIONS)

    async def poll(self, feed: Feed) -> None:
        result = await self.poller.poll(feed)
        if result.new:
            await self.briefing.arrived(result.new)

    async def watch(self) -> None:
        """Store files that settled in the inbox; collect() analyzes them now (and alerts
        watching chats), not at digest time."""
        await self.briefing.collect()

    # -- links -------------------------------------------------------------------------------

    async def report_for(self, url: str, *, keep: bool = True,
                         chat: int | str | None = None) -> Report:
        """Fetch and extract the page, and store it when `keep` (a member's link), with the
        chat it was posted in as its origin ("links:<chat>", for routing).

        Raises ReportError naming the URL. A page that is not kept never reaches the targets.
        """
        try:
            report = await link_report(url, self.policy)
        except ReportError as exc:
            await self.briefing.db.record_source_error(LINKS_KEY, str(exc))
            raise
        if not keep:
            return report
        added = await store_report(self.briefing.db, report, "link", chat)
        await self.briefing.db.record_source_success(LINKS_KEY, new_reports=int(added))
        if added:
            await self.briefing.arrived([report])
        return report

    # -- feeds changed in chat ---------------------------------------------------------------

    async def add_feed(self, job_queue: JobQueue, url: str, by: int | None) -> Feed | None:
        feed = await asyncio.to_thread(self.registry.add, url, by=by)
        if feed is not None:
            self.schedule_feed(job_queue, feed)
        return feed

    async def remove_feed(self, job_queue: JobQueue, url: str, by: int | None) -> Feed | None:
        feed = await asyncio.to_thread(self.registry.remove, url, by=by)
        if feed is not None:
            for job in job_queue.get_jobs_by_name(FEED_JOB + feed.url):
                job.schedule_removal()
        return feed


async def feed_job(context: BriefContext) -> None:
    """One feed's poll: a fetch and analyses, so it takes a heavy-work slot like a link."""
    assert context.job is not None
    async with context.state.heavy.slot():
        await context.state.sources.poll(context.job.data)


async def watch_job(context: BriefContext) -> None:
    await context.state.sources.watch()
