"""Settings: TOML plus environment; every error names the setting and the fix; secrets stay hidden."""

from __future__ import annotations

import dataclasses
import re
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
        ('[summary]\nsentences = "three"\n', "summary.sentences",
         "set summary.sentences to a whole number such as 3"),
        ("[summary]\nfigures = true\n", "summary.figures", "set summary.figures to a whole number such as 5"),
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


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[summary]\nsentense = 4\n",
         "setting 'summary.sentense': unknown setting 'summary.sentense'; did you mean "
         "'summary.sentences'? Fix: rename it to 'summary.sentences'"),
        ("[sumary]\nsentences = 4\n",
         "setting 'sumary': unknown section [sumary]; did you mean [summary]? Fix: rename it to [summary]"),
        ("[[targets]]\nchat = 1\nschedules = [{ interval = '1h' }]\n",
         "setting 'targets[0].chat': unknown setting 'targets[0].chat'; did you mean "
         "'targets[0].chat_id'? Fix: rename it to 'targets[0].chat_id'"),
        ("[[targets]]\nchat_id = 1\nschedules = [{ interval = '1h', timzone = 'UTC' }]\n",
         "setting 'targets[0].schedules[0].timzone': unknown setting 'targets[0].schedules[0].timzone'; "
         "did you mean 'targets[0].schedules[0].timezone'? Fix: rename it to "
         "'targets[0].schedules[0].timezone'"),
        ("[logging]\nlevle = 'DEBUG'\n",
         "setting 'logging.levle': unknown setting 'logging.levle'; did you mean 'logging.level'? "
         "Fix: rename it to 'logging.level'"),
        ("[summary]\nxyz = 1\n",
         "setting 'summary.xyz': unknown setting 'summary.xyz'. Fix: remove it; [summary] takes: "
         "sentences, algorithm, figures, quotes"),
        ("[[feeds]]\nurl = 'https://a.example/rss'\nintervall = '1h'\n",
         "setting 'feeds[0].intervall': unknown setting 'feeds[0].intervall'; did you mean "
         "'feeds[0].interval'? Fix: rename it to 'feeds[0].interval'"),
    ],
)
def test_unknown_keys_and_sections_are_refused_with_the_nearest_name(
    tmp_path: Path, toml: str, message: str
) -> None:
    assert str(error_from(tmp_path, toml)) == message


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[summary]\nsentences = "three"\n', "setting 'summary.sentences': must be a whole number "
         "(integer), got 'three'. Fix: set summary.sentences to a whole number such as 3"),
        ("[summary]\nsentences = 1.5\n", "setting 'summary.sentences': must be a whole number "
         "(integer), got 1.5. Fix: set summary.sentences to a whole number such as 3"),
        ("[limits]\nheavy_jobs = 0\n", "setting 'limits.heavy_jobs': must be positive, got 0.0. "
         "Fix: set limits.heavy_jobs above 0"),
        ("[delivery]\nbackfill = -1\n", "setting 'delivery.backfill': must not be negative, got -1. "
         "Fix: set delivery.backfill to 0 or more"),
        ("[telegram]\nwebhook_port = 70000\n", "setting 'telegram.webhook_port': must be between 1 "
         "and 65535, got 70000. Fix: set telegram.webhook_port to a whole number from 1 to 65535"),
        ('[logging]\nformat = "xml"\n', "setting 'logging.format': cannot use 'xml'. "
         "Fix: use 'text' or 'json'"),
        ('[logging]\nlevel = "LOUD"\n', "setting 'logging.level': unknown log level 'LOUD'. "
         "Fix: use one of DEBUG, INFO, WARNING, ERROR, CRITICAL"),
        (TARGET % "cron = '0 8 * * *', interval = '1h'", "setting 'targets[0].schedules[0]': has both "
         "cron and interval. Fix: keep one: a cron with its timezone, or an interval; add a second "
         "schedule for the other"),
        (TARGET % "interval = '1h', timezone = 'Asia/Dushanbe'", "setting "
         "'targets[0].schedules[0].timezone': timezone applies to cron schedules only. "
         "Fix: remove timezone from the interval schedule"),
        (TARGET % "timezone = 'UTC'", "setting 'targets[0].schedules[0].cron': expected 5 cron fields, "
         "got None. Fix: write minute hour day month weekday, e.g. '0 8 * * mon-fri'"),
        ('[store]\nurl = "sqlite:///a.db"\npath = "b.db"\n', "setting 'store.url': both url and path "
         "are set. Fix: keep url (any database) or path (a SQLite file), not both"),
        ("[[targets]]\nchat_id = 1.5\nschedules = [{ interval = '1h' }]\n", "setting "
         "'targets[0].chat_id': 1.5 is neither a number nor '@name'. Fix: use the numeric id "
         "(e.g. -1001234567890) or '@channelname'"),
        ("[[targets]]\nchat_id = 1\ntopic_id = 'general'\nschedules = [{ interval = '1h' }]\n",
         "setting 'targets[0].topic_id': must be a whole number (integer), got 'general'. "
         "Fix: set targets[0].topic_id to a whole number such as 3"),
        ("summary = 3\n", "setting 'summary': must be a table. Fix: write [summary] as a table of settings"),
    ],
)
def test_whole_numbers_ranges_and_conflicts(tmp_path: Path, toml: str, message: str) -> None:
    assert str(error_from(tmp_path, toml)) == message


def test_new_sections_defaults_and_values(tmp_path: Path) -> None:
    defaults = settings_from(tmp_path, "")
    assert (defaults.logging.level, defaults.logging.format) == ("INFO", "text")
    assert (defaults.delivery.backfill, defaults.delivery.quarantine_after) == (10, 3)
    assert (defaults.limits.user_requests_per_minute, defaults.limits.heavy_jobs) == (6, 2)
    settings = settings_from(tmp_path, """
[logging]
level = "debug"
format = "json"
[delivery]
backfill = 0
quarantine_after = 5
[limits]
user_requests_per_minute = 30
heavy_jobs = 4
[[targets]]
chat_id = -1001234567890
topic_id = 17
schedules = [{ interval = "1h" }]
""")
    assert (settings.logging.level, settings.logging.format) == ("DEBUG", "json")
    assert (settings.delivery.backfill, settings.delivery.quarantine_after) == (0, 5)
    assert (settings.limits.user_requests_per_minute, settings.limits.heavy_jobs) == (30, 4)
    assert (settings.targets[0].topic_id, settings.targets[0].name) == (17, "-1001234567890")


@pytest.mark.parametrize(("spelling", "name"), [("lex-rank", "lexrank"), ("text-rank", "textrank"),
                                                ("sum-basic", "sumbasic"), ("LSA", "lsa"),
                                                ("default", "default")])
def test_sumy_spellings_are_aliases(tmp_path: Path, spelling: str, name: str) -> None:
    assert settings_from(tmp_path, f'[summary]\nalgorithm = "{spelling}"\n').summary.algorithm == name


def test_shipped_settings_file_documents_every_key() -> None:
    """Every key the models accept is written (or shown commented out) in config/briefbot.toml."""
    from bot.settings.loading import SettingsFile, _keys_of, _unwrap

    shipped = (ROOT / "config" / "briefbot.toml").read_text(encoding="utf-8")
    for section, info in SettingsFile.model_fields.items():
        assert f"[{section}]" in shipped or f"[[{section}]]" in shipped, section
        for key in _keys_of(_unwrap(info.annotation)):
            assert re.search(rf"^#?\s*{key}\s*=", shipped, re.M), f"{section}.{key}"


def test_settings_are_frozen_and_replace_revalidates() -> None:
    settings = Settings()
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.max_file_mb = 1.0  # type: ignore[misc]
    assert dataclasses.replace(settings.summary, sentences=2).sentences == 2
    with pytest.raises(ValueError, match=r"valid integer"):
        dataclasses.replace(settings.summary, sentences=2.5)


def test_briefbot_config_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "elsewhere.toml"
    path.write_text("[summary]\nsentences = 2\n", encoding="utf-8")
    assert load_settings(None, {"BRIEFBOT_CONFIG": str(path)}).summary.sentences == 2
    assert load_settings(ROOT / "config" / "briefbot.toml",
                         {"BRIEFBOT_CONFIG": str(path)}).summary.sentences == 3  # --config wins
    with pytest.raises(SettingsError, match="does not exist"):
        load_settings(None, {"BRIEFBOT_CONFIG": str(tmp_path / "missing.toml")})
