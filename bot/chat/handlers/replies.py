"""Answering in the chat a command came from: one reply path, packed by bot/digest's packer.

A reply goes to the same chat and topic; in groups it quotes the command so the asker sees
which request it answers. Names and titles from outside pass through `display_name` first:
bidi overrides and zero-width marks could disguise them in the chat.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Sequence
from html import escape

from telegram import Bot
from telegram import Message as TgMessage
from telegram.constants import ChatAction, ChatType
from telegram.error import TelegramError

from bot.digest.bounds import MAX_TITLE, one_line
from bot.digest.model import Message
from bot.digest.render_html import pack_lines

from ..delivery import deliver, plain_of, send_html
from .context import BotState

NAME_LIMIT = MAX_TITLE
QUERY_SHOWN = 100  # a query echoed back is bounded: the reply must fit one message


def display_name(name: str, limit: int = NAME_LIMIT) -> str:
    """A title or name as one visible line: no bidi or zero-width controls, bounded at a word
    (the digest's own rule, bot.digest.bounds). Not escaped: `text()` escapes its values;
    lines built here use `html_name`."""
    return one_line(name, limit)


def shown_query(query: str) -> str:
    """A user's query as echoed in an answer: one clean line of at most QUERY_SHOWN characters
    (a 4,000-character query would make the answer longer than Telegram takes)."""
    return display_name(query, QUERY_SHOWN)


def html_name(name: str, limit: int = NAME_LIMIT) -> str:
    return escape(display_name(name, limit), quote=False)


def reply_to_id(message: TgMessage) -> int | None:
    return None if message.chat.type == ChatType.PRIVATE else message.message_id


def thread_of(message: TgMessage) -> int | None:
    return message.message_thread_id if message.is_topic_message else None


async def reply(state: BotState, message: TgMessage, html: str) -> None:
    """One short answer of our own HTML."""
    await send_html(message.get_bot(), message.chat_id, html, plain_of(html),
                    policy=state.briefing.policy, reply_to=reply_to_id(message),
                    thread_id=thread_of(message))


async def reply_lines(state: BotState, message: TgMessage, lines: Sequence[str]) -> None:
    """A list answer (/reports, /status, /sources), packed into as few messages as fit."""
    await reply_messages(state, message, pack_lines(lines))


async def reply_messages(state: BotState, message: TgMessage,
                         messages: Sequence[Message]) -> None:
    """Digest messages in order; a message Telegram refuses for good raises its error."""
    async def nothing(_ids: tuple[str, ...]) -> None:
        return None

    result = await deliver(message.get_bot(), message.chat_id, messages,
                           policy=state.briefing.policy, on_delivered=nothing,
                           reply_to=reply_to_id(message), thread_id=thread_of(message))
    if result.error is not None:
        raise result.error


@contextlib.asynccontextmanager
async def typing(bot: Bot, chat_id: int) -> AsyncIterator[None]:
    """Show "typing" until the block ends (Telegram clears it after ~5 s, so repeat)."""
    async def keep_typing() -> None:
        while True:
            with contextlib.suppress(TelegramError):
                await bot.send_chat_action(chat_id, ChatAction.TYPING)
            await asyncio.sleep(4)

    task = asyncio.create_task(keep_typing())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
