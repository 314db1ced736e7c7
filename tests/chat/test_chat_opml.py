"""OPML in chat end to end: an admin's .opml file imported, /export sent back, imported again
with no change; hostile files and non-admins refused."""

from __future__ import annotations

from bot.chat.texts import text
from bot.settings import Settings
from bot.sources.opml import parse_opml
from bot.store.db import Store
from tests.chat.test_chat_commands import ask
from tests.fakes.bot_settings import ADMIN, STRANGER, USER
from tests.fakes.telegram_server import FakeTelegram

# Feeds on the discard port: polled at once after the import, refused as private addresses.
GRID, OIL = "http://127.0.0.1:9/grid.xml", "http://127.0.0.1:9/oil.xml"
READER = f"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>My reader</title></head><body>
  <outline text="Energy">
    <outline text="Grid news" type="rss" xmlUrl="{GRID}"/>
    <outline text="Folder"><outline title="Oil &amp; Gas" xmlUrl="{OIL}"/></outline>
  </outline>
  <outline text="Not a feed" xmlUrl="ftp://files.example/feed"/>
</body></opml>
""".encode()
BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<opml version="2.0"><body><outline text="&b;" xmlUrl="http://127.0.0.1:9/b.xml"/></body></opml>
"""
ADMIN_CHAT = {"chat_id": ADMIN, "user_id": ADMIN}


def en(key: str, **values: object) -> str:
    return text("en", key, **values)


async def test_import_export_and_import_again_changes_nothing(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, store: Store) -> None:
    reader = fake_telegram.add_file(READER, "reader.opml")
    async with run_bot(settings) as app:
        assert await ask(fake_telegram, None, document=reader, **ADMIN_CHAT) == [
            en("opml_imported", name="reader.opml", added=2, unchanged=0, refused=1)]
        polled = {j.name for j in app.job_queue.jobs() if j.name.startswith("feed:")}
        assert polled == {f"feed:{GRID}", f"feed:{OIL}"}
        assert await ask(fake_telegram, "/export", **ADMIN_CHAT) == [en("opml_exported", count=2)]
        exported = fake_telegram.documents[-1].params["document"]
        assert exported["filename"] == "briefbot-feeds.opml"
        again = fake_telegram.add_file(exported["content"], "briefbot-feeds.opml")
        assert await ask(fake_telegram, None, document=again, **ADMIN_CHAT) == [
            en("opml_imported", name="briefbot-feeds.opml", added=0, unchanged=2, refused=0)]
    assert [(f.title, f.url) for f in parse_opml(exported["content"])] == [
        ("Grid news", GRID), ("Oil & Gas", OIL)]
    assert [(f.url, f.name, f.removed) for f in store.saved_feeds()] == [
        (GRID, "Grid news", False), (OIL, "Oil & Gas", False)]


async def test_hostile_opml_is_refused_clearly(run_bot, settings: Settings,
                                              fake_telegram: FakeTelegram, store: Store) -> None:
    bomb = fake_telegram.add_file(BOMB, "bomb.opml")
    huge = fake_telegram.add_file(b"<opml/>", "huge.opml", file_size=10 * 1024 * 1024)
    unsaid = fake_telegram.add_file(b"<opml>" + b" " * (10 * 1024 * 1024) + b"</opml>",
                                    "unsaid.opml", file_size=-1, reported_size=-1)
    async with run_bot(settings):
        assert await ask(fake_telegram, None, document=bomb, **ADMIN_CHAT) == [en(
            "opml_refused", name="bomb.opml",
            reason="a document type or entity declaration is not allowed in OPML "
                   "(refused for safety)")]
        assert await ask(fake_telegram, None, document=huge, **ADMIN_CHAT) == [en(
            "opml_refused", name="huge.opml",
            reason="too large (OPML files over 1024 KB are refused)")]
        assert await ask(fake_telegram, None, document=unsaid, **ADMIN_CHAT) == [en(
            "opml_refused", name="unsaid.opml",
            reason="too large (OPML files over 1024 KB are refused)")]
    assert [c.params["file_id"] for c in fake_telegram.calls_of("getFile")] == [
        bomb["file_id"], unsaid["file_id"]]
    assert store.saved_feeds() == []


async def test_non_admins_and_strangers_are_refused(run_bot, settings: Settings,
                                                   fake_telegram: FakeTelegram,
                                                   store: Store) -> None:
    reader = fake_telegram.add_file(READER, "reader.opml")
    async with run_bot(settings):
        assert await ask(fake_telegram, None, document=reader) == [en("opml_admins_only")]
        assert await ask(fake_telegram, "/export") == [en("admins_only", command="export")]
        assert await ask(fake_telegram, None, document=reader, chat_id=STRANGER,
                         user_id=STRANGER) == [en("refused")]
        assert await ask(fake_telegram, "/export", chat_id=STRANGER, user_id=STRANGER) == [
            en("refused")]
    assert fake_telegram.calls_of("getFile") == []
    assert fake_telegram.calls_of("sendDocument") == []
    assert store.saved_feeds() == []
    assert len(fake_telegram.sent_to(USER)) == 2
