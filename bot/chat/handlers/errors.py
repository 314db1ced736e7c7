"""The one error handler: log what failed, tell the chat something failed, never raise.

A chat that refuses the bot (403: blocked, kicked) gets no apology, which it would refuse too.
Its own failures (Telegram down while apologising, a broken log handler) are logged and
dropped: an error handler that raises would leave PTB nothing to fall back on.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden

from bot.errors import StoreUnavailable

from ..delivery import RetryPolicy, plain_of, send_html
from .context import BriefContext

log = logging.getLogger("bot.chat.app")  # operators grep for the app's log name
APOLOGY = RetryPolicy(attempts=2, base_delay=0.2)  # one retry: a reset is no reason to stay silent


async def on_error(update: object, context: BriefContext) -> None:
    try:
        if isinstance(context.error, Forbidden):
            # blocked by the user, kicked, no right to write: an apology would be refused too
            chat = update.effective_chat if isinstance(update, Update) else None
            log.warning("chat %s refuses the bot (%s); not answered", chat.id if chat else None,
                        context.error.message)
            return
        if isinstance(context.error, StoreUnavailable):
            # Transactions roll back, so stored rows stay as they were, and the inbox marks a
            # file read only once its report is stored.
            log.error("database unavailable (%s): this run stopped; nothing stored earlier is "
                      "touched, and new reports will be read again on the next run",
                      context.error.reason)
        else:
            log.error("error while handling an update", exc_info=context.error)
        if isinstance(update, Update) and update.effective_chat is not None:
            body = context.t("failed")
            await send_html(context.bot, update.effective_chat.id, body, plain_of(body),
                            policy=APOLOGY)
    except Exception:
        log.exception("the error handler itself failed")
