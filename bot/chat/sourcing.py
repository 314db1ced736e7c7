"""Sources inside the running bot: feed and inbox-watch jobs, links, /sources, /addfeed, /removefeed.

Each feed is its own repeating job, so a slow or broken feed never delays another; the inbox
watch is a short repeating job that stores settled files and analyzes them at once, so a digest
finds them ready. Fetching is async and extraction/analysis run in worker threads.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta

from telegram import Message as TgMessage
from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes, JobQueue, MessageHandler, filters

from bot.analysis.model import Report, ReportError
from bot.settings import Feed
from bot.sources.fetch import MIB, FetchPolicy
from bot.sources.links import find_links, link_report
from bot.sources.poller import FeedPoller, feed_key
from bot.sources.registry import FeedRegistry

from . import access
from .briefing import Briefing
from .commands import COMMAND_UPDATES, Handlers, chunk_lines, typing

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
    """Feeds, links and the inbox watch for one application (kept in bot_data["sources"])."""

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
            await self.briefing.prepare(result.new)

    async def watch(self) -> None:
        """Store files that settled in the inbox and analyze them now, not at digest time."""
        result = await self.briefing.collect()
        if result.new:
            await self.briefing.prepare(result.new)

    # -- links -------------------------------------------------------------------------------

    async def report_for(self, url: str) -> Report:
        """Fetch, extract and store the page; raises ReportError naming the URL."""
        try:
            report = await link_report(url, self.policy)
        except ReportError as exc:
            await asyncio.to_thread(self.store.record_source_error, LINKS_KEY, str(exc))
            raise
        added = await asyncio.to_thread(self.store.add_report, report)
        await asyncio.to_thread(self.store.record_source_success, LINKS_KEY,
                                new_reports=int(added))
        return report

    async def summarize_link(self, handlers: Handlers, message: TgMessage, url: str) -> None:
        """Answer one link with its summary, or with why it could not be read."""
        async with typing(message.get_bot(), message.chat_id):
            try:
                report = await self.report_for(url)
            except ReportError as exc:
                await handlers.reply(message, handlers.t("link_failed", url=url,
                                                         reason=exc.reason))
                return
            messages = await self.briefing.render([report])
        await handlers.reply_messages(message, messages)

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


async def feed_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    assert context.job is not None
    hub: SourceHub = context.application.bot_data["sources"]
    await hub.poll(context.job.data)


async def watch_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    hub: SourceHub = context.application.bot_data["sources"]
    await hub.watch()


def _when(moment: datetime | None, never: str) -> str:
    return moment.strftime("%Y-%m-%d %H:%M %Z").strip() if moment else never


def _every(interval: timedelta) -> str:
    seconds = int(interval.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


class SourceCommands:
    """/sources for everyone allowed, /addfeed and /removefeed for admins, links in chats."""

    def __init__(self, handlers: Handlers, hub: SourceHub) -> None:
        self.handlers = handlers
        self.hub = hub
        self.settings = handlers.settings

    def register(self, application: Application) -> None:
        """Registered before the other handlers so the unknown-command reply never wins."""
        for name, callback in (("sources", self.sources), ("addfeed", self.add_feed),
                               ("removefeed", self.remove_feed)):
            application.add_handler(CommandHandler(name, callback, filters=COMMAND_UPDATES))
        if self.settings.sources.listen_links:
            application.add_handler(MessageHandler(
                filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND
                & filters.Regex(r"(?i)https?://\S"), self.links))

    async def sources(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        t = self.handlers.t
        feeds = await asyncio.to_thread(self.hub.registry.current)
        states = await asyncio.to_thread(self.hub.store.source_states)
        never = t("status_never")
        lines = [t("sources_header")]
        for feed in feeds:
            state = states.get(feed_key(feed.url))
            lines.append(t("source_feed", name=feed.name, url=feed.url, every=_every(feed.interval),
                           reports=state.reports if state else 0,
                           ok=_when(state.last_success if state else None, never),
                           error=self._error(state, never)))
        if not feeds:
            lines.append(t("no_feeds"))
        for key, label in ((INBOX_KEY, t("source_inbox", path=str(self.settings.inbox))),
                           (LINKS_KEY, t("source_links"))):
            state = states.get(key)
            lines.append(t("source_other", label=label, reports=state.reports if state else 0,
                           ok=_when(state.last_success if state else None, never),
                           error=self._error(state, never)))
        for chunk in chunk_lines(lines):
            await self.handlers.reply(message, chunk)

    @staticmethod
    def _error(state, never: str) -> str:
        if state is None or state.last_error is None:
            return never
        return f"{_when(state.last_error_at, never)}: {state.last_error}"

    async def _admin_url(self, update: Update, context: ContextTypes.DEFAULT_TYPE,
                         command: str) -> str | None:
        message = update.effective_message
        assert message is not None
        user = update.effective_user
        if not access.is_admin(self.settings.access, user.id if user else None):
            await self.handlers.reply(message, self.handlers.t("admins_only", command=command))
            return None
        if len(context.args or []) != 1:
            await self.handlers.reply(message, self.handlers.t("feed_usage", command=command))
            return None
        return (context.args or [""])[0]

    async def add_feed(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        url = await self._admin_url(update, context, "addfeed")
        message, user = update.effective_message, update.effective_user
        if url is None or message is None:
            return
        try:
            feed = await self.hub.add_feed(context.application.job_queue, url,
                                           user.id if user else None)
        except ValueError:
            await self.handlers.reply(message, self.handlers.t("feed_bad_url", url=url))
            return
        key = "feed_added" if feed is not None else "feed_exists"
        await self.handlers.reply(message, self.handlers.t(key, url=url))

    async def remove_feed(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        url = await self._admin_url(update, context, "removefeed")
        message, user = update.effective_message, update.effective_user
        if url is None or message is None:
            return
        feed = await self.hub.remove_feed(context.application.job_queue, url,
                                          user.id if user else None)
        key = "feed_removed" if feed is not None else "feed_unknown"
        await self.handlers.reply(message, self.handlers.t(key, url=url))

    async def links(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        for url in find_links(message.text or ""):
            await self.hub.summarize_link(self.handlers, message, url)
