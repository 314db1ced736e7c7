"""`briefbot who`, `briefbot figures` and `briefbot feeds` over a store the inbox alone filled."""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

import pytest

from bot.analysis.model import Report, SummaryOptions
from bot.analysis.pipeline import analyze
from bot.cli import main
from bot.settings import load_settings
from bot.sources.inbox import Inbox
from bot.store.aio import AsyncStore
from bot.store.db import Store

DB = "sqlite:///state/briefbot.db"
CONFIG = """
[inbox]
path = "inbox"
[store]
path = "state/briefbot.db"
[[feeds]]
url = "https://news.example/rss.xml"
name = "Example News"
"""
FINAL = """Greene wins in Athens

Maurice Greene won the final in Athens on Sunday. He ran the 100 metres in 9.79 seconds, a record
for the stadium. "I felt strong from the first step," said Maurice Greene. The crowd of 40,000
people cheered.
"""
NEXT = """Greene looks ahead

Greene will race again in June in Rome. "Next year I will be faster," said Maurice Greene.
Tickets for 12,000 seats were sold in a day.
"""
BUDGET = """Кудрин о бюджете

Бывший министр финансов Алексей Кудрин выступил в Москве. «Бюджет выдержит нагрузку», — заявил
Алексей Кудрин. По его словам, поставки газа в Европу выросли на 12% за год.
"""


def scan(folder: Path) -> None:
    store = Store(DB)
    try:
        asyncio.run(Inbox(folder, settle_seconds=0).scan(AsyncStore(store)))
    finally:
        store.close()


@pytest.fixture
def deployment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Reports stored by the inbox in three scans (oldest first), none analysed yet."""
    for name in list(os.environ):
        if name.startswith("BRIEFBOT_") or name == "BOT_TOKEN":
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "inbox").mkdir()
    for name, body in (("final.txt", FINAL), ("budget.txt", BUDGET), ("next.txt", NEXT)):
        (tmp_path / "inbox" / name).write_text(body, encoding="utf-8")
        scan(Path("inbox"))
    store = Store(DB)
    try:
        assert store.unanalysed(10) and len(store.unanalysed(10)) == 3
        return {s.report.title: f"{s.added_at:%Y-%m-%d}" for s in store.recent_reports(10)}
    finally:
        store.close()


def test_who_finds_a_speaker_by_surname_newest_report_first(deployment, capsys) -> None:
    assert main(["--config", "c.toml", "who", "Greene"]) == 0
    final, ahead = deployment["Greene wins in Athens"], deployment["Greene looks ahead"]
    assert capsys.readouterr().out == (
        f"«Next year I will be faster» — Maurice Greene · Greene looks ahead · {ahead}\n"
        f"«I felt strong from the first step» — Maurice Greene · Greene wins in Athens · {final}\n")
    assert main(["--config", "c.toml", "who", "Mr", "Greene", "--limit", "1"]) == 0
    assert capsys.readouterr().out.startswith("«Next year I will be faster» — Maurice Greene")


def test_who_finds_a_russian_speaker_from_the_genitive(deployment, capsys) -> None:
    assert main(["--config", "c.toml", "who", "Кудрина"]) == 0
    day = deployment["Кудрин о бюджете"]
    assert capsys.readouterr().out == (
        f"«Бюджет выдержит нагрузку» — Алексей Кудрин · Кудрин о бюджете · {day}\n")


def test_who_json_lines(deployment, capsys) -> None:
    assert main(["--config", "c.toml", "who", "Кудриным", "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    row = json.loads(lines[0])
    assert set(row) == {"text", "speaker", "report_id", "title", "source", "added_at"}
    assert (row["text"], row["speaker"], row["title"], row["source"]) == (
        "Бюджет выдержит нагрузку", "Алексей Кудрин", "Кудрин о бюджете", "inbox/budget.txt")
    assert row["added_at"].startswith(deployment["Кудрин о бюджете"])


def test_figures_by_a_word_form_of_their_sentence(deployment, capsys) -> None:
    store = Store(DB)
    try:  # the contexts are the extractor's wording; the CLI shows them as they are
        contexts = {f.value: f.context for s in store.recent_reports(10)
                    for f in analyze(s.report, SummaryOptions.from_settings(load_settings(
                        Path("c.toml")).summary)).figures}
    finally:
        store.close()
    assert main(["--config", "c.toml", "figures", "газ"]) == 0
    day = deployment["Кудрин о бюджете"]
    assert capsys.readouterr().out == f"12% — {contexts['12%']} · Кудрин о бюджете · {day}\n"
    assert main(["--config", "c.toml", "figures", "seat", "--json"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert (row["value"], row["context"], row["sentence"]) == (
        "12,000", contexts["12,000"], "Tickets for 12,000 seats were sold in a day.")


def test_nothing_found_is_said_on_stderr(deployment, capsys) -> None:
    assert main(["--config", "c.toml", "who", "Nobody"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "briefbot who: no quotes by 'Nobody' in the stored reports\n"


def test_who_without_a_database_says_so(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c.toml").write_text(CONFIG, encoding="utf-8")
    assert main(["--config", "c.toml", "who", "Greene"]) == 1
    assert "state/briefbot.db does not exist yet" in capsys.readouterr().err


OPML = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>My reader</title></head><body>
  <outline text="Energy">
    <outline text="Grid news" title="Grid news" type="rss" xmlUrl="https://grid.example/feed"/>
    <outline text="Folder"><outline text="Oil &amp; Gas" xmlUrl="https://oil.example/rss"/></outline>
  </outline>
  <outline text="Example again" xmlUrl="https://news.example/rss.xml"/>
  <outline text="Not a feed" xmlUrl="ftp://files.example/feed"/>
</body></opml>
"""
EXPORTED = """<?xml version='1.0' encoding='UTF-8'?>
<opml version="2.0">
  <head>
    <title>briefbot feeds</title>
  </head>
  <body>
    <outline type="rss" text="Example News" title="Example News" xmlUrl="https://news.example/rss.xml"/>
    <outline type="rss" text="Grid news" title="Grid news" xmlUrl="https://grid.example/feed"/>
    <outline type="rss" text="Oil &amp; Gas" title="Oil &amp; Gas" xmlUrl="https://oil.example/rss"/>
  </body>
</opml>
"""


def test_opml_round_trip_and_import_again_changes_nothing(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "reader.opml").write_text(OPML, encoding="utf-8")
    assert main(["--config", "c.toml", "feeds", "import", "reader.opml"]) == 1  # one refused
    out, err = capsys.readouterr()
    assert out == "2 added, 1 unchanged, 1 refused\n"
    assert err == "briefbot feeds import: not a usable feed URL: ftp://files.example/feed\n"
    assert main(["--config", "c.toml", "feeds", "export"]) == 0
    exported = capsys.readouterr().out
    assert exported == EXPORTED
    (tmp_path / "ours.opml").write_text(exported, encoding="utf-8")
    assert main(["--config", "c.toml", "feeds", "import", "ours.opml"]) == 0
    assert capsys.readouterr().out == "0 added, 3 unchanged, 0 refused\n"
    assert main(["--config", "c.toml", "feeds", "list"]) == 0
    assert capsys.readouterr().out == (
        "https://news.example/rss.xml\tExample News\n"
        "https://grid.example/feed\tGrid news\n"
        "https://oil.example/rss\tOil & Gas\n")


BOMB = """<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<opml version="2.0"><body><outline text="&d;" xmlUrl="https://bomb.example/rss"/></body></opml>
"""


@pytest.mark.parametrize(("content", "reason"), [
    (BOMB.encode(), "a document type or entity declaration is not allowed in OPML "
                    "(refused for safety)"),
    (b"<opml><body>" + b"<outline text='x'/>" * 600_000 + b"</body></opml>",
     "too large (OPML files over 1024 KB are refused)"),
    (b"<html><body/></html>", "not an OPML file (the root element is not <opml>)"),
])
def test_hostile_or_wrong_opml_is_refused_clearly(tmp_path, monkeypatch, capsys, content,
                                                  reason) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "bad.opml").write_bytes(content)
    assert main(["--config", "c.toml", "feeds", "import", "bad.opml"]) == 1
    assert capsys.readouterr().err == f"briefbot feeds import: bad.opml: {reason}\n"
    assert main(["--config", "c.toml", "feeds", "list"]) == 0
    assert capsys.readouterr().out == "https://news.example/rss.xml\tExample News\n"


def test_a_report_that_cannot_be_analysed_fails_alone(deployment, capsys) -> None:
    store = Store(DB)
    try:
        store.add_report(Report(title="Numbers only", text="2024 2025 2026", source="n.txt"))
    finally:
        store.close()
    assert main(["--config", "c.toml", "who", "Greene", "--limit", "1"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("«Next year I will be faster» — Maurice Greene · Greene looks ahead")
    warning, summary = err.splitlines()
    assert warning.endswith("WARNING bot.briefing.workflow: cannot summarize "
                            f"{Report('x', '2024 2025 2026', 'x').id} (n.txt): no sentences to "
                            "summarize")
    assert summary == "briefbot who: 1 report(s) could not be analysed; the others were searched"
    store = Store(DB)
    try:
        assert [(q.title, q.attempts) for q in store.quarantined(1)] == [("Numbers only", 1)]
        assert [r.title for r in store.unanalysed(10)] == ["Numbers only"]
    finally:
        store.close()
