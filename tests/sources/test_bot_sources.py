"""Sources inside the running bot: feed jobs, the inbox watch, links and the source commands.

The real Application talks to the fake Bot API server; feeds and pages come from the local
web server. Waiting is on observable state (stored reports, requests seen), never on time.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from telegram.ext import Application

from bot.analysis.loaders import load_report
from bot.analysis.pipeline import analyze
from bot.chat.texts import text
from bot.digest.build import build_digest
from bot.digest.render_html import render_messages
from bot.settings import Feed, Settings, SourceSettings
from bot.sources.fetch import Fetched
from bot.sources.pages import report_from_page
from bot.sources.poller import feed_key
from bot.store.db import Store
from tests.chat.conftest import NOW, TEAM, expected_messages
from tests.fakes.bot_settings import ADMIN, USER
from tests.fakes.telegram_server import FakeTelegram
from tests.fakes.web_server import ATOM, HTML, RSS, FakeWeb
from tests.sources.conftest import article_page, atom, rss
from tests.sources.stories import (
    RU_MIGRANTS,
    WATER_AGENCY,
    WATER_OTHER,
    WATER_PAPER,
    WATER_WIRE,
)

HOUR = timedelta(hours=1)
LOCAL_SOURCES = SourceSettings(allow_private_addresses=True, fetch_timeout_seconds=2.0,
                               watch_interval_seconds=0.1, settle_seconds=3600)


def en(key: str, **values: object) -> str:
    return text("en", key, **values)


async def ask(fake: FakeTelegram, body: str, *, chat_id: int = USER, user_id: int = USER,
              replies: int = 1) -> list[str]:
    before = len(fake.sent_to(chat_id))
    fake.send(body, chat_id=chat_id, user_id=user_id)
    sent = await fake.wait_sent(chat_id, before + replies)
    return [s.text for s in sent[before:]]


async def trigger(app: Application, target_name: str) -> None:
    job = next(j for j in app.job_queue.jobs() if j.name == f"digest:{target_name}:0")
    await job.run(app)


def quiet(settings: Settings, tmp_path: Path, **changes: object) -> Settings:
    """Settings with an empty inbox and local sources allowed."""
    empty = tmp_path / "empty-inbox"
    empty.mkdir(exist_ok=True)
    return replace(settings, inbox=empty, sources=LOCAL_SOURCES, **changes)


def expected_digest(store: Store, chat_id: int) -> list[str]:
    """What a digest of the chat's undelivered reports must look like (library computed)."""
    analyses = [analyze(r) for r in store.undelivered(chat_id)]
    return [m.html for m in render_messages(build_digest(analyses, created=NOW), buttons=True)]


async def test_feed_jobs_store_entries_once_and_one_story_is_one_item(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, web: FakeWeb, store: Store,
        db_url: str, tmp_path: Path) -> None:
    web.set("/wire.xml", rss("Wire", [("w1", web.url("/w1"), WATER_WIRE),
                                      ("w2", web.url("/w2"), WATER_OTHER)]), content_type=RSS)
    web.set("/agency.xml", atom("Agency", [("urn:a1", web.url("/a1"), WATER_AGENCY)]),
            content_type=ATOM, etag='"a"')
    web.set("/paper.xml", rss("Paper", [("p1", web.url("/p1"), WATER_PAPER)]), content_type=RSS)
    web.set("/broken.xml", "gone", status=404)
    feeds = tuple(Feed(url=web.url(f"/{n.lower()}.xml"), name=n, interval=HOUR)
                  for n in ("Broken", "Wire", "Agency", "Paper"))
    bot_settings = quiet(settings, tmp_path, feeds=feeds)
    async with run_bot(bot_settings) as app:
        await fake_telegram.wait_for(lambda: store.count_reports() == 4
                                     and len(web.hits("/broken.xml")) == 1)
        expected = expected_digest(store, TEAM)
        await trigger(app, "team")
    sent = fake_telegram.texts(TEAM)
    assert sent == expected and len(sent) == 1
    assert "· 2 reports" in sent[0]
    meta = re.findall(r"<i>EN · ([^<]+)</i>", sent[0])
    assert sorted(sorted(m.split(", ")) for m in meta) == [["Agency", "Paper", "Wire"], ["Wire"]]
    assert "Bakhtiyor Rakhimov" in sent[0] and "Aigerim Tulegenova" in sent[0]
    assert store.source_state(feed_key(web.url("/broken.xml"))).last_error == "HTTP 404 Not Found"
    assert store.delivered_ids(TEAM) == {r.id for r in store.undelivered(-999)}

    # a restart polls every feed again (the Atom one conditionally) and reports nothing twice
    restarted = Store(db_url)
    async with run_bot(bot_settings, use_store=restarted) as app:
        await fake_telegram.wait_for(lambda: len(web.hits("/paper.xml")) == 2
                                     and len(web.hits("/agency.xml")) == 2)
        await trigger(app, "team")
    restarted.close()
    assert web.hits("/agency.xml")[1].headers["if-none-match"] == '"a"'
    assert store.count_reports() == 4
    assert fake_telegram.texts(TEAM) == sent  # nothing new: nothing posted


def drop(folder: Path, name: str, body: str, *, age: float) -> Path:
    path = folder / name
    path.write_text(body, encoding="utf-8")
    stamp = time.time() - age
    os.utime(path, (stamp, stamp))
    return path


async def test_inbox_watch_picks_up_settled_files_and_leaves_half_written_ones(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, store: Store,
        tmp_path: Path) -> None:
    inbox = tmp_path / "watched"
    inbox.mkdir()
    bot_settings = replace(settings, inbox=inbox, sources=LOCAL_SOURCES)
    async with run_bot(bot_settings) as app:
        briefing = app.bot_data.briefing
        done = drop(inbox, "wire.txt", WATER_WIRE, age=7200)
        # still being written: modified just now (settle_seconds is an hour here)
        partial = drop(inbox, "tariffs.txt", WATER_OTHER[:120], age=0)
        await fake_telegram.wait_for(lambda: store.count_reports() == 1)
        stored, = store.undelivered(TEAM)
        # analyzed on arrival, before any digest asks for it
        await fake_telegram.wait_for(lambda: store.load_analysis(stored, briefing.key) is not None)
        await trigger(app, "team")
        # the writer finishes: full text, then quiet
        partial.write_text(WATER_OTHER, encoding="utf-8")
        os.utime(partial, (time.time() - 7200, time.time() - 7200))
        await fake_telegram.wait_for(lambda: store.count_reports() == 2)
        await trigger(app, "team")
    assert fake_telegram.texts(TEAM) == [
        m.html for m in expected_messages([done], bot_settings)
        + expected_messages([partial], bot_settings)]
    # the half-written text never became a report of its own
    assert [r.report.source for r in store.recent_reports(5)] == [str(partial), str(done)]


async def test_links_in_chat_and_summary_url(run_bot, settings: Settings,
                                             fake_telegram: FakeTelegram, web: FakeWeb,
                                             store: Store, tmp_path: Path) -> None:
    page = web.set("/news/water", article_page(WATER_WIRE), content_type=HTML)
    russian = web.set("/news/ru", article_page(RU_MIGRANTS), content_type=HTML)
    missing = web.url("/news/none")

    def summary_of(url: str) -> list[str]:
        hit = web.routes[url.split(str(web.url("")), 1)[1] or "/"]
        report = report_from_page(Fetched(url, 200, hit.body, HTML), url)
        return [m.html for m in render_messages(build_digest([analyze(report)], created=NOW),
                                                buttons=True)]  # stored: buttons

    async with run_bot(quiet(settings, tmp_path)):
        in_chat = await ask(fake_telegram, f"Worth reading: {page} (from a colleague)")
        by_command = await ask(fake_telegram, f"/summary {russian}")
        failed = await ask(fake_telegram, f"/summary {missing}")
    assert in_chat == summary_of(page)
    assert by_command == summary_of(russian)
    assert failed == [en("link_failed", url=missing, reason="HTTP 404 Not Found")]
    assert [s.report.url for s in store.recent_reports(5)] == [russian, page]
    links = store.source_state("links")
    assert (links.reports, links.last_error) == (2, f"{missing}: HTTP 404 Not Found")

    # by default private and loopback addresses are refused
    async with run_bot(replace(settings, sources=SourceSettings())):
        refused = await ask(fake_telegram, f"/summary {page}")
    assert refused == [en("link_failed", url=page, reason="127.0.0.1 is a private or local "
                                                          "address (127.0.0.1); not fetched")]
    assert len(web.hits("/news/water")) == 1


async def test_sources_addfeed_removefeed_persist(run_bot, settings: Settings,
                                                 fake_telegram: FakeTelegram, web: FakeWeb,
                                                 store: Store, db_url: str,
                                                 tmp_path: Path) -> None:
    url = web.set("/added.xml", rss("Added", [("x1", web.url("/x1"), WATER_WIRE)]),
                  content_type=RSS)
    bot_settings = quiet(settings, tmp_path)
    async with run_bot(bot_settings):
        empty, = await ask(fake_telegram, "/sources")
        assert re.fullmatch(
            r"<b>Sources</b>\n" + re.escape(en("no_feeds")) + r"\n"
            r"<b>Inbox</b>\n  reports: 0; last success: "
            r"(never|\d{4}-\d\d-\d\d \d\d:\d\d UTC); last error: never\n"
            r"<b>Links</b>\n  reports: 0; last success: never; last error: never", empty)
        assert await ask(fake_telegram, f"/addfeed {url}") == [
            en("admins_only", command="addfeed")]
        admin = {"chat_id": ADMIN, "user_id": ADMIN}
        assert await ask(fake_telegram, "/addfeed ftp://x/feed", **admin) == [
            en("feed_bad_url", url="ftp://x/feed")]
        assert await ask(fake_telegram, "/addfeed", **admin) == [
            en("feed_usage", command="addfeed")]
        assert await ask(fake_telegram, f"/addfeed {url}", **admin) == [en("feed_added", url=url)]
        assert await ask(fake_telegram, f"/addfeed {url}", **admin) == [en("feed_exists", url=url)]
        await fake_telegram.wait_for(lambda: store.count_reports() == 1)
        listing, = await ask(fake_telegram, "/sources", **admin)
        public, = await ask(fake_telegram, "/sources")
    # a feed URL may carry a key, the inbox path tells about the host: admins only
    assert re.fullmatch(
        r"<b>Sources</b>\n<b>[^<]+</b> \(every 15m\)\n"
        r"  reports: 1; last success: \d{4}-\d\d-\d\d \d\d:\d\d UTC; last error: never\n"
        r"<b>Inbox</b>\n  reports: 0; last success: .*; last error: never\n"
        r"<b>Links</b>\n  reports: 0; last success: never; last error: never", public)
    assert url not in public and str(bot_settings.inbox) not in public
    assert re.fullmatch(
        rf"<b>Sources</b>\n<b>{re.escape(url)}</b> \(every 15m\) {re.escape(url)}\n"
        r"  reports: 1; last success: \d{4}-\d\d-\d\d \d\d:\d\d UTC; last error: never\n"
        rf"<b>Inbox {re.escape(str(bot_settings.inbox))}</b>\n  reports: 0; last success: .*; "
        r"last error: never\n"
        r"<b>Links</b>\n  reports: 0; last success: never; last error: never", listing)

    restarted = Store(db_url)  # the added feed survives a restart
    async with run_bot(bot_settings, use_store=restarted) as app:
        await fake_telegram.wait_for(lambda: len(web.hits("/added.xml")) == 2)
        admin = {"chat_id": ADMIN, "user_id": ADMIN}
        assert await ask(fake_telegram, f"/removefeed {url}", **admin) == [
            en("feed_removed", url=url)]
        assert await ask(fake_telegram, f"/removefeed {url}", **admin) == [
            en("feed_unknown", url=url)]
        await fake_telegram.wait_for(
            lambda: not [j for j in app.job_queue.jobs() if j.name == f"feed:{url}"])
    async with run_bot(bot_settings, use_store=restarted) as app:
        assert [j.name for j in app.job_queue.jobs() if j.name.startswith("feed:")] == []
    restarted.close()
    assert store.count_reports() == 1


async def test_a_feed_removed_in_chat_stays_removed_even_if_configured(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, web: FakeWeb, store: Store,
        tmp_path: Path) -> None:
    url = web.set("/conf.xml", rss("Conf", [("c1", web.url("/c1"), WATER_PAPER)]),
                  content_type=RSS)
    bot_settings = quiet(settings, tmp_path, feeds=(Feed(url=url, name="Configured",
                                                         interval=HOUR),))
    async with run_bot(bot_settings):
        await fake_telegram.wait_for(lambda: store.count_reports() == 1)
        assert await ask(fake_telegram, f"/removefeed {url}", chat_id=ADMIN, user_id=ADMIN) == [
            en("feed_removed", url=url)]
    async with run_bot(bot_settings) as app:
        assert [j.name for j in app.job_queue.jobs() if j.name.startswith("feed:")] == []
        assert await ask(fake_telegram, f"/addfeed {url}", chat_id=ADMIN, user_id=ADMIN) == [
            en("feed_added", url=url)]
        assert {j.data.name for j in app.job_queue.jobs() if j.name == f"feed:{url}"} == {
            "Configured"}


async def test_a_russian_speaking_bot_labels_its_digest_in_russian(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, tmp_path: Path) -> None:
    inbox = tmp_path / "ru-inbox"
    inbox.mkdir()
    report = drop(inbox, "mintrud.txt", RU_MIGRANTS, age=7200)
    russian = replace(settings, inbox=inbox, telegram=replace(settings.telegram, language="ru"))
    async with run_bot(russian):
        replies = await ask(fake_telegram, "/summary")
    expected = render_messages(build_digest([analyze(load_report(report))], created=NOW),
                               language="ru", buttons=True)
    assert replies == [m.html for m in expected]
    assert replies[0].startswith("<b>Сводка отчётов</b> · 05 мар 2025 09:30 UTC · 1 отчёт")
    assert "<b>Ключевые цифры:</b>" in replies[0]
