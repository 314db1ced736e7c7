"""Who may see report content and who may change state; pure functions over the settings.

Rules (deny by default): a chat may use the bot when it is in access.allowed_chats or is a
digest target; a private chat may also use it when the user is in access.allowed_users or
access.admins. Empty allowlists therefore mean: only admins (in private) and target chats.
Admin-only commands additionally need the user in access.admins.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.settings import AccessSettings, Target


def target_keys(targets: Iterable[Target]) -> frozenset[str]:
    """Targets as comparable keys: numeric ids as text, '@names' lower-cased."""
    return frozenset(str(t.chat_id).lower() for t in targets)


def chat_allowed(access: AccessSettings, targets: frozenset[str], *, chat_id: int,
                 chat_username: str | None, chat_type: str, user_id: int | None) -> bool:
    if chat_id in access.allowed_chats or str(chat_id) in targets:
        return True
    if chat_username and f"@{chat_username}".lower() in targets:
        return True
    if chat_type == "private" and user_id is not None:
        return user_id in access.allowed_users or user_id in access.admins
    return False


def is_admin(access: AccessSettings, user_id: int | None) -> bool:
    return user_id is not None and user_id in access.admins


def command_name(text: str, bot_username: str) -> str | None:
    """The command in a message addressed to this bot, or None (e.g. /cmd@otherbot, no command).

    Telegram sends plain /cmd to every bot in a group, so /cmd and /cmd@thisbot are ours.
    """
    if not text.startswith("/"):
        return None
    word = text.split(maxsplit=1)[0][1:]
    name, _, addressee = word.partition("@")
    if addressee and addressee.lower() != bot_username.lower():
        return None
    return name.lower() or None


def is_member(access: AccessSettings, user_id: int | None) -> bool:
    """A named user (allowed_users or admins): only their links and files may reach targets."""
    return user_id is not None and (user_id in access.allowed_users or user_id in access.admins)


def addressed_elsewhere(text: str, bot_username: str) -> bool:
    """True for /cmd@otherbot: a command meant for another bot in the same group."""
    if not text.startswith("/"):
        return False
    _, _, addressee = text.split(maxsplit=1)[0].partition("@")
    return bool(addressee) and addressee.lower() != bot_username.lower()
