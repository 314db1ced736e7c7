"""/reports: the latest reports with their ids, for /summary <id>."""

from __future__ import annotations

from telegram import Update

from .context import BriefContext
from .replies import html_name, reply, reply_lines

REPORTS_LISTED = 15


async def reports(update: Update, context: BriefContext) -> None:
    message = update.effective_message
    assert message is not None
    state = context.state
    await state.briefing.collect()
    recent = await state.briefing.db.recent_reports(REPORTS_LISTED)
    if not recent:
        await reply(state, message, context.t("no_reports"))
        return
    lines = [context.t("reports_header")] + [
        f"<code>{s.report.id}</code> {html_name(s.report.title)} ({s.added_at:%Y-%m-%d})"
        for s in recent]
    await reply_lines(state, message, lines)
