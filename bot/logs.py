"""Logging for every briefbot command: timestamped text or JSON lines, secrets masked.

One `configure_logging` serves `run`, `check`, `health` and the offline commands, so the bot's
lines always carry a time (a second `basicConfig` elsewhere used to win and drop it). The
token filter sits on the root handlers: httpx logs request URLs, and a Bot API URL contains
the token; tracebacks can carry it too (PTB's InvalidToken at start-up).
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import TextIO

MASK = "<BOT_TOKEN>"
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
QUIET_LIBRARIES = ("httpx", "httpcore", "apscheduler")  # per-request and per-job chatter
BATCH_QUIET = ("pypdf", "trafilatura")  # a bad file is reported once, by briefbot itself


def mask(text: str, secret: str) -> str:
    """`text` with every occurrence of `secret` replaced (nothing to do for an empty secret)."""
    return text.replace(secret, MASK) if secret else text


class TokenFilter(logging.Filter):
    """Masks the bot token anywhere in a log record, including formatted tracebacks."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.token:
            return True
        record.msg = mask(record.getMessage(), self.token)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask(record.exc_text, self.token)
        if record.stack_info:
            record.stack_info = mask(record.stack_info, self.token)
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, exception."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            line["exception"] = record.exc_text
        return json.dumps(line, ensure_ascii=False)


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is at the time of the record (tests swap it)."""

    def __init__(self) -> None:
        super().__init__()

    @property
    def stream(self) -> TextIO:  # type: ignore[override]
        return sys.stderr

    @stream.setter
    def stream(self, value: TextIO) -> None:
        pass


def formatter(fmt: str) -> logging.Formatter:
    """The formatter for logging.format: "text" (for people) or "json" (for collectors)."""
    if fmt == "json":
        return JsonFormatter()
    return logging.Formatter(TEXT_FORMAT, datefmt=TIME_FORMAT)


def configure_logging(token: str = "", level: int | str = logging.INFO, fmt: str = "text", *,
                      stream: TextIO | None = None) -> logging.Handler:
    """Log to stderr (or `stream`) at `level` in `fmt`, with the token masked on every handler.

    Calling it again replaces briefbot's own handler, so the last call (the command's
    settings) decides; handlers others installed (pytest's, say) get the token filter too.
    """
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "briefbot", False)]:
        root.removeHandler(old)
    handler = logging.StreamHandler(stream) if stream is not None else _StderrHandler()
    handler.briefbot = True  # type: ignore[attr-defined]
    handler.setFormatter(formatter(fmt))
    root.addHandler(handler)
    root.setLevel(level.upper() if isinstance(level, str) else level)
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING)
    for each in root.handlers:
        for stale in [f for f in each.filters if isinstance(f, TokenFilter)]:
            each.removeFilter(stale)
        each.addFilter(TokenFilter(token))
    return handler


def quiet_batch_libraries() -> None:
    """Offline commands report unreadable files themselves; the parsers' own warnings repeat it."""
    for name in BATCH_QUIET:
        logging.getLogger(name).setLevel(logging.ERROR)
