"""The CLI's end of the briefing workflow: plain text (or JSON) in one message, to a stream."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime

from bot.analysis.model import Report
from bot.briefing import BriefingWorkflow, Destination, WorkflowConfig
from bot.cli.terminal import TERMINAL, TerminalDigest, TerminalSender
from tests.briefing.memory import MemoryStore

NOW = datetime(2025, 3, 5, 9, 30, tzinfo=UTC)
CANAL = Report(title="Canal opens", source="inbox/a.txt",
               text="The ministry opened a canal to 40 villages on Monday. "
                    "It cost 12 million dollars.")
SCHOOL = Report(title="School rebuilt", source="inbox/c.txt",
                text="A school for 900 pupils reopened in Khujand. "
                     "Builders worked for 2 years.")


async def printed(view: TerminalDigest, reports: list[Report]) -> tuple[str, MemoryStore, int]:
    store = MemoryStore()
    for report in reports:
        await store.add_report(report)
    flow = BriefingWorkflow(store, WorkflowConfig(merge_threshold=None), clock=lambda: NOW,
                            render=view.render)
    out = io.StringIO()
    outcome = await flow.deliver_new(TERMINAL, TerminalSender(out), kind="cli")
    return out.getvalue(), store, outcome.messages


async def test_one_plain_text_digest_naming_every_file_and_what_failed() -> None:
    view = TerminalDigest(failures=["inbox/x.pdf: broken or truncated PDF"],
                          sources={CANAL.id: ["inbox/a.txt", "inbox/b.txt"]})
    text, store, messages = await printed(view, [CANAL, SCHOOL])
    assert messages == 1
    assert text == (
        "Briefing digest · 05 Mar 2025 09:30 UTC · 2 reports\n\n"
        "1. Canal opens\n"
        "EN · a.txt, b.txt\n"
        "• The ministry opened a canal to 40 villages on Monday.\n"
        "• It cost 12 million dollars.\n"
        "Key figures: cost 12 million dollars; 40 villages\n\n"
        "2. School rebuilt\n"
        "EN · c.txt\n"
        "• A school for 900 pupils reopened in Khujand.\n"
        "• Builders worked for 2 years.\n"
        "Key figures: 900 pupils; Builders worked for 2 years\n\n"
        "Not included:\n"
        "  ! inbox/x.pdf: broken or truncated PDF\n")
    assert store.delivered["terminal"] == [CANAL.id, SCHOOL.id]


async def test_json_is_one_object_per_item_with_every_source() -> None:
    view = TerminalDigest(as_json=True, sources={CANAL.id: ["inbox/a.txt", "inbox/b.txt"]})
    text, _, _ = await printed(view, [CANAL, SCHOOL])
    items = [json.loads(line) for line in text.splitlines()]
    assert [(i["title"], i["sources"], i["report_ids"]) for i in items] == [
        ("Canal opens", ["inbox/a.txt", "inbox/b.txt"], [CANAL.id]),
        ("School rebuilt", ["inbox/c.txt"], [SCHOOL.id]),
    ]


async def test_the_terminal_refuses_nothing() -> None:
    out = io.StringIO()
    result = await TerminalSender(out).send(Destination("terminal"), "<b>x</b>", "x\n")
    assert result.sent and out.getvalue() == "x\n"
