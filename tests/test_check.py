"""`briefbot check`: settings, database, inbox, next digest times per target in its own time zone,
feeds, access, and (online) whether the bot may post, against a small fake Bot API."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from bot.analysis.model import Report
from bot.cli import main
from bot.store.db import Store

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
NOW = "2026-01-05T06:00:00Z"  # a Monday: 11:00 in Dushanbe, 01:00 in New York
CONFIG = """
[inbox]
path = "inbox"
[store]
path = "state/briefbot.db"
[telegram]
api_base_url = "{api}"
[access]
admins = [1]
allowed_users = [42, 7]
[[feeds]]
url = "https://news.example/rss.xml?key=SECRET"
name = "Example News"
interval = "30m"
[[targets]]
name = "Analysts"
chat_id = -1001234567890
schedules = [{{ cron = "0 8 * * mon-fri", timezone = "Asia/Dushanbe" }}]
[[targets]]
name = "Ops"
chat_id = "@ops_channel"
topic_id = 17
schedules = [{{ cron = "30 9 * * *", timezone = "America/New_York" }}, {{ interval = "12h" }}]
"""
TARGET_LINES = """\
ok        target Analysts (-1001234567890): next digests in Asia/Dushanbe:
          Tue 2026-01-06 08:00 +05
          Wed 2026-01-07 08:00 +05
          Thu 2026-01-08 08:00 +05
ok        target Ops (@ops_channel, topic 17): next digests in America/New_York:
          Mon 2026-01-05 09:30 EST
          Mon 2026-01-05 13:00 EST
          Tue 2026-01-06 01:00 EST
ok        feed Example News: every 30m (https://news.example/rss.xml)
ok        access: who may use the bot:
          admins: 1
          allowed users: 7, 42
          allowed chats: none
          target chats: -1001234567890, @ops_channel
"""


@pytest.fixture
def deployment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with the settings file, an inbox and a database holding one report."""
    for name in list(os.environ):
        if name.startswith("BRIEFBOT_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("BOT_TOKEN", TOKEN)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "good.txt").write_text(
        "Good report\n\nThe canal will carry water to 40 villages. Work starts in May.", encoding="utf-8")
    (tmp_path / "inbox" / "empty.txt").write_bytes(b"")
    (tmp_path / "inbox" / "notes.rtf").write_text("{\\rtf1 x}", encoding="utf-8")
    write_config(tmp_path, "https://api.telegram.org/bot")
    store = Store("sqlite:///state/briefbot.db")
    store.add_report(Report(title="Stored", text="A stored report about 12 canals.", source="x.txt"))
    store.close()
    return tmp_path


def write_config(folder: Path, api: str) -> None:
    (folder / "c.toml").write_text(CONFIG.format(api=api), encoding="utf-8")


def test_two_targets_in_two_time_zones(deployment: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--config", "c.toml", "check", "--now", NOW]) == 0
    out = capsys.readouterr().out
    assert out == (
        "ok        settings: c.toml\n"
        "ok        token: BOT_TOKEN is set (not shown)\n"
        "ok        telegram: polling mode, Bot API https://api.telegram.org/bot\n"
        "ok        database: sqlite:///state/briefbot.db (1 reports stored)\n"
        "ok        inbox: inbox: 1 readable report(s)\n"
        "warning   inbox: 1 file(s) cannot be read\n"
        "          inbox/empty.txt: the file is empty\n"
        "warning   inbox: 1 file(s) of an unsupported type (use .txt .md .html .pdf .docx)\n"
        "          inbox/notes.rtf\n"
        + TARGET_LINES + "check passed\n")
    assert TOKEN not in out and "SECRET" not in out


def test_problems_fail_the_check(deployment: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("BOT_TOKEN")
    (deployment / "inbox" / "good.txt").unlink()
    for file in (deployment / "inbox").iterdir():
        file.unlink()
    (deployment / "inbox").rmdir()
    assert main(["--config", "c.toml", "check", "--now", NOW]) == 1
    out = capsys.readouterr().out
    assert ("PROBLEM   token: setting 'BOT_TOKEN': not set. Fix: export BOT_TOKEN=<token from @BotFather> "
            "before 'briefbot run'\n") in out
    assert "PROBLEM   inbox: inbox is not a folder (set inbox.path or BRIEFBOT_INBOX)\n" in out
    assert out.endswith("check failed: 2 problem(s)\n")


def test_a_config_that_lets_nobody_in_is_a_problem(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("BOT_TOKEN", TOKEN)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "empty.toml").write_text("", encoding="utf-8")
    assert main(["--config", "empty.toml", "check", "--now", NOW]) == 1
    out = capsys.readouterr().out
    assert "warning   database: sqlite:///data/briefbot.db: data/briefbot.db does not exist yet" in out
    assert not (tmp_path / "data" / "briefbot.db").exists()  # check never creates a database
    assert "warning   targets: none: no scheduled digests (add [[targets]] to post digests)\n" in out
    assert ("PROBLEM   access: nobody may use the bot and it posts nowhere (set access.admins and "
            "add [[targets]])\n") in out


def test_bad_settings_are_a_usage_error(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.toml").write_text("[[targets]]\nchat_id = 1\nschedules = [{ cron = '0 8 * * *', "
                                       "interval = '1h' }]\n", encoding="utf-8")
    assert main(["--config", "bad.toml", "check"]) == 2
    assert capsys.readouterr().err == (
        "briefbot: setting 'targets[0].schedules[0]': has both cron and interval. Fix: keep one: a cron "
        "with its timezone, or an interval; add a second schedule for the other\n")


# -- online ---------------------------------------------------------------------------------------

BOT_ID = 99
CHATS = {  # chat id -> (getChat result, the bot's getChatMember result)
    "-1001234567890": ({"id": -1001234567890, "type": "supergroup", "title": "Analysts"},
                       {"status": "left", "user": {"id": BOT_ID}}),
    "@ops_channel": ({"id": -1009876543210, "type": "channel", "title": "Ops news"},
                     {"status": "administrator", "can_post_messages": True, "user": {"id": BOT_ID}}),
}


class FakeBotApi(BaseHTTPRequestHandler):
    """getMe, getChat and getChatMember: what `check --online` asks (the shared fake has no
    getChat or getChatMember)."""

    calls: ClassVar[list[tuple[str, dict]]] = []

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        prefix, _, method = self.path.rpartition("/")
        params = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        self.calls.append((method, params))
        if prefix != f"/bot{TOKEN}":
            self._answer(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        elif method == "getMe":
            self._answer(200, {"ok": True, "result": {"id": BOT_ID, "is_bot": True,
                                                      "username": "brief_bot"}})
        elif str(params.get("chat_id")) in CHATS:
            chat, member = CHATS[str(params["chat_id"])]
            self._answer(200, {"ok": True, "result": chat if method == "getChat" else member})
        else:
            self._answer(400, {"ok": False, "description": "Bad Request: chat not found"})

    def _answer(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def bot_api() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeBotApi)
    FakeBotApi.calls = []
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/bot"
    finally:
        server.shutdown()
        server.server_close()


def test_online_says_where_the_bot_may_post(deployment: Path, bot_api: str, capsys) -> None:
    write_config(deployment, bot_api)
    assert main(["--config", "c.toml", "check", "--online", "--now", NOW]) == 1
    out = capsys.readouterr().out
    assert out.endswith(
        "ok        telegram: the token belongs to @brief_bot (id 99)\n"
        "PROBLEM   target Analysts: supergroup 'Analysts', bot is left: cannot post (add the bot to the "
        "chat and let it send messages)\n"
        "ok        target Ops: channel 'Ops news', bot is administrator: may post\n"
        "check failed: 1 problem(s)\n")
    assert [m for m, _ in FakeBotApi.calls] == ["getMe", "getChat", "getChatMember", "getChat",
                                                "getChatMember"]
    assert FakeBotApi.calls[2][1] == {"chat_id": -1001234567890, "user_id": BOT_ID}
    assert TOKEN not in out


def test_online_with_a_revoked_token(deployment: Path, bot_api: str, monkeypatch, capsys) -> None:
    revoked = "123456789:BBBdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
    monkeypatch.setenv("BOT_TOKEN", revoked)
    write_config(deployment, bot_api)
    assert main(["--config", "c.toml", "check", "--online", "--now", NOW]) == 1
    captured = capsys.readouterr()
    assert "PROBLEM   telegram: getMe: Unauthorized\n" in captured.out
    assert revoked not in captured.out + captured.err


def test_online_when_telegram_is_unreachable(deployment: Path, monkeypatch, capsys) -> None:
    write_config(deployment, "http://127.0.0.1:9/bot")  # the discard port: nothing listens
    assert main(["--config", "c.toml", "check", "--online", "--now", NOW]) == 1
    out = capsys.readouterr().out
    assert "PROBLEM   telegram: getMe failed: " in out
    assert TOKEN not in out


def test_next_runs_follow_the_targets_clock_across_a_dst_change() -> None:
    from datetime import UTC, datetime
    from itertools import pairwise

    from bot.settings import Schedule, Target
    from bot.settings.timing import describe_interval, next_runs

    berlin = Target(chat_id=1, schedules=(Schedule(cron="0 8 * * *", timezone="Europe/Berlin"),))
    runs = next_runs(berlin, datetime(2026, 3, 28, 6, 0, tzinfo=UTC), 3)
    assert [r.strftime("%a %d %H:%M %Z") for r in runs] == ["Sat 28 08:00 CET", "Sun 29 08:00 CEST",
                                                             "Mon 30 08:00 CEST"]
    assert [r.astimezone(UTC).hour for r in runs] == [7, 6, 6]
    utc = [r.astimezone(UTC) for r in runs]
    gaps = [describe_interval(later - earlier) for earlier, later in pairwise(utc)]
    assert gaps == ["23h", "1d"]


def test_quarantined_reports_are_listed_and_do_not_fail_the_check(
        deployment: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = Store("sqlite:///state/briefbot.db")
    broken = Report(title="Odd DOCX", text="A report whose analysis keeps failing.", source="odd.docx")
    flaky = Report(title="Flaky", text="A report that failed twice so far.", source="flaky.txt")
    for report, failures in ((broken, 3), (flaky, 2)):
        store.add_report(report)
        for _ in range(failures):
            store.record_failure(report.id, "unexpected AttributeError: 'NoneType' has no 'lower'")
    store.close()
    assert main(["--config", "c.toml", "check", "--now", NOW]) == 0
    out = capsys.readouterr().out
    assert ("ok        database: sqlite:///state/briefbot.db (3 reports stored)\n"
            "warning   database: 1 report(s) quarantined (never sent; their analysis kept failing):\n"
            "          Odd DOCX (odd.docx): 3 attempts: unexpected AttributeError: 'NoneType' has no "
            "'lower'\n") in out
    assert out.endswith("check passed\n")
