"""Strangers: who gets report content, who changes state, where the token may appear, what
links and files are refused."""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import replace
from pathlib import Path

import pytest

from bot.chat.app import configure_logging
from bot.chat.texts import TEXTS, text
from bot.settings import Settings, SourceSettings, TelegramSettings
from bot.sources.fetch import MIB, FetchError, FetchPolicy, check_url, fetch, new_client
from bot.store.db import Store
from tests.fakes.bot_settings import ADMIN, STRANGER, USER
from tests.fakes.telegram_server import TOKEN, FakeTelegram
from tests.fakes.web_server import FakeWeb
from tests.resilience.conftest import CITIES, TARGETS, city_inbox, title_of
from tests.resilience.figures import FIGURES

TEAM, CHANNEL = TARGETS[0], TARGETS[2]
UNKNOWN_GROUP, UNKNOWN_CHANNEL = -999, -777


def en(key: str, **values: object) -> str:
    return text("en", key, **values)


def message(fake: FakeTelegram, body: str, *, chat_id: int, user_id: int | None,
            chat_type: str | None = None, **extra: object) -> dict:
    built = fake.message(body, chat_id=chat_id, user_id=user_id, chat_type=chat_type)
    built.update(extra)
    return built


@pytest.fixture
def web():
    fake = FakeWeb().start()
    try:
        yield fake
    finally:
        fake.stop()


async def test_access_matrix_only_the_allowed_get_content_only_admins_change_state(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, store: Store,
        inbox: Path) -> None:
    city_inbox(inbox, 2)
    content = title_of(CITIES[1])  # the newest report's title: "/summary 1" shows it
    origin = {"type": "user", "date": int(time.time()),
              "sender_user": {"id": ADMIN, "is_bot": False, "first_name": "Admin"}}
    fake = fake_telegram
    updates = [
        # a stranger in a private chat: refused, no content, no download of what he sends
        ("message", message(fake, "/summary 1", chat_id=STRANGER, user_id=STRANGER)),
        ("message", message(fake, None, chat_id=STRANGER, user_id=STRANGER,
                            document=fake.add_file(b"Water canals report.", "r.txt"))),
        # a stranger in an allowed (target) group sees what the group sees, but is no admin
        ("message", message(fake, "/summary 1", chat_id=TEAM, user_id=STRANGER)),
        ("message", message(fake, "/digest", chat_id=TEAM, user_id=STRANGER)),
        # an allowed user in a group nobody allowed
        ("message", message(fake, "/summary 1", chat_id=UNKNOWN_GROUP, user_id=USER)),
        ("message", message(fake, "just chatting", chat_id=UNKNOWN_GROUP, user_id=USER)),
        # channel posts (no sender): a target channel reads, an unknown one does not
        ("channel_post", message(fake, "/summary 1", chat_id=CHANNEL, user_id=None,
                                 chat_type="channel")),
        ("channel_post", message(fake, "/digest", chat_id=CHANNEL, user_id=None,
                                 chat_type="channel")),
        ("channel_post", message(fake, "/summary 1", chat_id=UNKNOWN_CHANNEL, user_id=None,
                                 chat_type="channel")),
        # an admin's /digest forwarded by a stranger: the forwarder acts, not the origin
        ("message", message(fake, "/digest", chat_id=TEAM, user_id=STRANGER,
                            forward_origin=origin)),
        ("message", message(fake, "/summary 1", chat_id=STRANGER, user_id=STRANGER,
                            forward_origin=origin)),
        # edited messages are not commands, not even an admin's
        ("edited_message", message(fake, "/digest", chat_id=ADMIN, user_id=ADMIN,
                                   edit_date=int(time.time()))),
        ("edited_message", message(fake, "/summary 1", chat_id=STRANGER, user_id=STRANGER,
                                   edit_date=int(time.time()))),
        # commands for another bot in a shared group are not ours
        ("message", message(fake, "/summary@other_bot", chat_id=TEAM, user_id=USER)),
        ("message", message(fake, "/digest@other_bot", chat_id=TEAM, user_id=ADMIN)),
    ]
    async with run_bot(settings):
        for kind, built in updates:
            fake.push_update({kind: built})
        await asyncio.sleep(1.0)
        fake.send("/help", chat_id=USER, user_id=USER)  # the allowed are still served
        await fake.wait_sent(USER, 1)
        await asyncio.sleep(0.5)
    refused, admins_only = en("refused"), en("admins_only", command="digest")
    # /summary, the file (not downloaded) and the forward are refused; the edit is ignored
    assert fake.texts(STRANGER) == [refused] * 3
    team = sorted(fake.texts(TEAM), key=lambda t: t == admins_only)
    assert len(team) == 3 and content in team[0] and team[1:] == [admins_only] * 2
    assert fake.texts(UNKNOWN_GROUP) == [refused]
    channel = sorted(fake.texts(CHANNEL), key=lambda t: t == admins_only)
    assert len(channel) == 2 and content in channel[0] and channel[1] == admins_only
    assert fake.texts(UNKNOWN_CHANNEL) == [refused]
    assert fake.texts(ADMIN) == []  # the edited /digest did nothing
    assert fake.texts(USER) == [en("help")]
    assert fake.texts(TARGETS[1]) == []
    assert not fake.calls_of("download")
    # state: no target got a digest, nothing was recorded as delivered anywhere
    assert all(store.last_digest(chat) is None for chat in TARGETS)
    assert all(store.delivery_counts(chat) == 0 for chat in (*TARGETS, STRANGER, USER))
    content_to = {str(s.chat_id) for s in fake.sent if content in s.text}
    assert content_to <= {str(TEAM), str(CHANNEL)}
    FIGURES["hostile inputs tried"] += len(updates)


async def test_admin_commands_in_the_matrix_do_change_state(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, store: Store,
        inbox: Path) -> None:
    """The counterpart: the same /digest from the admin posts to every target."""
    city_inbox(inbox, 2)
    async with run_bot(settings):
        fake_telegram.send("/digest", chat_id=ADMIN, user_id=ADMIN)
        await fake_telegram.wait_sent(ADMIN, 1)
    assert all(store.delivery_counts(chat) == 2 for chat in TARGETS)


async def test_the_token_never_appears_in_logs_or_messages_even_with_http_debug_logs(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, inbox: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    city_inbox(inbox, 2)
    root = logging.getLogger()
    levels = {name: logging.getLogger(name).level
              for name in ("", "httpx", "httpcore", "telegram", "apscheduler")}
    try:
        configure_logging(TOKEN, logging.DEBUG)
        for name in ("httpx", "httpcore", "telegram"):
            logging.getLogger(name).setLevel(logging.DEBUG)
        fake_telegram.fail("sendMessage", "server_error", times=2)
        fake_telegram.fail("sendMessage", "reset", times=1)
        fake_telegram.fail("sendMessage", "forbidden", times=1, chat_id=TARGETS[1])
        fake_telegram.fail("getFile", "bad_gateway", times=5)
        async with run_bot(settings):
            fake_telegram.send("/summary", chat_id=USER, user_id=USER)
            fake_telegram.send(chat_id=USER, user_id=USER,
                               document=fake_telegram.add_file(b"Water canals.", "a.txt"))
            fake_telegram.send("/digest", chat_id=ADMIN, user_id=ADMIN)
            await fake_telegram.wait_sent(ADMIN, 1)
            await fake_telegram.wait_sent(USER, 2)
    finally:
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)
        for handler in root.handlers:
            handler.filters.clear()
    logged = caplog.text + "".join(r.getMessage() for r in caplog.records)
    assert TOKEN not in logged
    assert TOKEN.split(":")[1] not in logged
    url_lines = [r.getMessage() for r in caplog.records if r.name.startswith("httpx")]
    assert any("/bot<BOT_TOKEN>/sendMessage" in line for line in url_lines)  # masked, logged
    assert any(r.levelno >= logging.ERROR for r in caplog.records)  # errors went through too
    assert all(TOKEN not in s.text for s in fake_telegram.sent)


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://localhost/", "http://127.1/", "http://2130706433/",
    "http://0x7f000001/", "http://0177.0.0.1/", "http://0.0.0.0/", "http://[::1]/",
    "http://[0:0:0:0:0:0:0:1]/", "http://[::ffff:127.0.0.1]/", "http://169.254.169.254/",
    "http://[fe80::1]/", "http://10.0.0.1/", "http://172.16.0.1/", "http://192.168.1.1/",
    "http://100.64.0.1/", "http://user:pass@127.0.0.1:8080/", "https://127.0.0.1:443/",
])
async def test_private_loopback_and_link_local_addresses_are_refused(url: str) -> None:
    with pytest.raises(FetchError, match="private or local address"):
        await check_url(url, allow_private=False)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x",
                                 "gopher://127.0.0.1:70/", "javascript:alert(1)",
                                 "data:text/html,hi", "tg://user?id=1"])
async def test_non_http_schemes_are_refused_even_when_private_addresses_are_allowed(
        url: str) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        await check_url(url, allow_private=True)


async def test_links_refused_by_default_and_limits_hold_when_loopback_is_allowed(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, web: FakeWeb) -> None:
    page = web.set("/page", "<html><body><article><h1>Canals</h1><p>The water ministry "
                            "approved 2.4 million dollars for canals.</p></article></body></html>")
    to_file = web.set("/to-file", location="file:///etc/passwd", status=302)
    big = web.set("/big", b"<p>" + b"water " * (2 * MIB // 6) + b"</p>")
    endless = web.set("/endless", endless=True)
    default = replace(settings, sources=SourceSettings())
    async with run_bot(default):
        fake_telegram.send(f"/summary {page}", chat_id=USER, user_id=USER)
        refused = (await fake_telegram.wait_sent(USER, 1))[0].text
    assert "private or local address" in refused and not web.hits("/page")
    # the tests allow loopback explicitly; schemes and sizes are still checked
    local = replace(settings, sources=SourceSettings(allow_private_addresses=True,
                                                     fetch_timeout_seconds=3.0, max_fetch_mb=1.0))
    replies = []
    async with run_bot(local):
        for url in (to_file, big, endless):
            count = len(fake_telegram.sent_to(USER))
            fake_telegram.send(f"/summary {url}", chat_id=USER, user_id=USER)
            replies.append((await fake_telegram.wait_sent(USER, count + 1, timeout=20))[count].text)
    assert "only http and https links are fetched, not file:" in replies[0]
    assert "larger than the 1 MB limit" in replies[1]
    assert "larger than the 1 MB limit" in replies[2] or "no complete answer" in replies[2]
    FIGURES["hostile inputs tried"] += 4


async def test_fetch_size_limit_holds_without_a_declared_length(web: FakeWeb) -> None:
    web.set("/endless", endless=True)
    policy = FetchPolicy(timeout=5.0, max_bytes=1 * MIB, allow_private=True)
    async with new_client(policy) as client:
        with pytest.raises(FetchError, match="larger than the 1 MB limit"):
            await fetch(client, web.url("/endless"), policy)


@pytest.mark.parametrize(("declared", "reported", "actual"), [
    (3 * MIB, None, 10),        # the message says too big: nothing is fetched
    (10, 3 * MIB, 10),          # getFile says too big: not downloaded
    (-1, -1, 3 * MIB),          # no size anywhere: counted after the download
])
async def test_upload_size_limits_hold(run_bot, settings: Settings, fake_telegram: FakeTelegram,
                                       declared: int, reported: int | None, actual: int) -> None:
    settings = replace(settings, telegram=TelegramSettings(
        api_base_url=fake_telegram.base_url, max_download_mb=1.0))
    document = fake_telegram.add_file(b"w" * actual, "r.txt", file_size=declared,
                                      reported_size=reported)
    async with run_bot(settings):
        fake_telegram.send(chat_id=USER, user_id=USER, document=document)
        reply = (await fake_telegram.wait_sent(USER, 1))[0].text
    size = max(declared, reported or 0, actual)
    assert reply == en("too_big", size=f"{size / MIB:.1f}", limit="1")
    assert len(fake_telegram.calls_of("download")) == (1 if declared == -1 else 0)
    FIGURES["hostile inputs tried"] += 1


class _BrokenText(str):
    """A bot text whose formatting fails: stands for any error while refusing."""

    def format(self, *args: object, **kwargs: object) -> str:
        raise RuntimeError("the refusal broke")


async def test_a_refusal_that_fails_still_stops_the_update(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, store: Store, inbox: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail closed: an error while refusing must not let the command handlers run."""
    city_inbox(inbox, 2)
    monkeypatch.setitem(TEXTS["en"], "refused", _BrokenText("refused"))
    fake = fake_telegram
    async with run_bot(settings):
        fake.send("/summary", chat_id=STRANGER, user_id=STRANGER)
        fake.send("/reports", chat_id=UNKNOWN_GROUP, user_id=USER)
        fake.send(chat_id=STRANGER, user_id=STRANGER,
                  document=fake.add_file(b"Water canals report.", "r.txt"))
        await asyncio.sleep(1.0)
        fake.send("/help", chat_id=USER, user_id=USER)  # the allowed are still served
        await fake.wait_sent(USER, 1)
        await asyncio.sleep(0.3)
    assert fake.texts(STRANGER) == [] and fake.texts(UNKNOWN_GROUP) == []
    assert {str(s.chat_id) for s in fake.sent} == {str(USER)}
    assert store.delivery_counts(STRANGER) == 0 and not fake.calls_of("getFile")
    FIGURES["hostile inputs tried"] += 3


ARTICLE = ("<html><head><title>Canal budget approved</title></head><body><article>"
           "<h1>Canal budget approved</h1><p>The water ministry approved 2.4 million dollars "
           "for canals in the valley on Monday. Farmers said the money was overdue. Work on "
           "the first 12 kilometres starts in May.</p></article></body></html>")


async def test_a_strangers_link_is_answered_in_that_chat_only_and_never_stored(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, store: Store,
        web: FakeWeb) -> None:
    """Anyone in a target group may ask about a page; only members add it to the digests."""
    page = web.set("/page", ARTICLE)
    local = replace(settings, sources=SourceSettings(allow_private_addresses=True,
                                                     fetch_timeout_seconds=3.0))
    fake = fake_telegram
    upload = fake.add_file(ARTICLE.encode(), "canal.html")
    async with run_bot(local):
        fake.send(f"/summary {page}", chat_id=TEAM, user_id=STRANGER)
        fake.send(f"have a look: {page}", chat_id=TEAM, user_id=STRANGER)
        fake.send(chat_id=TEAM, user_id=STRANGER, document=upload, caption="/summary")
        await fake.wait_sent(TEAM, 3)
        fake.send("/digest", chat_id=ADMIN, user_id=ADMIN)
        digest = (await fake.wait_sent(ADMIN, 1))[0].text
    assert len(fake.texts(TEAM)) == 3
    assert all("Canal budget approved" in t for t in fake.texts(TEAM))
    assert store.count_reports() == 0
    assert digest == "Digest run:\nt0: nothing new\nt1: nothing new\nt2: nothing new"
    assert fake.texts(TARGETS[1]) == [] and fake.texts(CHANNEL) == []
    FIGURES["hostile inputs tried"] += 3


async def test_status_and_sources_show_chat_ids_and_paths_to_admins_only(
        run_bot, settings: Settings, fake_telegram: FakeTelegram) -> None:
    fake = fake_telegram
    async with run_bot(settings):
        fake.send("/status", chat_id=TEAM, user_id=STRANGER)
        member = (await fake.wait_sent(TEAM, 1))[0].text
        fake.send("/status", chat_id=ADMIN, user_id=ADMIN)
        admin = (await fake.wait_sent(ADMIN, 1))[0].text
        fake.send("/sources", chat_id=TEAM, user_id=STRANGER)
        sources = (await fake.wait_sent(TEAM, 2))[1].text
    for i, chat in enumerate(TARGETS):
        assert f"<b>t{i}</b>: next " in member and f"({chat})" not in member
        assert f"<b>t{i}</b> ({chat}): next " in admin
    assert str(settings.inbox) not in sources and "<b>Inbox</b>" in sources
    FIGURES["hostile inputs tried"] += 2


async def test_commands_for_another_bot_are_ignored_in_text_and_caption(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, inbox: Path) -> None:
    city_inbox(inbox, 2)
    fake = fake_telegram
    document = fake.add_file(b"Water canals report. The ministry approved 2 million.", "r.txt")
    async with run_bot(settings):
        fake.send(chat_id=TEAM, user_id=USER, document=document, caption="/summary@other_bot")
        fake.send(chat_id=TEAM, user_id=USER, document=document,
                  caption="/summary@Other_Bot please")
        fake.send("/summary@other_bot", chat_id=TEAM, user_id=USER)
        fake.send("/nosuch@other_bot", chat_id=TEAM, user_id=USER)
        await asyncio.sleep(1.0)
        fake.send("/help", chat_id=USER, user_id=USER)
        await fake.wait_sent(USER, 1)
        await asyncio.sleep(0.3)
    assert fake.texts(TEAM) == []
    assert not fake.calls_of("getFile") and not fake.calls_of("download")
    FIGURES["hostile inputs tried"] += 4


async def test_an_over_long_command_gets_a_short_answer(
        run_bot, settings: Settings, fake_telegram: FakeTelegram) -> None:
    fake = fake_telegram
    async with run_bot(settings):
        fake.send("/" + "a" * 4090, chat_id=USER, user_id=USER)
        first = (await fake.wait_sent(USER, 1))[0].text
        fake.send("/summary " + "canal " * 680, chat_id=USER, user_id=USER)
        second = (await fake.wait_sent(USER, 2))[1].text
    assert first == en("command_too_long", limit=32)
    # a long query is answered, its echo bounded
    assert second.startswith("No report matches \u201ccanal canal") and len(second) < 300
    FIGURES["hostile inputs tried"] += 2


async def test_a_flood_from_one_user_is_answered_try_again_in_n_seconds(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, inbox: Path) -> None:
    """Six costly requests a minute by default; the seventh is told when to come back,
    while another user is served as usual."""
    city_inbox(inbox, 2)
    fake = fake_telegram
    async with run_bot(settings):
        for _ in range(7):
            fake.send("/summary 1", chat_id=USER, user_id=USER)
        replies = [s.text for s in await fake.wait_sent(USER, 7)]
        fake.send("/summary 1", chat_id=ADMIN, user_id=ADMIN)
        admin = (await fake.wait_sent(ADMIN, 1))[0].text
        await asyncio.sleep(0.3)
    limited = [t for t in replies if t.startswith("Too many requests")]
    assert len(limited) == 1 and len(fake.texts(USER)) == 7
    seconds = int(limited[0].removeprefix("Too many requests; try again in ").split()[0])
    assert 55 <= seconds <= 60
    assert limited[0] == en("rate_limited", seconds=seconds)
    assert title_of(CITIES[1]) in admin
    FIGURES["hostile inputs tried"] += 7


async def test_a_flooding_member_is_told_once_and_cannot_crowd_out_the_groups_messages(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, inbox: Path) -> None:
    """Every answer counts against the 20 messages a minute Telegram lets a bot send to a
    group (PTB's AIORateLimiter holds the rest back, digests too): 10 /summary and 40 /help
    from one member get 6 summaries, one "try again" and 20 helps (30 commands a minute),
    not 50 answers. Asked in private, where no group limit delays the count."""
    city_inbox(inbox, 2)
    fake = fake_telegram
    async with run_bot(settings):
        for body in ["/summary 1"] * 10 + ["/help"] * 40:
            fake.send(body, chat_id=USER, user_id=USER)
        await fake.wait_sent(USER, 27)
        fake.send("/help", chat_id=ADMIN, user_id=ADMIN)  # others are served
        await fake.wait_sent(ADMIN, 1)
        await asyncio.sleep(0.5)  # room for answers that must not come
    texts = fake.texts(USER)
    limited = [t for t in texts if t.startswith("Too many requests")]
    assert len(limited) == 1 and 55 <= int(limited[0].split()[-2]) <= 60
    assert texts.count(en("help")) == 20
    assert sum(title_of(CITIES[1]) in t for t in texts) == 6
    assert len(texts) == 27
    assert fake.texts(ADMIN) == [en("help")]
    FIGURES["hostile inputs tried"] += 51


async def test_a_strangers_flood_gets_six_refusals_a_minute_not_one_each(
        run_bot, settings: Settings, fake_telegram: FakeTelegram) -> None:
    """A stranger is no member, yet answers to them spend the bot's 30 messages a second."""
    fake = fake_telegram
    async with run_bot(settings):
        for _ in range(20):
            fake.send("hello", chat_id=STRANGER, user_id=STRANGER)
        await fake.wait_sent(STRANGER, 6)
        assert await ask_help(fake, USER) == [en("help")]  # members are served meanwhile
        await asyncio.sleep(0.5)  # room for refusals that must not come
    assert fake.texts(STRANGER) == [en("refused")] * 6
    FIGURES["hostile inputs tried"] += 20


async def ask_help(fake: FakeTelegram, user: int) -> list[str]:
    fake.send("/help", chat_id=user, user_id=user)
    return [s.text for s in await fake.wait_sent(user, 1)]
