"""/who <name> and /figures <term>: the latest quotes by a speaker, the latest figures about a
term, across every stored report (newest report first).

The store's index is filled when reports are analysed; a few reports not analysed yet (stored
moments ago) are analysed first, so an answer never lags the inbox. Dates are shown in the
chat's time zone when the chat is a target, else in UTC.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, tzinfo
from typing import Any

from telegram import Chat, Update

from bot.settings.timing import target_zone

from .context import BriefContext
from .gate import within_rate
from .replies import html_name, reply, reply_lines, shown_query, typing

LISTED = 10
CATCH_UP = 10  # reports analysed before answering, at most (the inbox watch does the rest)
QUOTE_LIMIT = 600


def chat_timezone(context: BriefContext, chat: Chat) -> tzinfo:
    """The zone of the target this chat is (its team's clock), else UTC."""
    keys = {str(chat.id)} | ({f"@{chat.username}".lower()} if chat.username else set())
    target = next((t for t in context.state.settings.targets
                   if str(t.chat_id).lower() in keys), None)
    return target_zone(target) if target is not None else UTC


def day(moment: datetime, zone: tzinfo) -> str:
    return f"{moment.astimezone(zone):%Y-%m-%d}"


def quote_line(quote: Any, zone: tzinfo) -> str:
    return (f"«{html_name(quote.text, QUOTE_LIMIT)}» — {html_name(quote.speaker)} · "
            f"{html_name(quote.title)} · {day(quote.added_at, zone)}")


def figure_line(figure: Any, zone: tzinfo) -> str:
    return (f"<b>{html_name(figure.value)}</b> — {html_name(figure.context)} · "
            f"{html_name(figure.title)} · {day(figure.added_at, zone)}")


async def _answer(update: Update, context: BriefContext, command: str,
                  find: Callable[[str], Any], line: Callable[[Any, tzinfo], str]) -> None:
    message, chat = update.effective_message, update.effective_chat
    assert message is not None and chat is not None
    words = " ".join(context.args or []).strip()
    if not words:
        await reply(context.state, message, context.t(f"{command}_usage"))
        return
    if not await within_rate(update, context):
        return
    briefing = context.state.briefing
    async with typing(message.get_bot(), message.chat_id):
        await briefing.collect()  # the inbox's newest files count too
        pending = await briefing.db.unanalysed(CATCH_UP, quarantine_after=briefing.quarantine_after)
        if pending:
            await briefing.workflow.analyse(pending)
        rows: Sequence[Any] = await find(words)
    if not rows:
        await reply(context.state, message, context.t(f"{command}_none",
                                                      query=shown_query(words)))
        return
    zone = chat_timezone(context, chat)
    header = context.t(f"{command}_header", query=shown_query(words))
    await reply_lines(context.state, message, [header] + [line(row, zone) for row in rows])


async def who(update: Update, context: BriefContext) -> None:
    db = context.state.briefing.db
    await _answer(update, context, "who", lambda name: db.quotes_by(name, LISTED), quote_line)


async def figures(update: Update, context: BriefContext) -> None:
    db = context.state.briefing.db
    await _answer(update, context, "figures", lambda term: db.figures_about(term, LISTED),
                  figure_line)
