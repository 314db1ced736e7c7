"""`briefbot health`: exit 0 only when the running bot's heartbeats (poll, schedule) are recent."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.cli import main
from bot.cli.health import run_health
from bot.settings import Settings, TelegramSettings
from bot.store.db import Store

NOW = datetime(2026, 1, 5, 6, 0, tzinfo=UTC)


class FakeStore:
    """The two store calls health makes, with heartbeats set by the test."""

    def __init__(self, **ages: float) -> None:
        self.beats = {kind: NOW - timedelta(seconds=age) for kind, age in ages.items()}

    def heartbeat(self, kind: str) -> datetime | None:
        return self.beats.get(kind)


def test_fresh_heartbeats_are_healthy(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_health(Settings(), max_age=300, now=NOW, store=FakeStore(poll=10, schedule=40)) == 0
    assert capsys.readouterr().out == "briefbot health: ok: last poll 10 s ago, last schedule 40 s ago\n"


def test_a_stale_heartbeat_is_unhealthy(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_health(Settings(), max_age=300, now=NOW, store=FakeStore(poll=900, schedule=40)) == 1
    assert capsys.readouterr().err == (
        "briefbot health: unhealthy: last poll 900 s ago (more than 300 s)\n")


def test_no_heartbeat_yet_is_unhealthy(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_health(Settings(), now=NOW, store=FakeStore(schedule=5)) == 1
    assert capsys.readouterr().err == (
        "briefbot health: unhealthy: no poll heartbeat yet (is the bot running?)\n")


def test_webhook_mode_does_not_poll(capsys: pytest.CaptureFixture[str]) -> None:
    webhook = Settings(telegram=TelegramSettings(mode="webhook", webhook_url="https://bot.example/b"))
    assert run_health(webhook, now=NOW, store=FakeStore(schedule=5)) == 0
    assert capsys.readouterr().out == "briefbot health: ok: last schedule 5 s ago\n"


def test_a_store_without_heartbeats_is_unhealthy(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_health(Settings(), now=NOW, store=object()) == 1
    assert capsys.readouterr().err == (
        "briefbot health: unhealthy: this version of the store records no heartbeats\n")


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in list(os.environ):
        if name.startswith("BRIEFBOT_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c.toml").write_text('[store]\npath = "state/briefbot.db"\n', encoding="utf-8")
    return tmp_path


def test_no_database_is_unhealthy_and_none_is_created(workdir: Path, capsys) -> None:
    assert main(["--config", "c.toml", "health"]) == 1
    assert capsys.readouterr().err == (
        "briefbot health: unhealthy: state/briefbot.db does not exist yet (the bot creates it on its "
        "first run)\n")
    assert not (workdir / "state").exists()


def test_fresh_and_stale_from_the_real_store(workdir: Path, capsys) -> None:
    store = Store("sqlite:///state/briefbot.db")
    store.record_heartbeat("poll")
    store.record_heartbeat("schedule")
    beat = store.heartbeat("poll")
    store.close()
    assert beat is not None
    soon = (beat + timedelta(seconds=30)).isoformat()
    late = (beat + timedelta(seconds=600)).isoformat()
    assert main(["--config", "c.toml", "health", "--now", soon]) == 0
    assert capsys.readouterr().out.startswith("briefbot health: ok: last poll 30 s ago")
    assert main(["--config", "c.toml", "health", "--max-age", "120", "--now", late]) == 1
    assert "last poll 600 s ago (more than 120 s)" in capsys.readouterr().err


def test_bad_settings_make_health_exit_1_not_2(workdir: Path, capsys) -> None:
    """Docker reserves HEALTHCHECK exit code 2."""
    (workdir / "c.toml").write_text("[store]\npaht = 'x.db'\n", encoding="utf-8")
    assert main(["--config", "c.toml", "health"]) == 1
    assert capsys.readouterr().err.startswith("briefbot: setting 'store.paht': unknown setting")
    assert main(["--config", "c.toml", "check"]) == 2
