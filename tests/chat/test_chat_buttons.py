"""Buttons under digest items, end to end: "More n" and "Full text n", refused to strangers."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

from bot.analysis.loaders import load_report
from bot.chat.texts import text
from bot.settings import Settings
from tests.chat.conftest import TEAM, write_reports
from tests.chat.test_chat_digests import trigger
from tests.fakes.bot_settings import STRANGER, USER
from tests.fakes.telegram_server import FakeTelegram, Sent

WATER = (
    "Water ministers from five states pledged a combined $2.4 billion on Monday for canals and "
    "reservoirs.")


async def digest(fake: FakeTelegram) -> Sent:
    fake.send("/summary", chat_id=USER, user_id=USER)
    return (await fake.wait_sent(USER, 1))[0]


async def press(fake: FakeTelegram, sent: Sent, data: str, *, user_id: int = USER,
                replies: int = 0) -> tuple[dict, list[Sent]]:
    """Press a button; the answer to the callback query and the messages the press produced."""
    answers, before = len(fake.answers), len(fake.sent_to(sent.chat_id))
    query = fake.press(sent, data, user_id=user_id)
    await fake.wait_for(lambda: len(fake.answers) > answers
                        and len(fake.sent_to(sent.chat_id)) >= before + replies)
    answer = fake.answers[-1]
    assert answer["callback_query_id"] == query["id"]
    return answer, fake.sent_to(sent.chat_id)[before:]


async def test_digest_items_are_numbered_with_one_row_of_buttons_each(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, inbox: Path) -> None:
    water, rail = (load_report(inbox / name) for name in ("a_water.txt", "b_rail.txt"))
    async with run_bot(settings):
        sent = await digest(fake_telegram)
    assert sent.params["reply_markup"] == {"inline_keyboard": [
        [{"text": "More 1", "callback_data": f"m:{water.id}:3"},
         {"text": "Full text 1", "callback_data": f"f:{water.id}"}],
        [{"text": "More 2", "callback_data": f"m:{rail.id}:3"},
         {"text": "Full text 2", "callback_data": f"f:{rail.id}"}]]}
    assert "<b>1. Water ministers pledge 2.4 billion for canals</b>" in sent.text
    assert "<b>2. Rail green corridor opens at the northern border</b>" in sent.text


async def test_more_and_full_text_for_an_allowed_user(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, inbox: Path) -> None:
    water = load_report(inbox / "a_water.txt")
    async with run_bot(settings):
        sent = await digest(fake_telegram)
        answer, more = await press(fake_telegram, sent, f"m:{water.id}:3", replies=1)
        assert "text" not in answer  # an allowed press just stops the spinner
        _, one_at_a_time = await press(fake_telegram, sent, f"m:{water.id}:1", replies=1)
        _, none_left = await press(fake_telegram, sent, f"m:{water.id}:5", replies=1)
        _, full = await press(fake_telegram, sent, f"f:{water.id}", replies=1)
    assert [m.text for m in more] == [
        "<b>Water ministers pledge 2.4 billion for canals</b> (more)\n"
        "• More than 600 delegates attended the two-day conference in Almaty.\n"
        "• The next meeting will take place in Dushanbe in the autumn."]
    assert more[0].params["reply_parameters"]["message_id"] == sent.message_id
    assert "reply_markup" not in more[0].params  # nothing left after these two
    assert one_at_a_time[0].text == (
        "<b>Water ministers pledge 2.4 billion for canals</b> (more)\n"
        "• The region loses between 30 and 40 percent of its irrigation water.\n"
        "• \u201cEvery drop we lose is a drop our farmers will not see,\u201d said Minister "
        "Aigerim Tulegenova.\n"
        "• More than 600 delegates attended the two-day conference in Almaty.")
    assert one_at_a_time[0].params["reply_markup"] == {"inline_keyboard": [
        [{"text": "More", "callback_data": f"m:{water.id}:4"}]]}
    assert none_left[0].text == text("en", "more_none")
    assert full[0].text == ("<b>Water ministers pledge 2.4 billion for canals</b> (full text)"
                            "\n\n" + water.text)
    assert WATER in full[0].text


async def test_a_long_report_arrives_as_a_document(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, inbox: Path) -> None:
    body = " ".join(f"Section {i} of the canal audit lists {i * 7} broken sluices in the "
                    f"valley and the repairs they need before spring." for i in range(80))
    write_reports(inbox, {"c_audit.txt": "Canal audit finds broken sluices\n\n" + body})
    audit = load_report(inbox / "c_audit.txt")
    assert len(audit.text) > 4096
    async with run_bot(settings):
        sent = await digest(fake_telegram)
        await press(fake_telegram, sent, f"f:{audit.id}")
        await fake_telegram.wait_for(lambda: len(fake_telegram.documents) == 1)
    document = fake_telegram.documents[0]
    assert document.chat_id == USER
    assert document.text == "Canal audit finds broken sluices (full text)"
    assert document.params["document"] == {"filename": f"report-{audit.id}.txt",
                                           "content": audit.text.encode("utf-8")}
    texts = [s for s in fake_telegram.sent_to(USER) if "document" not in s.params]
    assert len(texts) == 1  # the digest only: no text message as well


async def test_strangers_foreign_data_and_stale_buttons_get_a_short_answer_only(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, inbox: Path,
        store) -> None:
    water = load_report(inbox / "a_water.txt")
    async with run_bot(settings):
        sent = await digest(fake_telegram)
        # the same digest forwarded to a stranger's private chat, buttons and all
        theirs = Sent(STRANGER, sent.text, sent.parse_mode, sent.params, sent.message_id)
        refused, nothing = await press(fake_telegram, theirs, f"f:{water.id}", user_id=STRANGER)
        forged, nothing_either = await press(fake_telegram, sent, "f:../../etc/passwd")
        old_format, _ = await press(fake_telegram, sent, f"more:{water.id}")
        with store.engine.begin() as conn:  # the report is gone (an operator pruned it)
            conn.exec_driver_sql("DELETE FROM reports WHERE id = ?", (water.id,))
        stale, none_sent = await press(fake_telegram, sent, f"m:{water.id}:3")
    assert refused["text"] == "This button is not for you."
    assert forged["text"] == old_format["text"] == "This button is not for you."
    assert stale["text"] == "This report is no longer available."
    assert nothing == nothing_either == none_sent == []
    assert fake_telegram.sent_to(STRANGER) == []
    assert len(fake_telegram.sent_to(USER)) == 1  # only the digest, ever


async def test_in_a_channel_only_members_may_press(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, inbox: Path) -> None:
    water = load_report(inbox / "a_water.txt")
    async with run_bot(settings) as app:
        await trigger(app, "team")
        sent = (await fake_telegram.wait_sent(TEAM, 1))[0]
        channel = dict(chat_type="channel")
        answers = len(fake_telegram.answers)
        fake_telegram.press(sent, f"m:{water.id}:3", user_id=STRANGER, **channel)
        await fake_telegram.wait_for(lambda: len(fake_telegram.answers) > answers)
        assert fake_telegram.answers[-1]["text"] == "This button is not for you."
        fake_telegram.press(sent, f"m:{water.id}:3", user_id=USER, **channel)
        more = await fake_telegram.wait_sent(TEAM, 2)
    assert more[1].text.startswith("<b>Water ministers pledge 2.4 billion for canals</b> (more)")
    assert len(fake_telegram.sent_to(TEAM)) == 2


async def test_presses_count_against_the_rate_limit(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, inbox: Path) -> None:
    water = load_report(inbox / "a_water.txt")
    limits = replace(settings.limits, user_requests_per_minute=2)
    async with run_bot(settings, limits=limits):
        sent = await digest(fake_telegram)  # /summary counts too: one left
        await press(fake_telegram, sent, f"f:{water.id}", replies=1)
        answer, _ = await press(fake_telegram, sent, f"f:{water.id}")
    assert answer["text"].startswith("Too many requests; try again in ")
    assert len(fake_telegram.sent_to(USER)) == 2


async def test_a_press_telegram_finds_too_old_to_answer_is_still_served(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, inbox: Path) -> None:
    water = load_report(inbox / "a_water.txt")
    fake_telegram.fail("answerCallbackQuery", "query_too_old")
    async with run_bot(settings):
        sent = await digest(fake_telegram)
        fake_telegram.press(sent, f"f:{water.id}")
        served = await fake_telegram.wait_sent(USER, 2)
        await asyncio.sleep(0.3)  # room for an apology that must not come
    assert [c.outcome for c in fake_telegram.calls_of("answerCallbackQuery")] == [
        "query_too_old"]
    assert [s.text for s in served] == [sent.text, (
        "<b>Water ministers pledge 2.4 billion for canals</b> (full text)\n\n" + water.text)]
    assert len(fake_telegram.sent_to(USER)) == 2
