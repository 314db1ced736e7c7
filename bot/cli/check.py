"""`briefbot check [--online]`: is this deployment ready? Settings, database, inbox, schedules,
feeds, access and (online) whether the bot may post to each target.

Prints one line per finding ("ok", "warning" or "PROBLEM") and exits 0 only when there is no
problem. Warnings (an unreadable file in the inbox, no admins, quarantined reports) do not fail
the check. Reads
only: a missing SQLite file is not created, and nothing is sent to any chat.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urlsplit

import httpx
from sqlalchemy.engine import make_url

from bot.analysis.loaders import MIB, load_report
from bot.analysis.model import ReportError
from bot.logs import mask
from bot.settings import Settings, SettingsError, require_token, settings_path
from bot.settings.timing import describe_interval, next_runs, target_zone

from .database import NoDatabase, open_existing_store, sqlite_file
from .exits import EXIT_FAILED, EXIT_OK
from .inputs import SUPPORTED_HINT, report_files

INDENT = " " * 10
TIME_FORMAT = "%a %Y-%m-%d %H:%M %Z"


@dataclass
class Checklist:
    """Findings as they are printed; problems decide the exit code."""

    out: TextIO
    problems: list[str] = field(default_factory=list)

    def say(self, mark: str, text: str, details: Sequence[str] = ()) -> None:
        print(f"{mark:<10}{text}", file=self.out)
        for line in details:
            print(INDENT + line, file=self.out)

    def ok(self, text: str, details: Sequence[str] = ()) -> None:
        self.say("ok", text, details)

    def warn(self, text: str, details: Sequence[str] = ()) -> None:
        self.say("warning", text, details)

    def problem(self, text: str, details: Sequence[str] = ()) -> None:
        self.problems.append(text)
        self.say("PROBLEM", text, details)


def run_check(settings: Settings, *, config: Path | None = None, online: bool = False,
              now: datetime | None = None, out: TextIO | None = None) -> int:
    checklist = Checklist(out or sys.stdout)
    now = now or datetime.now(UTC)
    source = settings_path(config, os.environ)
    checklist.ok(f"settings: {source or 'no file, built-in defaults'}")
    _token(checklist, settings)
    _mode(checklist, settings)
    _database(checklist, settings)
    _inbox(checklist, settings)
    _targets(checklist, settings, now)
    _feeds(checklist, settings)
    _access(checklist, settings)
    if online:
        _online(checklist, settings)
    if checklist.problems:
        print(f"check failed: {len(checklist.problems)} problem(s)", file=checklist.out)
        return EXIT_FAILED
    print("check passed", file=checklist.out)
    return EXIT_OK


def _token(checklist: Checklist, settings: Settings) -> None:
    try:
        require_token(settings)
    except SettingsError as exc:
        checklist.problem(f"token: {exc}")
        return
    checklist.ok("token: BOT_TOKEN is set (not shown)")


def _mode(checklist: Checklist, settings: Settings) -> None:
    telegram = settings.telegram
    if telegram.mode == "webhook":
        checklist.ok(f"telegram: webhook mode: Telegram calls {telegram.webhook_url}, briefbot listens "
                     f"on {telegram.webhook_listen}:{telegram.webhook_port}/{telegram.webhook_path}")
    else:
        checklist.ok(f"telegram: polling mode, Bot API {telegram.api_base_url}")


def _database(checklist: Checklist, settings: Settings) -> None:
    shown = make_url(settings.database_url).render_as_string(hide_password=True)
    try:
        store = open_existing_store(settings.database_url)
    except NoDatabase as exc:
        file = sqlite_file(settings.database_url)
        if file is not None and not file.exists() and _creatable(file.parent):
            checklist.warn(f"database: {shown}: {exc}")
        else:
            checklist.problem(f"database: {shown}: {exc}")
        return
    try:
        count = store.count_reports()
        quarantined = store.quarantined(settings.delivery.quarantine_after)
    except Exception as exc:  # an old, foreign or broken database
        checklist.problem(f"database: {shown}: cannot be read ({type(exc).__name__}: {exc})")
        return
    finally:
        store.close()
    checklist.ok(f"database: {shown} ({count} reports stored)")
    if quarantined:  # set aside, never holding up the others: information, not a problem
        checklist.warn(f"database: {len(quarantined)} report(s) quarantined (never sent; "
                       "their analysis kept failing):",
                       [f"{q.title} ({q.source}): {q.attempts} attempts: {q.reason}"
                        for q in quarantined])


def _creatable(folder: Path) -> bool:
    """Whether the bot could create files in `folder` (or in the nearest folder that exists)."""
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return os.access(folder, os.W_OK | os.X_OK)


def _inbox(checklist: Checklist, settings: Settings) -> None:
    inbox = settings.inbox
    if not inbox.is_dir():
        checklist.problem(f"inbox: {inbox} is not a folder (set inbox.path or BRIEFBOT_INBOX)")
        return
    files, unsupported = report_files([inbox])
    unreadable = []
    for path in files:
        try:
            load_report(path, max_bytes=int(settings.max_file_mb * MIB))
        except ReportError as exc:
            unreadable.append(f"{path}: {exc.reason}")
        except Exception as exc:  # a parser bug on one file: report it, keep checking
            unreadable.append(f"{path}: unexpected {type(exc).__name__}: {exc}")
    readable = len(files) - len(unreadable)
    checklist.ok(f"inbox: {inbox}: {readable} readable report(s)")
    if unreadable:
        checklist.warn(f"inbox: {len(unreadable)} file(s) cannot be read", unreadable)
    if unsupported:
        checklist.warn(f"inbox: {len(unsupported)} file(s) of an unsupported type ({SUPPORTED_HINT})",
                       [str(p) for p in unsupported])


def _targets(checklist: Checklist, settings: Settings, now: datetime) -> None:
    if not settings.targets:
        checklist.warn("targets: none: no scheduled digests (add [[targets]] to post digests)")
    for target in settings.targets:
        where = f"{target.chat_id}" + (f", topic {target.topic_id}" if target.topic_id else "")
        times = [fire.strftime(TIME_FORMAT) for fire in next_runs(target, now, 3)]
        checklist.ok(f"target {target.name} ({where}): next digests in {target_zone(target).key}:",
                     times)


def _feeds(checklist: Checklist, settings: Settings) -> None:
    for feed in settings.feeds:
        parts = urlsplit(feed.url)  # the query may carry an API key: leave it out
        checklist.ok(f"feed {feed.name}: every {describe_interval(feed.interval)} "
                     f"({parts.scheme}://{parts.netloc}{parts.path})")


def _ids(ids: frozenset[int]) -> str:
    return ", ".join(str(i) for i in sorted(ids)) or "none"


def _access(checklist: Checklist, settings: Settings) -> None:
    access = settings.access
    targets = ", ".join(str(t.chat_id) for t in settings.targets) or "none"
    lines = [f"admins: {_ids(access.admins)}", f"allowed users: {_ids(access.allowed_users)}",
             f"allowed chats: {_ids(access.allowed_chats)}", f"target chats: {targets}"]
    if not (access.admins or access.allowed_users or access.allowed_chats or settings.targets):
        checklist.problem("access: nobody may use the bot and it posts nowhere "
                          "(set access.admins and add [[targets]])", lines)
        return
    checklist.ok("access: who may use the bot:", lines)
    if not access.admins:
        checklist.warn("access: no admins: nobody can run /digest or change feeds")


# -- online: ask Telegram ---------------------------------------------------------------------

class TelegramRefused(Exception):
    """The Bot API answered ok=false, or could not be reached."""


def _online(checklist: Checklist, settings: Settings) -> None:
    token = settings.token.strip()
    if not token:
        checklist.problem("telegram: cannot check online without BOT_TOKEN")
        return
    base = settings.telegram.api_base_url.rstrip("/") + token

    def call(method: str, **params: Any) -> dict:
        try:
            answer = client.post(f"{base}/{method}", json=params).json()
        except (httpx.HTTPError, ValueError) as exc:
            raise TelegramRefused(mask(f"{method} failed: {exc}", token)) from None
        if not answer.get("ok"):
            raise TelegramRefused(mask(f"{method}: {answer.get('description', 'refused')}", token))
        return answer["result"]

    with httpx.Client(timeout=settings.sources.fetch_timeout_seconds) as client:
        try:
            me = call("getMe")
        except TelegramRefused as exc:
            checklist.problem(f"telegram: {exc}")
            return
        checklist.ok(f"telegram: the token belongs to @{me.get('username')} (id {me.get('id')})")
        for target in settings.targets:
            try:
                chat = call("getChat", chat_id=target.chat_id)
                member = call("getChatMember", chat_id=target.chat_id, user_id=me["id"])
            except TelegramRefused as exc:
                checklist.problem(f"target {target.name}: {exc}")
                continue
            verdict = may_post(chat, member)
            title = chat.get("title") or chat.get("username") or chat.get("id")
            text = f"target {target.name}: {chat.get('type')} '{title}', bot is {member.get('status')}"
            if verdict is None:
                checklist.ok(f"{text}: may post")
            else:
                checklist.problem(f"{text}: cannot post ({verdict})")


def may_post(chat: dict, member: dict) -> str | None:
    """None when the bot may post in the chat, else what to change."""
    status = member.get("status")
    if chat.get("type") == "channel":
        if status == "creator" or (status == "administrator" and member.get("can_post_messages")):
            return None
        return "make the bot an administrator of the channel with 'Post messages'"
    if status in ("creator", "administrator", "member"):
        return None
    if status == "restricted" and member.get("can_send_messages"):
        return None
    return "add the bot to the chat and let it send messages"
