"""The settings the bot runs with: frozen, validated dataclasses (pydantic v2).

These classes are both the validated schema of the settings file's tables and the objects
the rest of the code reads (`settings.summary.sentences`). They are real dataclasses, so
`dataclasses.replace()` works and re-validates. Unknown keyword arguments are refused
(extra="forbid"), which is what turns a misspelt key in the file into an error.

They are plain frozen dataclasses that pydantic validates (it reads `__pydantic_config__`,
the `Annotated` checks and `__post_init__`): an object built from its defaults alone is
valid by construction and imports no pydantic, which is most of what a one-report
`briefbot summarize` would otherwise spend starting up. Anything else is validated when
it is built, exactly as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import MISSING, dataclass, field, fields
from datetime import timedelta
from functools import cache
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

from .fields import (
    After,
    ChatId,
    Count,
    Interval,
    Invalid,
    NonNegativeFloat,
    Port,
    PositiveFloat,
    PositiveInt,
    Share,
    StrictBool,
    StrictStr,
    check_algorithm,
    check_cron,
    check_database_url,
    check_feed_url_value,
    check_http_url,
    check_log_level,
    check_timezone,
    check_ui_language,
    one_of,
)

TELEGRAM_API = "https://api.telegram.org/bot"
DEFAULT_INBOX = "seeds"
DEFAULT_MAX_FILE_MB = 50.0
DEFAULT_DATABASE_PATH = "data/briefbot.db"


_PYDANTIC_VALIDATING: ContextVar[bool] = ContextVar("pydantic_validating", default=False)
UNCHECKED = {"checked": False}  # field metadata: any text, never validated (the secrets)


@contextmanager
def pydantic_validating() -> Iterator[None]:
    """While pydantic builds these objects it has already checked their fields."""
    token = _PYDANTIC_VALIDATING.set(True)
    try:
        yield
    finally:
        _PYDANTIC_VALIDATING.reset(token)


@cache
def _adapter(cls: type) -> Any:
    from pydantic import TypeAdapter  # imported only when a setting is not a default

    return TypeAdapter(cls)


class Validated:
    """A frozen settings dataclass, validated by pydantic unless every field is its default."""

    # Unknown keys are errors (the loader says "did you mean ...").
    __pydantic_config__: ClassVar[dict[str, str]] = {"extra": "forbid"}

    def __post_init__(self) -> None:
        if not _PYDANTIC_VALIDATING.get() and not self._all_defaults():
            with pydantic_validating():
                valid = _adapter(type(self)).validate_python(
                    {f.name: getattr(self, f.name) for f in fields(self)})  # type: ignore[arg-type]
            for f in fields(self):  # type: ignore[arg-type]
                object.__setattr__(self, f.name, getattr(valid, f.name))  # normalised values
        self._check()

    def _check(self) -> None:
        """Rules across fields; raise Invalid (pydantic reports it at this table)."""

    def _all_defaults(self) -> bool:
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if not f.metadata.get("checked", True) and isinstance(value, str):
                continue
            if f.default is MISSING or type(value) is not type(f.default) or value != f.default:
                return False
        return True


def _frozen(cls):
    return dataclass(frozen=True)(cls)


@_frozen
class Schedule(Validated):
    """Either a cron expression in a time zone or a fixed interval, never both."""

    cron: Annotated[StrictStr, After(check_cron)] | None = None
    timezone: Annotated[StrictStr, After(check_timezone)] = "UTC"
    interval: Interval | None = None

    def _check(self) -> None:
        if self.cron is not None and self.interval is not None:
            raise Invalid("has both cron and interval", "keep one: a cron with its timezone, "
                          "or an interval; add a second schedule for the other")
        if self.cron is None and self.interval is None:
            raise Invalid(f"expected 5 cron fields, got {self.cron!r}",
                          "write minute hour day month weekday, e.g. '0 8 * * mon-fri'",
                          field="cron")
        if self.interval is not None and self.timezone != "UTC":
            raise Invalid("timezone applies to cron schedules only",
                          "remove timezone from the interval schedule", field="timezone")


def _some_sources(sources: tuple[str, ...]) -> tuple[str, ...]:
    if not sources or not all(s.strip() for s in sources):
        raise Invalid("lists no source", "name feeds, 'inbox/<folder>' or 'links', or remove "
                      "{key} to take every source")
    return sources


def _a_term(term: str) -> str:
    if not any(c.isalpha() for c in term):
        raise Invalid(f"{term!r} holds no word", "write a word, a phrase or a name")
    return term


@_frozen
class Target(Validated):
    """A chat that receives scheduled digests (optionally in one forum topic)."""

    chat_id: ChatId
    name: StrictStr = ""
    schedules: tuple[Schedule, ...] = ()
    announce_empty: StrictBool = False
    topic_id: PositiveInt | None = None
    # desks (docs/desk.md): the sources it takes (None: all), filter terms, settings watchlist
    sources: Annotated[tuple[StrictStr, ...], After(_some_sources)] | None = None
    include: tuple[Annotated[StrictStr, After(_a_term)], ...] = ()
    exclude: tuple[Annotated[StrictStr, After(_a_term)], ...] = ()
    watch: tuple[Annotated[StrictStr, After(_a_term)], ...] = ()

    def _check(self) -> None:
        if not self.schedules:
            raise Invalid("no schedule given",
                          "add schedules = [{cron = '0 8 * * mon-fri', timezone = 'UTC'}]",
                          field="schedules")
        if not self.name:
            object.__setattr__(self, "name", str(self.chat_id))


@_frozen
class SummarySettings(Validated):
    sentences: PositiveInt = 3
    algorithm: Annotated[StrictStr, After(check_algorithm)] = "default"
    figures: Count = 5
    quotes: Count = 3


@_frozen
class TelegramSettings(Validated):
    api_base_url: Annotated[StrictStr, After(check_http_url)] = TELEGRAM_API
    mode: Annotated[StrictStr, After(one_of("polling", "webhook",
                                                      fix="use 'polling' or 'webhook'"))] = "polling"
    webhook_listen: StrictStr = "0.0.0.0"
    webhook_port: Port = 8443
    webhook_url: StrictStr = ""
    webhook_path: StrictStr = "briefbot"
    max_download_mb: PositiveFloat = 20.0
    language: Annotated[StrictStr, After(check_ui_language)] = "en"
    misfire_grace_seconds: Count = 6 * 3600

    def _check(self) -> None:
        if self.mode == "webhook" and not self.webhook_url.startswith("https://"):
            raise Invalid("webhook mode needs a public https URL",
                          "set telegram.webhook_url = 'https://your.host/briefbot'",
                          field="webhook_url")


@_frozen
class AccessSettings(Validated):
    allowed_chats: frozenset[int] = frozenset()
    allowed_users: frozenset[int] = frozenset()
    admins: frozenset[int] = frozenset()


@_frozen
class Feed(Validated):
    """An RSS or Atom feed polled on its own interval."""

    url: Annotated[StrictStr, After(check_feed_url_value)]
    name: StrictStr
    interval: Interval


@_frozen
class SourceSettings(Validated):
    """Feeds, links and the inbox watch: how often, how long, how much, and what is safe."""

    feed_interval: Interval = timedelta(minutes=15)
    fetch_timeout_seconds: PositiveFloat = 20.0
    max_fetch_mb: PositiveFloat = 5.0
    allow_private_addresses: StrictBool = False
    watch_interval_seconds: PositiveFloat = 5.0
    settle_seconds: NonNegativeFloat = 2.0
    merge_threshold: Share = 0.4
    listen_links: StrictBool = True


@_frozen
class LoggingSettings(Validated):
    """What the bot logs and how: text lines for people, JSON lines for log collectors."""

    level: Annotated[StrictStr, After(check_log_level)] = "INFO"
    format: Literal["text", "json"] = "text"


@_frozen
class DeliverySettings(Validated):
    """How much old news a new chat gets, and when a failing report is set aside."""

    backfill: Count = 10            # at most this many latest reports for a new target or chat
    quarantine_after: PositiveInt = 3  # failed analyses before a report is quarantined
    followup_days: Count = 3        # a report continuing a story sent this recently: new facts; 0 off


@_frozen
class LimitSettings(Validated):
    """Flood limits: per user, and for heavy work running at once."""

    user_requests_per_minute: PositiveInt = 6  # /summary, links and uploads per user
    heavy_jobs: PositiveInt = 2                # downloads, fetches and analyses at once


@_frozen
class Settings(Validated):
    inbox: Path = Path(DEFAULT_INBOX)
    max_file_mb: PositiveFloat = DEFAULT_MAX_FILE_MB
    database_url: Annotated[StrictStr, After(check_database_url)] = (
        "sqlite:///" + DEFAULT_DATABASE_PATH)
    summary: SummarySettings = SummarySettings()
    telegram: TelegramSettings = TelegramSettings()
    access: AccessSettings = AccessSettings()
    targets: tuple[Target, ...] = ()
    sources: SourceSettings = SourceSettings()
    feeds: tuple[Feed, ...] = ()
    logging: LoggingSettings = LoggingSettings()
    delivery: DeliverySettings = DeliverySettings()
    limits: LimitSettings = LimitSettings()
    # Secrets come from the environment only and are kept out of repr() and logs.
    token: str = field(default="", repr=False, metadata=UNCHECKED)
    webhook_secret: str = field(default="", repr=False, metadata=UNCHECKED)
