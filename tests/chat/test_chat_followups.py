"""Follow-ups end to end: a three-report story over two days, digested to one team chat."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.analysis.loaders import load_report
from bot.chat.app import build_application, running
from bot.settings import Settings
from bot.store.db import Store
from tests.chat.conftest import TEAM, write_reports
from tests.chat.test_chat_digests import trigger
from tests.conftest import FAST
from tests.digest.test_followups import ARMY, FLOOD, TOLL, TOLL_NEW
from tests.fakes.bot_settings import bot_settings
from tests.fakes.telegram_server import FakeTelegram, parse_telegram_html

DAY_ONE = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def as_file(report) -> str:
    return f"{report.title}\n\n{report.text}"


def bullets(html: str) -> list[str]:
    return [line[2:] for line in parse_telegram_html(html).splitlines() if line.startswith("• ")]


async def test_a_story_over_two_days_shows_only_what_is_new(
        fake_telegram: FakeTelegram, tmp_path: Path, db_url: str, store: Store) -> None:
    inbox = tmp_path / "inbox"
    write_reports(inbox, {"flood.txt": as_file(FLOOD)})
    settings: Settings = bot_settings(fake_telegram, inbox, db_url, [(TEAM, "team")])
    now = [DAY_ONE]
    app = build_application(settings, store, policy=FAST, read_timeout=2.0,
                            clock=lambda: now[0])
    async with running(app):
        await trigger(app, "team")                       # day 1, 08:00: the flood
        write_reports(inbox, {"toll.txt": as_file(TOLL)})
        now[0] = DAY_ONE + timedelta(days=1)             # day 2, 08:00: the toll rises
        await trigger(app, "team")
        write_reports(inbox, {"army.txt": as_file(ARMY)})
        now[0] = DAY_ONE + timedelta(days=1, hours=10)   # day 2, 18:00: the army is sent
        await trigger(app, "team")
    first, second, third = (parse_telegram_html(t) for t in fake_telegram.texts(TEAM))
    assert "Update to" not in first
    assert bullets(fake_telegram.texts(TEAM)[0]) == [
        "Floods forced 1,200 people from their homes in Riverton on Monday after the Kura river "
        "burst its banks.",
        "The water rose 3 metres in six hours, the regional emergency service said.",
        "\u201cWe have never seen the river rise this fast,\u201d said Mayor Olga Brandt."]
    # the second digest: marked as an update, and its bullets are the new facts only
    assert second.splitlines()[2:5] == [
        "1. Riverton flood toll rises to 14", "EN · toll.txt",
        "Update to: Floods force 1,200 from their homes in Riverton"]
    assert bullets(fake_telegram.texts(TEAM)[1]) == list(TOLL_NEW)
    # the third continues the second (the latest the team received) and skips what it said
    assert "Update to: Riverton flood toll rises to 14" in third
    assert bullets(fake_telegram.texts(TEAM)[2]) == [
        "The floods in Riverton have now killed 17 people, up from 14 on Tuesday morning, the "
        "regional emergency service said.",
        "The army sent 500 soldiers to build dams along the Kura river."]
    # "More" goes on after the last sentence the update showed, in ranked order
    toll = load_report(inbox / "toll.txt")
    keyboard = fake_telegram.sent_to(TEAM)[1].params["reply_markup"]["inline_keyboard"]
    assert keyboard[0][0] == {"text": "More 1", "callback_data": f"m:{toll.id}:4"}


def test_delivered_since_reads_what_the_chat_was_shown_within_the_window(store: Store) -> None:
    for report in (FLOOD, TOLL, ARMY):
        store.add_report(report)
    store.mark_delivered(TEAM, [FLOOD.id], at=DAY_ONE)
    store.mark_delivered(TEAM, [TOLL.id], at=DAY_ONE + timedelta(days=1))
    store.record_shown(TEAM, {TOLL.id: ("Shown title", TOLL_NEW[:2])})
    store.mark_skipped(TEAM, [ARMY.id], at=DAY_ONE + timedelta(days=1))
    recent = store.delivered_since(TEAM, DAY_ONE + timedelta(hours=1), "default|s=3")
    assert [(d.report.id, d.title, d.summary) for d in recent] == [
        (TOLL.id, "Shown title", TOLL_NEW[:2])]  # the flood is too old, the army was skipped
    both = store.delivered_since(TEAM, DAY_ONE, "no analysis under this key")
    assert [(d.title, d.summary) for d in both] == [("Shown title", TOLL_NEW[:2]),
                                                   (FLOOD.title, ())]
    assert store.delivered_since(-1, DAY_ONE, "k") == []  # another chat received nothing
