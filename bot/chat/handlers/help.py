"""/start, /help and the answer to a command we do not know."""

from __future__ import annotations

from telegram import Update

from .. import access
from .context import BriefContext
from .replies import reply


async def help_command(update: Update, context: BriefContext) -> None:
    assert update.effective_message is not None
    await reply(context.state, update.effective_message, context.t("help"))


async def unknown(update: Update, context: BriefContext) -> None:
    """Registered last: any command no other handler took (other bots' were stopped at the gate)."""
    message = update.effective_message
    assert message is not None
    name = access.command_name(message.text or "", context.bot.username)
    if name is not None:
        await reply(context.state, message, context.t("unknown", command=name))
