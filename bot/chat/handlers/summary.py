"""/summary in its forms: new reports, the last N, one report by id or words, a replied message,
a replied document, a link.

Every form costs analysis, so each counts against the asker's rate limit; analyses of given
reports, texts and files run under the heavy-work bound like downloads and fetches.
"""

from __future__ import annotations

from collections.abc import Sequence

from telegram import Message as TgMessage
from telegram import Update

from bot.analysis.model import Report, ReportError
from bot.sources.links import is_link
from bot.store.aio import AsyncStore

from .context import BriefContext
from .gate import within_rate
from .links import summarize_link
from .replies import (
    html_name,
    reply,
    reply_messages,
    reply_to_id,
    shown_query,
    thread_of,
    typing,
)
from .uploads import summarize_document

MAX_LAST = 20
MATCHES_LISTED = 10


async def summary(update: Update, context: BriefContext) -> None:
    message = update.effective_message
    assert message is not None
    if not await within_rate(update, context):
        return
    replied = message.reply_to_message
    args = context.args or []
    if replied is not None and replied.document is not None:
        await summarize_document(update, context, replied.document)
    elif replied is not None:
        await _summarize_text(context, message, replied)
    elif not args:
        await _summarize_new(context, message)
    elif len(args) == 1 and is_link(args[0]):
        await summarize_link(update, context, args[0])
    elif len(args) == 1 and args[0].isdigit() and len(args[0]) <= 3:
        await _summarize_last(context, message, int(args[0]))
    else:
        await _summarize_query(context, message, " ".join(args))


async def _summarize_new(context: BriefContext, message: TgMessage) -> None:
    state = context.state
    # No heavy slot here: this also sends, and a flood-controlled send may wait for minutes
    # while downloads and analyses for others should go on (the workflow's chat lock orders it).
    async with typing(message.get_bot(), message.chat_id):
        outcome = await state.briefing.send_new(
            message.get_bot(), state.home(message.chat_id), kind="summary",
            reply_to=reply_to_id(message), thread_id=thread_of(message))
    if outcome.error is not None:
        raise outcome.error
    if outcome.empty:
        await reply(state, message, context.t("nothing_new"))


async def _summarize_last(context: BriefContext, message: TgMessage, count: int) -> None:
    state = context.state
    if not 1 <= count <= MAX_LAST:
        await reply(state, message, context.t("bad_count", max=MAX_LAST))
        return
    await state.briefing.collect()
    recent = await state.briefing.db.recent_reports(count)
    if not recent:
        await reply(state, message, context.t("no_reports"))
        return
    await _send_reports(context, message, [stored.report for stored in reversed(recent)])


async def _summarize_query(context: BriefContext, message: TgMessage, query: str) -> None:
    state = context.state
    await state.briefing.collect()
    matches = await find_reports(state.briefing.db, query)
    shown = shown_query(query)
    if not matches:
        await reply(state, message, context.t("no_match", query=shown))
    elif len(matches) == 1:
        await _send_reports(context, message, matches)
    else:
        lines = [context.t("many_matches", query=shown)] + [
            f"<code>{r.id}</code> {html_name(r.title)}" for r in matches[:MATCHES_LISTED]]
        await reply(state, message, "\n".join(lines))


async def _send_reports(context: BriefContext, message: TgMessage,
                        reports: Sequence[Report]) -> None:
    state = context.state
    async with state.heavy.slot(), typing(message.get_bot(), message.chat_id):
        messages = await state.briefing.render(reports)
    await reply_messages(state, message, messages)


async def _summarize_text(context: BriefContext, message: TgMessage, replied: TgMessage) -> None:
    state = context.state
    body = replied.text or replied.caption or ""
    if not body.strip():
        await reply(state, message, context.t("no_text"))
        return
    async with state.heavy.slot(len(body)), typing(message.get_bot(), message.chat_id):
        try:
            messages = await state.briefing.render_text(body, "message")
        except ReportError as exc:
            await reply(state, message, context.t("unreadable", reason=exc.reason))
            return
    await reply_messages(state, message, messages)


async def find_reports(db: AsyncStore, query: str) -> list[Report]:
    """Reports for /summary <query>: an id, else those whose id starts with it or whose title
    or text holds every word (searched in the database), newest first; an exact title wins."""
    needle = query.strip()
    by_id = await db.get_report(needle.casefold())
    if by_id is not None:
        return [by_id]
    matches = await db.find_reports(needle, MATCHES_LISTED + 1)
    exact = [r for r in matches if r.title.casefold() == needle.casefold()]
    return exact[:1] or matches
