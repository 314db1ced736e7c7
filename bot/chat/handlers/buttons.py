"""The buttons under digest items: "More n" (the next sentences) and "Full text n".

A press is a callback query; its data carries only ids (bot.digest.buttons). It passes the
same access rules as commands, checked by the gate through `admit_press`: the chat the button
sits in must be allowed; in a channel, where every reader can press, only a member
(access.allowed_users or admins) may, as only its admins could send a command there. Presses
count against the per-user rate limit. Every press is answered (answerCallbackQuery, which
stops the button's spinner): a foreign one (a stranger, data no digest of ours carries) and a
stale one (the report is gone) get a short answer and nothing else.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from html import escape

from telegram import CallbackQuery, InputFile, ReplyParameters, Update
from telegram import Message as TgMessage
from telegram.constants import ChatType
from telegram.error import TelegramError

from bot.analysis.model import Report
from bot.digest.buttons import Press, more_button, parse_press
from bot.digest.followups import more_sentences
from bot.digest.render_html import TELEGRAM_LIMIT, units

from .. import access
from ..delivery import plain_of, send_html, with_retries
from .context import BriefContext
from .replies import pack_lines, thread_of

log = logging.getLogger(__name__)


async def admit_press(update: Update, context: BriefContext) -> bool:
    """For the gate: True when this press may go on; a refused one is answered shortly.

    Fails closed: an error while checking refuses the press."""
    query = update.callback_query
    assert query is not None
    try:
        if _allowed(query, context):
            return True
        log.info("refused button press %r by user %s", query.data, query.from_user.id)
        await answer(query, context.t("button_refused"))
    except Exception:
        log.exception("checking a button press failed; it is refused")
    return False


def _allowed(query: CallbackQuery, context: BriefContext) -> bool:
    message = query.message  # None for a message sent in inline mode: never ours
    if message is None or parse_press(query.data) is None:
        return False
    chat, user_id = message.chat, query.from_user.id
    rules = context.state.settings.access
    if not access.chat_allowed(rules, context.state.targets, chat_id=context.state.home(chat.id),
                               chat_username=chat.username, chat_type=chat.type,
                               user_id=user_id):
        return False
    return chat.type != ChatType.CHANNEL or access.is_member(rules, user_id)


async def press(update: Update, context: BriefContext) -> None:
    """An admitted press: answer it, then send the sentences or the text it asks for."""
    query = update.callback_query
    assert query is not None and query.message is not None
    action = parse_press(query.data)
    assert action is not None  # the gate admitted only presses that parse
    state = context.state
    wait = state.rate.wait_seconds(query.from_user.id)
    if wait:
        await answer(query, context.t("rate_limited", seconds=wait))
        return
    report = await state.briefing.db.get_report(action.report_id)
    if report is None:
        await answer(query, context.t("button_stale"))
        return
    await answer(query)
    message = query.message
    anchor = Anchor(message.chat.id, message.message_id,
                    thread_of(message) if isinstance(message, TgMessage) else None)
    if action.kind == "more":
        await _more(context, anchor, report, action)
    else:
        await _full(context, anchor, report)


async def answer(query: CallbackQuery, text: str | None = None) -> None:
    """Stop the button's spinner. Only a courtesy: Telegram refuses an answer once the query
    is about 15 s old ("query is too old"), which a busy bot meets, and the press is still
    served; Telegram stops the spinner by itself."""
    try:
        await query.answer(text)
    except TelegramError as exc:
        log.info("could not answer the button press %s: %s", query.id, exc)


@dataclass(frozen=True)
class Anchor:
    """The digest message a button sits under: answers reply to it, in its chat and topic."""

    chat_id: int
    message_id: int
    thread_id: int | None


async def _more(context: BriefContext, anchor: Anchor, report: Report,
                action: Press) -> None:
    """The next sentences in ranked order, with a "More" button while any remain."""
    state = context.state
    async with state.heavy.slot():
        more = await asyncio.to_thread(more_sentences, report, state.briefing.options,
                                       action.offset)
    if not more.sentences:
        await _send(context, anchor, context.t("more_none"))
        return
    lines = [context.t("more_header", title=report.title)]
    lines += [f"• {escape(s, quote=False)}" for s in more.sentences]
    messages = pack_lines(lines)
    button = more_button(report.id, more.next_offset, state.language)
    for i, message in enumerate(messages):
        last = i == len(messages) - 1
        await _send(context, anchor, message.html,
                    ((button,),) if last and more.remaining else ())


async def _full(context: BriefContext, anchor: Anchor, report: Report) -> None:
    """The report's cleaned text: one message when it fits, else a .txt document."""
    html = context.t("full_header", title=report.title) + "\n\n" + escape(report.text,
                                                                             quote=False)
    if units(html) <= TELEGRAM_LIMIT:
        await _send(context, anchor, html)
        return
    bot = context.bot
    document = InputFile(report.text.encode("utf-8"), filename=f"report-{report.id}.txt")
    caption = plain_of(context.t("full_caption", title=report.title))[:1000]
    await with_retries(lambda: bot.send_document(
        anchor.chat_id, document, caption=caption,
        reply_parameters=ReplyParameters(anchor.message_id, allow_sending_without_reply=True),
        message_thread_id=anchor.thread_id), context.state.briefing.policy,
        f"send the text of {report.id}")


async def _send(context: BriefContext, anchor: Anchor, html: str,
                buttons: tuple[tuple[tuple[str, str], ...], ...] = ()) -> None:
    await send_html(context.bot, anchor.chat_id, html, plain_of(html),
                    policy=context.state.briefing.policy, reply_to=anchor.message_id,
                    thread_id=anchor.thread_id, buttons=buttons)
