"""Typed setting values with their checks: each check says what is wrong and how to fix it.

A failed check raises `Invalid(problem, fix)`; the loader turns it into a SettingsError
naming the full setting ("targets[0].schedules[1].cron"). A `{key}` in a fix is replaced by
that name, so one check serves every setting of its kind.

The types below are `Annotated` with small markers that pydantic reads when it builds a
validator (`__get_pydantic_core_schema__`), so defining them imports no pydantic: a command
run with the default settings (`briefbot summarize x.txt`) never pays for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .algorithms import algorithms, resolve_algorithm

UI_LANGUAGES = ("en", "ru")  # languages of the bot's own messages (bot/chat/texts.py)
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
INTERVAL_FIX = "use a number and a unit: '90s', '30m', '6h', '1d'"
CRON_EXAMPLE = "'0 8 * * mon-fri'"


class After:
    """Run `check` on the value after its type is validated (pydantic's AfterValidator)."""

    def __init__(self, check: Callable[[Any], Any]) -> None:
        self.check = check

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(self.check, handler(source))


class Before(After):
    """Run `check` on the raw value, before its type is validated (pydantic's BeforeValidator)."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(self.check, handler(source))


class _Strict:
    """No conversions: "3" is not an int, 1.5 is not an int, 1 is not a bool (pydantic's Strict)."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema["strict"] = True
        return schema


StrictInt = Annotated[int, _Strict()]
StrictFloat = Annotated[float, _Strict()]
StrictStr = Annotated[str, _Strict()]
StrictBool = Annotated[bool, _Strict()]


class Invalid(ValueError):
    """A setting value that cannot be used; `field` names a sub-key when a whole table fails."""

    def __init__(self, problem: str, fix: str, *, field: str | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.fix = fix
        self.field = field


def _positive(value: float) -> float:
    if value <= 0:
        raise Invalid(f"must be positive, got {float(value)}", "set {key} above 0")
    return value


def _not_negative(value: float) -> float:
    if value < 0:
        raise Invalid(f"must not be negative, got {value}", "set {key} to 0 or more")
    return value


def _between(low: int, high: int):
    def check(value: int) -> int:
        if not low <= value <= high:
            raise Invalid(f"must be between {low} and {high}, got {value}",
                          f"set {{key}} to a whole number from {low} to {high}")
        return value
    return check


def _share(value: float) -> float:
    if not 0 <= value <= 1:
        raise Invalid(f"must be between 0 and 1, got {value}",
                      "use e.g. 0.4 (higher merges fewer reports; 0 turns merging off)")
    return float(value)


_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}
_INTERVAL = re.compile(r"^\s*(\d+)\s*([smhd])\s*$")


def parse_interval(raw: Any) -> timedelta:
    """'90s', '30m', '6h', '1d' (or a timedelta from code) as a positive timedelta."""
    if isinstance(raw, timedelta):
        if raw <= timedelta(0):
            raise Invalid(f"must be positive, got {raw}", INTERVAL_FIX)
        return raw
    match = _INTERVAL.match(raw) if isinstance(raw, str) else None
    if not match or int(match.group(1)) == 0:
        raise Invalid(f"cannot read {raw!r}", INTERVAL_FIX)
    return timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})


def check_cron(cron: str) -> str:
    """Five crontab fields that APScheduler accepts (the time zone is a separate setting)."""
    if len(cron.split()) != 5:
        raise Invalid(f"expected 5 cron fields, got {cron!r}",
                      f"write minute hour day month weekday, e.g. {CRON_EXAMPLE}")
    from apscheduler.triggers.cron import CronTrigger

    try:
        CronTrigger.from_crontab(cron, timezone=ZoneInfo("UTC"))
    except ValueError as exc:
        raise Invalid(f"invalid cron expression {cron!r} ({exc})",
                      f"check each of the 5 fields, e.g. {CRON_EXAMPLE}") from None
    return cron


def check_timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise Invalid(f"unknown time zone {name!r}",
                      "use an IANA name such as 'Asia/Dushanbe' or 'UTC'") from None
    return name


def check_chat_id(value: Any) -> int | str:
    """A numeric chat id or a public '@username'."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise Invalid(f"{value!r} is neither a number nor '@name'",
                      "use the numeric id (e.g. -1001234567890) or '@channelname'")
    if isinstance(value, str) and not re.fullmatch(r"@[A-Za-z]\w{3,}", value):
        raise Invalid(f"{value!r} is neither a number nor '@name'",
                      "use the numeric id (e.g. -1001234567890) or '@channelname'")
    return value


def _http_url(fix: str):
    """A check for an http(s) URL (surrounding spaces dropped) whose error suggests `fix`."""

    def check(value: str) -> str:
        url = value.strip()
        if not re.match(r"^https?://[^\s/?#]+", url):
            raise Invalid(f"{value!r} is not an http(s) URL", fix)
        return url
    return check


check_http_url = _http_url("use e.g. https://api.telegram.org/bot or http://127.0.0.1:8081/bot")
check_feed_url_value = _http_url("use the feed's full address, e.g. 'https://example.org/rss.xml'")


def check_database_url(value: str) -> str:
    if not re.match(r"^(sqlite|postgresql)(\+\w+)?://", value):
        raise Invalid(f"unsupported database URL scheme in {value.split(':')[0]!r}",
                      "use sqlite:///path/to/file.db or postgresql://user@host/db")
    return value


def check_algorithm(value: str) -> str:
    name = resolve_algorithm(value)
    if name is None:
        raise Invalid(f"unknown algorithm {value!r}",
                      "use one of " + ", ".join(algorithms())
                      + " (sumy's spellings lex-rank, text-rank, sum-basic work too)")
    return name


def check_ui_language(value: str) -> str:
    if value not in UI_LANGUAGES:
        raise Invalid(f"unsupported {value!r}", "use 'en' or 'ru'")
    return value


def check_log_level(value: str) -> str:
    if value.upper() not in LOG_LEVELS:
        raise Invalid(f"unknown log level {value!r}", "use one of " + ", ".join(LOG_LEVELS))
    return value.upper()


def one_of(*choices: str, fix: str | None = None):
    def check(value: str) -> str:
        if value not in choices:
            raise Invalid(f"unknown value {value!r}",
                          fix or "use " + " or ".join(repr(c) for c in choices))
        return value
    return check


# Whole numbers are StrictInt: "three", 1.5 and true are refused as "not an integer".
PositiveInt = Annotated[StrictInt, After(_positive)]
Count = Annotated[StrictInt, After(_not_negative)]
PositiveFloat = Annotated[StrictFloat, After(_positive)]
NonNegativeFloat = Annotated[StrictFloat, After(_not_negative)]
Share = Annotated[StrictFloat, After(_share)]
Port = Annotated[StrictInt, After(_between(1, 65535))]
Interval = Annotated[timedelta, Before(parse_interval)]
ChatId = Annotated[int | str, Before(check_chat_id)]
