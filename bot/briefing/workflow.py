"""The briefing workflow: what a chat has not received -> analyses -> digest -> sent -> recorded.

One workflow for the bot and the CLI, with no Telegram and no SQL in it (see ports.py).

- Isolation per report: any exception while analysing or rendering one report fails that
  report only; the store counts its failures, and after `quarantine_after` attempts the report
  is quarantined (left out of every backlog, listed with its reason) instead of being retried
  on every run.
- Bounded backfill: a chat that has never received anything gets at most the latest `backfill`
  reports, and no digest carries more than `max_reports`; the older ones are marked skipped
  (never sent later) and the digest says how many in one line.
- Delivery is recorded per report only once every message carrying it was accepted; a message
  the sender rejects for good fails its reports (towards quarantine) and the rest go on.
- Follow-ups (followup_days > 0): a report continuing a story the chat received in the last
  days is marked "Update to: <earlier title>" and shows the facts the chat has not seen
  (bot.digest.followups); what each chat was shown is recorded for the next one.
- One asyncio lock per chat orders a scheduled run and a command in this process; other
  processes are kept out by the store's lease (bot.store.lease), not here.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo

from bot.analysis.model import Analysis, Report, SummaryOptions
from bot.analysis.pipeline import analyze
from bot.digest.build import build_digest
from bot.digest.followups import Delivered, mark_followups
from bot.digest.merge import DEFAULT_THRESHOLD
from bot.digest.model import Digest, Message
from bot.digest.render_html import plain_of, render_messages
from bot.errors import BriefbotError

from .intake import describe
from .matching import Document
from .options import options_key
from .ports import BriefingStore, Destination, Sender, SendResult, SendStatus
from .routing import Route

log = logging.getLogger(__name__)

# Digest -> messages: Telegram HTML by default (render_messages); the CLI prints plain text
Renderer = Callable[..., list[Message]]  # called as render(digest, language=..., buttons=...)

DEFAULT_BACKFILL = 10
MAX_REPORTS = 100  # the most one digest carries, however long the bot was away


@dataclass(frozen=True)
class WorkflowConfig:
    options: SummaryOptions = field(default_factory=SummaryOptions)
    language: str = "en"
    merge_threshold: float | None = 0.4   # None: never merge similar reports
    backfill: int = DEFAULT_BACKFILL
    max_reports: int = MAX_REPORTS
    quarantine_after: int = 3
    concurrency: int = 2                   # analyses running at once (worker threads)
    followup_days: float = 0               # > 0: follow-ups against what the chat got lately
    buttons: bool = False                  # "More n" / "Full text n" under stored reports


@dataclass(frozen=True)
class Failure:
    """One report that could not be analysed or rendered this time."""

    report: Report
    reason: str
    error: BaseException
    attempts: int = 0

    def __str__(self) -> str:
        return f"{self.report.source}: {self.reason}"


Shown = tuple[str, tuple[str, ...]]  # the item title and the bullets a chat saw with a report


@dataclass(frozen=True)
class Rendered:
    messages: list[Message]
    reports: int                  # reports the messages carry
    failures: tuple[Failure, ...] = ()
    shown: Mapping[str, Shown] = field(default_factory=dict)  # report id -> title, bullets


@dataclass(frozen=True)
class Outcome:
    """What one digest run did for one chat."""

    reports: int
    messages: int = 0
    skipped: int = 0
    failures: tuple[Failure, ...] = ()
    empty: bool = False
    error: BaseException | None = None  # what stopped delivery to this chat, if anything


@dataclass(frozen=True)
class Delivery:
    sent: int
    delivered: tuple[str, ...]
    rejected: tuple[str, ...] = ()
    error: BaseException | None = None


class BriefingWorkflow:
    def __init__(self, store: BriefingStore, config: WorkflowConfig = WorkflowConfig(), *,
                 clock: Callable[[], datetime] | None = None,
                 analyzer: Callable[[Report, SummaryOptions], Analysis] = analyze,
                 render: Renderer = render_messages) -> None:
        self.store = store
        self.config = config
        self.clock = clock or (lambda: datetime.now(UTC))
        self.analyzer = analyzer
        self.render_digest = render
        self.key = options_key(config.options)
        self._slots = asyncio.Semaphore(max(1, config.concurrency))
        self._locks: dict[str, asyncio.Lock] = {}

    def lock(self, chat_id: int | str) -> asyncio.Lock:
        return self._locks.setdefault(str(chat_id), asyncio.Lock())

    # -- analysis: one report at a time fails, never the batch ---------------------------------

    async def analyse(self, reports: Sequence[Report], *, stored: bool = True,
                      ) -> tuple[list[Analysis], list[Failure]]:
        """Analyses in report order, and the reports that failed.

        stored: the reports are in the store (analyses cached, failures counted); uploads and
        replied-to texts are not."""
        results = await asyncio.gather(*(self._analyse_one(r, stored) for r in reports))
        analyses = [r for r in results if isinstance(r, Analysis)]
        return analyses, [r for r in results if isinstance(r, Failure)]

    async def _analyse_one(self, report: Report, stored: bool) -> Analysis | Failure:
        async with self._slots:
            if stored:
                cached = await self.store.load_analysis(report, self.key)
                if cached is not None:
                    return cached
            try:
                analysis = await asyncio.to_thread(self.analyzer, report, self.config.options)
            except Exception as exc:  # any bug on one report fails that report only
                return await self._failed(report, exc, stored)
            if stored:
                await self.store.save_analysis(self.key, analysis)
            return analysis

    async def _failed(self, report: Report, exc: BaseException, stored: bool) -> Failure:
        reason = describe(exc)
        attempts = await self.store.record_failure(report.id, reason) if stored else 0
        if attempts >= self.config.quarantine_after:
            log.error("report %s (%s) quarantined after %d failed attempts: %s",
                      report.id, report.source, attempts, reason)
        else:
            log.warning("cannot summarize %s (%s): %s", report.id, report.source, reason,
                        exc_info=None if isinstance(exc, BriefbotError) else exc)
        return Failure(report, reason, exc, attempts)

    # -- rendering -----------------------------------------------------------------------------

    async def render(self, reports: Sequence[Report], *, stored: bool = True,
                     created: datetime | None = None, skipped: int = 0,
                     history: Sequence[Delivered] = ()) -> Rendered:
        """Digest messages for these reports (analysis and packing off the event loop).

        history: what the chat received lately (follow-ups are marked against it)."""
        analyses, failures = await self.analyse(reports, stored=stored)
        if not analyses and not skipped:
            return Rendered([], 0, tuple(failures))
        when = created or self.clock()
        view = _View(history, self.config.buttons and stored)
        messages, shown, broken = await asyncio.to_thread(self._pack, analyses, when, skipped,
                                                          view)
        for analysis, exc in broken:
            failures.append(await self._failed(analysis.report, exc, stored))
        return Rendered(messages, len(analyses) - len(broken), tuple(failures), shown)

    def _pack(self, analyses: list[Analysis], created: datetime, skipped: int, view: _View,
              ) -> tuple[list[Message], dict[str, Shown], list[tuple[Analysis, Exception]]]:
        """Messages for the analyses; if building them fails, each report is tried alone and
        the ones that fail are left out."""
        try:
            return *self._messages(analyses, created, skipped, view), []
        except Exception:
            log.warning("rendering a digest of %d reports failed; trying each alone",
                        len(analyses), exc_info=True)
        good: list[Analysis] = []
        broken: list[tuple[Analysis, Exception]] = []
        for analysis in analyses:
            try:
                self._messages([analysis], created, 0, view)
            except Exception as exc:
                broken.append((analysis, exc))
            else:
                good.append(analysis)
        return *self._messages(good, created, skipped, view), broken

    def _messages(self, analyses: list[Analysis], created: datetime, skipped: int,
                  view: _View) -> tuple[list[Message], dict[str, Shown]]:
        digest = build_digest(analyses, created=created, skipped=skipped,
                              merge_threshold=self.config.merge_threshold)
        if view.history:
            digest = mark_followups(digest, analyses, view.history, self.config.options,
                                    self.config.merge_threshold or DEFAULT_THRESHOLD)
        messages = self.render_digest(digest, language=self.config.language,
                                      buttons=view.buttons)
        return messages, _shown(digest)

    async def history(self, chat_id: int | str) -> list[Delivered]:
        """What the chat received in the last followup_days (none when follow-ups are off)."""
        if self.config.followup_days <= 0:
            return []
        since = self.clock() - timedelta(days=self.config.followup_days)
        recent = await self.store.delivered_since(chat_id, since, self.key)
        return [Delivered(d.report, d.title, d.summary) for d in recent]

    async def _record_delivered(self, chat_id: str, report_ids: tuple[str, ...],
                                shown: Mapping[str, Shown]) -> None:
        await self.store.mark_delivered(chat_id, report_ids)
        if self.config.followup_days > 0:
            await self.store.record_shown(chat_id, {r: shown[r] for r in report_ids if r in shown})

    # -- a digest for one chat -----------------------------------------------------------------

    async def backfill_limit(self, chat_id: int | str) -> int:
        """A chat that never received anything gets the bounded backfill; others up to the max."""
        if await self.store.delivery_counts(chat_id) == 0 \
                and await self.store.last_digest(chat_id) is None:
            return min(self.config.backfill, self.config.max_reports)
        return self.config.max_reports

    async def deliver_new(self, destination: Destination, sender: Sender, *, kind: str,
                          empty_html: str | None = None, timezone: tzinfo = UTC,
                          route: Route | None = None) -> Outcome:
        """Post one digest of what this chat has not received; empty_html answers "nothing new".

        route (a target's, routing.py): reports from other sources are never selected, and
        those its filter refuses are marked skipped. Store errors (StoreUnavailable) propagate:
        a database that vanished is not a reason to post anything again."""
        key = destination.key
        async with self.lock(key):
            started = time.monotonic()
            limit = await self.backfill_limit(key)
            takes = route.takes if route is not None and route.sources is not None else None
            backlog = await self.store.backlog(key, limit, self.config.quarantine_after,
                                               **({"takes": takes} if takes else {}))
            reports, refused = await self.filtered(key, backlog.reports, route)
            rendered = await self.render(reports, created=self.clock().astimezone(timezone),
                                         skipped=len(backlog.older),
                                         history=await self.history(key))
            failures = refused + rendered.failures
            if not rendered.messages:
                return await self._nothing_new(destination, sender, kind, empty_html, failures)
            result = await send_messages(
                destination, sender, rendered.messages,
                lambda ids: self._record_delivered(key, ids, rendered.shown))
            if backlog.older and result.sent:  # the chat was told; they never come later
                await self.store.mark_skipped(key, backlog.older)
                log.info("%d older report(s) for %s skipped (bounded backfill)",
                         len(backlog.older), key)
            for report_id in result.rejected:
                await self.store.record_failure(report_id, "message refused by the chat")
            if result.delivered or result.error is None:
                await self.store.record_digest(key, kind, len(result.delivered))
            log.info("digest (%s) to %s [%s]: %d report(s) sent in %d message(s), %.2f s%s",
                     kind, destination.name or key, key, len(result.delivered), result.sent,
                     time.monotonic() - started,
                     f"; stopped: {describe(result.error)}" if result.error else "")
            return Outcome(len(result.delivered), result.sent, len(backlog.older), failures,
                           error=result.error)

    async def filtered(self, key: str, reports: Sequence[Report], route: Route | None,
                       ) -> tuple[list[Report], tuple[Failure, ...]]:
        """The reports the route's filter accepts, and those whose analysis failed (tried
        again next run); the refused are marked skipped for this chat, never sent later."""
        if route is None or not route.filter:
            return list(reports), ()
        analyses, failures = await self.analyse(reports)
        accepted = await asyncio.to_thread(
            lambda: {a.report.id for a in analyses if route.filter.accepts(Document(a))})
        refused = [a.report.id for a in analyses if a.report.id not in accepted]
        if refused:
            await self.store.mark_skipped(key, refused)
            log.info("%d report(s) for %s left out by its filters", len(refused), key)
        return [r for r in reports if r.id in accepted], tuple(failures)

    async def _nothing_new(self, destination: Destination, sender: Sender, kind: str,
                           empty_html: str | None, failures: tuple[Failure, ...]) -> Outcome:
        if empty_html is not None:
            result = await send_one(destination, sender,
                                    Message(empty_html, plain_of(empty_html), ()))
            if not result.sent:
                log.error("cannot announce to %s: %s", destination.key, result.reason)
                return Outcome(0, failures=failures, empty=True,
                               error=result.error or RuntimeError(result.reason))
        await self.store.record_digest(destination.key, kind, 0)
        return Outcome(0, failures=failures, empty=True)


@dataclass(frozen=True)
class _View:
    """How one chat sees a digest: against what it received lately, with buttons or not."""

    history: Sequence[Delivered] = ()
    buttons: bool = False


def _shown(digest: Digest) -> dict[str, Shown]:
    """Per report, the title and bullets its item showed (a merged report: the title only)."""
    shown: dict[str, Shown] = {}
    for item in digest.items:
        shown[item.report_id] = (item.title, item.summary)
        shown.update((rid, (item.title, ())) for rid in item.also)
    return shown


async def send_messages(destination: Destination, sender: Sender, messages: Sequence[Message],
                        on_delivered: Callable[[tuple[str, ...]], Awaitable[object]] | None = None,
                        ) -> Delivery:
    """Send in order; stop when the chat refuses, skip a message refused for good.

    A report reaches on_delivered right after the last message carrying it was accepted,
    so a stop part-way leaves exactly the unsent reports for the next run."""
    last_message = {rid: i for i, message in enumerate(messages) for rid in message.report_ids}
    delivered: list[str] = []
    rejected: list[str] = []
    for i, message in enumerate(messages):
        result = await send_one(destination if i == 0 else destination.follow_up(), sender,
                                message)
        if result.status is SendStatus.STOPPED:
            log.error("delivery to %s stopped after %d of %d messages: %s",
                      destination.key, i, len(messages), result.reason)
            return Delivery(i, tuple(delivered), tuple(rejected),
                            result.error or RuntimeError(result.reason))
        if result.status is SendStatus.REJECTED:
            log.error("message %d of %d to %s refused for good (%s); its reports %s fail",
                      i + 1, len(messages), destination.key, result.reason,
                      ", ".join(message.report_ids) or "(none)")
            rejected.extend(r for r in message.report_ids if r not in rejected)
        done = tuple(rid for rid, last in last_message.items()
                     if last == i and rid not in rejected)
        if done:
            if on_delivered is not None:
                await on_delivered(done)
            delivered.extend(done)
    return Delivery(len(messages), tuple(delivered), tuple(rejected))


async def send_one(destination: Destination, sender: Sender, message: Message) -> SendResult:
    """One message; a sender that raises stops this chat's run, never the others."""
    try:
        if message.buttons:  # only senders that post to Telegram are ever given buttons
            return await sender.send(destination, message.html, message.plain,
                                     buttons=message.buttons)
        return await sender.send(destination, message.html, message.plain)
    except Exception as exc:
        log.exception("sending to %s failed unexpectedly", destination.key)
        return SendResult(SendStatus.STOPPED, describe(exc), exc)
