"""Every command end to end: the real Application talks HTTP to the fake Bot API server."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.analysis.loaders import load_bytes, report_from_text
from bot.analysis.model import Report
from bot.analysis.pipeline import analyze
from bot.chat.handlers import errors
from bot.chat.jobs import next_runs
from bot.chat.texts import commands, text
from bot.digest.build import build_digest
from bot.digest.render_html import render_messages
from bot.settings import Schedule, Settings
from bot.store.aio import AsyncStore
from bot.store.db import Store
from tests.chat.conftest import NOW, OTHER_TEAM, TEAM, expected_messages, write_reports
from tests.fakes.bot_settings import ADMIN, STRANGER, USER
from tests.fakes.telegram_server import BOT_USERNAME, FakeTelegram


def en(key: str, **values: object) -> str:
    return text("en", key, **values)


def htmls(messages) -> list[str]:
    return [m.html for m in messages]


def rendered(reports) -> list[str]:
    return htmls(render_messages(build_digest([analyze(r) for r in reports], created=NOW)))


async def ask(fake: FakeTelegram, body: str, *, chat_id: int = USER, user_id: int = USER,
              replies: int = 1, **kwargs) -> list[str]:
    """Send a message and return the texts of the replies it produced."""
    before = len(fake.sent_to(chat_id))
    fake.send(body, chat_id=chat_id, user_id=user_id, **kwargs)
    sent = await fake.wait_sent(chat_id, before + replies)
    return [s.text for s in sent[before:]]


async def test_start_help_and_command_menu(run_bot, settings: Settings,
                                           fake_telegram: FakeTelegram) -> None:
    async with run_bot(settings):
        assert await ask(fake_telegram, "/start") == [en("help")]
        assert await ask(fake_telegram, "/help") == [en("help")]
    menu = fake_telegram.calls_of("setMyCommands")[0].params["commands"]
    assert menu == [{"command": c, "description": d} for c, d in commands("en")]
    assert [c for c, _ in commands("en")] == ["summary", "reports", "status", "digest", "sources",
                                             "addfeed", "removefeed", "who", "figures",
                                             "export", "watch", "watches", "unwatch", "help"]


async def test_summary_sends_new_reports_once_then_nothing_new(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, store: Store,
        inbox: Path) -> None:
    expected = expected_messages([inbox / "a_water.txt", inbox / "b_rail.txt"], settings)
    async with run_bot(settings):
        assert await ask(fake_telegram, "/summary") == htmls(expected)
        assert await ask(fake_telegram, "/summary") == [en("nothing_new")]
    assert len(expected) == 1 and "2 reports" in expected[0].html
    sent = fake_telegram.sent_to(USER)[0]
    assert sent.parse_mode == "HTML"
    assert sent.params["link_preview_options"] == {"is_disabled": True}
    assert "reply_parameters" not in sent.params  # private chats get no reply threading
    assert store.delivered_ids(USER) == set(expected[0].report_ids)
    actions = fake_telegram.calls_of("sendChatAction")
    assert actions and actions[0].params == {"chat_id": str(USER), "action": "typing"}


async def test_summary_last_n(run_bot, settings: Settings, fake_telegram: FakeTelegram,
                              inbox: Path) -> None:
    async with run_bot(settings):
        last = await ask(fake_telegram, "/summary 1")
        both = await ask(fake_telegram, "/summary 2")
        assert await ask(fake_telegram, "/summary 0") == [en("bad_count", max=20)]
        assert await ask(fake_telegram, "/summary 21") == [en("bad_count", max=20)]
    assert last == htmls(expected_messages([inbox / "b_rail.txt"], settings))
    assert both == htmls(expected_messages([inbox / "a_water.txt", inbox / "b_rail.txt"],
                                           settings))


async def test_summary_by_id_words_and_ambiguity(run_bot, settings: Settings,
                                                 fake_telegram: FakeTelegram,
                                                 store: Store, inbox: Path) -> None:
    write_reports(inbox, {"c_tariffs.txt": "Rail tariffs rise in spring\n\nRail tariffs rise "
                                           "by 4 percent from April. Shippers are worried."})
    water = expected_messages([inbox / "a_water.txt"], settings)
    rail = expected_messages([inbox / "b_rail.txt"], settings)
    async with run_bot(settings):
        await ask(fake_telegram, "/reports")  # picks up the inbox
        by_id = await ask(fake_telegram, f"/summary {water[0].report_ids[0]}")
        by_prefix = await ask(fake_telegram, f"/summary {rail[0].report_ids[0][:6].upper()}")
        by_words = await ask(fake_telegram, "/summary GREEN corridor")
        ambiguous = await ask(fake_telegram, "/summary rail")
        missing = await ask(fake_telegram, "/summary <zebra> & co")
    assert by_id == htmls(water)
    assert by_prefix == htmls(rail)
    assert by_words == htmls(rail)
    tariffs, = [s.report for s in store.recent_reports(1)]
    assert ambiguous == [
        en("many_matches", query="rail") + "\n"
        f"<code>{tariffs.id}</code> Rail tariffs rise in spring\n"
        f"<code>{rail[0].report_ids[0]}</code> Rail green corridor opens at the northern border"
    ]
    assert missing == ["No report matches \u201c&lt;zebra&gt; &amp; co\u201d. "
                       "/reports lists them with ids."]


async def test_summary_of_a_replied_text_message(run_bot, settings: Settings,
                                                 fake_telegram: FakeTelegram) -> None:
    body = ("The city council approved a budget of 12 million dollars for new schools. "
            "Construction of three schools starts in May. \u201cOur children deserve better "
            "buildings,\u201d said Mayor Dilnoza Karimova. Parents welcomed the plan.")
    original = fake_telegram.message(body, chat_id=USER, user_id=USER)
    async with run_bot(settings):
        replies = await ask(fake_telegram, "/summary", reply_to=original)
        empty = fake_telegram.message(None, chat_id=USER, user_id=USER)
        no_text = await ask(fake_telegram, "/summary", reply_to=empty)
    assert replies == rendered([report_from_text(body, "message")])
    assert no_text == [en("no_text")]


async def test_document_upload_is_downloaded_and_summarized(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, store: Store) -> None:
    content = ("# Harvest outlook\n\nFarmers expect a harvest of 1.2 million tonnes of wheat "
               "this year. Irrigated land grew by 8 percent. \u201cThe weather was kind to "
               "us,\u201d said Rustam Nazarov of the farmers' union.\n").encode()
    document = fake_telegram.add_file(content, "harvest.md")
    async with run_bot(settings):
        replies = await ask(fake_telegram, None, document=document)
    assert replies == rendered([load_bytes(content, "harvest.md")])
    assert [c.params["file_id"] for c in fake_telegram.calls_of("getFile")] == [
        document["file_id"]]
    assert len(fake_telegram.calls_of("download")) == 1
    assert store.count_reports() == 0  # uploads never reach the team digests


async def test_reply_to_a_document_in_a_group(run_bot, settings: Settings,
                                              fake_telegram: FakeTelegram) -> None:
    content = b"Port traffic\n\nThe port handled 3,400 containers in March. Volumes doubled."
    document = fake_telegram.add_file(content, "port.txt")
    posted = fake_telegram.message(None, chat_id=TEAM, user_id=STRANGER, document=document)
    async with run_bot(settings):
        fake_telegram.send(None, chat_id=TEAM, user_id=STRANGER, document=document)
        command = fake_telegram.send("/summary", chat_id=TEAM, user_id=STRANGER,
                                     reply_to=posted)
        await fake_telegram.wait_sent(TEAM, 1)
        await ask(fake_telegram, "/help", chat_id=TEAM)
    sent = fake_telegram.sent_to(TEAM)
    # the bare document got no answer: only the summary and the help text were sent
    assert [s.text for s in sent] == [*rendered([load_bytes(content, "port.txt")]), en("help")]
    assert sent[0].params["reply_parameters"] == {
        "message_id": command["message_id"], "allow_sending_without_reply": True}


async def test_document_caption_command_in_a_group(run_bot, settings: Settings,
                                                   fake_telegram: FakeTelegram) -> None:
    content = b"Grain prices\n\nWheat prices fell 6 percent in April as stocks grew."
    document = fake_telegram.add_file(content, "grain.txt")
    async with run_bot(settings):
        replies = await ask(fake_telegram, None, chat_id=TEAM, document=document,
                            caption="/summary")
    assert replies == rendered([load_bytes(content, "grain.txt")])


async def test_document_limits_and_errors(run_bot, settings: Settings,
                                          fake_telegram: FakeTelegram) -> None:
    big = fake_telegram.add_file(b"x", "big.pdf", file_size=2 * 1024 * 1024)
    exe = fake_telegram.add_file(b"MZ", "tool.exe")
    empty = fake_telegram.add_file(b"   \n", "empty.txt")
    async with run_bot(settings):
        assert await ask(fake_telegram, None, document=big) == [en("too_big", size="2.0",
                                                                   limit="1")]
        assert await ask(fake_telegram, None, document=exe) == [en("unsupported")]
        assert await ask(fake_telegram, None, document=empty) == [
            en("unreadable", reason="the file is empty")]
    assert [c.params["file_id"] for c in fake_telegram.calls_of("getFile")] == [
        empty["file_id"]]


async def test_a_file_past_telegrams_download_cap_gets_a_clear_answer(
        run_bot, settings: Settings, fake_telegram: FakeTelegram) -> None:
    # the message may leave file_size out; getFile then refuses a file over 20 MB
    huge = fake_telegram.add_file(b"x", "huge.pdf", file_size=-1)
    fake_telegram.fail("getFile", "file_too_big")
    async with run_bot(settings, telegram=replace(settings.telegram, max_download_mb=50.0)):
        assert await ask(fake_telegram, None, document=huge) == [en("too_big_for_telegram")]
        assert await ask(fake_telegram, "/help") == [en("help")]
    assert en("too_big_for_telegram") == ("Telegram lets bots download files up to 20 MB; this "
                                          "one is larger.")
    assert [c.outcome for c in fake_telegram.calls_of("getFile")] == ["file_too_big"]
    assert fake_telegram.calls_of("download") == []


async def test_reports_lists_newest_first(run_bot, settings: Settings,
                                          fake_telegram: FakeTelegram, store: Store) -> None:
    async with run_bot(settings):
        replies = await ask(fake_telegram, "/reports")
    rail, water = store.recent_reports(2)
    assert replies == [
        "<b>Recent reports</b> (newest first):\n"
        f"<code>{rail.report.id}</code> Rail green corridor opens at the northern border "
        f"({rail.added_at:%Y-%m-%d})\n"
        f"<code>{water.report.id}</code> Water ministers pledge 2.4 billion for canals "
        f"({water.added_at:%Y-%m-%d})"
    ]


async def test_reports_when_inbox_is_empty(run_bot, settings: Settings,
                                           fake_telegram: FakeTelegram, tmp_path: Path) -> None:
    async with run_bot(settings, inbox=tmp_path / "nothing-here"):
        assert await ask(fake_telegram, "/reports") == [en("no_reports")]
        assert await ask(fake_telegram, "/summary 3") == [en("no_reports")]


async def test_digest_is_for_admins_and_survives_a_kicked_target(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, store: Store,
        inbox: Path) -> None:
    expected = htmls(expected_messages([inbox / "a_water.txt", inbox / "b_rail.txt"], settings))
    fake_telegram.fail("sendMessage", "forbidden", chat_id=OTHER_TEAM)
    async with run_bot(settings):
        assert await ask(fake_telegram, "/digest") == [en("admins_only", command="digest")]
        first = await ask(fake_telegram, "/digest", chat_id=ADMIN, user_id=ADMIN)
        second = await ask(fake_telegram, "/digest", chat_id=ADMIN, user_id=ADMIN)
    assert first == ["Digest run:\nteam: 2 report(s) posted\nops: failed (Forbidden)"]
    assert second == ["Digest run:\nteam: nothing new\nops: 2 report(s) posted"]
    assert fake_telegram.texts(TEAM) == expected
    assert fake_telegram.texts(OTHER_TEAM) == expected
    assert store.undelivered(TEAM) == [] and store.undelivered(OTHER_TEAM) == []


async def test_status_shows_schedule_counts_and_last_digest(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, store: Store) -> None:
    async with run_bot(settings) as app:
        await ask(fake_telegram, "/digest", chat_id=ADMIN, user_id=ADMIN)
        status = await ask(fake_telegram, "/status", chat_id=ADMIN, user_id=ADMIN)
        team_next = next_runs(app.job_queue, settings.targets[0])
        ops_next = next_runs(app.job_queue, settings.targets[1])
    team_last = store.last_digest(TEAM).created_at
    ops_last = store.last_digest(OTHER_TEAM).created_at
    assert status == [
        "Reports stored: 2\n"
        f"<b>team</b> (-100): next {team_next:%Y-%m-%d %H:%M %Z}; "
        f"last digest {team_last:%Y-%m-%d %H:%M %Z}\n"
        f"<b>ops</b> (-200): next {ops_next:%Y-%m-%d %H:%M %Z}; "
        f"last digest {ops_last:%Y-%m-%d %H:%M %Z}"
    ]


async def test_status_times_are_in_each_targets_time_zone(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, store: Store) -> None:
    dushanbe = (Schedule(cron="0 8 * * mon-fri", timezone="Asia/Dushanbe"),)
    team, ops = settings.targets
    settings = replace(settings, targets=(replace(team, schedules=dushanbe), ops))
    async with run_bot(settings):
        await ask(fake_telegram, "/digest", chat_id=ADMIN, user_id=ADMIN)
        status, = await ask(fake_telegram, "/status", chat_id=ADMIN, user_id=ADMIN)
    team_line, ops_line = status.split("\n")[1:3]
    # Dushanbe is UTC+5 all year; the interval-only target stays in UTC.
    assert team_line.count("+05") == 2 and "UTC" not in team_line, team_line
    assert ops_line.count("UTC") == 2, ops_line
    last = store.last_digest(TEAM).created_at
    assert f"last digest {last.astimezone(ZoneInfo('Asia/Dushanbe')):%Y-%m-%d %H:%M} +05" in team_line


async def test_unknown_commands_and_other_bots(run_bot, settings: Settings,
                                               fake_telegram: FakeTelegram) -> None:
    async with run_bot(settings):
        assert await ask(fake_telegram, "/frobnicate now") == [
            "I don't know the command /frobnicate. See /help for what I can do."]
        fake_telegram.send("/summary@otherbot", chat_id=TEAM, user_id=USER)
        fake_telegram.send("/frobnicate@otherbot", chat_id=TEAM, user_id=USER)
        fake_telegram.send("just chatting", chat_id=TEAM, user_id=USER)
        replies = await ask(fake_telegram, f"/help@{BOT_USERNAME}", chat_id=TEAM)
    assert replies == [en("help")]
    assert fake_telegram.texts(TEAM) == [en("help")]  # the others got no answer


async def test_feed_addresses_are_echoed_bounded_and_clean(
        run_bot, settings: Settings, fake_telegram: FakeTelegram) -> None:
    long_url = "http://example.org/" + "a" * 4000
    admin = {"chat_id": ADMIN, "user_id": ADMIN}
    async with run_bot(settings):
        unknown = await ask(fake_telegram, f"/removefeed {long_url}", **admin)
        bad = await ask(fake_telegram, "/addfeed ftp://\u202eexample.org/feed", **admin)
    assert unknown == [en("feed_unknown", url="http://example.org/" + "a" * 280 + "\u2026")]
    assert bad == [en("feed_bad_url", url="ftp://example.org/feed")]


async def test_strangers_are_refused_without_content(run_bot, settings: Settings,
                                                     fake_telegram: FakeTelegram,
                                                     store: Store) -> None:
    document = fake_telegram.add_file(b"Secret\n\nSecret numbers 42.", "secret.txt")
    async with run_bot(settings):
        assert await ask(fake_telegram, "/summary", chat_id=STRANGER,
                         user_id=STRANGER) == [en("refused")]
        assert await ask(fake_telegram, "hello", chat_id=STRANGER,
                         user_id=STRANGER) == [en("refused")]
        assert await ask(fake_telegram, None, chat_id=STRANGER, user_id=STRANGER,
                         document=document) == [en("refused")]
        fake_telegram.send("chatter", chat_id=-999, user_id=USER)
        assert await ask(fake_telegram, "/reports", chat_id=-999, user_id=ADMIN) == [
            en("refused")]
    assert fake_telegram.texts(-999) == [en("refused")]
    assert fake_telegram.calls_of("getFile") == []
    assert store.count_reports() == 0


async def test_errors_are_reported_and_the_bot_keeps_running(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, store: Store,
        monkeypatch, caplog) -> None:
    async def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(AsyncStore, "backlog", broken)
    async with run_bot(settings):
        assert await ask(fake_telegram, "/summary") == [en("failed")]
        assert await ask(fake_telegram, "/help") == [en("help")]
    assert "disk on fire" in caplog.text


async def test_a_user_who_blocked_the_bot_gets_no_apology_and_one_log_line(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, caplog) -> None:
    fake_telegram.fail("sendMessage", "blocked", chat_id=USER, times=9)
    async with run_bot(settings):
        fake_telegram.send("/help", chat_id=USER, user_id=USER)
        await fake_telegram.wait_for(lambda: "refuses the bot" in caplog.text)
        assert await ask(fake_telegram, "/help", chat_id=ADMIN, user_id=ADMIN) == [en("help")]
    assert [(c.params["chat_id"], c.outcome) for c in fake_telegram.calls_of("sendMessage")] == [
        (str(USER), "blocked"), (str(ADMIN), "ok")]  # no apology tried
    assert (f"chat {USER} refuses the bot (Forbidden: bot was blocked by the user); "
            "not answered") in caplog.text
    assert "error while handling an update" not in caplog.text


async def test_an_error_handler_that_cannot_apologise_still_leaves_the_bot_running(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, monkeypatch, caplog) -> None:
    async def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    async def apology_fails(*args, **kwargs):
        raise RuntimeError("cannot apologise")

    monkeypatch.setattr(AsyncStore, "recent_reports", broken)
    monkeypatch.setattr(errors, "send_html", apology_fails)
    async with run_bot(settings):
        fake_telegram.send("/reports", chat_id=USER, user_id=USER)
        await fake_telegram.wait_for(lambda: "the error handler itself failed" in caplog.text)
        assert await ask(fake_telegram, "/help") == [en("help")]
    assert fake_telegram.texts(USER) == [en("help")]
    assert "cannot apologise" in caplog.text


BIDI = "\u202e\u202d\u2066\u2067\u2068\u2069\u200b\u200f\u200e\ufeff"


async def test_titles_and_names_reach_the_chat_without_bidi_or_zero_width_controls(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, store: Store) -> None:
    """A title from a page or PDF and a target's name can carry U+202E (which shows
    "exe.gnp" as "png.exe") or zero-width marks: none reaches a message."""
    store.add_report(Report(title="Budget \u202egnp.exe\u200b approved",
                            text="The budget of 5 million dollars was approved on Monday.",
                            source="page.html"))
    store.add_report(Report(title="Budget \u2066plan\u2069 approved",
                            text="The second budget of 7 million dollars was approved.",
                            source="other.html"))
    named = replace(settings, targets=(
        replace(settings.targets[0], name="te\u202eam\u200b"), *settings.targets[1:]))
    async with run_bot(named):
        listing, = await ask(fake_telegram, "/reports")
        status, = await ask(fake_telegram, "/status", chat_id=ADMIN, user_id=ADMIN)
        matches, = await ask(fake_telegram, "/summary budget approved")
    for message in (listing, status, matches):
        assert not set(BIDI) & set(message), message
    assert "Budget gnp.exe approved" in listing and "Budget plan approved" in listing
    assert "<b>team</b> (-100)" in status
    assert "Budget gnp.exe approved" in matches and "Budget plan approved" in matches


async def test_summary_posted_in_a_target_channel(run_bot, settings: Settings,
                                                  fake_telegram: FakeTelegram, store: Store,
                                                  inbox: Path) -> None:
    post = fake_telegram.message("/summary", chat_id=TEAM, user_id=None, chat_type="channel")
    async with run_bot(settings):
        fake_telegram.push_update({"channel_post": post})
        sent = await fake_telegram.wait_sent(TEAM, 1)
        digest = await ask(fake_telegram, "/digest", chat_id=ADMIN, user_id=ADMIN)
    expected = expected_messages([inbox / "a_water.txt", inbox / "b_rail.txt"], settings)
    assert [s.text for s in sent] == htmls(expected)
    # the channel's own /summary counts as delivered: the next digest does not repeat it
    assert digest == ["Digest run:\nteam: nothing new\nops: 2 report(s) posted"]
    assert fake_telegram.texts(TEAM) == htmls(expected)
