"""/sources for everyone allowed (feed URLs and error details for admins only: a URL may
carry a key), /addfeed and /removefeed for admins."""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit

from telegram import Update

from bot.settings import Feed
from bot.settings.timing import describe_interval
from bot.sources.poller import feed_key

from ..sourcing import INBOX_KEY, LINKS_KEY
from .context import BriefContext
from .replies import display_name, reply, reply_lines
from .status import asked_by_admin, when

URL_SHOWN = 300  # characters of a feed address shown


def feed_name(feed: Feed, admin: bool) -> str:
    """A feed added in chat is named by its URL: others see only the host."""
    if admin or "://" not in feed.name:
        return display_name(feed.name)
    return urlsplit(feed.name).hostname or "feed"


def _error(state, never: str, detailed: bool) -> str:
    if state is None or state.last_error is None:
        return never
    moment = when(state.last_error_at, never)
    return f"{moment}: {display_name(state.last_error, 300)}" if detailed else moment


async def sources(update: Update, context: BriefContext) -> None:
    message = update.effective_message
    assert message is not None
    hub = context.state.sources
    admin = asked_by_admin(update, context)
    feeds = await asyncio.to_thread(hub.registry.current)
    states = await context.state.briefing.db.source_states()
    never = context.t("status_never")
    lines = [context.t("sources_header")]
    for feed in feeds:
        state = states.get(feed_key(feed.url))
        values = {"name": feed_name(feed, admin), "every": describe_interval(feed.interval),
                  "reports": state.reports if state else 0,
                  "ok": when(state.last_success if state else None, never),
                  "error": _error(state, never, admin)}
        key = "source_feed" if admin else "source_feed_public"
        lines.append(context.t(key, url=shown_url(feed.url), **values))
    if not feeds:
        lines.append(context.t("no_feeds"))
    inbox = context.t("source_inbox", path=str(context.state.settings.inbox)) if admin \
        else context.t("source_inbox_public")
    for key, label in ((INBOX_KEY, inbox), (LINKS_KEY, context.t("source_links"))):
        state = states.get(key)
        lines.append(context.t("source_other", label=label, reports=state.reports if state else 0,
                               ok=when(state.last_success if state else None, never),
                               error=_error(state, never, admin)))
    await reply_lines(context.state, message, lines)


def shown_url(url: str) -> str:
    """A feed address as echoed or listed: one clean line, bounded (a message holds 4,096)."""
    return display_name(url, URL_SHOWN)


async def _admin_url(update: Update, context: BriefContext, command: str) -> str | None:
    message = update.effective_message
    assert message is not None
    if not asked_by_admin(update, context):
        await reply(context.state, message, context.t("admins_only", command=command))
        return None
    if len(context.args or []) != 1:
        await reply(context.state, message, context.t("feed_usage", command=command))
        return None
    return (context.args or [""])[0]


async def add_feed(update: Update, context: BriefContext) -> None:
    url = await _admin_url(update, context, "addfeed")
    message, user = update.effective_message, update.effective_user
    if url is None or message is None:
        return
    try:
        feed = await context.state.sources.add_feed(context.application.job_queue, url,
                                                    user.id if user else None)
    except ValueError:
        await reply(context.state, message, context.t("feed_bad_url", url=shown_url(url)))
        return
    key = "feed_added" if feed is not None else "feed_exists"
    await reply(context.state, message, context.t(key, url=shown_url(url)))


async def remove_feed(update: Update, context: BriefContext) -> None:
    url = await _admin_url(update, context, "removefeed")
    message, user = update.effective_message, update.effective_user
    if url is None or message is None:
        return
    feed = await context.state.sources.remove_feed(context.application.job_queue, url,
                                                   user.id if user else None)
    key = "feed_removed" if feed is not None else "feed_unknown"
    await reply(context.state, message, context.t(key, url=shown_url(url)))
