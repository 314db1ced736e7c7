"""The gate every update passes first (group -1), and the per-user rate limit.

Fails closed: an update is stopped unless the chat was positively allowed, and any error
while refusing still stops it (the refusal is only a courtesy; the stop is the rule).
"""

from __future__ import annotations

import logging

from telegram import Message as TgMessage
from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop

from .. import access
from . import buttons
from .context import BriefContext
from .replies import reply

log = logging.getLogger(__name__)
COMMAND_NAME_LIMIT = 32  # Telegram's own limit: a longer /word can be no command of ours


def _body(message: TgMessage) -> str:
    return message.text or message.caption or ""


async def gate(update: Update, context: BriefContext) -> None:
    """Stop updates that are not for us or from a chat that may not use the bot."""
    if update.callback_query is not None:  # a button: checked, and answered if refused, there
        if not await buttons.admit_press(update, context):
            raise ApplicationHandlerStop
        return
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    if update.message is None and update.channel_post is None:
        raise ApplicationHandlerStop  # edits, reactions...: never commands, never answered
    body = _body(message)
    if access.addressed_elsewhere(body, context.bot.username):
        raise ApplicationHandlerStop  # /summary@other_bot, in text or caption: not ours
    allowed = False
    try:
        learn_upgrade(message, context)
        user = update.effective_user
        allowed = access.chat_allowed(
            context.state.settings.access, context.state.targets,
            chat_id=context.state.home(chat.id),
            chat_username=chat.username, chat_type=chat.type,
            user_id=user.id if user else None)
        if not allowed:
            log.info("refused chat %s (user %s)", chat.id, user.id if user else None)
            addressed = chat.type == ChatType.PRIVATE or access.command_name(
                body, context.bot.username) is not None
            # refusals count like costly requests: a stranger's flood is not answered in full
            if addressed and not context.state.rate.wait_seconds(_sender_key(update)):
                await reply(context.state, message, context.t("refused"))
    except Exception:
        log.exception("the gate failed; the update is dropped")
        allowed = False
    finally:
        if not allowed:
            raise ApplicationHandlerStop
    name = access.command_name(body, context.bot.username)
    if name is not None and not await _within_commands_rate(update, context):
        raise ApplicationHandlerStop
    if name is not None and len(name) > COMMAND_NAME_LIMIT:
        await reply(context.state, message, context.t("command_too_long",
                                                       limit=COMMAND_NAME_LIMIT))
        raise ApplicationHandlerStop


def _sender_key(update: Update) -> int:
    """Whom a rate limit counts: the user, or the chat for posts with no sender (channels)."""
    user, message = update.effective_user, update.effective_message
    assert message is not None
    return user.id if user is not None else message.chat_id


async def _within_commands_rate(update: Update, context: BriefContext) -> bool:
    """Any command counts (limits.COMMANDS_PER_MINUTE); over it, only the first is answered."""
    key = _sender_key(update)
    wait = context.state.commands_rate.wait_seconds(key)
    if wait and context.state.rate.refusal_is_news(key):
        assert update.effective_message is not None
        log.info("command flood: %s waits %d s", key, wait)
        await reply(context.state, update.effective_message,
                    context.t("rate_limited", seconds=wait))
    return not wait


def learn_upgrade(message: TgMessage, context: BriefContext) -> None:
    """A group upgraded to a supergroup gets a new id: Telegram says so in a service message
    in each (migrate_to_chat_id in the old, migrate_from_chat_id in the new), which no user
    can forge. An allowed group stays allowed under its new id, for as long as the bot runs;
    the operator is told to put the new id in the settings."""
    old, new = ((message.chat.id, message.migrate_to_chat_id) if message.migrate_to_chat_id
                else (message.migrate_from_chat_id, message.chat.id))
    if old is None or new is None or new in context.state.upgraded:
        return
    state = context.state
    if access.chat_allowed(state.settings.access, state.targets, chat_id=old,
                           chat_username=None, chat_type="group", user_id=None):
        state.upgraded[new] = old
        log.warning("chat %s was upgraded to the supergroup %s; it stays allowed until the bot "
                    "restarts: set chat_id = %s in its settings", old, new, new)


async def within_rate(update: Update, context: BriefContext) -> bool:
    """Count a costly request (/summary, a link, a file); answer "try again" when over (once a
    minute: an answer to each request of a flood would flood the chat back)."""
    message = update.effective_message
    assert message is not None
    key = _sender_key(update)
    wait = context.state.rate.wait_seconds(key)
    if wait and context.state.rate.refusal_is_news(key):  # later refusals: silence
        log.info("rate limit: %s waits %d s", key, wait)
        await reply(context.state, message, context.t("rate_limited", seconds=wait))
    return not wait
