"""Settings: TOML plus environment; every error names the setting and the fix; secrets stay hidden."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.settings import (
    TELEGRAM_API,
    Schedule,
    Settings,
    SettingsError,
    load_settings,
    require_token,
)

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


def settings_from(tmp_path: Path, toml: str, env: dict[str, str] | None = None) -> Settings:
    path = tmp_path / "briefbot.toml"
    path.write_text(toml, encoding="utf-8")
    return load_settings(path, env or {})


def error_from(tmp_path: Path, toml: str, env: dict[str, str] | None = None) -> SettingsError:
    with pytest.raises(SettingsError) as info:
        settings_from(tmp_path, toml, env)
    return info.value


def test_the_shipped_settings_file_loads() -> None:
    settings = load_settings(ROOT / "config" / "briefbot.toml", {})
    assert settings.inbox == Path("seeds")
    assert settings.max_file_mb == 50.0
    assert settings.database_url == "sqlite:///data/briefbot.db"
    assert (settings.summary.sentences, settings.summary.algorithm, settings.summary.figures,
            settings.summary.quotes) == (3, "default", 5, 3)
    assert settings.telegram.api_base_url == TELEGRAM_API
    assert settings.telegram.mode == "polling"
    assert settings.telegram.misfire_grace_seconds == 21600
    assert settings.telegram.max_download_mb == 20.0
    assert settings.targets == ()
    assert settings.access.allowed_chats == frozenset()


def test_no_file_gives_defaults(tmp_path: Path) -> None:
    assert settings_from(tmp_path, "") == Settings()


def test_token_never_in_repr(tmp_path: Path) -> None:
    settings = settings_from(tmp_path, "", {"BOT_TOKEN": TOKEN, "BRIEFBOT_WEBHOOK_SECRET": "s3cr3t-value"})
    assert settings.token == TOKEN
    assert TOKEN not in repr(settings)
    assert TOKEN.split(":")[1] not in str(settings)
    assert "s3cr3t-value" not in repr(settings)
    assert require_token(settings) == TOKEN


@pytest.mark.parametrize(
    ("token", "problem"),
    [("", "not set"), ("   ", "not set"), ("not-a-token", "does not look like a bot token"),
     ("123:short", "does not look like a bot token")],
)
def test_require_token_errors(token: str, problem: str) -> None:
    with pytest.raises(SettingsError) as info:
        require_token(Settings(token=token))
    assert info.value.setting == "BOT_TOKEN"
    assert str(info.value).startswith(f"setting 'BOT_TOKEN': {problem}. Fix: ")
    if token.strip():
        assert token not in str(info.value)


def test_environment_overrides(tmp_path: Path) -> None:
    toml = ('[inbox]\npath = "reports"\n[store]\nurl = "sqlite:///file.db"\n'
            '[telegram]\napi_base_url = "https://api.telegram.org/bot"\n')
    env = {
        "BRIEFBOT_API_BASE_URL": "http://127.0.0.1:8081/bot",
        "BRIEFBOT_DATABASE_URL": "postgresql+psycopg://user@db/briefbot",
        "BRIEFBOT_INBOX": "/srv/inbox",
    }
    settings = settings_from(tmp_path, toml, env)
    assert settings.telegram.api_base_url == "http://127.0.0.1:8081/bot"
    assert settings.database_url == "postgresql+psycopg://user@db/briefbot"
    assert settings.inbox == Path("/srv/inbox")
    without_env = settings_from(tmp_path, toml)
    assert (without_env.telegram.api_base_url, without_env.database_url, without_env.inbox) == (
        "https://api.telegram.org/bot", "sqlite:///file.db", Path("reports"))


def test_store_path_becomes_sqlite_url(tmp_path: Path) -> None:
    assert settings_from(tmp_path, '[store]\npath = "state/x.db"\n').database_url == "sqlite:///state/x.db"


def test_schedules_cron_and_interval(tmp_path: Path) -> None:
    settings = settings_from(tmp_path, """
[[targets]]
name = "Analysts"
chat_id = -1001234567890
announce_empty = true
schedules = [
  { cron = "0 8 * * mon-fri", timezone = "Asia/Dushanbe" },
  { interval = "6h" },
  { interval = "90s" },
  { cron = "*/15 * * * *" },
]

[[targets]]
chat_id = "@channel"
schedules = [{ interval = "1d" }]
""")
    first, second = settings.targets
    assert (first.chat_id, first.name, first.announce_empty) == (-1001234567890, "Analysts", True)
    assert first.schedules == (
        Schedule(cron="0 8 * * mon-fri", timezone="Asia/Dushanbe"),
        Schedule(interval=timedelta(hours=6)),
        Schedule(interval=timedelta(seconds=90)),
        Schedule(cron="*/15 * * * *", timezone="UTC"),
    )
    assert (second.chat_id, second.name, second.announce_empty) == ("@channel", "@channel", False)
    assert second.schedules == (Schedule(interval=timedelta(days=1)),)


TARGET = '[[targets]]\nchat_id = 1\nschedules = [{ %s }]\n'


@pytest.mark.parametrize(
    ("toml", "setting", "fix"),
    [
        ('[summary]\nalgorithm = "magic"\n', "summary.algorithm", "use one of default, lexrank"),
        ("[summary]\nsentences = 0\n", "summary.sentences", "set summary.sentences above 0"),
        ('[summary]\nsentences = "three"\n', "summary.sentences", "set summary.sentences to a float"),
        ("[summary]\nfigures = true\n", "summary.figures", "set summary.figures to a int"),
        ("[inbox]\nmax_file_mb = -1\n", "inbox.max_file_mb", "set inbox.max_file_mb above 0"),
        ('[store]\nurl = "mysql://x/y"\n', "store.url", "use sqlite:///path/to/file.db or postgresql://"),
        ('[telegram]\napi_base_url = "ftp://x"\n', "telegram.api_base_url", "use e.g. https://api.telegram.org/bot"),
        ('[telegram]\nmode = "push"\n', "telegram.mode", "use 'polling' or 'webhook'"),
        ('[telegram]\nmode = "webhook"\n', "telegram.webhook_url", "set telegram.webhook_url = 'https://"),
        ('[telegram]\nlanguage = "de"\n', "telegram.language", "use 'en' or 'ru'"),
        ("[access]\nadmins = [\"me\"]\n", "access.admins", "write ids as numbers"),
        ("[[targets]]\nname = 'x'\n", "targets[0].chat_id", "give every [[targets]] a chat_id"),
        ("[[targets]]\nchat_id = 'channel'\nschedules = [{ interval = '1h' }]\n", "targets[0].chat_id",
         "use the numeric id"),
        ("[[targets]]\nchat_id = 1\n", "targets[0].schedules", "add schedules = ["),
        (TARGET % "interval = '10 minutes'", "targets[0].schedules[0].interval", "use a number and a unit"),
        (TARGET % "interval = '0m'", "targets[0].schedules[0].interval", "use a number and a unit"),
        (TARGET % "cron = '0 8 * *'", "targets[0].schedules[0].cron", "write minute hour day month weekday"),
        (TARGET % "cron = '0 25 * * *'", "targets[0].schedules[0].cron", "check each of the 5 fields"),
        (TARGET % "cron = '0 8 * * *', timezone = 'Mars/Olympus'", "targets[0].schedules[0].timezone",
         "use an IANA name such as 'Asia/Dushanbe'"),
        (TARGET % "cron = '0 8 * * *', timezone = '../../etc/passwd'", "targets[0].schedules[0].timezone",
         "use an IANA name"),
        ("[[targets]]\nchat_id = 1\nschedules = ['daily']\n", "targets[0].schedules[0]", "write {cron = "),
    ],
)
def test_validation_errors_name_the_setting_and_the_fix(
    tmp_path: Path, toml: str, setting: str, fix: str
) -> None:
    error = error_from(tmp_path, toml)
    assert error.setting == setting
    assert str(error).startswith(f"setting '{setting}': ")
    assert f". Fix: {fix}" in str(error)


def test_missing_and_broken_file(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as info:
        load_settings(tmp_path / "nope.toml", {})
    assert info.value.setting == "--config"
    assert str(info.value) == (
        f"setting '--config': {tmp_path / 'nope.toml'} does not exist. Fix: pass an existing file"
    )
    error = error_from(tmp_path, "[summary\n")
    assert error.setting == "--config"
    assert "is not valid TOML" in str(error) and str(error).endswith("Fix: fix the syntax")


def test_webhook_mode_needs_secret(tmp_path: Path) -> None:
    toml = '[telegram]\nmode = "webhook"\nwebhook_url = "https://bot.example.org/briefbot"\n'
    error = error_from(tmp_path, toml)
    assert error.setting == "BRIEFBOT_WEBHOOK_SECRET"
    bad = error_from(tmp_path, toml, {"BRIEFBOT_WEBHOOK_SECRET": "has spaces and !"})
    assert bad.setting == "BRIEFBOT_WEBHOOK_SECRET"
    assert "has spaces" not in str(bad)
    settings = settings_from(tmp_path, toml, {"BRIEFBOT_WEBHOOK_SECRET": "abc_DEF-123"})
    assert (settings.telegram.mode, settings.webhook_secret) == ("webhook", "abc_DEF-123")


def test_access_lists(tmp_path: Path) -> None:
    settings = settings_from(tmp_path, "[access]\nallowed_chats = [-100123, 5]\nadmins = [7]\n")
    assert settings.access.allowed_chats == frozenset({-100123, 5})
    assert settings.access.admins == frozenset({7})
    assert settings.access.allowed_users == frozenset()
