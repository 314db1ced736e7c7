"""/status for everyone allowed (chat ids for admins only) and /digest for admins."""

from __future__ import annotations

from datetime import datetime, tzinfo
from urllib.parse import urlsplit

from telegram import Update

from bot.settings import Target
from bot.settings.timing import target_zone

from .. import access
from ..jobs import next_runs
from .context import BriefContext
from .replies import display_name, html_name, reply, reply_lines
from .watch import terms_line


def when(moment: datetime | None, fallback: str, zone: tzinfo | None = None) -> str:
    """A time as the target's team reads it: in the target's zone when one is given."""
    if moment is None:
        return fallback
    if zone is not None:
        moment = moment.astimezone(zone)
    return moment.strftime("%Y-%m-%d %H:%M %Z").strip()


def desk_lines(context: BriefContext, target: Target, admin: bool) -> list[str]:
    """A target's routing, filters, topic and settings watchlist (docs/desk.md); nothing for
    a target that takes everything as it comes. Feed URLs show as hosts to non-admins."""
    lines = []
    none = context.t("status_route_none")
    if target.sources is not None or target.include or target.exclude:
        shown = tuple(s if admin or "://" not in s else urlsplit(s).hostname or "feed"
                      for s in target.sources or ())
        lines.append(context.t("status_route",
                               sources=terms_line(shown, context.t("status_route_all")),
                               include=terms_line(target.include, none),
                               exclude=terms_line(target.exclude, none)))
    if target.topic_id is not None:
        lines.append(context.t("status_topic", topic=target.topic_id))
    if target.watch:
        lines.append(context.t("status_watch", terms=terms_line(target.watch, none)))
    return lines


def asked_by_admin(update: Update, context: BriefContext) -> bool:
    user = update.effective_user
    return access.is_admin(context.state.settings.access, user.id if user else None)


async def status(update: Update, context: BriefContext) -> None:
    message = update.effective_message
    assert message is not None
    state = context.state
    db = state.briefing.db
    admin = asked_by_admin(update, context)
    count = await db.count_reports()
    lines = [context.t("status_reports", count=count)]
    job_queue = context.application.job_queue
    for target in state.settings.targets:
        last = await db.last_digest(target.chat_id)
        upcoming = next_runs(job_queue, target) if job_queue else None
        zone = target_zone(target)
        values = {"name": display_name(target.name),
                  "next": when(upcoming, context.t("status_none"), zone),
                  "last": when(last.created_at if last else None, context.t("status_never"), zone)}
        if admin:
            lines.append(context.t("status_target", chat=target.chat_id, **values))
        else:
            lines.append(context.t("status_target_public", **values))
        lines.extend(desk_lines(context, target, admin))
    problems = await state.briefing.problems()
    if problems:
        lines.append(context.t("status_failures"))
        lines.extend(html_name(p, 300) for p in problems)
    await reply_lines(state, message, lines)


async def digest(update: Update, context: BriefContext) -> None:
    message = update.effective_message
    assert message is not None
    state = context.state
    if not asked_by_admin(update, context):
        await reply(state, message, context.t("admins_only", command="digest"))
        return
    if not state.settings.targets:
        await reply(state, message, context.t("no_targets"))
        return
    lines = [context.t("digest_done")]
    for target, outcome in await state.briefing.run_all(message.get_bot(), "manual"):
        name = display_name(target.name)
        if outcome.error is not None:
            lines.append(context.t("digest_target_failed", name=name,
                                   reason=type(outcome.error).__name__))
        elif outcome.empty:
            lines.append(context.t("digest_target_empty", name=name))
        else:
            lines.append(context.t("digest_target_sent", name=name, count=outcome.reports))
    await reply(state, message, "\n".join(lines))
