"""Telegram handlers: the access gate, the commands, uploads and unknown commands.

Handlers only translate between Telegram and Briefing; slow work (loading files, analysis)
runs in worker threads while the chat shows "typing".
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from html import escape
from pathlib import Path

from telegram import Bot, Document, Update
from telegram import Message as TgMessage
from telegram.constants import ChatAction, ChatType
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.analysis.model import Report, ReportError
from bot.sources.links import is_link

from . import access
from .briefing import Briefing
from .delivery import deliver, plain_of, send_html, with_retries
from .jobs import next_runs
from .texts import text

log = logging.getLogger(__name__)
MIB = 1024 * 1024
MAX_LAST = 20
REPORTS_LISTED = 15
MATCHES_LISTED = 10
UPLOAD_TYPES = (".pdf", ".docx", ".txt", ".html", ".htm", ".md", ".markdown")
COMMAND_UPDATES = filters.UpdateType.MESSAGE | filters.UpdateType.CHANNEL_POST


@contextlib.asynccontextmanager
async def typing(bot: Bot, chat_id: int) -> AsyncIterator[None]:
    """Show "typing" until the block ends (Telegram clears it after ~5 s, so repeat)."""
    async def keep_typing() -> None:
        while True:
            with contextlib.suppress(TelegramError):
                await bot.send_chat_action(chat_id, ChatAction.TYPING)
            await asyncio.sleep(4)

    task = asyncio.create_task(keep_typing())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def chunk_lines(lines: Sequence[str], limit: int = 4000) -> list[str]:
    """Join lines into as few messages as fit Telegram's limit."""
    chunks: list[str] = []
    current = ""
    for line in lines:
        candidate = f"{current}\n{line}" if current else line
        if current and len(candidate) > limit:
            chunks.append(current)
            current = line
        else:
            current = candidate
    if current:
        chunks.append(current)
    return chunks


def _when(moment: datetime | None, fallback: str) -> str:
    return moment.strftime("%Y-%m-%d %H:%M %Z").strip() if moment else fallback


class Handlers:
    """Bound methods are the PTB callbacks; state lives in Briefing and the store."""

    def __init__(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self.settings = briefing.settings
        self.store = briefing.store
        self.language = briefing.language
        self.targets = access.target_keys(self.settings.targets)

    def t(self, key: str, **values: object) -> str:
        return text(self.language, key, **values)

    # -- plumbing ------------------------------------------------------------------------------

    def register(self, application: Application) -> None:
        application.add_handler(TypeHandler(Update, self.gate), group=-1)
        commands = (("start", self.help), ("help", self.help), ("summary", self.summary),
                    ("reports", self.reports), ("digest", self.digest), ("status", self.status))
        for name, callback in commands:
            application.add_handler(CommandHandler(name, callback, filters=COMMAND_UPDATES))
        application.add_handler(MessageHandler(
            filters.Document.ALL & (filters.ChatType.PRIVATE
                                    | filters.CaptionRegex(r"^/summary(@\w+)?(\s|$)")),
            self.document))
        application.add_handler(MessageHandler(filters.COMMAND & COMMAND_UPDATES, self.unknown))

    async def reply(self, message: TgMessage, html: str) -> None:
        private = message.chat.type == ChatType.PRIVATE
        await send_html(message.get_bot(), message.chat_id, html, plain_of(html),
                        policy=self.briefing.policy,
                        reply_to=None if private else message.message_id,
                        thread_id=message.message_thread_id if message.is_topic_message else None)

    async def reply_messages(self, message: TgMessage, messages: Sequence) -> None:
        private = message.chat.type == ChatType.PRIVATE

        async def nothing(_ids: tuple[str, ...]) -> None:
            return None

        result = await deliver(message.get_bot(), message.chat_id, messages,
                               policy=self.briefing.policy, on_delivered=nothing,
                               reply_to=None if private else message.message_id,
                               thread_id=message.message_thread_id
                               if message.is_topic_message else None)
        if result.error is not None:
            raise result.error

    def _command(self, message: TgMessage) -> str | None:
        body = message.text or message.caption or ""
        return access.command_name(body, message.get_bot().username)

    async def gate(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Stop every update from a chat that may not use the bot; answer only when asked."""
        message, chat = update.effective_message, update.effective_chat
        if message is None or chat is None:
            return
        if update.message is None and update.channel_post is None:
            raise ApplicationHandlerStop  # edits, reactions...: never commands, never answered
        user = update.effective_user
        if access.chat_allowed(self.settings.access, self.targets, chat_id=chat.id,
                               chat_username=chat.username, chat_type=chat.type,
                               user_id=user.id if user else None):
            return
        log.info("refused chat %s (user %s)", chat.id, user.id if user else None)
        if chat.type == ChatType.PRIVATE or self._command(message):
            with contextlib.suppress(TelegramError):
                await self.reply(message, self.t("refused"))
        raise ApplicationHandlerStop

    # -- commands ------------------------------------------------------------------------------

    async def help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await self.reply(update.effective_message, self.t("help"))

    async def unknown(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        name = self._command(message)
        if name is not None:  # None: addressed to another bot
            await self.reply(message, self.t("unknown", command=name))

    async def summary(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        replied = message.reply_to_message
        args = context.args or []
        if replied is not None and replied.document is not None:
            await self._summarize_document(message, replied.document)
        elif replied is not None:
            await self._summarize_text(message, replied)
        elif not args:
            await self._summarize_new(message)
        elif len(args) == 1 and is_link(args[0]):
            hub = context.application.bot_data["sources"]
            await hub.summarize_link(self, message, args[0])
        elif len(args) == 1 and args[0].isdigit() and len(args[0]) <= 3:
            await self._summarize_last(message, int(args[0]))
        else:
            await self._summarize_query(message, " ".join(args))

    async def _summarize_new(self, message: TgMessage) -> None:
        async with typing(message.get_bot(), message.chat_id):
            outcome = await self.briefing.send_new(
                message.get_bot(), message.chat_id, kind="summary",
                reply_to=None if message.chat.type == ChatType.PRIVATE else message.message_id,
                thread_id=message.message_thread_id if message.is_topic_message else None)
        if outcome.error is not None:
            raise outcome.error
        if outcome.empty:
            await self.reply(message, self.t("nothing_new"))

    async def _summarize_last(self, message: TgMessage, count: int) -> None:
        if not 1 <= count <= MAX_LAST:
            await self.reply(message, self.t("bad_count", max=MAX_LAST))
            return
        await self.briefing.collect()
        recent = await asyncio.to_thread(self.store.recent_reports, count)
        if not recent:
            await self.reply(message, self.t("no_reports"))
            return
        reports = [stored.report for stored in reversed(recent)]
        await self._send_reports(message, reports)

    async def _summarize_query(self, message: TgMessage, query: str) -> None:
        await self.briefing.collect()
        matches = await asyncio.to_thread(find_reports, self.store, query)
        if not matches:
            await self.reply(message, self.t("no_match", query=query))
        elif len(matches) == 1:
            await self._send_reports(message, matches)
        else:
            lines = [self.t("many_matches", query=query)] + [
                f"<code>{r.id}</code> {escape(r.title, quote=False)}"
                for r in matches[:MATCHES_LISTED]]
            await self.reply(message, "\n".join(lines))

    async def _send_reports(self, message: TgMessage, reports: Sequence[Report]) -> None:
        async with typing(message.get_bot(), message.chat_id):
            messages = await self.briefing.render(reports)
        await self.reply_messages(message, messages)

    async def _summarize_text(self, message: TgMessage, replied: TgMessage) -> None:
        body = replied.text or replied.caption or ""
        if not body.strip():
            await self.reply(message, self.t("no_text"))
            return
        async with typing(message.get_bot(), message.chat_id):
            try:
                messages = await self.briefing.render_text(body, "message")
            except ReportError as exc:
                await self.reply(message, self.t("unreadable", reason=exc.reason))
                return
        await self.reply_messages(message, messages)

    async def document(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None and message.document is not None
        await self._summarize_document(message, message.document)

    async def _summarize_document(self, message: TgMessage, document: Document) -> None:
        name = document.file_name or "upload.txt"
        if Path(name).suffix.lower() not in UPLOAD_TYPES:
            await self.reply(message, self.t("unsupported"))
            return
        limit = int(self.settings.telegram.max_download_mb * MIB)
        if document.file_size is not None and document.file_size > limit:
            await self.reply(message, self.t(
                "too_big", size=f"{document.file_size / MIB:.1f}",
                limit=f"{self.settings.telegram.max_download_mb:g}"))
            return
        bot = message.get_bot()
        async with typing(bot, message.chat_id):
            file = await with_retries(lambda: bot.get_file(document.file_id),
                                      self.briefing.policy, "getFile")
            if file.file_size is not None and file.file_size > limit:
                await self.reply(message, self.t(
                    "too_big", size=f"{file.file_size / MIB:.1f}",
                    limit=f"{self.settings.telegram.max_download_mb:g}"))
                return
            data = bytes(await file.download_as_bytearray())
            if len(data) > limit:  # neither the message nor getFile gave the size
                await self.reply(message, self.t(
                    "too_big", size=f"{len(data) / MIB:.1f}",
                    limit=f"{self.settings.telegram.max_download_mb:g}"))
                return
            try:
                messages = await self.briefing.render_upload(data, name)
            except ReportError as exc:
                await self.reply(message, self.t("unreadable", reason=exc.reason))
                return
        await self.reply_messages(message, messages)

    async def reports(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        await self.briefing.collect()
        recent = await asyncio.to_thread(self.store.recent_reports, REPORTS_LISTED)
        if not recent:
            await self.reply(message, self.t("no_reports"))
            return
        lines = [self.t("reports_header")] + [
            f"<code>{s.report.id}</code> {escape(s.report.title, quote=False)} "
            f"({s.added_at:%Y-%m-%d})" for s in recent]
        for chunk in chunk_lines(lines):
            await self.reply(message, chunk)

    async def digest(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        user = update.effective_user
        if not access.is_admin(self.settings.access, user.id if user else None):
            await self.reply(message, self.t("admins_only", command="digest"))
            return
        if not self.settings.targets:
            await self.reply(message, self.t("no_targets"))
            return
        lines = [self.t("digest_done")]
        for target, outcome in await self.briefing.run_all(message.get_bot(), "manual"):
            if outcome.error is not None:
                lines.append(self.t("digest_target_failed", name=target.name,
                                    reason=type(outcome.error).__name__))
            elif outcome.empty:
                lines.append(self.t("digest_target_empty", name=target.name))
            else:
                lines.append(self.t("digest_target_sent", name=target.name,
                                    count=outcome.reports))
        await self.reply(message, "\n".join(lines))

    async def status(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None
        count = await asyncio.to_thread(self.store.count_reports)
        lines = [self.t("status_reports", count=count)]
        job_queue = context.application.job_queue
        for target in self.settings.targets:
            last = await asyncio.to_thread(self.store.last_digest, target.chat_id)
            upcoming = next_runs(job_queue, target) if job_queue else None
            lines.append(self.t(
                "status_target", name=target.name, chat=target.chat_id,
                next=_when(upcoming, self.t("status_none")),
                last=_when(last.created_at if last else None, self.t("status_never"))))
        failures = self.briefing.inbox.failures
        if failures:
            lines.append(self.t("status_failures"))
            lines.extend(escape(f, quote=False) for f in failures)
        for chunk in chunk_lines(lines):
            await self.reply(message, chunk)


def find_reports(store, query: str) -> list[Report]:
    """Reports for /summary <query>: an id (or id prefix), else titles containing every word.

    An exact title wins; several matches come newest first.
    """
    query = query.strip()
    needle = query.casefold()
    by_id = store.get_report(needle)
    if by_id is not None:
        return [by_id]
    index = store.index()
    if len(needle) >= 4 and all(c in "0123456789abcdef" for c in needle):
        prefixed = [rid for rid, _ in index if rid.startswith(needle)]
        if prefixed:
            return [store.get_report(rid) for rid in reversed(prefixed)]
    exact = [rid for rid, title in index if title.casefold() == needle]
    if exact:
        return [store.get_report(exact[-1])]
    words = needle.split()
    found = [rid for rid, title in index if all(w in title.casefold() for w in words)]
    return [store.get_report(rid) for rid in reversed(found)]
