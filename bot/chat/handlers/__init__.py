"""Every Telegram handler, registered in one place.

Order (PTB runs the first matching handler of each group, groups in ascending order):
  group -1: the gate: stops edits, commands for other bots, chats that may not use the bot,
            and over-long commands; everything after it may assume an allowed chat.
  group 0:  the commands; then files (in private, or captioned /summary); then plain
            messages with links (when sources.listen_links); and last the unknown-command
            answer, which must never win over a real command; a /command whose message
            lacks Telegram's bot_command entity (see `without_entity`); button presses
            (callback queries, which the gate admits through buttons.admit_press).
Errors from any of them go to `errors.on_error`.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from .. import access
from . import buttons, help, links, opml, reports, sources, status, summary, uploads, watch, who
from .context import BriefContext
from .errors import on_error
from .gate import gate

COMMAND_UPDATES = filters.UpdateType.MESSAGE | filters.UpdateType.CHANNEL_POST
COMMANDS = (
    ("start", help.help_command), ("help", help.help_command), ("summary", summary.summary),
    ("reports", reports.reports), ("digest", status.digest), ("status", status.status),
    ("sources", sources.sources), ("addfeed", sources.add_feed),
    ("removefeed", sources.remove_feed),
    ("who", who.who), ("figures", who.figures), ("export", opml.export),
    ("watch", watch.watch), ("watches", watch.watches), ("unwatch", watch.unwatch),
)


def register(application: Application, *, listen_links: bool) -> None:
    application.add_handler(TypeHandler(Update, gate), group=-1)
    for name, callback in COMMANDS:
        application.add_handler(CommandHandler(name, callback, filters=COMMAND_UPDATES))
    # an .opml file is a feed list to import (admins), before any file is taken for a summary
    application.add_handler(MessageHandler(filters.Document.FileExtension("opml"), opml.document))
    application.add_handler(MessageHandler(
        filters.Document.ALL & (filters.ChatType.PRIVATE
                                | filters.CaptionRegex(r"^/summary(@\w+)?(\s|$)")),
        uploads.document))
    if listen_links:
        application.add_handler(MessageHandler(
            filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND
            & filters.Regex(r"(?i)https?://\S"), links.links))
    application.add_handler(MessageHandler(filters.COMMAND & COMMAND_UPDATES, help.unknown))
    application.add_handler(MessageHandler(
        filters.TEXT & ~filters.COMMAND & filters.Regex(r"^/\w") & COMMAND_UPDATES,
        without_entity))
    application.add_handler(CallbackQueryHandler(buttons.press))  # gate-admitted presses only
    application.add_error_handler(on_error)


async def without_entity(update: Update, context: BriefContext) -> None:
    """A "/command" text without the bot_command entity PTB's CommandHandler needs.

    Telegram always marks commands, but a Bot API server of another make may not: rather than
    fall silent, run the command it names (arguments split like CommandHandler's), else answer
    as for an unknown command."""
    message = update.effective_message
    assert message is not None and message.text is not None
    name = access.command_name(message.text, context.bot.username)
    if name is None:
        return
    context.args = message.text.split()[1:]
    await dict(COMMANDS).get(name, help.unknown)(update, context)
