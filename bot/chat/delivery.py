"""Sending to Telegram so that limits and hiccups do not lose, repeat or block reports.

This module is the ONE retry layer for Bot API calls: RetryAfter (429) waits as long as
Telegram says; network errors, timeouts and 5xx retry with bounded exponential backoff. (The
application's AIORateLimiter only throttles, with max_retries=0, so calls are never retried
twice over.) Bad requests are never retried, but two are answered here:

- HTML Telegram cannot parse is sent again as the plain text of the same message;
- "message is too long" (Telegram counted differently from us) re-splits the message into
  halves, and so on, never blocking the queue.

`TelegramSender` is the briefing workflow's Sender: it never raises for a refusal but says
whether the message (REJECTED: its reports fail, the digest goes on) or the chat (STOPPED:
blocked, gone, Telegram unreachable; try on the next run) refused.
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Protocol, TypeVar

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    ReplyParameters,
)
from telegram import Message as TgMessage
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, NetworkError, RetryAfter, TelegramError

from bot.briefing import SENT, Destination, SendResult, SendStatus
from bot.briefing.workflow import send_messages
from bot.digest.model import Message
from bot.digest.render_html import plain_of, split_message, units

__all__ = ["DeliveryResult", "RetryPolicy", "TelegramSender", "deliver", "plain_of", "send_html",
           "with_retries"]

log = logging.getLogger(__name__)
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
TELEGRAM_LIMIT = 4096
# Re-splitting is for a message Telegram counts a little longer than we do: one at most twice
# the limit, cut in halves at most twice. Anything else is refused for good (never a flood).
MAX_RESPLIT = 2 * TELEGRAM_LIMIT
RESPLIT_DEPTH = 2
T = TypeVar("T")
# Bad requests about the message itself (the chat is fine): skipping the message is right.
MESSAGE_FAULTS = ("message is too long", "can't parse entities", "text must be non-empty",
                  "message text is empty", "entities too long", "too many entities")


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
    error: BaseException | None = None


def retry_seconds(exc: RetryAfter) -> float:
    """RetryAfter.retry_after is an int or a timedelta depending on PTB_TIMEDELTA."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


Buttons = Sequence[Sequence[tuple[str, str]]]  # rows of (label, callback data)


def keyboard(buttons: Buttons) -> InlineKeyboardMarkup | None:
    """An inline keyboard of callback buttons (bot.digest.buttons), or None for no buttons."""
    if not buttons:
        return None
    return InlineKeyboardMarkup([[InlineKeyboardButton(text, callback_data=data)
                                  for text, data in row] for row in buttons])


def is_parse_error(exc: BadRequest) -> bool:
    return "can't parse entities" in exc.message.lower()


def is_too_long(exc: BadRequest) -> bool:
    return "message is too long" in exc.message.lower()


async def with_retries(call: Callable[[], Awaitable[T]], policy: RetryPolicy,
                       what: str) -> T:
    """Run one Bot API call, retrying what is worth retrying (the only retry layer)."""
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
                    thread_id: int | None = None, buttons: Buttons = ()) -> TgMessage:
    """Send one message as HTML; if Telegram cannot parse it, send the plain text instead.

    A group upgraded to a supergroup gets a new id and refuses the old one for good
    (ChatMigrated): the message goes to the new id, so the group keeps its digests (recorded
    under the configured target, so nothing repeats), and the operator is told the new id."""
    try:
        return await _send_html(bot, chat_id, html, plain, policy=policy, reply_to=reply_to,
                                thread_id=thread_id, buttons=buttons)
    except ChatMigrated as exc:
        log.warning("chat %s was upgraded to the supergroup %d; sending there (set chat_id = "
                    "%d in its settings)", chat_id, exc.new_chat_id, exc.new_chat_id)
        return await _send_html(bot, exc.new_chat_id, html, plain, policy=policy,
                                reply_to=reply_to, thread_id=thread_id, buttons=buttons)


async def _send_html(bot: Bot, chat_id: int | str, html: str, plain: str, *,
                     policy: RetryPolicy, reply_to: int | None,
                     thread_id: int | None, buttons: Buttons) -> TgMessage:
    reply = ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None
    markup = keyboard(buttons)

    def attempt(text: str, parse_mode: str | None) -> Callable[[], Awaitable[TgMessage]]:
        return lambda: bot.send_message(
            chat_id, text, parse_mode=parse_mode, link_preview_options=NO_PREVIEW,
            reply_parameters=reply, message_thread_id=thread_id, reply_markup=markup)

    try:
        return await with_retries(attempt(html, ParseMode.HTML), policy, f"send to {chat_id}")
    except BadRequest as exc:
        if not is_parse_error(exc):
            raise
        log.warning("Telegram rejected the HTML for %s (%s); sending plain text", chat_id, exc)
    return await with_retries(attempt(plain, None), policy, f"send plain to {chat_id}")


class TelegramSender:
    """The workflow's Sender for Telegram: retries, plain-text fallback, re-splitting."""

    def __init__(self, bot: Bot, policy: RetryPolicy) -> None:
        self.bot = bot
        self.policy = policy

    async def send(self, destination: Destination, html: str, plain: str,
                   buttons: Buttons = ()) -> SendResult:
        try:
            await self._send(destination, html, plain, buttons=buttons)
        except BadRequest as exc:
            if any(fault in exc.message.lower() for fault in MESSAGE_FAULTS):
                return SendResult(SendStatus.REJECTED, exc.message, exc)
            return SendResult(SendStatus.STOPPED, exc.message, exc)
        except TelegramError as exc:
            return SendResult(SendStatus.STOPPED, f"{type(exc).__name__}: {exc}", exc)
        return SENT

    async def _send(self, destination: Destination, html: str, plain: str,
                    depth: int = 0, buttons: Buttons = ()) -> None:
        try:
            await send_html(self.bot, destination.chat_id, html, plain, policy=self.policy,
                            reply_to=destination.reply_to, thread_id=destination.thread_id,
                            buttons=buttons)
        except BadRequest as exc:
            size = units(html)
            if not is_too_long(exc) or size > MAX_RESPLIT or depth >= RESPLIT_DEPTH:
                raise
            pieces = split_message(Message(html, plain, ()), min(size, TELEGRAM_LIMIT) // 2)
            log.warning("Telegram found a message to %s too long (%d units); sending it in %d "
                        "parts", destination.chat_id, size, len(pieces))
            for i, piece in enumerate(pieces):  # the buttons go under the last piece
                await self._send(destination if i == 0 else destination.follow_up(),
                                 piece.html, piece.plain, depth + 1,
                                 buttons if i == len(pieces) - 1 else ())


async def deliver(bot: Bot, chat_id: int | str, messages: Sequence[Outgoing], *,
                  policy: RetryPolicy,
                  on_delivered: Callable[[tuple[str, ...]], Awaitable[object]],
                  reply_to: int | None = None, thread_id: int | None = None) -> DeliveryResult:
    """Send messages in order through the workflow's sending loop, for replies in chat.

    A report is passed to on_delivered right after the last message carrying it was accepted,
    so a failure part-way leaves exactly the unsent reports for the next run."""
    outgoing = [Message(m.html, m.plain, tuple(m.report_ids), getattr(m, "buttons", ()))
                for m in messages]
    result = await send_messages(Destination(chat_id, reply_to=reply_to, thread_id=thread_id),
                                 TelegramSender(bot, policy), outgoing, on_delivered)
    error = result.error
    if error is None and result.rejected:
        error = RuntimeError(f"{len(result.rejected)} report(s) refused by Telegram")
    return DeliveryResult(result.sent, result.delivered, error)
