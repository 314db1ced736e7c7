"""Links sent in chat, and /summary <link>: fetch, summarize, answer in that chat.

Only members (allowed_users, admins) add the page to the store, where digests pick it up for
every target; anyone else in an allowed chat gets the summary in that chat only.
"""

from __future__ import annotations

from telegram import Update

from bot.analysis.model import ReportError
from bot.sources.links import find_links

from .. import access
from .context import BriefContext
from .gate import within_rate
from .replies import display_name, reply, reply_messages, typing

URL_SHOWN = 200


async def links(update: Update, context: BriefContext) -> None:
    """A plain message with links: each is summarized, within the sender's rate limit."""
    message = update.effective_message
    assert message is not None
    for url in find_links(message.text or ""):
        if not await within_rate(update, context):
            return
        await summarize_link(update, context, url)


async def summarize_link(update: Update, context: BriefContext, url: str) -> None:
    """Answer one link with its summary, or with why it could not be read."""
    message = update.effective_message
    assert message is not None
    state = context.state
    user = update.effective_user
    keep = access.is_member(state.settings.access, user.id if user else None)
    async with state.heavy.slot(), typing(message.get_bot(), message.chat_id):
        try:
            report = await state.sources.report_for(url, keep=keep, chat=message.chat_id)
        except ReportError as exc:
            await reply(state, message, context.t("link_failed", url=display_name(url, URL_SHOWN),
                                                  reason=exc.reason))
            return
        messages = await state.briefing.render([report], cache=keep)
    await reply_messages(state, message, messages)
