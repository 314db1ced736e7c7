"""The settings file's schema and pydantic's errors turned into SettingsErrors.

Imported only when there is something to validate (a settings file, or an environment
variable that replaces one of its keys): building these validators is most of the cost of
importing pydantic, which a command run with the defaults does not pay.
"""

from __future__ import annotations

import difflib
import typing
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from datetime import timedelta
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, StrictStr, ValidationError, model_validator
from pydantic.dataclasses import dataclass

from bot.errors import SettingsError

from .fields import Interval, Invalid, PositiveFloat, check_database_url, check_feed_url_value
from .models import (
    DEFAULT_DATABASE_PATH,
    DEFAULT_INBOX,
    DEFAULT_MAX_FILE_MB,
    AccessSettings,
    DeliverySettings,
    Feed,
    LimitSettings,
    LoggingSettings,
    SourceSettings,
    SummarySettings,
    Target,
    TelegramSettings,
    pydantic_validating,
)

_TABLE = ConfigDict(extra="forbid")


@dataclass(frozen=True, config=_TABLE)
class InboxSection:
    path: StrictStr = DEFAULT_INBOX
    max_file_mb: PositiveFloat = DEFAULT_MAX_FILE_MB


@dataclass(frozen=True, config=_TABLE)
class StoreSection:
    url: Annotated[StrictStr, AfterValidator(check_database_url)] | None = None
    path: StrictStr | None = None

    @model_validator(mode="after")
    def _one_place(self) -> StoreSection:
        if self.url is not None and self.path is not None:
            raise Invalid("both url and path are set", "keep url (any database) or path (a SQLite "
                          "file), not both", field="url")
        return self

    @property
    def database_url(self) -> str:
        return self.url or "sqlite:///" + (self.path or DEFAULT_DATABASE_PATH)


@dataclass(frozen=True, config=_TABLE)
class FeedEntry:
    """A [[feeds]] table: name and interval may be left out."""

    url: Annotated[StrictStr, AfterValidator(check_feed_url_value)]
    name: StrictStr = ""
    interval: Interval | None = None

    def feed(self, default_interval: timedelta) -> Feed:
        return Feed(url=self.url, name=self.name or self.url,
                    interval=self.interval or default_interval)


class SettingsFile(BaseModel):
    """The settings file as written: every table optional, no other keys allowed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    inbox: InboxSection = InboxSection()
    store: StoreSection = StoreSection()
    summary: SummarySettings = SummarySettings()
    telegram: TelegramSettings = TelegramSettings()
    access: AccessSettings = AccessSettings()
    sources: SourceSettings = SourceSettings()
    logging: LoggingSettings = LoggingSettings()
    delivery: DeliverySettings = DeliverySettings()
    limits: LimitSettings = LimitSettings()
    targets: list[Target] = []
    feeds: list[FeedEntry] = []


def parse_file(data: dict[str, Any]) -> SettingsFile:
    """The file's tables, validated in one pass; the first problem as a SettingsError."""
    try:
        with pydantic_validating():
            return SettingsFile.model_validate(data)
    except ValidationError as exc:
        raise settings_error(exc) from None


# -- turning pydantic's errors into SettingsError ----------------------------------------------

_MISSING_FIXES = {
    "targets[].chat_id": "give every [[targets]] a chat_id (a number or '@channelname')",
    "feeds[].url": "give every [[feeds]] a url = 'https://example.org/rss.xml'",
}
_TABLE_FIXES = {
    "targets[].schedules[]": "write {cron = '0 8 * * mon-fri', timezone = 'UTC'} or {interval = '30m'}",
    "targets[]": "write [[targets]] tables, each with chat_id and schedules",
    "feeds[]": "write [[feeds]] tables, each with a url",
}
_ID_LISTS = ("access.allowed_chats", "access.allowed_users", "access.admins")
_UNKNOWN = ("extra_forbidden", "unexpected_keyword_argument")
_INT_ERRORS = ("int_type", "int_parsing", "int_from_float")
_TABLE_ERRORS = ("dataclass_type", "dataclass_args_type", "model_type", "dict_type", "model_attributes_type")


def settings_error(exc: ValidationError) -> SettingsError:
    """The first problem pydantic found, as a SettingsError naming the setting and the fix."""
    errors = exc.errors(include_url=False)
    # A misspelt key explains the "missing" error next to it: report the spelling first.
    error = min(errors, key=lambda e: e["type"] not in _UNKNOWN)
    loc = tuple(error["loc"])
    key, pattern = _dotted(loc), _pattern(loc)
    kind, value = error["type"], error.get("input")
    cause = (error.get("ctx") or {}).get("error")
    if isinstance(cause, Invalid):
        if cause.field:
            key = f"{key}.{cause.field}" if key else cause.field
        return SettingsError(key, cause.problem, cause.fix.replace("{key}", key))
    if kind in _UNKNOWN:
        return _unknown(loc, value)
    parent = _pattern(loc[:-1])
    if parent in _ID_LISTS or pattern in _ID_LISTS:
        where = _dotted(loc[:-1]) if parent in _ID_LISTS else key
        return SettingsError(where, "must be a list of numeric Telegram ids",
                             "write ids as numbers, e.g. [123456789, -1001234567890]")
    if kind == "missing":
        return SettingsError(key, "missing", _MISSING_FIXES.get(pattern, f"add {key}"))
    return _wrong_type(error, loc)


def _wrong_type(error: Any, loc: tuple[Any, ...]) -> SettingsError:
    """A value of the wrong kind (text for a number, a number for a table...)."""
    key, pattern = _dotted(loc), _pattern(loc)
    kind, value = error["type"], error.get("input")
    if kind in _INT_ERRORS:
        return SettingsError(key, f"must be a whole number (integer), got {value!r}",
                             f"set {key} to a whole number such as {_example(loc)}")
    if kind == "bool_type":
        return SettingsError(key, f"expected bool, got {value!r}", f"set {key} to a bool")
    if kind in ("float_type", "float_parsing"):
        return SettingsError(key, f"must be a number, got {value!r}", f"set {key} to a number")
    if kind in ("string_type", "literal_error"):
        expected = error.get("ctx", {}).get("expected")
        fix = f"use {expected}" if expected else f"set {key} to a quoted text value"
        return SettingsError(key, f"cannot use {value!r}", fix)
    if kind in _TABLE_ERRORS:
        fix = _TABLE_FIXES.get(pattern, f"write [{key}] as a table of settings")
        return SettingsError(key, "each schedule must be a table" if pattern.endswith("schedules[]")
                             else "must be a table", fix)
    if kind in ("list_type", "tuple_type", "set_type", "frozen_set_type"):
        return SettingsError(key, f"must be a list, got {value!r}", f"write {key} = [ ... ]")
    return SettingsError(key, error["msg"], "see config/briefbot.toml for the expected value")


def _dotted(loc: tuple[Any, ...], *, indexes: bool = True) -> str:
    """('targets', 0, 'cron') -> 'targets[0].cron' (or 'targets[].cron' without indexes)."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]" if indexes else "[]"
        else:
            text += f".{part}" if text else str(part)
    return text


def _pattern(loc: tuple[Any, ...]) -> str:
    return _dotted(loc, indexes=False)


def _unknown(loc: tuple[Any, ...], value: Any) -> SettingsError:
    """An unknown key or table, with the nearest valid name when there is one."""
    parent, name = loc[:-1], str(loc[-1])
    valid = _keys_of(_class_at(parent))
    near = difflib.get_close_matches(name, valid, n=1, cutoff=0.6)
    key = _dotted(loc)
    if not parent and isinstance(value, Mapping):
        problem = f"unknown section [{name}]"
        suggestion = f"[{near[0]}]" if near else None
    else:
        problem = f"unknown setting '{key}'"
        suggestion = f"'{_dotted((*parent, near[0]))}'" if near else None
    if suggestion:
        return SettingsError(key, f"{problem}; did you mean {suggestion}?",
                             f"rename it to {suggestion}")
    where = f"[{_dotted(parent)}]" if parent else "the file"
    return SettingsError(key, problem, f"remove it; {where} takes: " + ", ".join(valid))


def _class_at(loc: tuple[Any, ...]) -> Any:
    """The model class whose keys are valid at `loc` (list indexes step into the item type)."""
    current: Any = SettingsFile
    for part in loc:
        if isinstance(part, int):
            continue
        current = _unwrap(typing.get_type_hints(current)[part])
    return current


def _unwrap(hint: Any) -> Any:
    while typing.get_origin(hint) in (Annotated, list, tuple, typing.Union, type(int | None)):
        hint = next(a for a in typing.get_args(hint) if a is not type(None) and a is not Ellipsis)
    return hint


def _keys_of(cls: Any) -> list[str]:
    if is_dataclass(cls):
        return [f.name for f in fields(cls)]
    if isinstance(cls, type) and issubclass(cls, BaseModel):
        return list(cls.model_fields)
    return []


def _example(loc: tuple[Any, ...]) -> int:
    """The default of the setting at `loc`, as an example of a valid whole number."""
    cls = _class_at(loc[:-1])
    defaults = {f.name: f.default for f in fields(cls)} if is_dataclass(cls) else {}
    default = defaults.get(str(loc[-1]))
    return default if isinstance(default, int) and not isinstance(default, bool) else 3
