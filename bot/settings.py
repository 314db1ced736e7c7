"""Settings: one TOML file plus environment variables for secrets, validated at start-up.

Every problem is raised as a SettingsError that names the setting and says how to fix it,
so a bad deployment fails at once instead of at the first scheduled digest.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.errors import SettingsError

DEFAULT_CONFIG = Path("config/briefbot.toml")
TELEGRAM_API = "https://api.telegram.org/bot"
ALGORITHMS = (
    "default", "lexrank", "textrank", "lsa", "luhn", "edmundson", "kl", "sumbasic", "reduction",
)


@dataclass(frozen=True)
class Schedule:
    """Either a cron expression in a time zone or a fixed interval."""

    cron: str | None = None
    timezone: str = "UTC"
    interval: timedelta | None = None


@dataclass(frozen=True)
class Target:
    """A chat that receives scheduled digests."""

    chat_id: int | str
    name: str
    schedules: tuple[Schedule, ...]
    announce_empty: bool = False


@dataclass(frozen=True)
class SummarySettings:
    sentences: int = 3
    algorithm: str = "default"
    figures: int = 5
    quotes: int = 3


@dataclass(frozen=True)
class TelegramSettings:
    api_base_url: str = TELEGRAM_API
    mode: str = "polling"
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    webhook_url: str = ""
    webhook_path: str = "briefbot"
    max_download_mb: float = 20.0
    language: str = "en"
    misfire_grace_seconds: int = 6 * 3600


@dataclass(frozen=True)
class AccessSettings:
    allowed_chats: frozenset[int] = frozenset()
    allowed_users: frozenset[int] = frozenset()
    admins: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Feed:
    """An RSS or Atom feed polled on its own interval."""

    url: str
    name: str
    interval: timedelta


@dataclass(frozen=True)
class SourceSettings:
    """Feeds, links and the inbox watch: how often, how long, how much, and what is safe."""

    feed_interval: timedelta = timedelta(minutes=15)
    fetch_timeout_seconds: float = 20.0
    max_fetch_mb: float = 5.0
    allow_private_addresses: bool = False
    watch_interval_seconds: float = 5.0
    settle_seconds: float = 2.0
    merge_threshold: float = 0.4
    listen_links: bool = True


@dataclass(frozen=True)
class Settings:
    inbox: Path = Path("seeds")
    max_file_mb: float = 50.0
    database_url: str = "sqlite:///data/briefbot.db"
    summary: SummarySettings = SummarySettings()
    telegram: TelegramSettings = TelegramSettings()
    access: AccessSettings = AccessSettings()
    targets: tuple[Target, ...] = ()
    sources: SourceSettings = SourceSettings()
    feeds: tuple[Feed, ...] = ()
    # Secrets come from the environment only and are kept out of repr() and logs.
    token: str = field(default="", repr=False)
    webhook_secret: str = field(default="", repr=False)


def load_settings(path: Path | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Read the settings file (the default one if it exists) and the environment."""
    env = os.environ if env is None else env
    data = _read_toml(path)
    telegram = _telegram(data.get("telegram", {}), env)
    sources = _sources(data)
    return Settings(
        inbox=Path(env.get("BRIEFBOT_INBOX") or _get(data, "inbox.path", str, "seeds")),
        max_file_mb=_positive(data, "inbox.max_file_mb", 50.0),
        database_url=_database_url(data, env),
        summary=_summary(data),
        telegram=telegram,
        access=_access(data.get("access", {})),
        targets=tuple(_target(i, t) for i, t in enumerate(_list(data, "targets"))),
        sources=sources,
        feeds=_feeds(_list(data, "feeds"), sources.feed_interval),
        token=env.get("BOT_TOKEN", ""),
        webhook_secret=_webhook_secret(env, telegram.mode),
    )


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


def _read_toml(path: Path | None) -> dict[str, Any]:
    if path is None:
        if not DEFAULT_CONFIG.is_file():
            return {}
        path = DEFAULT_CONFIG
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SettingsError("--config", f"{path} does not exist", "pass an existing file") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError("--config", f"{path} is not valid TOML ({exc})", "fix the syntax") from None


def _get(data: Mapping[str, Any], dotted: str, kind: type, default: Any) -> Any:
    node: Any = data
    for part in dotted.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return default
        node = node[part]
    if kind is float and isinstance(node, int) and not isinstance(node, bool):
        node = float(node)
    if not isinstance(node, kind) or (kind is int and isinstance(node, bool)):
        raise SettingsError(dotted, f"expected {kind.__name__}, got {node!r}",
                            f"set {dotted} to a {kind.__name__}")
    return node


def _positive(data: Mapping[str, Any], dotted: str, default: float) -> float:
    value = _get(data, dotted, float, default)
    if value <= 0:
        raise SettingsError(dotted, f"must be positive, got {value}", f"set {dotted} above 0")
    return value


def _list(data: Mapping[str, Any], dotted: str) -> list[Any]:
    return _get(data, dotted, list, [])


def _database_url(data: Mapping[str, Any], env: Mapping[str, str]) -> str:
    url = env.get("BRIEFBOT_DATABASE_URL") or _get(data, "store.url", str, "")
    if not url:
        url = "sqlite:///" + _get(data, "store.path", str, "data/briefbot.db")
    if not re.match(r"^(sqlite|postgresql)(\+\w+)?://", url):
        raise SettingsError("store.url", f"unsupported database URL scheme in {url.split(':')[0]!r}",
                            "use sqlite:///path/to/file.db or postgresql://user@host/db")
    return url


def _summary(data: Mapping[str, Any]) -> SummarySettings:
    algorithm = _get(data, "summary.algorithm", str, "default")
    if algorithm not in ALGORITHMS:
        raise SettingsError("summary.algorithm", f"unknown algorithm {algorithm!r}",
                            "use one of " + ", ".join(ALGORITHMS))
    return SummarySettings(
        sentences=int(_positive(data, "summary.sentences", 3)),
        algorithm=algorithm,
        figures=int(_get(data, "summary.figures", int, 5)),
        quotes=int(_get(data, "summary.quotes", int, 3)),
    )


def _telegram(data: Mapping[str, Any], env: Mapping[str, str]) -> TelegramSettings:
    root = {"telegram": data}
    base = env.get("BRIEFBOT_API_BASE_URL") or _get(root, "telegram.api_base_url", str, TELEGRAM_API)
    if not re.match(r"^https?://", base):
        raise SettingsError("telegram.api_base_url", f"{base!r} is not an http(s) URL",
                            "use e.g. https://api.telegram.org/bot or http://127.0.0.1:8081/bot")
    mode = _get(root, "telegram.mode", str, "polling")
    if mode not in ("polling", "webhook"):
        raise SettingsError("telegram.mode", f"unknown mode {mode!r}", "use 'polling' or 'webhook'")
    webhook_url = _get(root, "telegram.webhook_url", str, "")
    if mode == "webhook" and not webhook_url.startswith("https://"):
        raise SettingsError("telegram.webhook_url", "webhook mode needs a public https URL",
                            "set telegram.webhook_url = 'https://your.host/briefbot'")
    language = _get(root, "telegram.language", str, "en")
    if language not in ("en", "ru"):
        raise SettingsError("telegram.language", f"unsupported {language!r}", "use 'en' or 'ru'")
    return TelegramSettings(
        api_base_url=base,
        mode=mode,
        webhook_listen=_get(root, "telegram.webhook_listen", str, "0.0.0.0"),
        webhook_port=_get(root, "telegram.webhook_port", int, 8443),
        webhook_url=webhook_url,
        webhook_path=_get(root, "telegram.webhook_path", str, "briefbot"),
        max_download_mb=_positive(root, "telegram.max_download_mb", 20.0),
        language=language,
        misfire_grace_seconds=_get(root, "telegram.misfire_grace_seconds", int, 6 * 3600),
    )


def _ids(data: Mapping[str, Any], key: str) -> frozenset[int]:
    values = _get({"access": data}, f"access.{key}", list, [])
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        raise SettingsError(f"access.{key}", "must be a list of numeric Telegram ids",
                            "write ids as numbers, e.g. [123456789, -1001234567890]")
    return frozenset(values)


def _access(data: Mapping[str, Any]) -> AccessSettings:
    return AccessSettings(
        allowed_chats=_ids(data, "allowed_chats"),
        allowed_users=_ids(data, "allowed_users"),
        admins=_ids(data, "admins"),
    )


_INTERVAL = re.compile(r"^\s*(\d+)\s*([smhd])\s*$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}


def _interval(where: str, raw: Any) -> timedelta:
    match = _INTERVAL.match(str(raw))
    if not match or int(match.group(1)) == 0:
        raise SettingsError(where, f"cannot read {raw!r}",
                            "use a number and a unit: '90s', '30m', '6h', '1d'")
    return timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})


def _sources(data: Mapping[str, Any]) -> SourceSettings:
    threshold = _get(data, "sources.merge_threshold", float, 0.4)
    if not 0 <= threshold <= 1:
        raise SettingsError("sources.merge_threshold", f"must be between 0 and 1, got {threshold}",
                            "use e.g. 0.4 (higher merges fewer reports; 0 turns merging off)")
    return SourceSettings(
        feed_interval=_interval("sources.feed_interval",
                                _get(data, "sources.feed_interval", str, "15m")),
        fetch_timeout_seconds=_positive(data, "sources.fetch_timeout_seconds", 20.0),
        max_fetch_mb=_positive(data, "sources.max_fetch_mb", 5.0),
        allow_private_addresses=_get(data, "sources.allow_private_addresses", bool, False),
        watch_interval_seconds=_positive(data, "sources.watch_interval_seconds", 5.0),
        settle_seconds=_get(data, "sources.settle_seconds", float, 2.0),
        merge_threshold=threshold,
        listen_links=_get(data, "sources.listen_links", bool, True),
    )


def check_feed_url(where: str, url: Any) -> str:
    """Feeds are fetched over HTTP(S) only; anything else is a typo or an attempt to read files."""
    if not isinstance(url, str) or not re.match(r"^https?://[^\s/?#]+", url.strip()):
        raise SettingsError(where, f"{url!r} is not an http(s) URL",
                            "use the feed's full address, e.g. 'https://example.org/rss.xml'")
    return url.strip()


def _feeds(raw: list[Any], default_interval: timedelta) -> tuple[Feed, ...]:
    feeds: list[Feed] = []
    for index, item in enumerate(raw):
        where = f"feeds[{index}]"
        if not isinstance(item, Mapping) or "url" not in item:
            raise SettingsError(f"{where}.url", "missing",
                                "give every [[feeds]] a url = 'https://example.org/rss.xml'")
        url = check_feed_url(f"{where}.url", item["url"])
        if any(f.url == url for f in feeds):
            raise SettingsError(f"{where}.url", f"{url} is listed twice", "remove the duplicate")
        interval = (_interval(f"{where}.interval", item["interval"]) if "interval" in item
                    else default_interval)
        feeds.append(Feed(url=url, name=str(item.get("name") or url), interval=interval))
    return tuple(feeds)


def _schedule(where: str, raw: Any) -> Schedule:
    if not isinstance(raw, Mapping):
        raise SettingsError(where, "each schedule must be a table",
                            "write {cron = '0 8 * * mon-fri', timezone = 'UTC'} or {interval = '30m'}")
    if "interval" in raw:
        match = _INTERVAL.match(str(raw["interval"]))
        if not match or int(match.group(1)) == 0:
            raise SettingsError(f"{where}.interval", f"cannot read {raw['interval']!r}",
                                "use a number and a unit: '90s', '30m', '6h', '1d'")
        amount, unit = int(match.group(1)), _UNITS[match.group(2)]
        return Schedule(interval=timedelta(**{unit: amount}))
    cron = raw.get("cron")
    if not isinstance(cron, str) or len(cron.split()) != 5:
        raise SettingsError(f"{where}.cron", f"expected 5 cron fields, got {cron!r}",
                            "write minute hour day month weekday, e.g. '0 8 * * mon-fri'")
    timezone = str(raw.get("timezone", "UTC"))
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(f"{where}.timezone", f"unknown time zone {timezone!r}",
                            "use an IANA name such as 'Asia/Dushanbe' or 'UTC'") from None
    _check_cron(f"{where}.cron", cron, timezone)
    return Schedule(cron=cron, timezone=timezone)


def _check_cron(where: str, cron: str, timezone: str) -> None:
    from apscheduler.triggers.cron import CronTrigger

    try:
        CronTrigger.from_crontab(cron, timezone=ZoneInfo(timezone))
    except ValueError as exc:
        raise SettingsError(where, f"invalid cron expression {cron!r} ({exc})",
                            "check each of the 5 fields, e.g. '0 8 * * mon-fri'") from None


def _target(index: int, raw: Any) -> Target:
    where = f"targets[{index}]"
    if not isinstance(raw, Mapping) or "chat_id" not in raw:
        raise SettingsError(f"{where}.chat_id", "missing",
                            "give every [[targets]] a chat_id (a number or '@channelname')")
    chat_id = raw["chat_id"]
    if isinstance(chat_id, str) and not chat_id.startswith("@"):
        raise SettingsError(f"{where}.chat_id", f"{chat_id!r} is neither a number nor '@name'",
                            "use the numeric id (e.g. -1001234567890) or '@channelname'")
    schedules = raw.get("schedules", [])
    if not isinstance(schedules, list) or not schedules:
        raise SettingsError(f"{where}.schedules", "no schedule given",
                            "add schedules = [{cron = '0 8 * * mon-fri', timezone = 'UTC'}]")
    return Target(
        chat_id=chat_id,
        name=str(raw.get("name", chat_id)),
        schedules=tuple(_schedule(f"{where}.schedules[{i}]", s) for i, s in enumerate(schedules)),
        announce_empty=bool(raw.get("announce_empty", False)),
    )
