"""Scheduled digests end to end: schedules, restarts, Telegram failures, splitting, catch-up."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from telegram.ext import Application

from bot.chat.app import TokenFilter, configure_logging
from bot.chat.jobs import catch_up_due, previous_fire_time
from bot.chat.texts import text
from bot.settings import DeliverySettings, Schedule, Settings, Target
from bot.settings.timing import target_zone
from bot.store.db import Store
from tests.chat.conftest import OTHER_TEAM, TEAM, expected_messages, write_reports
from tests.conftest import FAST
from tests.fakes.bot_settings import HOURLY, USER
from tests.fakes.telegram_server import TOKEN, FakeTelegram, parse_telegram_html

EVERY_SECOND = (Schedule(interval=timedelta(seconds=1)),)
CITIES = ["Dushanbe", "Almaty", "Tashkent", "Bishkek", "Ashgabat", "Khujand", "Osh", "Samarkand",
          "Bukhara", "Termez", "Kulob", "Nukus"]
FIRST_DIGEST = CITIES[:8]  # with the inbox's two reports: the whole first digest (backfill 10)


async def trigger(app: Application, target_name: str) -> None:
    """Run a target's scheduled job now, exactly as the scheduler would."""
    job = next(j for j in app.job_queue.jobs() if j.name == f"digest:{target_name}:0")
    await job.run(app)


def all_paths(inbox: Path) -> list[Path]:
    return sorted(inbox.iterdir())


def long_report(i: int, city: str) -> str:
    sentences = [
        f"The regional authority of {city} approved a programme worth {i + 3}.5 million dollars "
        f"to rebuild {20 + i} kilometres of irrigation canals and {i + 2} pumping stations "
        f"before the start of the next growing season in the valley.",
        f"Officials in {city} said that more than {1000 + 150 * i} households would receive "
        f"reliable water for the first time since the old network failed, and that the work "
        f"would employ about {300 + i} local people during the construction period.",
        f"\u201cThis is the largest investment in our water system for a generation and it will "
        f"change how {city} farms,\u201d said Governor Rahimov at a briefing for journalists "
        f"and representatives of the farmers' associations.",
        f"Independent engineers warned that the schedule for {city} was tight, noting that "
        f"similar projects in neighbouring districts had taken {i + 4} years instead of the "
        f"two that had been promised by their sponsors at the outset.",
        f"The first contracts in {city} will be signed in {['May', 'June', 'July'][i % 3]}, "
        f"and the authority promised to publish monthly progress reports on its website so "
        f"that residents can follow the spending and the remaining work.",
    ]
    return f"{city} approves canal programme number {i}\n\n" + " ".join(sentences)


async def test_interval_schedule_posts_new_reports_once(run_bot, settings: Settings,
                                                        fake_telegram: FakeTelegram,
                                                        inbox: Path) -> None:
    targets = (Target(chat_id=TEAM, name="team", schedules=EVERY_SECOND),
               Target(chat_id=OTHER_TEAM, name="ops", schedules=EVERY_SECOND,
                      announce_empty=True))
    first = [m.html for m in expected_messages(all_paths(inbox), settings)]
    async with run_bot(settings, targets=targets):
        assert [s.text for s in await fake_telegram.wait_sent(TEAM, 1)] == first
        # the next run has nothing new: "ops" says so, "team" stays quiet
        await fake_telegram.wait_sent(OTHER_TEAM, 2)
        write_reports(inbox, {"c_new.txt": "Bridge reopens\n\nThe Amu bridge reopened after "
                                           "repairs costing 3 million dollars."})
        await fake_telegram.wait_sent(TEAM, 2)
    later = [m.html for m in expected_messages([inbox / "c_new.txt"], settings)]
    assert fake_telegram.texts(TEAM) == first + later  # no "nothing new" lines for team
    ops = fake_telegram.texts(OTHER_TEAM)
    assert ops[:2] == [*first, text("en", "empty_announce")]
    assert later[0] in ops


async def test_restart_between_digests_delivers_each_report_once(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, db_url: str,
        inbox: Path) -> None:
    first_store = Store(db_url)
    async with run_bot(settings, use_store=first_store) as app:
        await trigger(app, "team")
        await trigger(app, "team")
    first_store.close()
    write_reports(inbox, {"c_new.txt": "Bridge reopens\n\nThe Amu bridge reopened after "
                                       "repairs costing 3 million dollars."})
    second_store = Store(db_url)
    async with run_bot(settings, use_store=second_store) as app:
        await trigger(app, "team")
        await trigger(app, "ops")
        await trigger(app, "team")
    second_store.close()
    old = [m.html for m in expected_messages(all_paths(inbox)[:2], settings)]
    new = [m.html for m in expected_messages([inbox / "c_new.txt"], settings)]
    everything = [m.html for m in expected_messages(all_paths(inbox), settings)]
    assert fake_telegram.texts(TEAM) == old + new
    assert fake_telegram.texts(OTHER_TEAM) == everything


async def test_crash_mid_digest_resumes_without_repeats(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, db_url: str,
        inbox: Path) -> None:
    write_reports(inbox, {f"r{i:02d}.txt": long_report(i, city) for i, city in
                          enumerate(FIRST_DIGEST)})
    expected = expected_messages(all_paths(inbox), settings)
    assert len(expected) >= 3
    # Telegram accepts the first message, then fails for good (server down)
    fake_telegram.fail("sendMessage", "server_error", times=3, chat_id=TEAM, after=1)
    first_store = Store(db_url)
    async with run_bot(settings, use_store=first_store) as app:
        await trigger(app, "team")
    delivered_first = first_store.delivered_ids(TEAM)
    first_store.close()
    assert delivered_first == set(expected[0].report_ids) - set(expected[1].report_ids)
    second_store = Store(db_url)
    async with run_bot(settings, use_store=second_store) as app:
        await trigger(app, "team")
    assert second_store.undelivered(TEAM) == []
    second_store.close()
    sent = fake_telegram.texts(TEAM)
    titles = [f"{city} approves canal programme number {i}"
              for i, city in enumerate(FIRST_DIGEST)]
    for title in titles:
        assert sum(title in message for message in sent) == 1, title


async def test_rate_limit_and_server_errors_are_recovered(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, inbox: Path) -> None:
    fake_telegram.fail("sendMessage", "retry_after", seconds=1, chat_id=TEAM)
    fake_telegram.fail("sendMessage", "server_error", chat_id=TEAM)
    fake_telegram.fail("sendMessage", "bad_gateway", chat_id=TEAM)
    # one retry layer (delivery.with_retries): three faults need four attempts
    async with run_bot(settings, policy=replace(FAST, attempts=4)) as app:
        await trigger(app, "team")
    assert fake_telegram.texts(TEAM) == [m.html for m in expected_messages(all_paths(inbox),
                                                                           settings)]
    outcomes = [c.outcome for c in fake_telegram.calls_of("sendMessage")]
    assert outcomes == ["retry_after", "server_error", "bad_gateway", "ok"]


async def test_a_target_group_upgraded_to_a_supergroup_keeps_its_digests_without_repeats(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, store: Store, inbox: Path,
        caplog) -> None:
    supergroup = -1001777
    # Telegram answers every send to the old id with migrate_to_chat_id
    fake_telegram.fail("sendMessage", "migrated", chat_id=TEAM, seconds=supergroup, times=99)
    async with run_bot(settings) as app:
        await trigger(app, "team")
        write_reports(inbox, {"c_late.txt": "Late report\n\nThe late report has 3 lines."})
        await trigger(app, "team")
    first, second = (expected_messages(all_paths(inbox)[:2], settings),
                     expected_messages(all_paths(inbox)[2:], settings))
    assert fake_telegram.texts(supergroup) == [m.html for m in first + second]
    assert fake_telegram.texts(TEAM) == []
    assert store.undelivered(TEAM) == []  # recorded under the configured target: no repeats
    assert f"chat {TEAM} was upgraded to the supergroup {supergroup}; sending there " \
           f"(set chat_id = {supergroup} in its settings)" in caplog.text


async def test_kicked_target_is_skipped_and_others_still_get_theirs(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, store: Store,
        inbox: Path) -> None:
    fake_telegram.fail("sendMessage", "forbidden", chat_id=TEAM, times=99)
    async with run_bot(settings) as app:
        await trigger(app, "team")
        await trigger(app, "ops")
    assert fake_telegram.texts(TEAM) == []
    assert fake_telegram.texts(OTHER_TEAM) == [m.html for m in expected_messages(
        all_paths(inbox), settings)]
    assert len(store.undelivered(TEAM)) == 2
    assert store.undelivered(OTHER_TEAM) == []
    assert store.last_digest(TEAM) is None


async def test_long_digest_is_split_into_valid_messages(run_bot, settings: Settings,
                                                        fake_telegram: FakeTelegram,
                                                        store: Store, inbox: Path) -> None:
    write_reports(inbox, {f"r{i:02d}.txt": long_report(i, city) for i, city in
                          enumerate(FIRST_DIGEST)})
    expected = expected_messages(all_paths(inbox), settings)
    async with run_bot(settings) as app:
        await trigger(app, "team")
    sent = fake_telegram.sent_to(TEAM)
    assert [s.text for s in sent] == [m.html for m in expected]
    visible = [parse_telegram_html(s.text) for s in sent]
    assert sum(len(v) for v in visible) >= 8_000
    assert len(sent) >= 3
    assert all(len(v) <= 4096 and len(s.text) <= 4096 for v, s in zip(visible, sent,
                                                                        strict=True))
    assert store.undelivered(TEAM) == []
    assert store.delivery_counts(TEAM) == len(FIRST_DIGEST) + 2


async def test_unparsable_html_is_sent_as_plain_text(run_bot, settings: Settings,
                                                     fake_telegram: FakeTelegram,
                                                     store: Store, inbox: Path) -> None:
    fake_telegram.fail("sendMessage", "parse_entities", chat_id=TEAM, html_only=True)
    expected = expected_messages(all_paths(inbox), settings)
    async with run_bot(settings) as app:
        await trigger(app, "team")
    sent = fake_telegram.sent_to(TEAM)
    assert [(s.text, s.parse_mode) for s in sent] == [(expected[0].plain, None)]
    assert sent[0].params["link_preview_options"] == {"is_disabled": True}
    assert store.undelivered(TEAM) == []


async def test_missed_cron_run_is_caught_up_once_at_start(run_bot, settings: Settings,
                                                          fake_telegram: FakeTelegram,
                                                          store: Store, inbox: Path) -> None:
    # a schedule that fired 60-120 s ago and will not fire again during the test
    last_minute = (datetime.now(UTC) - timedelta(minutes=1)).minute
    hourly_at = (Schedule(cron=f"{last_minute} * * * *", timezone="UTC"),)
    targets = (Target(chat_id=TEAM, name="team", schedules=hourly_at),
               Target(chat_id=OTHER_TEAM, name="ops", schedules=hourly_at))
    store.record_digest(OTHER_TEAM, "scheduled", 0)  # ops is up to date
    telegram = replace(settings.telegram, misfire_grace_seconds=150)
    async with run_bot(settings, targets=targets, telegram=telegram):
        await fake_telegram.wait_sent(TEAM, 1)
        fake_telegram.send("/help", chat_id=USER, user_id=USER)
        await fake_telegram.wait_sent(USER, 1)
    assert fake_telegram.texts(TEAM) == [m.html for m in expected_messages(all_paths(inbox),
                                                                           settings)]
    assert fake_telegram.texts(OTHER_TEAM) == []
    assert store.last_digest(TEAM).kind == "catch-up"


def test_catch_up_rules_for_weekday_mornings() -> None:
    dushanbe = Target(chat_id=TEAM, name="team",
                      schedules=(Schedule(cron="0 8 * * mon-fri", timezone="Asia/Dushanbe"),))
    six_hours = 6 * 3600
    wed_0930 = datetime(2025, 3, 5, 4, 30, tzinfo=UTC)      # 09:30 in Dushanbe (UTC+5)
    wed_0800 = datetime(2025, 3, 5, 3, 0, tzinfo=UTC)
    assert catch_up_due(dushanbe, None, wed_0930, six_hours) == wed_0800
    assert catch_up_due(dushanbe, wed_0800 - timedelta(days=1), wed_0930, six_hours) == wed_0800
    assert catch_up_due(dushanbe, wed_0800 + timedelta(minutes=1), wed_0930, six_hours) is None
    # too late: the 08:00 run is more than the grace time ago
    assert catch_up_due(dushanbe, None, wed_0800 + timedelta(hours=7), six_hours) is None
    # Saturday noon: Friday's run is a day old, outside the grace time
    saturday = datetime(2025, 3, 8, 7, 0, tzinfo=UTC)
    assert catch_up_due(dushanbe, None, saturday, six_hours) is None
    assert catch_up_due(Target(chat_id=1, name="x", schedules=HOURLY), None, wed_0930,
                        six_hours) is None


def test_previous_fire_time_picks_the_latest() -> None:
    now = datetime(2025, 3, 5, 10, 7, 30, tzinfo=UTC)
    every_five = Schedule(cron="*/5 * * * *", timezone="UTC")
    assert previous_fire_time(every_five, now, timedelta(hours=1)) == datetime(
        2025, 3, 5, 10, 5, tzinfo=UTC)
    assert previous_fire_time(every_five, now, timedelta(minutes=2)) is None


def test_token_filter_masks_messages_args_and_tracebacks() -> None:
    record = logging.LogRecord("httpx", logging.INFO, __file__, 1,
                               "HTTP Request: POST %s", (f"https://x/bot{TOKEN}/getMe",), None)
    try:
        raise RuntimeError(f"failed https://x/bot{TOKEN}/sendMessage")
    except RuntimeError as exc:
        record.exc_info = (type(exc), exc, exc.__traceback__)
    assert TokenFilter(TOKEN).filter(record) is True
    formatted = logging.Formatter().format(record)
    assert TOKEN not in formatted
    assert "https://x/bot<BOT_TOKEN>/getMe" in formatted
    assert "bot<BOT_TOKEN>/sendMessage" in formatted


async def test_token_never_reaches_the_logs(run_bot, settings: Settings,
                                            fake_telegram: FakeTelegram, caplog) -> None:
    caplog.handler.addFilter(TokenFilter(TOKEN))
    caplog.set_level(logging.DEBUG)
    logging.getLogger("httpx").setLevel(logging.INFO)  # as loud as it gets without our setting
    try:
        async with run_bot(settings):
            fake_telegram.send("/help", chat_id=USER, user_id=USER)
            await fake_telegram.wait_sent(USER, 1)
    finally:
        logging.getLogger("httpx").setLevel(logging.NOTSET)
    assert "bot<BOT_TOKEN>/sendMessage" in caplog.text
    assert TOKEN not in caplog.text
    assert all(TOKEN not in str(t) for t in fake_telegram.texts(USER))


def test_configure_logging_quiets_httpx_and_filters_root_handlers() -> None:
    root = logging.getLogger()
    handler = logging.StreamHandler()
    root.addHandler(handler)
    try:
        configure_logging(TOKEN)
        assert logging.getLogger("httpx").level == logging.WARNING
        assert any(isinstance(f, TokenFilter) for f in handler.filters)
    finally:
        root.removeHandler(handler)
        logging.getLogger("httpx").setLevel(logging.NOTSET)
        logging.getLogger("apscheduler").setLevel(logging.NOTSET)


async def test_digest_header_is_in_the_targets_time_zone(run_bot, settings: Settings,
                                                        fake_telegram: FakeTelegram) -> None:
    dushanbe = Target(chat_id=TEAM, name="team",
                      schedules=(Schedule(cron="0 9 * * 1-5", timezone="Asia/Dushanbe"),))
    async with run_bot(settings, targets=(dushanbe,)) as app:
        await trigger(app, "team")
        fake_telegram.send("/summary", chat_id=TEAM, user_id=USER)  # same zone on request
        await fake_telegram.wait_sent(TEAM, 2)
    headers = [parse_telegram_html(text).splitlines()[0] for text in fake_telegram.texts(TEAM)]
    assert headers[0] == "Briefing digest · 05 Mar 2025 14:30 +05 · 2 reports"
    assert headers[1].startswith("Nothing new")


def test_target_time_zone_is_its_first_cron_schedules() -> None:
    every = Schedule(interval=timedelta(hours=1))
    cron = Schedule(cron="0 9 * * *", timezone="Asia/Dushanbe")
    assert str(target_zone(Target(1, "a", (every, cron)))) == "Asia/Dushanbe"
    assert str(target_zone(Target(1, "b", (every,)))) == "UTC"


async def test_delivery_backfill_setting_bounds_a_new_targets_first_digest(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, store: Store) -> None:
    async with run_bot(settings, delivery=DeliverySettings(backfill=1)) as app:
        await trigger(app, "team")
    [sent] = fake_telegram.texts(TEAM)
    lines = parse_telegram_html(sent).splitlines()
    assert lines[:4] == ["Briefing digest · 05 Mar 2025 09:30 UTC · 1 report",
                         "1 older report was not sent", "",
                         "1. Rail green corridor opens at the northern border"]
    assert len(store.delivered_ids(TEAM)) == 2  # one sent, one skipped for good
