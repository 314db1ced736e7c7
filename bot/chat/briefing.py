"""The digest workflow shared by scheduled jobs and commands.

Picks up new reports, analyzes them off the event loop (cached per report and options),
renders the digest and delivers it, recording each report for a chat only after Telegram
accepted it. One lock per chat keeps a scheduled run and a /digest from posting the same
reports twice; a restart relies on the store instead.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from telegram import Bot
from telegram.error import TelegramError

from bot.analysis.loaders import load_bytes, report_from_text
from bot.analysis.model import Analysis, Report, ReportError, SummaryOptions
from bot.analysis.pipeline import analyze
from bot.digest.build import build_digest
from bot.digest.model import Message
from bot.digest.render_html import render_messages
from bot.settings import Settings, Target
from bot.sources.inbox import Inbox, ScanResult
from bot.store.db import Store, chat_key

from .delivery import RetryPolicy, deliver, send_html
from .texts import text

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    """What one digest run did for one chat."""

    reports: int
    empty: bool = False
    error: TelegramError | None = None


def options_key(options: SummaryOptions) -> str:
    """Cache key for analyses: a change of settings means new analyses, not stale ones."""
    return (f"{options.algorithm}|s={options.sentences}|r={options.ratio}"
            f"|f={options.figures}|q={options.quotes}")


class Briefing:
    def __init__(self, settings: Settings, store: Store, *, policy: RetryPolicy,
                 clock: Callable[[], datetime] | None = None) -> None:
        self.settings = settings
        self.clock = clock or (lambda: datetime.now(UTC))
        self.store = store
        self.policy = policy
        self.language = settings.telegram.language
        self.inbox = Inbox(settings.inbox, max_file_mb=settings.max_file_mb,
                           settle_seconds=settings.sources.settle_seconds)
        self.merge_threshold = settings.sources.merge_threshold or None  # 0: never merge
        summary = settings.summary
        self.options = SummaryOptions(sentences=summary.sentences, algorithm=summary.algorithm,
                                      figures=summary.figures, quotes=summary.quotes)
        self.key = options_key(self.options)
        self._scan_lock = asyncio.Lock()
        self._chat_locks: dict[str, asyncio.Lock] = {}

    def lock(self, chat_id: int | str) -> asyncio.Lock:
        return self._chat_locks.setdefault(chat_key(chat_id), asyncio.Lock())

    # -- reports and analyses ------------------------------------------------------------------

    async def collect(self) -> ScanResult:
        """Store new reports from the inbox (one scan at a time)."""
        async with self._scan_lock:
            result = await asyncio.to_thread(self.inbox.scan, self.store)
            await asyncio.to_thread(self._record_scan, result)
            return result

    def _record_scan(self, result: ScanResult) -> None:
        """Inbox health for /sources: reports found, and the last file that could not be read."""
        self.store.record_source_success("inbox", new_reports=len(result.new))
        if result.failures:
            self.store.record_source_error("inbox", result.failures[-1])

    async def prepare(self, reports: Sequence[Report]) -> None:
        """Analyze new reports now (cached), so the next digest does not wait for them."""
        await asyncio.to_thread(self._analyze_cached, reports)

    def _analyze_cached(self, reports: Sequence[Report]) -> tuple[list[Analysis], list[str]]:
        analyses: list[Analysis] = []
        failures: list[str] = []
        for report in reports:
            cached = self.store.load_analysis(report, self.key)
            if cached is not None:
                analyses.append(cached)
                continue
            try:
                analysis = analyze(report, self.options)
            except ReportError as exc:
                log.warning("cannot summarize %s", exc)
                failures.append(str(exc))
                continue
            self.store.save_analysis(self.key, analysis)
            analyses.append(analysis)
        return analyses, failures

    async def render(self, reports: Sequence[Report], *, cache: bool = True) -> list[Message]:
        """Digest messages for these reports; analysis runs in a worker thread."""
        def work() -> list[Message]:
            if cache:
                analyses, failures = self._analyze_cached(reports)
            else:
                analyses = [analyze(r, self.options) for r in reports]
                failures = []
            if not analyses:
                return []
            return render_messages(build_digest(analyses, created=self.clock(),
                                                failures=failures,
                                                merge_threshold=self.merge_threshold),
                                   language=self.language)
        return await asyncio.to_thread(work)

    async def render_upload(self, data: bytes, name: str) -> list[Message]:
        """Summary of a file sent in chat; not stored, so it never reaches the team chats."""
        report = await asyncio.to_thread(load_bytes, data, name)
        return await self.render([report], cache=False)

    async def render_text(self, body: str, source: str) -> list[Message]:
        report = await asyncio.to_thread(report_from_text, body, source)
        return await self.render([report], cache=False)

    # -- digests -------------------------------------------------------------------------------

    async def send_new(self, bot: Bot, chat_id: int | str, *, kind: str,
                       announce_empty: bool = False, reply_to: int | None = None,
                       thread_id: int | None = None) -> Outcome:
        """Post one digest of the reports this chat has not received yet."""
        async with self.lock(chat_id):
            await self.collect()
            reports = await asyncio.to_thread(self.store.undelivered, chat_id)
            messages = await self.render(reports) if reports else []
            if not messages:
                if announce_empty:
                    body = text(self.language, "empty_announce")
                    try:
                        await send_html(bot, chat_id, body, body, policy=self.policy,
                                        reply_to=reply_to, thread_id=thread_id)
                    except TelegramError as exc:
                        log.error("cannot announce to %s: %s", chat_id, exc)
                        return Outcome(0, empty=True, error=exc)
                await asyncio.to_thread(self.store.record_digest, chat_id, kind, 0)
                return Outcome(0, empty=True)

            async def mark(ids: tuple[str, ...]) -> None:
                await asyncio.to_thread(self.store.mark_delivered, chat_id, ids)

            result = await deliver(bot, chat_id, messages, policy=self.policy,
                                   on_delivered=mark, reply_to=reply_to, thread_id=thread_id)
            if result.delivered or result.error is None:
                await asyncio.to_thread(self.store.record_digest, chat_id, kind,
                                        len(result.delivered))
            log.info("digest (%s) to %s: %d report(s) delivered%s", kind, chat_id,
                     len(result.delivered), f", stopped: {result.error}" if result.error else "")
            return Outcome(len(result.delivered), error=result.error)

    async def run_target(self, bot: Bot, target: Target, kind: str) -> Outcome:
        """A target's digest; any failure is logged and contained so other targets still run."""
        try:
            return await self.send_new(bot, target.chat_id, kind=kind,
                                       announce_empty=target.announce_empty)
        except TelegramError as exc:
            log.error("digest for target %s failed: %s", target.name, exc)
            return Outcome(0, error=exc)

    async def run_all(self, bot: Bot, kind: str) -> list[tuple[Target, Outcome]]:
        return [(t, await self.run_target(bot, t, kind)) for t in self.settings.targets]
