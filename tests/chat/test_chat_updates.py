"""Update shapes the Bot API documents and the other suites do not send: a group upgraded to a
supergroup, an anonymous group admin, a forum topic, fields of future API versions, presses
without a usable message, update kinds the bot never asked for. Real HTTP, the real Application.
"""

from __future__ import annotations

from bot.analysis.loaders import load_report
from bot.chat.texts import text
from bot.settings import Settings
from bot.store.db import Store
from tests.chat.conftest import TEAM, expected_messages
from tests.fakes.bot_settings import STRANGER, USER
from tests.fakes.telegram_server import FakeTelegram

SUPERGROUP = -1001777  # TEAM's id after the upgrade
ELSEWHERE = -300       # a group nobody allowed


def en(key: str, **values: object) -> str:
    return text("en", key, **values)


def service(fake: FakeTelegram, chat_id: int, **fields: int) -> dict:
    """A Telegram service message (no text) in a group, e.g. migrate_to_chat_id."""
    message = fake.message(None, chat_id=chat_id, user_id=USER)
    message.update(fields)
    return message


async def test_an_upgraded_target_group_keeps_its_commands_and_its_delivery_record(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, store: Store, inbox,
        caplog) -> None:
    fake = fake_telegram
    water = load_report(inbox / "a_water.txt")
    digest = [m.html for m in expected_messages(sorted(inbox.iterdir()), settings)]
    fake.fail("sendMessage", "migrated", chat_id=TEAM, seconds=SUPERGROUP, times=99)
    async with run_bot(settings):
        fake.send("/summary", chat_id=SUPERGROUP, user_id=USER)  # before Telegram said so
        await fake.wait_sent(SUPERGROUP, 1)
        fake.push_update({"message": service(fake, TEAM, migrate_to_chat_id=SUPERGROUP)})
        fake.push_update({"message": service(fake, SUPERGROUP, migrate_from_chat_id=TEAM)})
        # a service message naming a chat that was never allowed opens nothing
        fake.push_update({"message": service(fake, ELSEWHERE, migrate_from_chat_id=-999)})
        asked = fake.send("/summary", chat_id=SUPERGROUP, user_id=STRANGER)
        await fake.wait_sent(SUPERGROUP, 1 + len(digest))
        fake.send("/summary", chat_id=SUPERGROUP, user_id=USER)
        await fake.wait_sent(SUPERGROUP, 2 + len(digest))
        fake.send("/summary", chat_id=ELSEWHERE, user_id=USER)
        await fake.wait_sent(ELSEWHERE, 1)
        # the digest's buttons work in the supergroup too
        fake.press(fake.sent_to(SUPERGROUP)[1], f"f:{water.id}", user_id=STRANGER)
        await fake.wait_sent(SUPERGROUP, 3 + len(digest))
    assert fake.texts(SUPERGROUP)[:-1] == [en("refused"), *digest, en("nothing_new")]
    first = fake.sent_to(SUPERGROUP)[1]
    assert first.params["reply_parameters"]["message_id"] == asked["message_id"]
    assert fake.answers[-1] == {"callback_query_id": fake.answers[-1]["callback_query_id"]}
    assert fake.texts(SUPERGROUP)[-1] == (
        "<b>Water ministers pledge 2.4 billion for canals</b> (full text)\n\n" + water.text)
    assert fake.texts(ELSEWHERE) == [en("refused")]
    assert fake.texts(TEAM) == []
    assert store.undelivered(TEAM) == []  # one record: the target's, under its configured id
    assert (f"chat {TEAM} was upgraded to the supergroup {SUPERGROUP}; it stays allowed until "
            f"the bot restarts: set chat_id = {SUPERGROUP} in its settings") in caplog.text
