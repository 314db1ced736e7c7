"""The bot's side of the briefing workflow: targets, the inbox and a Telegram sender.

Everything that decides what a chat receives lives in bot.briefing (no Telegram there); this
adapter only plugs in the Telegram sender, the targets' time zones and the bot's texts, and
keeps one failure from skipping the other targets. Handlers call these methods; the store is
`store` (sync, for worker threads) and `db` (AsyncStore, on the event loop).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from functools import partial

from telegram import Bot

from bot.analysis.loaders import load_bytes, report_from_text
from bot.analysis.model import Report, ReportError, SummaryOptions
from bot.briefing import (
    BriefingWorkflow,
    Destination,
    Outcome,
    Rendered,
    WorkflowConfig,
    read_report,
)
from bot.briefing.alerts import Alerter
from bot.briefing.routing import Route
from bot.digest.model import Message
from bot.errors import StoreUnavailable
from bot.settings import Settings, Target
from bot.settings.timing import target_zone
from bot.sources.inbox import Inbox, ScanResult
from bot.store.aio import AsyncStore
from bot.store.db import Store

from .access import chat_allowed, target_keys
from .delivery import RetryPolicy, TelegramSender
from .texts import text

__all__ = ["Briefing", "Outcome"]
log = logging.getLogger(__name__)
ALERT_CATCH_UP = timedelta(hours=1)  # reports this recent are checked for alerts at start
ALERT_CATCH_UP_REPORTS = 100


class Briefing:
    def __init__(self, settings: Settings, store: Store, *, policy: RetryPolicy,
                 clock: Callable[[], datetime] | None = None, bot: Bot | None = None) -> None:
        self.settings = settings
        self.clock = clock or (lambda: datetime.now(UTC))
        self.store = store
        self.db = AsyncStore(store)
        self.policy = policy
        self.language = settings.telegram.language
        self.inbox = Inbox(settings.inbox, max_file_mb=settings.max_file_mb,
                           settle_seconds=settings.sources.settle_seconds)
        self.options = SummaryOptions.from_settings(settings.summary)
        self.quarantine_after = settings.delivery.quarantine_after
        self.workflow = BriefingWorkflow(self.db, WorkflowConfig(
            options=self.options, language=self.language,
            merge_threshold=settings.sources.merge_threshold or None,  # 0: never merge
            backfill=settings.delivery.backfill,
            quarantine_after=self.quarantine_after,
            followup_days=settings.delivery.followup_days, buttons=True), clock=self.clock)
        self.key = self.workflow.key
        self._scan_lock = asyncio.Lock()
        # watchlists (bot.briefing.alerts): sent through the digests' sender once the bot exists
        self.sender = TelegramSender(bot, policy) if bot is not None else None
        self.alerts = Alerter(self.db, partial(text, self.language), route_for=self.route_for,
                              destination_for=self.alert_destination)
        self._watchlists_of: Settings | None = None
        self._caught_up = False

    def lock(self, chat_id: int | str) -> asyncio.Lock:
        return self.workflow.lock(chat_id)

    # -- reports and analyses ------------------------------------------------------------------

    async def collect(self) -> ScanResult:
        """Store new reports from the inbox (one scan at a time); see arrived()."""
        async with self._scan_lock:
            result = await self.inbox.scan(self.db)
            recent = await self._recent_after_start()
        if result.new or recent:
            await self.arrived([*recent, *result.new])
        return result

    async def _recent_after_start(self) -> list[Report]:
        """Once per process: reports stored in the last ALERT_CATCH_UP, checked again for
        alerts (a stop between storing and alerting must not lose one; claims keep it one)."""
        if self._caught_up:
            return []
        self._caught_up = True
        since = datetime.now(UTC) - ALERT_CATCH_UP
        return [r.report for r in await self.db.recent_reports(ALERT_CATCH_UP_REPORTS)
                if r.added_at >= since]

    async def arrived(self, reports: Sequence[Report]) -> None:
        """New stored reports: analyze them now (a digest finds them ready) and alert the
        chats watching for them, before any digest carries them."""
        analyses, _ = await self.workflow.analyse(reports)
        if self.sender is None or not analyses:
            return
        if self._watchlists_of is not self.settings:  # targets resolved or settings replaced
            await self.db.sync_settings_watches({str(t.chat_id): t.watch
                                                 for t in self.settings.targets})
            self._watchlists_of = self.settings
        await self.alerts.check(analyses, self.sender)

    # -- desks: routes, topics, who may get alerts ------------------------------------------

    def route_for(self, chat_id: int | str) -> Route | None:
        """A target's route (sources and filters); None for other chats: they see all."""
        target = self.target_of(chat_id)
        return Route.of(target) if target is not None else None

    def alert_destination(self, chat_id: int | str) -> Destination | None:
        """Where a chat's alerts go (a target's topic), or None when the chat may no longer
        use the bot (it left the allowlists since the watch was added)."""
        target = self.target_of(chat_id)
        if target is not None:
            return Destination(target.chat_id, name=target.name, thread_id=target.topic_id)
        try:
            number = int(chat_id)
        except ValueError:
            return None
        allowed = chat_allowed(self.settings.access, target_keys(self.settings.targets),
                               chat_id=number, chat_username=None,
                               chat_type="private" if number > 0 else "group",
                               user_id=number if number > 0 else None)
        return Destination(number) if allowed else None

    async def prepare(self, reports: Sequence[Report]) -> None:
        """Analyze new reports now (cached), so the next digest does not wait for them."""
        await self.workflow.analyse(reports)

    async def render(self, reports: Sequence[Report], *, cache: bool = True) -> list[Message]:
        """Digest messages for these reports (cache=False: not stored, e.g. an upload).

        Reports that fail are left out; when every one failed, the first failure is raised as
        a ReportError naming the report."""
        return _messages(await self.workflow.render(reports, stored=cache))

    async def render_upload(self, data: bytes, name: str) -> list[Message]:
        """Summary of a file sent in chat; not stored, so it never reaches the team chats."""
        report = await asyncio.to_thread(read_report, name, load_bytes, data, name)
        return await self.render([report], cache=False)

    async def render_text(self, body: str, source: str) -> list[Message]:
        report = await asyncio.to_thread(read_report, source, report_from_text, body, source)
        return await self.render([report], cache=False)

    async def problems(self) -> list[str]:
        """What /status lists: quarantined reports with their reason, unreadable inbox files."""
        quarantined = await self.db.quarantined(self.quarantine_after)
        return [f"{q.title or q.source} ({q.id}): {q.reason} ×{q.attempts}"
                for q in quarantined] + list(self.inbox.failures)

    # -- digests -------------------------------------------------------------------------------

    async def send_new(self, bot: Bot, chat_id: int | str, *, kind: str,
                       announce_empty: bool = False, reply_to: int | None = None,
                       thread_id: int | None = None, name: str = "",
                       timezone: tzinfo | None = None) -> Outcome:
        """Post one digest of the reports this chat has not received yet.

        The header's date is in the target's time zone when the chat is a target (a /summary
        in a target chat too), else in the one given, else UTC."""
        await self.collect()
        empty = text(self.language, "empty_announce") if announce_empty else None
        target = self.target_of(chat_id)
        return await self.workflow.deliver_new(
            Destination(chat_id, name=name or (target.name if target else ""),
                        reply_to=reply_to, thread_id=thread_id),
            TelegramSender(bot, self.policy), kind=kind, empty_html=empty,
            timezone=timezone or (target_zone(target) if target else UTC),
            route=Route.of(target) if target else None)

    def target_of(self, chat_id: int | str) -> Target | None:
        """The configured target posting to this chat, if any (ids as resolved at start-up)."""
        return next((t for t in self.settings.targets if str(t.chat_id) == str(chat_id)), None)

    async def run_target(self, bot: Bot, target: Target, kind: str) -> Outcome:
        """A target's digest; any failure is logged and contained so other targets still run.

        Only StoreUnavailable goes up: with the database gone nothing may be posted at all."""
        try:
            return await self.send_new(bot, target.chat_id, kind=kind, name=target.name,
                                       announce_empty=target.announce_empty,
                                       thread_id=target.topic_id,
                                       timezone=target_zone(target))
        except StoreUnavailable:
            raise
        except Exception as exc:
            log.exception("digest for target %s failed", target.name)
            return Outcome(0, error=exc)

    async def run_all(self, bot: Bot, kind: str) -> list[tuple[Target, Outcome]]:
        return [(t, await self.run_target(bot, t, kind)) for t in self.settings.targets]


def _messages(rendered: Rendered) -> list[Message]:
    if not rendered.messages and rendered.failures:
        failure = rendered.failures[0]
        raise ReportError(failure.report.source, failure.reason) from failure.error
    return rendered.messages
