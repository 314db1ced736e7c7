"""Update shapes the Bot API documents and the other suites do not send: a group upgraded to a
supergroup, an anonymous group admin, a forum topic, fields of future API versions, presses
without a usable message, update kinds the bot never asked for. Real HTTP, the real Application.
"""

from __future__ import annotations

import asyncio
import logging

from bot.analysis.loaders import load_report
from bot.chat.texts import text
from bot.settings import Settings
from bot.store.db import Store
from tests.chat.conftest import TEAM, expected_messages
from tests.fakes.bot_settings import STRANGER, USER
from tests.fakes.telegram_server import BOT_ID, FakeTelegram

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


def person(user_id: int) -> dict:
    return {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"}


async def test_documented_shapes_the_other_suites_never_send_are_handled_or_ignored(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, inbox, caplog) -> None:
    fake = fake_telegram
    water = load_report(inbox / "a_water.txt")
    team_chat = {"id": TEAM, "type": "supergroup", "title": "Team"}
    bot_user = {"id": BOT_ID, "is_bot": True, "first_name": "Brief"}
    # an anonymous group admin: no `from`, the group itself as sender_chat
    anonymous = [fake.message(body, chat_id=TEAM, user_id=None) for body in ("/summary 1",
                                                                             "/digest")]
    for message in anonymous:
        message["sender_chat"] = team_chat
    # a forum topic
    in_topic = fake.message("/help", chat_id=TEAM, user_id=USER)
    in_topic.update(is_topic_message=True, message_thread_id=77)
    # fields and update kinds of a future Bot API version
    future = fake.message("/help", chat_id=USER, user_id=USER)
    future.update(future_field={"deep": [1, 2]}, chat={**future["chat"], "future": True})
    # presses without a usable message: inline mode, a message too old to be shown, a game
    query = {"chat_instance": "ci", "from": person(USER)}
    old = {"message_id": 5, "date": 0, "chat": {"id": USER, "type": "private"}}
    presses = [{**query, "id": "inline", "inline_message_id": "i1", "data": f"f:{water.id}"},
               {**query, "id": "old", "message": old, "data": f"f:{water.id}"},
               {**query, "id": "game", "message": {**old, "date": 1, "text": "x"},
                "game_short_name": "g"}]
    # kinds the bot never asked for (allowed_updates): a peer server may send them anyway
    business = fake.message("/summary 1", chat_id=USER, user_id=USER)
    business["business_connection_id"] = "bc"
    unasked = [
        {"my_chat_member": {"chat": team_chat, "from": person(STRANGER), "date": 1,
                            "old_chat_member": {"status": "member", "user": bot_user},
                            "new_chat_member": {"status": "kicked", "user": bot_user,
                                                "until_date": 0}}},
        {"inline_query": {"id": "iq", "from": person(STRANGER), "query": "/summary",
                          "offset": ""}},
        {"message_reaction": {"chat": team_chat, "message_id": 3, "date": 1,
                              "old_reaction": [], "user": person(STRANGER),
                              "new_reaction": [{"type": "emoji", "emoji": "👍"}]}},
        {"business_message": business},
        {"edited_channel_post": fake.message("/summary 1", chat_id=TEAM, user_id=None,
                                             chat_type="channel")},
        {"future_kind": {"x": 1}},
    ]
    async with run_bot(settings):
        for update in unasked:
            fake.push_update(update)
        for message in (*anonymous, in_topic):  # /summary 1 also stores the inbox's reports
            fake.push_update({"message": message})
        await fake.wait_sent(TEAM, 3)
        for press in presses:
            fake.push_update({"callback_query": press})
        await fake.wait_for(lambda: len(fake.answers) == 3)
        fake.push_update({"message": future, "another_future": 3})
        await fake.wait_sent(USER, 2)
        await asyncio.sleep(0.5)  # room for anything unexpected
    answers = {a["callback_query_id"]: a.get("text") for a in fake.answers}
    assert answers == {"inline": en("button_refused"), "old": None, "game": en("button_refused")}
    full_text = ("<b>Water ministers pledge 2.4 billion for canals</b> (full text)\n\n"
                 + water.text)
    assert sorted(fake.texts(USER)) == sorted([full_text, en("help")])
    team = {s.text: s for s in fake.sent_to(TEAM)}
    assert set(team) == {
        expected_messages([inbox / "b_rail.txt"], settings)[0].html,  # the newest report
        en("admins_only", command="digest"),  # an anonymous admin cannot be told from members
        en("help")}
    topic_reply = team[en("help")].params
    assert int(topic_reply["message_thread_id"]) == 77
    assert topic_reply["reply_parameters"]["message_id"] == in_topic["message_id"]
    assert fake.calls_of("answerInlineQuery") == []
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


async def test_commands_without_telegrams_bot_command_entity_still_work(
        run_bot, settings: Settings, fake_telegram: FakeTelegram) -> None:
    fake = fake_telegram
    bodies = ["/help", "/summary 99", "/frobnicate now", "/summary@other_bot", "/ not one"]
    async with run_bot(settings):
        for i, body in enumerate(bodies):
            message = fake.message(body, chat_id=USER, user_id=USER)
            del message["entities"]  # a Bot API server that does not mark commands
            fake.push_update({"message": message})
            await fake.wait_sent(USER, min(i + 1, 3))  # the last two get no answer
        await asyncio.sleep(0.5)
    assert fake.texts(USER) == [en("help"), en("bad_count", max=20),
                                en("unknown", command="frobnicate")]
