"""Which feeds are polled: the settings file's [[feeds]] plus what admins changed in chat.

/addfeed and /removefeed persist in the store, so a restart keeps them; removing a feed that
the settings file lists hides it until it is added again.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from bot.settings import Feed, SettingsError, check_feed_url
from bot.store.db import Store


class FeedRegistry:
    def __init__(self, configured: Sequence[Feed], default_interval: timedelta,
                 store: Store) -> None:
        self.configured = tuple(configured)
        self.default_interval = default_interval
        self.store = store

    def current(self) -> list[Feed]:
        """Feeds to poll now, settings first, then those added in chat (blocking: a thread)."""
        saved = {f.url: f for f in self.store.saved_feeds()}
        feeds = [f for f in self.configured if not (f.url in saved and saved[f.url].removed)]
        known = {f.url for f in self.configured}
        feeds.extend(Feed(url=s.url, name=s.name, interval=timedelta(seconds=s.interval_seconds))
                     for s in saved.values() if not s.removed and s.url not in known)
        return feeds

    def add(self, url: str, *, by: int | None = None, name: str | None = None) -> Feed | None:
        """The feed now polled, or None when it was already; raises ValueError on a bad URL.

        name: what an OPML file calls the feed (else the URL names it)."""
        url = _checked(url)
        if any(f.url == url for f in self.current()):
            return None
        configured = next((f for f in self.configured if f.url == url), None)
        feed = configured or Feed(url=url, name=name or url, interval=self.default_interval)
        self.store.save_feed(url, feed.name, int(feed.interval.total_seconds()), by=by)
        return feed

    def remove(self, url: str, *, by: int | None = None) -> Feed | None:
        """The feed no longer polled, or None when it was not polled."""
        url = url.strip()
        feed = next((f for f in self.current() if f.url == url), None)
        if feed is None:
            return None
        self.store.save_feed(url, feed.name, int(feed.interval.total_seconds()), removed=True,
                             by=by)
        return feed


def _checked(url: str) -> str:
    try:
        return check_feed_url("url", url)
    except SettingsError:
        raise ValueError(url) from None
