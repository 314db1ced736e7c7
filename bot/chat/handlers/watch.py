"""/watch, /watches and /unwatch: a chat's watchlist (alerts in bot.briefing.alerts).

Anyone in an allowed chat may list the watches; only members (allowed_users, admins) change
them, since an alert posts report content into the chat. Watches are numbered by age, the
number /unwatch takes; a target's settings watchlist is listed too but changed in the file.
"""

from __future__ import annotations

from telegram import Update

from bot.briefing.matching import Term
from bot.store.records import Watch

from .. import access
from .context import BriefContext
from .replies import display_name, reply, reply_lines

MAX_WATCHES = 100   # per chat
MAX_TERM = 100      # characters


async def _member(update: Update, context: BriefContext) -> bool:
    """Members change watches; anyone else is told so."""
    user = update.effective_user
    if access.is_member(context.state.settings.access, user.id if user else None):
        return True
    assert update.effective_message is not None
    await reply(context.state, update.effective_message, context.t("watch_members_only"))
    return False


async def watch(update: Update, context: BriefContext) -> None:
    message = update.effective_message
    assert message is not None
    if not await _member(update, context):
        return
    raw = " ".join(context.args or [])
    term = Term.parse(raw) if len(raw) <= MAX_TERM else None
    if term is None:
        await reply(context.state, message, context.t("watch_usage"))
        return
    db = context.state.briefing.db
    current = await db.watches(message.chat_id)
    if any(w.term == term.text for w in current):
        await reply(context.state, message, context.t("watch_exists",
                                                      term=display_name(term.text)))
        return
    if len(current) >= MAX_WATCHES:
        await reply(context.state, message, context.t("watch_too_many", limit=MAX_WATCHES))
        return
    user = update.effective_user
    await db.add_watch(message.chat_id, term.text, user.id if user else None)
    await reply(context.state, message, context.t("watch_added", term=display_name(term.text)))


async def watches(update: Update, context: BriefContext) -> None:
    message = update.effective_message
    assert message is not None
    listed = await context.state.briefing.db.watches(message.chat_id)
    if not listed:
        await reply(context.state, message, context.t("watches_none"))
        return
    lines = [context.t("watches_header")]
    for n, item in enumerate(listed, 1):
        key = "watches_item_settings" if item.from_settings else "watches_item"
        lines.append(context.t(key, n=n, term=display_name(item.term)))
    await reply_lines(context.state, message, lines)


async def unwatch(update: Update, context: BriefContext) -> None:
    message = update.effective_message
    assert message is not None
    if not await _member(update, context):
        return
    db = context.state.briefing.db
    listed: list[Watch] = await db.watches(message.chat_id)
    args = context.args or []
    number = int(args[0]) if len(args) == 1 and args[0].isdigit() and len(args[0]) <= 4 else 0
    if not 1 <= number <= len(listed):
        await reply(context.state, message, context.t("unwatch_usage"))
        return
    item = listed[number - 1]
    if item.from_settings:
        await reply(context.state, message, context.t("unwatch_settings",
                                                      term=display_name(item.term)))
        return
    await db.remove_watch(item.id)
    await reply(context.state, message, context.t("unwatch_done", term=display_name(item.term)))


def terms_line(terms: tuple[str, ...], none: str) -> str:
    """Terms for /status as plain text (t() escapes it): each bounded, comma-separated."""
    return ", ".join(display_name(t, MAX_TERM) for t in terms) or none
