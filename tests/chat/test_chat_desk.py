"""Desks end to end through the fake Bot API: routing by source, filters, forum topics, and
watchlists with instant alerts (docs/desk.md)."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import timedelta
from functools import partial
from pathlib import Path

from telegram.ext import Application

from bot.analysis.loaders import load_report
from bot.analysis.model import SummaryOptions
from bot.analysis.pipeline import analyze
from bot.briefing.alerts import compose
from bot.briefing.matching import Document, Term
from bot.chat.texts import text
from bot.settings import Feed, Schedule, Settings, SourceSettings, Target
from bot.store.db import Store
from tests.chat.conftest import OTHER_TEAM, TEAM, expected_messages
from tests.fakes.bot_settings import ADMIN, STRANGER, USER
from tests.fakes.reports import write_reports
from tests.fakes.telegram_server import FakeTelegram, Sent
from tests.fakes.web_server import HTML, RSS, FakeWeb
from tests.sources.conftest import article_page, rss, web  # noqa: F401 - the web fixture

HOURLY = (Schedule(interval=timedelta(hours=1)),)
FAST_WATCH = SourceSettings(watch_interval_seconds=0.2, settle_seconds=0.5)
LOCAL_SOURCES = SourceSettings(allow_private_addresses=True, fetch_timeout_seconds=2.0,
                               watch_interval_seconds=0.2)

GAS = ("Экспорт газа вырос\n\n"
       "Экспорт газа из Туркменистана вырос на 12 процентов в прошлом году. Компания торгует "
       "газом с Китаем и Россией. Новые контракты подпишут весной.")
YATIMOV = ("Grid upgrade approved\n\n"
           "The government approved a grid upgrade worth 40 million dollars on Monday. "
           "\u201cThe new lines will end the winter blackouts,\u201d said Sherali Yatimov, the "
           "energy minister. Work starts in April.")
GAS_CHINA = ("Газ для Китая\n\n"
             "Поставки газа в Китай выросли на 5 процентов. Китай остаётся главным покупателем.")
PAPER = ("Газета вышла с опозданием\n\n"
         "Газета «Нейтральный Туркменистан» вышла с опозданием на два дня из-за ремонта "
         "типографии.")
PIPE = ("Pipeline talks resume\n\n"
        "Talks on the pipeline resumed in Ashgabat on Tuesday. Gas buyers from three countries "
        "attended.")


async def trigger(app: Application, target_name: str) -> None:
    """Run a target's scheduled job now, exactly as the scheduler would."""
    job = next(j for j in app.job_queue.jobs() if j.name == f"digest:{target_name}:0")
    await job.run(app)


async def ask(fake: FakeTelegram, body: str, *, chat_id: int = USER, user_id: int = USER) -> str:
    before = len(fake.sent_to(chat_id))
    fake.send(body, chat_id=chat_id, user_id=user_id)
    return (await fake.wait_sent(chat_id, before + 1))[before].text


def alert_for(path: Path, term: str, settings: Settings) -> str:
    """The alert the bot should send, computed by the library directly."""
    summary = settings.summary
    options = SummaryOptions(sentences=summary.sentences, algorithm=summary.algorithm,
                             figures=summary.figures, quotes=summary.quotes)
    parsed = Term.parse(term)
    assert parsed is not None
    return compose(Document(analyze(load_report(path), options)), parsed, partial(text, "en"))


def thread_ids(sent: list[Sent]) -> list[int | None]:
    """message_thread_id of each message (form-encoded: text)."""
    return [int(s.params["message_thread_id"]) if "message_thread_id" in s.params else None
            for s in sent]


async def test_each_desk_gets_only_the_reports_of_its_sources(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, inbox: Path) -> None:
    write_reports(inbox / "energy", {"gas.txt": GAS})
    write_reports(inbox / "security", {"pipe.txt": PIPE})
    targets = (Target(chat_id=TEAM, name="energy", schedules=HOURLY, sources=("inbox/energy",)),
               Target(chat_id=OTHER_TEAM, name="security", schedules=HOURLY,
                      sources=("inbox/security", "Interfax")))
    async with run_bot(settings, targets=targets) as app:
        await trigger(app, "energy")
        await trigger(app, "security")
        await trigger(app, "energy")
    assert fake_telegram.texts(TEAM) == [
        m.html for m in expected_messages([inbox / "energy" / "gas.txt"], settings)]
    assert fake_telegram.texts(OTHER_TEAM) == [
        m.html for m in expected_messages([inbox / "security" / "pipe.txt"], settings)]


async def test_filters_include_by_stem_and_speaker_and_exclude_wins(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, inbox: Path,
        store: Store) -> None:
    write_reports(inbox, {"c_gas.txt": GAS, "d_yatimov.txt": YATIMOV,
                          "e_gas_china.txt": GAS_CHINA, "f_paper.txt": PAPER})
    desk = Target(chat_id=TEAM, name="energy", schedules=HOURLY,
                  include=("газ", "Yatimov"), exclude=("Китай выросли",))
    async with run_bot(settings, targets=(desk,)) as app:
        await trigger(app, "energy")
        await trigger(app, "energy")
    # "газа" and "газом" match "газ"; the minister is quoted; "Поставки газа в Китай выросли"
    # matches the include too, but its exclude phrase ("Китай выросли") wins; "Газета" is not
    # a form of "газ"; the water and rail reports match nothing.
    assert fake_telegram.texts(TEAM) == [m.html for m in expected_messages(
        [inbox / "c_gas.txt", inbox / "d_yatimov.txt"], settings)]
    assert store.undelivered(TEAM) == []  # the refused are done for this desk, never sent later


async def test_a_watch_alerts_at_once_exactly_once_before_the_digest(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, inbox: Path,
        db_url: str) -> None:
    fake = fake_telegram
    settings = replace(settings, sources=FAST_WATCH)
    first = Store(db_url)
    async with run_bot(settings, use_store=first) as app:
        assert await ask(fake, "/watch газ") == text("en", "watch_added", term="газ")
        assert await ask(fake, '/watch "energy security"') == text(
            "en", "watch_added", term="energy security")
        write_reports(inbox, {"c_gas.txt": GAS})
        alerts = await fake.wait_sent(USER, 3)
        await fake.wait_for(lambda: len(first.undelivered(TEAM)) == 3)
        await asyncio.sleep(1.0)  # five more inbox cycles: nothing new, no second alert
        assert len(fake.sent_to(USER)) == 3
        assert fake.texts(TEAM) == []  # no digest yet: the alert came first
        await trigger(app, "team")
    first.close()
    assert alerts[2].text == alert_for(inbox / "c_gas.txt", "газ", settings)
    assert "Экспорт <b>газа</b> из Туркменистана" in alerts[2].text
    assert "Компания торгует <b>газом</b>" in alerts[2].text
    assert alerts[2].at < fake.sent_to(TEAM)[0].at

    write_reports(inbox, {"d_pipe.txt": PIPE.replace("Gas buyers", "Energy security buyers")})
    second = Store(db_url)
    async with run_bot(settings, use_store=second):
        await fake.wait_sent(USER, 4)
        assert await ask(fake, "/watches") == (
            "<b>Watched here</b>:\n1. газ\n2. energy security")
    second.close()
    texts = fake.texts(USER)
    assert [t.splitlines()[0] for t in texts if t.startswith("\U0001f514")] == [
        "\U0001f514 <b>Watch \u201cгаз\u201d</b>",
        "\U0001f514 <b>Watch \u201cenergy security\u201d</b>"]  # the gas report once in all
    assert "<b>Energy security</b> buyers" in texts[3]


async def test_watch_commands_members_only_and_unwatch(
        run_bot, settings: Settings, fake_telegram: FakeTelegram) -> None:
    fake = fake_telegram
    async with run_bot(settings):
        assert await ask(fake, "/watch", chat_id=TEAM) == text("en", "watch_usage")
        assert await ask(fake, "/watch 2024", chat_id=TEAM) == text("en", "watch_usage")
        assert await ask(fake, "/watch sanctions", chat_id=TEAM) == text(
            "en", "watch_added", term="sanctions")
        assert await ask(fake, "/watch sanctions", chat_id=TEAM, user_id=ADMIN) == text(
            "en", "watch_exists", term="sanctions")
        # a term with a right-to-left override is echoed without it, every time
        assert await ask(fake, "/watch \u202egas", chat_id=TEAM) == text(
            "en", "watch_added", term="gas")
        assert await ask(fake, "/watch \u202egas", chat_id=TEAM) == text(
            "en", "watch_exists", term="gas")
        assert await ask(fake, "/unwatch 2", chat_id=TEAM) == text(
            "en", "unwatch_done", term="gas")
        assert await ask(fake, "/watch gas", chat_id=TEAM, user_id=STRANGER) == text(
            "en", "watch_members_only")
        assert await ask(fake, "/unwatch 1", chat_id=TEAM, user_id=STRANGER) == text(
            "en", "watch_members_only")
        # a stranger may read the list of an allowed chat, not change it
        assert await ask(fake, "/watches", chat_id=TEAM, user_id=STRANGER) == (
            "<b>Watched here</b>:\n1. sanctions")
        assert await ask(fake, "/unwatch 2", chat_id=TEAM) == text("en", "unwatch_usage")
        assert await ask(fake, "/unwatch 1", chat_id=TEAM) == text(
            "en", "unwatch_done", term="sanctions")
        assert await ask(fake, "/watches", chat_id=TEAM) == text("en", "watches_none")
        # in private, a stranger never gets past the gate
        assert await ask(fake, "/watch gas", chat_id=STRANGER, user_id=STRANGER) == text(
            "en", "refused")


async def test_digest_and_settings_watch_alerts_go_to_the_targets_forum_topic(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, inbox: Path) -> None:
    fake = fake_telegram
    settings = replace(settings, sources=FAST_WATCH)
    desk = Target(chat_id=TEAM, name="energy", schedules=HOURLY, topic_id=12, watch=("газ",),
                  sources=("inbox",))
    async with run_bot(settings, targets=(desk,)) as app:
        await fake.wait_for(lambda: len(app.bot_data.briefing.store.undelivered(TEAM)) == 2)
        write_reports(inbox, {"c_gas.txt": GAS})
        alert = (await fake.wait_sent(TEAM, 1))[0]
        await trigger(app, "energy")
        status = await ask(fake, "/status", chat_id=ADMIN, user_id=ADMIN)
    assert alert.text == alert_for(inbox / "c_gas.txt", "газ", settings)
    sent = fake.sent_to(TEAM)
    assert len(sent) >= 2 and thread_ids(sent) == [12] * len(sent)
    assert [s.text for s in sent[1:]] == [m.html for m in expected_messages(
        sorted(inbox.iterdir()), settings)]
    assert status.splitlines()[2:] == [
        "  sources: inbox; include: none; exclude: none", "  topic: 12", "  watching: газ"]


async def test_feeds_and_links_route_by_name_and_chat_and_alert_within_a_feed_cycle(
        run_bot, settings: Settings, fake_telegram: FakeTelegram,
        web: FakeWeb,  # noqa: F811 - the source tests' local web server fixture
        store: Store, tmp_path: Path) -> None:
    fake = fake_telegram
    web.set("/interfax.xml", rss("Interfax", [("i1", web.url("/i1"), GAS)]), content_type=RSS)
    web.set("/reuters.xml", rss("Reuters", [("r1", web.url("/r1"), PIPE)]), content_type=RSS)
    web.set("/grid", article_page(YATIMOV), content_type=HTML)
    feeds = tuple(Feed(url=web.url(f"/{n.lower()}.xml"), name=n, interval=timedelta(hours=1))
                  for n in ("Interfax", "Reuters"))
    targets = (Target(chat_id=TEAM, name="energy", schedules=HOURLY, sources=("interfax",)),
               Target(chat_id=OTHER_TEAM, name="security", schedules=HOURLY,
                      sources=("Reuters", "links")))
    empty = tmp_path / "empty-inbox"
    empty.mkdir()
    store.add_watch(USER, "газ", USER)  # watching before the first poll
    async with run_bot(replace(settings, inbox=empty, sources=LOCAL_SOURCES, feeds=feeds,
                               targets=targets)) as app:
        alert = (await fake.wait_sent(USER, 1))[0]  # from the feed job, no digest asked for
        await fake.wait_for(lambda: store.count_reports() == 2)
        fake.send(f"grid news {web.url('/grid')}", chat_id=OTHER_TEAM, user_id=USER)
        await fake.wait_sent(OTHER_TEAM, 1)  # the link's summary, answered in that chat
        await fake.wait_for(lambda: store.count_reports() == 3)
        await trigger(app, "energy")
        await trigger(app, "security")
    origins = sorted(store.report_origins(r.id for r in store.undelivered(-999)).values())
    assert origins == ["feed:Interfax", "feed:Reuters", f"links:{OTHER_TEAM}"]
    assert alert.text.splitlines()[:2] == ["\U0001f514 <b>Watch \u201cгаз\u201d</b>",
                                           "Экспорт <b>газа</b> вырос \u2014 <i>Interfax</i>"]
    energy, security = fake.texts(TEAM), fake.texts(OTHER_TEAM)[1:]
    assert len(energy) == 1 and "Экспорт газа вырос" in energy[0]
    assert "Pipeline talks resume" not in energy[0] and "Grid upgrade" not in energy[0]
    assert len(security) == 1 and "Pipeline talks resume" in security[0]
    assert "Grid upgrade approved" in security[0] and "Экспорт газа" not in security[0]
