"""Deny by default: allowlisted chats, target chats, and allowlisted users in private."""

from __future__ import annotations

from bot.chat.access import chat_allowed, command_name, is_admin, target_keys
from bot.settings import AccessSettings, Schedule, Target

ACCESS = AccessSettings(allowed_chats=frozenset({-100}), allowed_users=frozenset({7}),
                        admins=frozenset({1}))
TARGETS = target_keys([
    Target(chat_id=-200, name="team", schedules=(Schedule(cron="0 8 * * *"),)),
    Target(chat_id="@News_Channel", name="news", schedules=(Schedule(cron="0 8 * * *"),)),
])


def allowed(chat_id: int, chat_type: str, user_id: int | None, username: str | None = None,
            access: AccessSettings = ACCESS) -> bool:
    return chat_allowed(access, TARGETS, chat_id=chat_id, chat_username=username,
                        chat_type=chat_type, user_id=user_id)


def test_allowlisted_and_target_chats_are_open_to_anyone_in_them() -> None:
    assert allowed(-100, "supergroup", 555)
    assert allowed(-200, "supergroup", 555)
    assert allowed(-300, "channel", None, username="news_channel")


def test_private_chat_needs_an_allowed_user_or_admin() -> None:
    assert allowed(7, "private", 7)
    assert allowed(1, "private", 1)
    assert not allowed(555, "private", 555)


def test_allowed_user_does_not_open_a_foreign_group() -> None:
    assert not allowed(-999, "supergroup", 7)
    assert not allowed(-999, "group", 1)


def test_empty_allowlists_leave_only_admins_and_targets() -> None:
    empty = AccessSettings()
    assert not allowed(555, "private", 555, access=empty)
    assert allowed(-200, "supergroup", 555, access=empty)
    assert allowed(1, "private", 1, access=AccessSettings(admins=frozenset({1})))


def test_admins() -> None:
    assert is_admin(ACCESS, 1)
    assert not is_admin(ACCESS, 7)
    assert not is_admin(ACCESS, None)


def test_commands_addressed_to_this_bot_only() -> None:
    assert command_name("/summary 3", "BriefBot") == "summary"
    assert command_name("/Summary@briefbot x", "BriefBot") == "summary"
    assert command_name("/summary@otherbot", "BriefBot") is None
    assert command_name("hello /summary", "BriefBot") is None
    assert command_name("/", "BriefBot") is None
