"""Sending to Telegram so that limits and hiccups do not lose or repeat reports.

RetryAfter (429) waits as long as Telegram says; network errors and 5xx retry with bounded
exponential backoff; HTML Telegram cannot parse falls back to the plain text of the same
message; Forbidden (bot removed or blocked) and other bad requests are not retried. A digest's
reports are handed to `on_delivered` only once every message carrying them was accepted.
"""

from __future__ import annotations

import asyncio
import html as html_lib
import logging
import re
import warnings
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Protocol, TypeVar

from telegram import Bot, LinkPreviewOptions, ReplyParameters
from telegram import Message as TgMessage
from telegram.constants import ParseMode
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError

log = logging.getLogger(__name__)
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
T = TypeVar("T")


class Outgoing(Protocol):
    """What bot.digest.model.Message provides."""

    html: str
    plain: str
    report_ids: tuple[str, ...]


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 5
    base_delay: float = 1.0
    max_delay: float = 30.0

    def backoff(self, attempt: int) -> float:
        return min(self.max_delay, self.base_delay * 2 ** (attempt - 1))


@dataclass(frozen=True)
class DeliveryResult:
    sent: int
    delivered: tuple[str, ...]
    error: TelegramError | None = None


def retry_seconds(exc: RetryAfter) -> float:
    """RetryAfter.retry_after is an int or a timedelta depending on PTB_TIMEDELTA."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def plain_of(html: str) -> str:
    """Visible text of our own simple HTML texts (tags dropped, entities decoded)."""
    return html_lib.unescape(re.sub(r"<[^>]+>", "", html))


def is_parse_error(exc: BadRequest) -> bool:
    return "can't parse entities" in exc.message.lower()


async def with_retries(call: Callable[[], Awaitable[T]], policy: RetryPolicy,
                       what: str) -> T:
    """Run one Bot API call, retrying what is worth retrying."""
    for attempt in range(1, policy.attempts + 1):
        try:
            return await call()
        except RetryAfter as exc:
            if attempt == policy.attempts:
                raise
            wait = retry_seconds(exc)
            log.warning("%s: flood control, waiting %.1f s (attempt %d)", what, wait, attempt)
            await asyncio.sleep(wait)
        except BadRequest:
            raise
        except NetworkError as exc:  # includes TimedOut and 5xx
            if attempt == policy.attempts:
                raise
            wait = policy.backoff(attempt)
            log.warning("%s: %s; retrying in %.1f s (attempt %d)", what, exc, wait, attempt)
            await asyncio.sleep(wait)
    raise AssertionError("unreachable")  # pragma: no cover


async def send_html(bot: Bot, chat_id: int | str, html: str, plain: str, *,
                    policy: RetryPolicy, reply_to: int | None = None,
                    thread_id: int | None = None) -> TgMessage:
    """Send one message as HTML; if Telegram cannot parse it, send the plain text instead."""
    reply = ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None

    def attempt(text: str, parse_mode: str | None) -> Callable[[], Awaitable[TgMessage]]:
        return lambda: bot.send_message(
            chat_id, text, parse_mode=parse_mode, link_preview_options=NO_PREVIEW,
            reply_parameters=reply, message_thread_id=thread_id)

    try:
        return await with_retries(attempt(html, ParseMode.HTML), policy, f"send to {chat_id}")
    except BadRequest as exc:
        if not is_parse_error(exc):
            raise
        log.warning("Telegram rejected the HTML for %s (%s); sending plain text", chat_id, exc)
    return await with_retries(attempt(plain, None), policy, f"send plain to {chat_id}")


async def deliver(bot: Bot, chat_id: int | str, messages: Sequence[Outgoing], *,
                  policy: RetryPolicy,
                  on_delivered: Callable[[tuple[str, ...]], Awaitable[None]],
                  reply_to: int | None = None, thread_id: int | None = None) -> DeliveryResult:
    """Send messages in order, stopping at the first that fails for good.

    A report is passed to on_delivered right after the last message carrying it was accepted,
    so a failure part-way leaves exactly the unsent reports for the next run.
    """
    last_message = {rid: i for i, message in enumerate(messages) for rid in message.report_ids}
    delivered: list[str] = []
    for i, message in enumerate(messages):
        try:
            await send_html(bot, chat_id, message.html, message.plain, policy=policy,
                            reply_to=reply_to if i == 0 else None, thread_id=thread_id)
        except TelegramError as exc:
            log.error("delivery to %s stopped after %d of %d messages: %s",
                      chat_id, i, len(messages), exc)
            return DeliveryResult(i, tuple(delivered), exc)
        done = tuple(rid for rid, last in last_message.items() if last == i)
        if done:
            await on_delivered(done)
            delivered.extend(done)
    return DeliveryResult(len(messages), tuple(delivered))
