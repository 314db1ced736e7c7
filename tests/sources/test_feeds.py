"""Feeds end to end against the local web server: entries become reports exactly once."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from html import escape

import pytest

from bot.analysis.loaders import report_from_text
from bot.settings import Feed
from bot.sources.feeds import parse_feed
from bot.sources.fetch import (
    MIB,
    Fetched,
    FetchError,
    FetchPolicy,
    check_url,
    fetch,
    new_client,
)
from bot.sources.pages import report_from_entry_text, report_from_page
from bot.sources.poller import FeedPoller, feed_key
from bot.store.db import Store
from tests.fakes.web_server import ATOM, RSS, FakeWeb
from tests.sources.conftest import LOCAL, article_page, atom, rss, split_story
from tests.sources.stories import RU_MIGRANTS, WATER_AGENCY, WATER_OTHER, WATER_WIRE

HOUR = timedelta(hours=1)
RUSSIAN_TEASER = "Министерство труда отчиталось о подготовке мигрантов…"


def feed(web: FakeWeb, path: str, name: str) -> Feed:
    return Feed(url=web.url(path), name=name, interval=HOUR)


def serve_news(web: FakeWeb) -> tuple[Feed, Feed]:
    """An RSS feed (two full items and a teaser) and an Atom feed (one entry)."""
    web.set("/articles/migrants", article_page(RU_MIGRANTS))
    teaser = (f"<item><title>Мигранты</title><link>{web.url('/articles/migrants')}</link>"
              f"<guid>ru-1</guid><description>{RUSSIAN_TEASER}</description></item>")
    body = rss("Asia Wire", [("w-1", web.url("/a/water"), WATER_WIRE),
                             ("w-2", web.url("/a/tariffs"), WATER_OTHER)])
    body = body.replace("<item>", teaser + "<item>", 1)  # the newest entry comes first
    web.set("/rss.xml", body, content_type=RSS, etag='"v1"')
    web.set("/atom.xml", atom("Agency", [("urn:agency:1", web.url("/a/agency"), WATER_AGENCY)]),
            content_type=ATOM, last_modified="Wed, 05 Mar 2025 08:00:00 GMT")
    return feed(web, "/rss.xml", "Asia Wire"), feed(web, "/atom.xml", "Agency")


def expected(story: str, source: str, url: str) -> tuple[str, str, str, str]:
    report = report_from_text(story, source)
    return report.title, report.text, source, url


async def test_entries_become_reports_once_and_restarts_do_not_repeat_them(
        web: FakeWeb, db_url: str) -> None:
    wire, agency = serve_news(web)
    store = Store(db_url)
    poller = FeedPoller(store, LOCAL)
    first = await poller.poll(wire)
    second = await poller.poll(agency)
    assert first.error is None and second.error is None
    got = [(r.title, r.source, r.url, r.language) for r in first.new + second.new]
    assert got == [
        (split_story(WATER_OTHER)[0], "Asia Wire", web.url("/a/tariffs"), "en"),
        (split_story(WATER_WIRE)[0], "Asia Wire", web.url("/a/water"), "en"),
        ("Мигранты", "Asia Wire", web.url("/articles/migrants"), "ru"),
        (split_story(WATER_AGENCY)[0], "Agency", web.url("/a/agency"), "en"),
    ]
    # the teaser was replaced by the article's main text, without the page furniture
    migrants = first.new[2]
    assert migrants.text == report_from_text(RU_MIGRANTS, "x").text
    assert "cookies" not in migrants.text and "Subscribe" not in migrants.text
    assert first.new[1].text == report_from_text(WATER_WIRE, "x").text
    assert store.source_state(feed_key(wire.url)).reports == 3
    store.close()

    # after a restart: conditional requests, 304 answers, nothing reported again
    restarted = Store(db_url)
    poller = FeedPoller(restarted, LOCAL)
    assert (await poller.poll(wire)).not_modified
    assert (await poller.poll(agency)).not_modified
    assert web.hits("/rss.xml")[-1].headers["if-none-match"] == '"v1"'
    assert web.hits("/atom.xml")[-1].headers["if-modified-since"] == \
        "Wed, 05 Mar 2025 08:00:00 GMT"
    # the feed changes (new ETag) with one new item on top of the old ones
    web.set("/rss.xml", rss("Asia Wire", [("w-3", web.url("/a/more"), RU_MIGRANTS.replace(
        "до конца года", "до марта")), ("w-1", web.url("/a/water"), WATER_WIRE)]),
        content_type=RSS, etag='"v2"')
    again = await poller.poll(wire)
    assert [r.url for r in again.new] == [web.url("/a/more")]
    assert restarted.count_reports() == 5
    state = restarted.source_state(feed_key(wire.url))
    assert (state.etag, state.reports, state.last_error) == ('"v2"', 4, None)
    assert len(web.hits("/articles/migrants")) == 1
    restarted.close()


async def test_a_breaking_feed_does_not_stop_the_others(web: FakeWeb, store: Store) -> None:
    good = rss("Good", [("g-1", web.url("/g/1"), WATER_WIRE)])
    web.set("/good.xml", good, content_type=RSS)
    web.set("/garbage.xml", b"\x00\x01garbage{{{", content_type=RSS)
    web.set("/page.xml", "<html><body>Not a feed at all</body></html>", content_type=RSS)
    web.set("/huge.xml", content_type=RSS, endless=True)
    web.set("/slow.xml", good, content_type=RSS, hang_seconds=4)
    web.set("/missing.xml", "gone", status=404)
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 3))
    web.set("/bomb.xml", f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">{lol}]>'
                         f"<rss version='2.0'><channel><title>&l2;</title></channel></rss>",
            content_type=RSS)
    policy = FetchPolicy(timeout=1.5, max_bytes=1 * MIB, allow_private=True)
    poller = FeedPoller(store, policy)
    paths = ["/garbage.xml", "/page.xml", "/huge.xml", "/slow.xml", "/missing.xml", "/bomb.xml",
             "/good.xml"]
    results = await asyncio.gather(*(poller.poll(feed(web, p, p)) for p in paths))
    errors = dict(zip(paths, (r.error for r in results), strict=True))
    assert errors == {
        "/garbage.xml": "not a readable RSS or Atom feed (not well-formed (invalid token))",
        "/page.xml": "not an RSS or Atom feed (no channel and no entries)",
        "/huge.xml": "larger than the 1 MB limit",
        "/slow.xml": "no complete answer within 1.5 s",
        "/missing.xml": "HTTP 404 Not Found",
        "/bomb.xml": "the feed declares XML entities; refused",
        "/good.xml": None,
    }
    assert [r.title for r in results[-1].new] == [split_story(WATER_WIRE)[0]]
    states = store.source_states()
    assert states[feed_key(web.url("/huge.xml"))].last_error == "larger than the 1 MB limit"
    assert states[feed_key(web.url("/huge.xml"))].last_success is None
    assert states[feed_key(web.url("/good.xml"))].last_error is None


def test_parse_feed_keys_titles_and_teasers() -> None:
    parsed = parse_feed(rss("T", [("id-1", "http://x/1", WATER_WIRE)]).encode(), "http://x/f")
    entry, = parsed.entries
    assert (parsed.title, entry.title, entry.link) == ("T", split_story(WATER_WIRE)[0],
                                                      "http://x/1")
    assert entry.text.startswith("Water ministers from five Central Asian states pledged")
    assert not entry.is_teaser
    again = parse_feed(rss("T", [("id-1", "http://x/other", WATER_OTHER)]).encode(), "u")
    assert again.entries[0].key == entry.key  # the guid identifies the entry
    with pytest.raises(FetchError):
        parse_feed(b"<!DOCTYPE x [<!ENTITY a 'b'>]><rss/>", "u")


@pytest.mark.parametrize("url, reason", [
    ("file:///etc/passwd", "only http and https links are fetched, not file:"),
    ("ftp://example.org/x", "only http and https links are fetched, not ftp:"),
    ("http://127.0.0.1:9/", "127.0.0.1 is a private or local address (127.0.0.1); not fetched"),
    ("http://[::1]/", "::1 is a private or local address (::1); not fetched"),
    ("http://169.254.169.254/latest/meta-data",
     "169.254.169.254 is a private or local address (169.254.169.254); not fetched"),
    ("http://10.1.2.3/", "10.1.2.3 is a private or local address (10.1.2.3); not fetched"),
    ("http://[::ffff:192.168.0.1]/", "::ffff:192.168.0.1 is a private or local address "
                                     "(::ffff:192.168.0.1); not fetched"),
])
async def test_unsafe_urls_are_refused_before_connecting(url: str, reason: str) -> None:
    with pytest.raises(FetchError) as caught:
        await check_url(url, allow_private=False)
    assert caught.value.reason == reason


async def test_redirects_are_checked_at_every_hop(web: FakeWeb, monkeypatch) -> None:
    web.set("/page", article_page(WATER_WIRE))
    web.set("/to-page", location="/page", status=302)
    web.set("/to-file", location="file:///etc/passwd", status=301)
    web.set("/to-other-loopback", location=web.url("/page").replace("127.0.0.1", "127.0.0.2"),
            status=302)
    async with new_client(LOCAL) as client:
        fetched = await fetch(client, web.url("/to-page"), LOCAL)
        assert (fetched.url, fetched.status) == (web.url("/page"), 200)
        with pytest.raises(FetchError, match="not file:"):
            await fetch(client, web.url("/to-file"), LOCAL)
        # the first host counts as public here; the redirect into loopback must still fail
        monkeypatch.setattr("bot.sources.fetch.is_public", lambda address: address == "127.0.0.1")
        strict = FetchPolicy(timeout=2.0, allow_private=False)
        assert (await fetch(client, web.url("/page"), strict)).status == 200
        with pytest.raises(FetchError) as caught:
            await fetch(client, web.url("/to-other-loopback"), strict)
    assert caught.value.reason == "127.0.0.2 is a private or local address (127.0.0.2); not fetched"
    assert web.hits("/page") and not [r for r in web.requests if "127.0.0.2" in r.path]


async def test_declared_oversize_is_refused_without_reading(web: FakeWeb) -> None:
    web.set("/big", b"x" * (2 * MIB))
    async with new_client(LOCAL) as client:
        with pytest.raises(FetchError, match="larger than the 1 MB limit"):
            await fetch(client, web.url("/big"), LOCAL)


def test_feed_and_entry_titles_lose_bidi_and_zero_width_controls() -> None:
    body = rss("Asia\u202e Wire\u200b", [("id-1", "http://x/1", WATER_WIRE)])
    body = body.replace(escape(split_story(WATER_WIRE)[0]), "Water\u2066 deal\u2069\u2028signed\u200f")
    parsed = parse_feed(body.encode(), "http://x/f")
    assert (parsed.title, parsed.entries[0].title) == ("Asia Wire", "Water deal signed")
    nameless = parse_feed(rss("\u202e\u200b", [("id-1", "http://x/1", WATER_WIRE)]).encode(),
                          "http://x/f")
    assert nameless.title == "http://x/f"


def test_link_page_title_given_by_the_feed_loses_controls() -> None:
    page = Fetched(url="http://x/a", status=200, body=article_page(WATER_WIRE).encode(),
                   content_type="text/html")
    report = report_from_page(page, "Asia Wire", title="Canals\u202e funded\u200b")
    assert (report.title, report.url) == ("Canals funded", "http://x/a")
    text_only = report_from_entry_text("Canals get money. Work starts in March.", "Wire\u202e",
                                       title="Canal\u2067 money", url=None)
    assert (text_only.title, text_only.source) == ("Canal money", "Wire")


def test_a_feed_parser_failure_is_a_fetch_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise UnicodeEncodeError("ascii", "x", 0, 1, "parser bug")

    monkeypatch.setattr("feedparser.parse", broken)
    with pytest.raises(FetchError) as caught:
        parse_feed(rss("T", []).encode(), "http://x/f")
    assert (caught.value.url, caught.value.reason) == (
        "http://x/f", "could not read the feed: UnicodeEncodeError")
