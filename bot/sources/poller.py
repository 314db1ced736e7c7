"""One look at one feed: conditional GET, parse, new entries become stored reports.

Entries are remembered by key in the store once handled, so a restart never reports them
again; the store's content ids catch the same text under another key. A failing feed is
logged and recorded for /sources and raises nothing: the next run simply tries again, and
other feeds never wait for it (each feed is its own job). If an entry could not be read this
time, the feed's validators are not kept, so the next poll fetches the whole feed again
instead of getting a 304 and never retrying that entry.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from bot.analysis.model import Report, ReportError
from bot.briefing.intake import store_report
from bot.settings import Feed
from bot.store.aio import AsyncStore
from bot.store.db import Store

from .feeds import Entry, parse_feed
from .fetch import FetchClient, FetchError, FetchPolicy, fetch, new_client
from .pages import report_from_entry_text, report_from_page

log = logging.getLogger(__name__)


def feed_key(url: str) -> str:
    return f"feed:{url}"


@dataclass(frozen=True)
class PollResult:
    new: tuple[Report, ...] = ()
    error: str | None = None
    not_modified: bool = False


class FeedPoller:
    def __init__(self, store: Store, policy: FetchPolicy) -> None:
        self.store = store
        self.intake = AsyncStore(store)  # reports go in through the intake, as from every source
        self.policy = policy

    async def poll(self, feed: Feed) -> PollResult:
        key = feed_key(feed.url)
        try:
            return await self._poll(feed, key)
        except FetchError as exc:
            log.warning("feed %s failed: %s", feed.name, exc)
            await asyncio.to_thread(self.store.record_source_error, key, exc.reason)
            return PollResult(error=exc.reason)

    async def _poll(self, feed: Feed, key: str) -> PollResult:
        state = await asyncio.to_thread(self.store.source_state, key)
        async with new_client(self.policy) as client:
            fetched = await fetch(client, feed.url, self.policy, etag=state.etag,
                                  last_modified=state.last_modified)
            if fetched.not_modified:
                await asyncio.to_thread(self.store.record_source_success, key,
                                        keep_validators=True)
                log.info("feed %s: not modified", feed.name)
                return PollResult(not_modified=True)
            parsed = await asyncio.to_thread(parse_feed, fetched.body, feed.url)
            seen = await asyncio.to_thread(self.store.seen_entries, feed.url,
                                           [e.key for e in parsed.entries])
            new: list[Report] = []
            complete = True
            for entry in reversed(parsed.entries):  # oldest first, so the store keeps feed order
                if entry.key in seen:
                    continue
                report = await self._report(client, feed, entry)
                if report is None:
                    if entry.link is None:  # nothing to retry: no text and no page
                        await asyncio.to_thread(self.store.mark_entries_seen, feed.url,
                                                [entry.key])
                    else:
                        complete = False
                    continue
                if await store_report(self.intake, report, "feed", where=feed.name):
                    new.append(report)
                await asyncio.to_thread(self.store.mark_entries_seen, feed.url, [entry.key])
        await asyncio.to_thread(
            self.store.record_source_success, key, new_reports=len(new),
            etag=fetched.etag if complete else None,
            last_modified=fetched.last_modified if complete else None)
        log.info("feed %s: %d new report(s)", feed.name, len(new))
        return PollResult(new=tuple(new))

    async def _report(self, client: FetchClient, feed: Feed, entry: Entry) -> Report | None:
        """The entry's article: the page when the feed has only a teaser, else the entry text."""
        if entry.is_teaser and entry.link:
            try:
                page = await fetch(client, entry.link, self.policy)
                return await asyncio.to_thread(report_from_page, page, feed.name,
                                               title=entry.title or None)
            except (FetchError, ReportError) as exc:
                log.warning("feed %s: article %s not used (%s); using the feed's text",
                            feed.name, entry.link, exc)
        try:
            return await asyncio.to_thread(report_from_entry_text, entry.text, feed.name,
                                           title=entry.title, url=entry.link)
        except ReportError as exc:
            log.warning("feed %s: entry %r skipped for now: %s", feed.name, entry.title, exc)
            return None
