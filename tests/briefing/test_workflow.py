"""The briefing workflow against an in-memory store: isolation, quarantine, backfill, delivery."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.analysis.model import Analysis, Report, SummaryOptions
from bot.analysis.pipeline import analyze
from bot.briefing import BriefingWorkflow, Destination, SendResult, SendStatus, WorkflowConfig
from bot.briefing.workflow import send_messages
from bot.errors import StoreUnavailable
from bot.store.aio import AsyncStore
from tests.briefing.memory import MemoryStore, RecordingSender

NOW = datetime(2025, 3, 5, 9, 30, tzinfo=UTC)
CHAT = Destination(-100, name="team")
TOPICS = ("canal", "railway", "harbour", "airport", "bridge", "tunnel", "dam", "school",
          "hospital", "market")


def report(i: int) -> Report:
    topic = TOPICS[i % len(TOPICS)]
    return Report(title=f"Report {i:02d}", source=f"inbox/r{i:02d}.txt",
                  text=f"Report {i:02d}\n\nThe ministry opened a new {topic} number {i} on Monday. "
                       f"It cost {i + 2} million dollars to build over {i + 3} years. "
                       f"Officials expect {i * 100 + 50} visitors a day.")


def titles(sender: RecordingSender) -> list[str]:
    return [line for line in sender.plain().splitlines() if line.startswith("Report ")]


def breaking_on(bad_id: str):
    def analyzer(r: Report, options: SummaryOptions) -> Analysis:
        if r.id == bad_id:
            raise AttributeError("'NoneType' object has no attribute 'lower'")
        return analyze(r, options)
    return analyzer


async def stored(store: MemoryStore, reports: list[Report]) -> None:
    for r in reports:
        await store.add_report(r)


async def test_one_bad_report_in_three_is_retried_then_quarantined_and_never_blocks() -> None:
    store = MemoryStore()
    good, bad, other = report(1), report(2), report(3)
    await stored(store, [good, bad, other])
    flow = BriefingWorkflow(store, WorkflowConfig(quarantine_after=3, merge_threshold=None),
                            clock=lambda: NOW, analyzer=breaking_on(bad.id))
    sender = RecordingSender()

    first = await flow.deliver_new(CHAT, sender, kind="scheduled")
    assert titles(sender) == ["Report 01", "Report 03"]
    assert first.reports == 2 and first.error is None
    assert [str(f) for f in first.failures] == [
        "inbox/r02.txt: unexpected AttributeError: 'NoneType' object has no attribute 'lower'"]
    assert store.failures[bad.id][0] == 1

    for attempt in (2, 3):
        again = await flow.deliver_new(CHAT, sender, kind="scheduled")
        assert again.empty and store.failures[bad.id][0] == attempt
    quarantined = await flow.deliver_new(CHAT, sender, kind="scheduled")
    assert quarantined.empty and quarantined.failures == ()
    assert store.failures[bad.id][0] == 3  # no longer tried

    newer = report(4)
    await stored(store, [newer])
    later = await flow.deliver_new(CHAT, sender, kind="scheduled")
    assert later.reports == 1 and titles(sender) == ["Report 01", "Report 03", "Report 04"]


async def test_a_report_that_breaks_rendering_fails_alone() -> None:
    store = MemoryStore()
    fine, odd = report(1), report(2)
    await stored(store, [fine, odd])

    def analyzer(r: Report, options: SummaryOptions) -> Analysis:
        result = analyze(r, options)
        if r.id == odd.id:  # a value no renderer expects
            return Analysis(r, (None,), (), ())  # type: ignore[arg-type]
        return result

    flow = BriefingWorkflow(store, WorkflowConfig(merge_threshold=None), clock=lambda: NOW,
                            analyzer=analyzer)
    sender = RecordingSender()
    outcome = await flow.deliver_new(CHAT, sender, kind="scheduled")
    assert titles(sender) == ["Report 01"]
    assert outcome.reports == 1 and store.failures[odd.id][0] == 1
    assert store.delivered[CHAT.key] == [fine.id]


async def test_backfill_of_30_sends_the_latest_10_and_says_how_many_were_not_sent() -> None:
    store = MemoryStore()
    reports = [report(i) for i in range(30)]
    await stored(store, reports)
    flow = BriefingWorkflow(store, WorkflowConfig(backfill=10, merge_threshold=None),
                            clock=lambda: NOW)
    sender = RecordingSender()
    outcome = await flow.deliver_new(CHAT, sender, kind="summary")
    assert outcome.reports == 10 and outcome.skipped == 20
    assert titles(sender) == [f"Report {i:02d}" for i in range(20, 30)]
    assert sender.posted[0].plain.splitlines()[:2] == [
        "Briefing digest · 05 Mar 2025 09:30 UTC · 10 reports", "20 older reports were not sent"]
    assert "<i>20 older reports were not sent</i>" in sender.posted[0].html
    assert store.skipped[CHAT.key] == [r.id for r in reports[:20]]

    again = await flow.deliver_new(CHAT, sender, kind="scheduled")
    assert again.empty  # the skipped ones never come later


async def test_a_chat_with_history_gets_every_new_report_up_to_the_maximum() -> None:
    store = MemoryStore()
    await stored(store, [report(0)])
    flow = BriefingWorkflow(store, WorkflowConfig(backfill=2, max_reports=12,
                                                  merge_threshold=None), clock=lambda: NOW)
    await flow.deliver_new(CHAT, RecordingSender(), kind="scheduled")
    await stored(store, [report(i) for i in range(1, 16)])
    sender = RecordingSender()
    outcome = await flow.deliver_new(CHAT, sender, kind="scheduled")
    assert outcome.reports == 12 and outcome.skipped == 3
    assert titles(sender) == [f"Report {i:02d}" for i in range(4, 16)]


async def one_message_each(count: int):
    """A store with `count` reports and one digest message per report."""
    store = MemoryStore()
    reports = [report(i) for i in range(count)]
    await stored(store, reports)
    flow = BriefingWorkflow(store, WorkflowConfig(merge_threshold=None), clock=lambda: NOW)
    messages = [m for r in reports for m in (await flow.render([r], created=NOW)).messages]
    return store, reports, messages


async def test_a_message_refused_for_good_fails_its_reports_and_the_rest_go_on() -> None:
    store, reports, messages = await one_message_each(3)
    sender = RecordingSender({1: SendResult(SendStatus.REJECTED, "message is too long")})
    delivery = await send_messages(CHAT, sender, messages,
                               lambda ids: store.mark_delivered(CHAT.key, ids))
    assert delivery.sent == 3 and delivery.error is None
    assert delivery.rejected == (reports[1].id,)
    assert store.delivered[CHAT.key] == [reports[0].id, reports[2].id]


async def test_a_chat_that_refuses_stops_the_run_and_keeps_the_rest_for_later() -> None:
    store, reports, messages = await one_message_each(3)
    blocked = PermissionError("Forbidden: bot was blocked by the user")
    sender = RecordingSender({1: SendResult(SendStatus.STOPPED, "blocked", blocked)})
    delivery = await send_messages(CHAT, sender, messages,
                               lambda ids: store.mark_delivered(CHAT.key, ids))
    assert (delivery.sent, delivery.delivered, delivery.error) == (1, (reports[0].id,), blocked)


async def test_a_sender_that_raises_stops_only_that_chat() -> None:
    class Broken(RecordingSender):
        async def send(self, destination, html, plain):
            raise KeyError("surprise")

    store = MemoryStore()
    await stored(store, [report(1)])
    flow = BriefingWorkflow(store, WorkflowConfig(merge_threshold=None), clock=lambda: NOW)
    outcome = await flow.deliver_new(CHAT, Broken(), kind="scheduled")
    assert outcome.reports == 0 and isinstance(outcome.error, KeyError)
    assert CHAT.key not in store.delivered
    other = await flow.deliver_new(Destination(-200), RecordingSender(), kind="scheduled")
    assert other.reports == 1


async def test_digest_header_uses_the_targets_time_zone() -> None:
    store = MemoryStore()
    await stored(store, [report(1)])
    flow = BriefingWorkflow(store, WorkflowConfig(merge_threshold=None), clock=lambda: NOW)
    sender = RecordingSender()
    await flow.deliver_new(CHAT, sender, kind="scheduled", timezone=ZoneInfo("Asia/Dushanbe"))
    assert sender.posted[0].plain.splitlines()[0] == \
        "Briefing digest · 05 Mar 2025 14:30 +05 · 1 report"


async def test_nothing_new_is_announced_once_and_recorded() -> None:
    store = MemoryStore()
    flow = BriefingWorkflow(store, WorkflowConfig(), clock=lambda: NOW)
    sender = RecordingSender()
    outcome = await flow.deliver_new(CHAT, sender, kind="summary",
                                     empty_html="<i>Nothing new</i>")
    assert outcome.empty and [p.plain for p in sender.posted] == ["Nothing new"]
    assert [d.report_count for d in store.digests[CHAT.key]] == [0]


async def test_a_vanished_database_stops_the_run_and_posts_nothing() -> None:
    store = MemoryStore()
    await stored(store, [report(1)])
    store.gone = True
    flow = BriefingWorkflow(store, WorkflowConfig(), clock=lambda: NOW)
    sender = RecordingSender()
    with pytest.raises(StoreUnavailable):
        await flow.deliver_new(CHAT, sender, kind="scheduled")
    assert sender.posted == []


async def test_uploads_are_analysed_without_the_store() -> None:
    store = MemoryStore()
    store.gone = True  # any store call would raise
    flow = BriefingWorkflow(store, WorkflowConfig(), clock=lambda: NOW)
    rendered = await flow.render([report(5)], stored=False)
    assert rendered.reports == 1 and "Report 05" in rendered.messages[0].plain
    empty = Report(title="x", text="123 456", source="upload.txt")
    failed = await flow.render([empty], stored=False)
    assert failed.messages == [] and [f.reason for f in failed.failures] == [
        "no sentences to summarize"]


async def test_older_reports_are_skipped_only_once_the_chat_was_told() -> None:
    store = MemoryStore()
    await stored(store, [report(i) for i in range(12)])
    flow = BriefingWorkflow(store, WorkflowConfig(backfill=10, merge_threshold=None),
                            clock=lambda: NOW)
    down = RecordingSender({0: SendResult(SendStatus.STOPPED, "network down")})
    refused = await flow.deliver_new(CHAT, down, kind="scheduled")
    assert refused.reports == 0 and CHAT.key not in store.skipped
    sender = RecordingSender()
    await flow.deliver_new(CHAT, sender, kind="scheduled")
    assert sender.posted[0].plain.splitlines()[1] == "2 older reports were not sent"
    assert len(store.skipped[CHAT.key]) == 2


async def test_the_real_store_satisfies_the_workflow(store) -> None:
    """The same backfill and quarantine against SQLite through AsyncStore (the bot's store)."""
    reports = [report(i) for i in range(13)]
    for r in reports:
        store.add_report(r)
    flow = BriefingWorkflow(AsyncStore(store), WorkflowConfig(backfill=10, merge_threshold=None),
                            clock=lambda: NOW, analyzer=breaking_on(reports[12].id))
    sender = RecordingSender()
    outcome = await flow.deliver_new(CHAT, sender, kind="summary")
    assert (outcome.reports, outcome.skipped, len(outcome.failures)) == (9, 3, 1)
    assert titles(sender) == [f"Report {i:02d}" for i in range(3, 12)]
    for _ in range(2):
        await flow.deliver_new(CHAT, sender, kind="scheduled")
    [quarantined] = store.quarantined(3)
    assert quarantined.id == reports[12].id and quarantined.attempts == 3
    assert (await flow.deliver_new(CHAT, sender, kind="scheduled")).failures == ()
    assert store.delivered_ids(CHAT.key) == {r.id for r in reports[:12]}
