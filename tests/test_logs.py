"""One logging setup for every command: timestamped text or JSON lines, the token masked."""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterator

import pytest

from bot.logs import TokenFilter, configure_logging

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    quiet = {name: logging.getLogger(name).level for name in ("httpx", "httpcore", "apscheduler")}
    try:
        yield
    finally:
        for handler in list(root.handlers):
            if handler not in handlers:
                root.removeHandler(handler)
        for handler in handlers:
            for each in [f for f in handler.filters if isinstance(f, TokenFilter)]:
                handler.removeFilter(each)
        root.setLevel(level)
        for name, old in quiet.items():
            logging.getLogger(name).setLevel(old)


def emit_with_traceback(logger: logging.Logger) -> None:
    try:
        raise ConnectionError(f"https://api.telegram.org/bot{TOKEN}/getUpdates failed")
    except ConnectionError:
        logger.exception("polling failed for %s", f"bot{TOKEN}")


def test_text_lines_carry_a_timestamp_and_mask_the_token(restore_logging) -> None:
    stream = io.StringIO()
    configure_logging(TOKEN, "INFO", "text", stream=stream)
    logging.getLogger("bot.chat").info("posted %d reports to %s", 3, "team")
    logging.getLogger("bot.chat").debug("hidden at INFO")
    emit_with_traceback(logging.getLogger("telegram.ext"))
    lines = stream.getvalue().splitlines()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4} INFO bot\.chat: posted 3 reports to team",
                        lines[0])
    assert re.fullmatch(r"\S+ ERROR telegram\.ext: polling failed for bot<BOT_TOKEN>", lines[1])
    assert lines[2] == "Traceback (most recent call last):"
    assert "ConnectionError: https://api.telegram.org/bot<BOT_TOKEN>/getUpdates failed" in lines
    assert TOKEN not in stream.getvalue()
    assert "hidden at INFO" not in stream.getvalue()


def test_json_lines_for_log_collectors(restore_logging) -> None:
    stream = io.StringIO()
    configure_logging(TOKEN, "DEBUG", "json", stream=stream)
    logging.getLogger("bot.digest").debug("digest for %s: %d reports", "ops", 2)
    emit_with_traceback(logging.getLogger("telegram.ext"))
    first, second = (json.loads(line) for line in stream.getvalue().splitlines())
    assert list(first) == ["time", "level", "logger", "message"]
    assert (first["level"], first["logger"], first["message"]) == ("DEBUG", "bot.digest",
                                                                  "digest for ops: 2 reports")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", first["time"])
    assert list(second) == ["time", "level", "logger", "message", "exception"]
    assert second["message"] == "polling failed for bot<BOT_TOKEN>"
    assert second["exception"].startswith("Traceback (most recent call last):")
    assert second["exception"].endswith("ConnectionError: https://api.telegram.org/bot<BOT_TOKEN>/"
                                        "getUpdates failed")
    assert TOKEN not in stream.getvalue()


def test_configuring_again_replaces_briefbots_handler(restore_logging) -> None:
    first, second = io.StringIO(), io.StringIO()
    configure_logging(TOKEN, "INFO", "text", stream=first)
    configure_logging(TOKEN, "WARNING", "json", stream=second)
    logging.getLogger("bot").warning("once")
    assert first.getvalue() == ""
    assert json.loads(second.getvalue())["message"] == "once"
    assert logging.getLogger("httpx").level == logging.WARNING  # request URLs carry the token
    root_filters = [f for h in logging.getLogger().handlers for f in h.filters
                    if isinstance(f, TokenFilter)]
    assert len(root_filters) == len(logging.getLogger().handlers)  # one each, not piled up


def test_chat_app_reexports_the_same_logging() -> None:
    import bot.chat.app
    import bot.logs

    assert bot.chat.app.TokenFilter is bot.logs.TokenFilter
    assert bot.chat.app.configure_logging is bot.logs.configure_logging
