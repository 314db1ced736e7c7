"""Files sent in chat (in private, or captioned /summary in a group): summarized, never stored.

The download streams to a temporary file under the heavy-work bound, so six 20 MB uploads at
once hold one file in memory, not six (and never the several copies that
download_as_bytearray makes).
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

import httpx
from telegram import Document, File, Update
from telegram.error import BadRequest

from bot.analysis.model import ReportError

from ..delivery import with_retries
from .context import BriefContext
from .gate import within_rate
from .replies import reply, reply_messages, typing

MIB = 1024 * 1024
CHUNK = 64 * 1024
DOWNLOAD_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
UPLOAD_TYPES = (".pdf", ".docx", ".txt", ".html", ".htm", ".md", ".markdown")


async def download(file: File, path: Path, limit: int) -> int:
    """Stream the file to `path`, a chunk at a time; stop reading past `limit` bytes.

    Returns the size (the declared one when the server says more than the limit). PTB's own
    download holds the whole body in memory, twice while it is joined; a server without
    Telegram's 20 MB cap (a local Bot API server) could send any size.
    """
    url = file.file_path or ""
    if not url.startswith(("http://", "https://")):  # a local Bot API server's own path
        await file.download_to_drive(path)
        return path.stat().st_size
    async with httpx.AsyncClient(timeout=DOWNLOAD_TIMEOUT) as client, \
            client.stream("GET", url) as response:
        response.raise_for_status()
        declared = int(response.headers.get("content-length") or 0)
        if declared > limit:
            return declared
        size = 0
        with path.open("wb") as out:
            async for chunk in response.aiter_bytes(CHUNK):
                size += len(chunk)
                if size > limit:
                    return size
                out.write(chunk)
    return size


async def document(update: Update, context: BriefContext) -> None:
    message = update.effective_message
    assert message is not None and message.document is not None
    if await within_rate(update, context):
        await summarize_document(update, context, message.document)


async def summarize_document(update: Update, context: BriefContext, document: Document) -> None:
    message = update.effective_message
    assert message is not None
    state = context.state
    name = document.file_name or "upload.txt"
    if Path(name).suffix.lower() not in UPLOAD_TYPES:
        await reply(state, message, context.t("unsupported"))
        return
    limit_mb = state.settings.telegram.max_download_mb
    limit = int(limit_mb * MIB)

    async def too_big(size: int) -> None:
        await reply(state, message, context.t("too_big", size=f"{size / MIB:.1f}",
                                              limit=f"{limit_mb:g}"))

    if document.file_size is not None and document.file_size > limit:
        await too_big(document.file_size)
        return
    bot = message.get_bot()
    async with state.heavy.slot(document.file_size or limit), typing(bot, message.chat_id):
        try:
            file = await with_retries(lambda: bot.get_file(document.file_id),
                                      state.briefing.policy, "getFile")
        except BadRequest as exc:
            # Telegram's own 20 MB cap, met when the message did not give the size or the
            # settings allow more than Telegram does
            if "file is too big" not in exc.message.lower():
                raise
            await reply(state, message, context.t("too_big_for_telegram"))
            return
        if file.file_size is not None and file.file_size > limit:
            await too_big(file.file_size)
            return
        with tempfile.TemporaryDirectory(prefix="briefbot-upload-") as folder:
            path = Path(folder) / "upload"
            size = await download(file, path, limit)
            if size > limit:  # neither the message nor getFile gave the size
                await too_big(size)
                return
            data = await asyncio.to_thread(path.read_bytes)
        try:
            messages = await state.briefing.render_upload(data, name)
        except ReportError as exc:
            await reply(state, message, context.t("unreadable", reason=exc.reason))
            return
        finally:
            del data
    await reply_messages(state, message, messages)
