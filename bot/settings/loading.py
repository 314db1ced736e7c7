"""Reading the settings: one TOML file plus environment variables, validated at start-up.

The file is validated in one pass against `SettingsFile` (its tables are the models in
models.py); every problem becomes a SettingsError that names the setting and the fix, and an
unknown key names the nearest valid one, so a misspelling fails at once instead of being
silently ignored until the first scheduled digest goes out wrong.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.errors import SettingsError

from .fields import Invalid, check_feed_url_value
from .models import Feed, Settings, TelegramSettings, pydantic_validating

if TYPE_CHECKING:
    from .schema import FeedEntry

DEFAULT_CONFIG = Path("config/briefbot.toml")


def load_settings(path: Path | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Read the settings file (the default one if it exists) and the environment."""
    env = os.environ if env is None else env
    data = _with_environment(_read_toml(settings_path(path, env)), env)
    if not data:  # nothing to validate: the defaults are valid as written (and need no pydantic)
        return Settings(token=env.get("BOT_TOKEN", ""),
                        webhook_secret=_webhook_secret(env, TelegramSettings().mode))
    from .schema import parse_file

    parsed = parse_file(data)
    feeds = _feeds(parsed.feeds, parsed.sources.feed_interval)
    with pydantic_validating():  # every part was validated above: no second pass over them
        return Settings(
            inbox=Path(parsed.inbox.path),
            max_file_mb=parsed.inbox.max_file_mb,
            database_url=parsed.store.database_url,
            summary=parsed.summary,
            telegram=parsed.telegram,
            access=parsed.access,
            targets=tuple(parsed.targets),
            sources=parsed.sources,
            feeds=feeds,
            logging=parsed.logging,
            delivery=parsed.delivery,
            limits=parsed.limits,
            token=env.get("BOT_TOKEN", ""),
            webhook_secret=_webhook_secret(env, parsed.telegram.mode),
        )


def _with_environment(data: dict[str, Any], env: Mapping[str, str]) -> dict[str, Any]:
    """Environment variables win over the file; they are validated as the keys they replace."""
    overrides = {("inbox", "path"): "BRIEFBOT_INBOX", ("store", "url"): "BRIEFBOT_DATABASE_URL",
                 ("telegram", "api_base_url"): "BRIEFBOT_API_BASE_URL"}
    for (table, key), variable in overrides.items():
        value = env.get(variable)
        if not value:
            continue
        section = data.get(table)
        section = dict(section) if isinstance(section, Mapping) else {}
        section[key] = value
        if (table, key) == ("store", "url"):
            section.pop("path", None)
        data = {**data, table: section}
    return data


def _feeds(entries: list[FeedEntry], default_interval: timedelta) -> tuple[Feed, ...]:
    feeds: list[Feed] = []
    for index, entry in enumerate(entries):
        if any(f.url == entry.url for f in feeds):
            raise SettingsError(f"feeds[{index}].url", f"{entry.url} is listed twice",
                                "remove the duplicate")
        feeds.append(entry.feed(default_interval))
    return tuple(feeds)


def _webhook_secret(env: Mapping[str, str], mode: str) -> str:
    """Telegram echoes this secret on every webhook call; it accepts only 1-256 [A-Za-z0-9_-]."""
    secret = env.get("BRIEFBOT_WEBHOOK_SECRET", "")
    if mode == "webhook" and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
        raise SettingsError("BRIEFBOT_WEBHOOK_SECRET", "missing or not 1-256 letters, digits, _ or -",
                            "export BRIEFBOT_WEBHOOK_SECRET=$(openssl rand -hex 32)")
    return secret


def require_token(settings: Settings) -> str:
    """The bot token, or a SettingsError saying where to put it (never echoing a value)."""
    token = settings.token.strip()
    if not token:
        raise SettingsError(
            "BOT_TOKEN", "not set", "export BOT_TOKEN=<token from @BotFather> before 'briefbot run'"
        )
    if not re.fullmatch(r"\d+:[A-Za-z0-9_-]{20,}", token):
        raise SettingsError(
            "BOT_TOKEN", "does not look like a bot token",
            "copy the whole token @BotFather gave you (digits, a colon, then letters)",
        )
    return token


def check_feed_url(where: str, url: Any) -> str:
    """Feeds are fetched over HTTP(S) only; anything else is a typo or an attempt to read files."""
    try:
        if not isinstance(url, str):
            raise Invalid(f"{url!r} is not an http(s) URL",
                          "use the feed's full address, e.g. 'https://example.org/rss.xml'")
        return check_feed_url_value(url)
    except Invalid as exc:
        raise SettingsError(where, exc.problem, exc.fix) from None


def settings_path(path: Path | None, env: Mapping[str, str]) -> Path | None:
    """The file to read: --config, else $BRIEFBOT_CONFIG, else config/briefbot.toml if present."""
    if path is not None:
        return Path(path)
    if env.get("BRIEFBOT_CONFIG"):
        return Path(env["BRIEFBOT_CONFIG"])
    return DEFAULT_CONFIG if DEFAULT_CONFIG.is_file() else None


def _read_toml(path: Path | None) -> dict[str, Any]:
    if path is None:
        return {}
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SettingsError("--config", f"{path} does not exist", "pass an existing file") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError("--config", f"{path} is not valid TOML ({exc})", "fix the syntax") from None


def __getattr__(name: str) -> Any:
    """The file schema and its error helpers, from schema.py (imported on first use)."""
    if name in ("SettingsFile", "settings_error", "_keys_of", "_unwrap", "_class_at"):
        from . import schema

        return getattr(schema, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
