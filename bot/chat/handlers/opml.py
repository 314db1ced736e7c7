"""Feeds as OPML in chat: an admin sends an .opml file to import it, /export sends one back.

Imported feeds go through the same registry as /addfeed (saved in the store, polled at once);
sending the same file again adds nothing. The file is capped before download and parsed
without entities or network (bot/sources/opml.py). Non-admins are refused.
"""

from __future__ import annotations

import asyncio

from telegram import InputFile, ReplyParameters, Update

from bot.errors import BriefbotError
from bot.sources.opml import MAX_OPML_BYTES, export_opml, import_feeds, parse_opml

from ..delivery import with_retries
from .context import BriefContext
from .replies import display_name, reply, reply_to_id, thread_of
from .status import asked_by_admin

EXPORT_NAME = "briefbot-feeds.opml"


async def document(update: Update, context: BriefContext) -> None:
    """An .opml file: import its feeds (admins only)."""
    message = update.effective_message
    assert message is not None and message.document is not None
    state = context.state
    if not asked_by_admin(update, context):
        await reply(state, message, context.t("opml_admins_only"))
        return
    name = display_name(message.document.file_name or "feeds.opml")
    too_large = context.t("opml_refused", name=name, reason=f"too large (OPML files over "
                                                            f"{MAX_OPML_BYTES // 1024} KB are refused)")
    if (message.document.file_size or 0) > MAX_OPML_BYTES:
        await reply(state, message, too_large)
        return
    bot = message.get_bot()
    file = await with_retries(lambda: bot.get_file(message.document.file_id),
                              state.briefing.policy, "getFile")
    if (file.file_size or 0) > MAX_OPML_BYTES:  # the message did not say; getFile did
        await reply(state, message, too_large)
        return
    data = bytes(await file.download_as_bytearray())
    try:
        feeds = parse_opml(data, name)  # checks the size again: neither may have said
    except BriefbotError as exc:
        await reply(state, message, context.t("opml_refused", name=name, reason=exc.reason))
        return
    user = update.effective_user
    hub = state.sources
    result = await asyncio.to_thread(import_feeds, hub.registry, feeds,
                                     by=user.id if user else None)
    for feed in result.added:
        hub.schedule_feed(context.application.job_queue, feed)
    await reply(state, message, context.t("opml_imported", name=name, added=len(result.added),
                                          unchanged=result.unchanged,
                                          refused=len(result.invalid)))


async def export(update: Update, context: BriefContext) -> None:
    """/export: the feeds polled now as an OPML 2.0 document (admins only)."""
    message = update.effective_message
    assert message is not None
    state = context.state
    if not asked_by_admin(update, context):
        await reply(state, message, context.t("admins_only", command="export"))
        return
    feeds = await asyncio.to_thread(state.sources.registry.current)
    data = export_opml(feeds)
    bot = message.get_bot()
    answer_to = reply_to_id(message)
    await with_retries(lambda: bot.send_document(
        message.chat_id, InputFile(data, filename=EXPORT_NAME),
        caption=context.t("opml_exported", count=len(feeds)), parse_mode="HTML",
        reply_parameters=ReplyParameters(answer_to, allow_sending_without_reply=True)
        if answer_to else None, message_thread_id=thread_of(message)),
        state.briefing.policy, "sendDocument")
