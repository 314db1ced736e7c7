"""Start-up as an operator meets it: Telegram unreachable, a rejected token, @channel targets.

`briefbot run` runs as a real process against the fake Bot API server on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import signal
import socket
import subprocess
import threading
import urllib.error
import urllib.request
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.chat.app import HEARTBEAT_JOB, build_application
from bot.chat.health import health
from bot.chat.texts import text
from bot.settings import Settings, Target
from bot.store.db import Store
from tests.chat.conftest import TEAM
from tests.fakes.bot_process import start_briefbot
from tests.fakes.bot_settings import ADMIN
from tests.fakes.telegram_server import TOKEN, FakeTelegram


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_bot(tmp_path: Path, inbox: Path, db_url: str, api_base_url: str,
              token: str = TOKEN) -> subprocess.Popen:
    return start_briefbot(tmp_path, f'[inbox]\npath = "{inbox}"\n\n[access]\nadmins = [{ADMIN}]\n',
                          api_base_url=api_base_url, db_url=db_url, token=token)


class Lines:
    """stderr read as it comes, so a test can wait for a line."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._read, args=(process,), daemon=True)
        self._thread.start()

    def _read(self, process: subprocess.Popen) -> None:
        assert process.stderr is not None
        for line in process.stderr:
            self.lines.append(line.rstrip("\n"))

    def matching(self, part: str) -> list[str]:
        return [line for line in self.lines if part in line]

    def text(self) -> str:
        self._thread.join(timeout=10)
        return "\n".join(self.lines)


async def test_briefbot_run_waits_for_telegram_with_backoff_then_serves(
        inbox: Path, db_url: str, tmp_path: Path) -> None:
    port = free_port()
    fake = FakeTelegram()
    process = start_bot(tmp_path, inbox, db_url, f"http://127.0.0.1:{port}/bot")
    stderr = Lines(process)
    try:
        await fake.wait_for(lambda: len(stderr.matching("Telegram unreachable")) >= 3,
                            timeout=30)
        fake.start(port)  # the network is back
        fake.send("/help", chat_id=ADMIN, user_id=ADMIN)
        await fake.wait_sent(ADMIN, 1, timeout=30)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        fake.stop()
    waits = stderr.matching("Telegram unreachable")
    assert waits[:3] == [
        line for line in waits[:3]
        if line.endswith(("(ConnectError); retrying in 1 s", "(ConnectError); retrying in 2 s",
                          "(ConnectError); retrying in 4 s"))]
    assert [w.rsplit(" ", 2)[-2] for w in waits[:3]] == ["1", "2", "4"]
    assert "Traceback" not in stderr.text()
    assert process.returncode == 0, stderr.text()
    assert fake.texts(ADMIN) == [text("en", "help")]


async def test_a_rejected_token_is_one_masked_line_and_exit_2(
        fake_telegram: FakeTelegram, inbox: Path, db_url: str, tmp_path: Path) -> None:
    revoked = "123456:REVOKED-secret-part-abcdefghijklmn"  # the fake knows another token
    process = start_bot(tmp_path, inbox, db_url, fake_telegram.base_url, token=revoked)
    _, stderr = await asyncio.to_thread(process.communicate, timeout=60)
    assert process.returncode == 2, stderr
    assert "REVOKED-secret-part" not in stderr and "Traceback" not in stderr
    errors = [line for line in stderr.splitlines() if "rejected" in line]
    assert errors == ["briefbot run: setting 'BOT_TOKEN': Telegram rejected the token "
                      "123456:***. Fix: check BOT_TOKEN and telegram.api_base_url"]


async def test_channel_targets_are_resolved_to_ids_so_a_channel_summary_is_not_repeated(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, store: Store) -> None:
    """A target named "@team_news" and a /summary posted in that channel are one chat."""
    channel_id = -1001234
    fake_telegram.channels["@team_news"] = channel_id
    hourly = settings.targets[0].schedules  # an interval: no catch-up run at start
    named = replace(settings, targets=(Target(chat_id="@Team_News", name="news", schedules=hourly),
                                       Target(chat_id=TEAM, name="team", schedules=hourly)))
    post = fake_telegram.message("/summary", chat_id=channel_id, user_id=None,
                                 chat_type="channel")
    post["chat"]["username"] = "team_news"
    async with run_bot(named):
        fake_telegram.push_update({"channel_post": post})
        await fake_telegram.wait_sent(channel_id, 1)
        fake_telegram.send("/digest", chat_id=ADMIN, user_id=ADMIN)
        digest = (await fake_telegram.wait_sent(ADMIN, 1))[0].text
    assert digest == "Digest run:\nnews: nothing new\nteam: 2 report(s) posted"
    assert len(fake_telegram.texts(channel_id)) == 1 and fake_telegram.texts("@team_news") == []
    assert store.delivery_counts(channel_id) == 2


async def test_polling_records_a_heartbeat_for_briefbot_health(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, store: Store) -> None:
    assert store.heartbeat("poll") is None
    async with run_bot(settings):
        await fake_telegram.wait_for(lambda: store.heartbeat("poll") is not None, timeout=10)
    assert datetime.now(UTC) - store.heartbeat("poll") < timedelta(seconds=30)


async def test_start_up_freezes_the_heap_so_full_collections_stay_short(
        run_bot, settings: Settings, fake_telegram: FakeTelegram) -> None:
    """What start-up built is exempt from full collections: the loop never waits on a walk
    over every module and setting the bot holds."""
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    async with run_bot(settings):
        fake_telegram.send("/help", chat_id=ADMIN, user_id=ADMIN)
        await fake_telegram.wait_sent(ADMIN, 1)
        frozen, walked = gc.get_freeze_count(), len(gc.get_objects())
    assert frozen > 50_000 and walked < frozen / 5, (frozen, walked)


def get(port: int, path: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:  # 503 (JSON) or a 404 page (tornado's HTML)
        body = exc.read()
        return exc.code, json.loads(body) if body.startswith(b"{") else {}


async def test_webhook_mode_answers_healthz(fake_telegram: FakeTelegram, inbox: Path,
                                            db_url: str, tmp_path: Path) -> None:
    port = free_port()
    process = start_briefbot(
        tmp_path, f'[inbox]\npath = "{inbox}"\n\n[access]\nadmins = [{ADMIN}]\n\n'
        f'[telegram]\nmode = "webhook"\nwebhook_listen = "127.0.0.1"\nwebhook_port = {port}\n'
        'webhook_path = "hook"\nwebhook_url = "https://briefbot.example.org/hook"\n',
        api_base_url=fake_telegram.base_url, db_url=db_url, BRIEFBOT_WEBHOOK_SECRET="s3cret")
    try:
        await fake_telegram.wait_for(lambda: bool(fake_telegram.webhook), timeout=30)
        answers: list[tuple[int, dict]] = []

        async def healthy() -> bool:
            with contextlib.suppress(OSError):
                answers.append(await asyncio.to_thread(get, port, "/healthz"))
            return bool(answers) and answers[-1][0] == 200

        for _ in range(100):
            if await healthy():
                break
            await asyncio.sleep(0.2)
        missing = await asyncio.to_thread(get, port, "/nothing-here") if answers else None
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
    status, body = answers[-1]
    assert status == 200, (answers[-3:], stderr[-2000:])
    assert body["status"] == "ok" and body["receiving"] is True
    assert datetime.now(UTC) - datetime.fromisoformat(body["last_poll"]) < timedelta(seconds=60)
    assert missing is not None and missing[0] == 404  # PTB's own routes are untouched
    assert process.returncode == 0, stderr


async def test_health_is_stale_without_updates_or_with_an_old_heartbeat(
        run_bot, settings: Settings, store: Store) -> None:
    app = build_application(settings, store)
    minute = timedelta(minutes=1)
    assert await health(app, fresh_for=minute) == (
        False, {"status": "stale", "receiving": False, "last_poll": None})
    old = datetime(2025, 1, 1, tzinfo=UTC)
    async with run_bot(settings) as running:
        for job in running.job_queue.get_jobs_by_name(HEARTBEAT_JOB):
            job.schedule_removal()
        await asyncio.sleep(0.1)
        store.record_heartbeat("poll", at=old)
        stale = await health(running, fresh_for=minute)
        store.record_heartbeat("poll")
        fresh = await health(running, fresh_for=minute)
    assert stale == (False, {"status": "stale", "receiving": True,
                             "last_poll": old.isoformat()})
    assert fresh[0] is True and fresh[1]["status"] == "ok"


async def test_briefbot_run_stops_cleanly_while_waiting_for_telegram(
        inbox: Path, db_url: str, tmp_path: Path) -> None:
    fake = FakeTelegram()  # never started: the network stays down
    process = start_bot(tmp_path, inbox, db_url, f"http://127.0.0.1:{free_port()}/bot")
    stderr = Lines(process)
    await fake.wait_for(lambda: len(stderr.matching("Telegram unreachable")) >= 2, timeout=30)
    process.send_signal(signal.SIGTERM)
    await asyncio.to_thread(process.wait, 15)
    assert process.returncode == 0, stderr.text()
    assert "Traceback" not in stderr.text()


async def test_telegram_failing_the_polling_bootstrap_is_retried_not_fatal(
        fake_telegram: FakeTelegram, inbox: Path, db_url: str, tmp_path: Path) -> None:
    fake = fake_telegram
    fake.fail("deleteWebhook", "server_error")  # PTB's default: exit at the first failure
    fake.fail("deleteWebhook", "html_bad_gateway")
    fake.fail("getUpdates", "gateway_timeout", times=2)
    process = start_bot(tmp_path, inbox, db_url, fake.base_url)
    stderr = Lines(process)
    try:
        fake.send("/help", chat_id=ADMIN, user_id=ADMIN)
        await fake.wait_sent(ADMIN, 1, timeout=30)
        assert process.poll() is None, stderr.text()
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    assert process.returncode == 0, stderr.text()
    assert [c.outcome for c in fake.calls_of("deleteWebhook")] == [
        "server_error", "html_bad_gateway", "ok"]
    assert fake.texts(ADMIN) == [text("en", "help")]
