"""A fake Telegram Bot API server on 127.0.0.1 that python-telegram-bot talks to over real HTTP.

It implements the methods briefbot uses, records what the bot sent, lets a test inject updates
(commands, text, documents with file contents) and failures (429, 5xx, 400, 403, slow or hung
responses, connection resets, answers that arrive after the client gave up). It validates HTML
the way Telegram does (allowed tags, balanced, <= 4096 visible characters), so a malformed
digest fails here as it would in production.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import socket
import struct
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote

TOKEN = "123456:TEST-token-abcdefghijklmnopqrstuv"
BOT_ID = 123456
BOT_USERNAME = "briefbot_test_bot"
MESSAGE_LIMIT = 4096
JSON_PARAMS = {"link_preview_options", "reply_parameters", "commands", "entities",
               "reply_markup", "allowed_updates", "scope"}
TELEGRAM_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
                 "tg-spoiler", "span", "blockquote", "tg-emoji"}


_ENTITY = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")
_TAG = re.compile(r"</?[a-z][a-z-]*(\s[^<>]*)?>")


class HtmlError(ValueError):
    pass


class _TelegramHtml(HTMLParser):
    """Checks Telegram's HTML subset and collects the visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.visible: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TELEGRAM_TAGS:
            raise HtmlError(f'Unsupported start tag "{tag}"')
        if tag == "a" and not dict(attrs).get("href"):
            raise HtmlError("Can't find end of the entity: a tag without href")
        self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raise HtmlError(f'Unsupported start tag "{tag}"')

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            raise HtmlError(f'Unmatched end tag "{tag}"')
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.visible.append(data)


def parse_telegram_html(html: str) -> str:
    """The visible text of a Telegram HTML message; raises HtmlError when Telegram would."""
    for match in re.finditer(r"&[^;\s&]*;?", html):
        if not _ENTITY.fullmatch(match.group()):
            raise HtmlError(f"Unsupported entity {match.group()!r}")
    if re.search(r"[<>]", _TAG.sub("", html)):
        raise HtmlError("Unexpected '<' or '>' outside a tag")
    parser = _TelegramHtml()
    parser.feed(html)
    parser.close()
    if parser.stack:
        raise HtmlError(f'Can\'t find end tag corresponding to start tag "{parser.stack[-1]}"')
    return "".join(parser.visible)


@dataclass
class Failure:
    """One injected failure, consumed by matching calls until `times` runs out."""

    method: str
    kind: str
    times: int = 1
    chat_id: int | str | None = None
    seconds: float = 1.0
    html_only: bool = False
    after: int = 0


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    outcome: str = "ok"


@dataclass
class Sent:
    """A message Telegram accepted."""

    chat_id: int | str
    text: str
    parse_mode: str | None
    params: dict[str, Any]
    message_id: int
    at: float = field(default_factory=time.monotonic)


@dataclass
class FakeTelegram:
    token: str = TOKEN
    bot_username: str = BOT_USERNAME
    calls: list[Call] = field(default_factory=list)
    sent: list[Sent] = field(default_factory=list)
    files: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    webhook: dict = field(default_factory=dict)
    poll_wait: float = 0.3
    channels: dict[str, int] = field(default_factory=dict)  # "@name" -> id, for getChat
    documents: list[Sent] = field(default_factory=list)     # sendDocument: text is the caption
    answers: list[dict] = field(default_factory=list)       # answerCallbackQuery parameters

    def __post_init__(self) -> None:
        self._lock = threading.Condition()
        self._updates: list[dict] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._file_ids = itertools.count(1)
        self._reported_sizes: dict[str, int] = {}
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ----------------------------------------------------------------------------

    def start(self, port: int = 0) -> FakeTelegram:
        """Listen on 127.0.0.1 (a given port: a server that comes up where the bot waits)."""
        fake = self

        class Handler(_Handler):
            server_fake = fake

        self._server = _QuietServer(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        with self._lock:
            self._lock.notify_all()

    @property
    def port(self) -> int:
        assert self._server is not None
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    # -- injecting updates --------------------------------------------------------------------

    def push_update(self, update: dict) -> dict:
        with self._lock:
            update = {"update_id": next(self._update_ids), **update}
            self._updates.append(update)
            self._lock.notify_all()
        return update

    def message(self, text: str | None = None, *, chat_id: int = 42, user_id: int | None = 42,
                chat_type: str | None = None, reply_to: dict | None = None,
                document: dict | None = None, caption: str | None = None) -> dict:
        """Build a message dict; a leading /command gets its bot_command entity like Telegram's."""
        chat_type = chat_type or ("private" if chat_id > 0 else "supergroup")
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = "User"
        else:
            chat["title"] = "Team"
        message: dict[str, Any] = {"message_id": next(self._message_ids),
                                   "date": int(time.time()), "chat": chat}
        if user_id is not None:
            message["from"] = {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"}
        if text is not None:
            message["text"] = text
            if text.startswith("/"):
                word = text.split()[0]
                message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(word)}]
        if caption is not None:
            message["caption"] = caption
            if caption.startswith("/"):
                word = caption.split()[0]
                message["caption_entities"] = [
                    {"type": "bot_command", "offset": 0, "length": len(word)}]
        if document is not None:
            message["document"] = document
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        return message

    def send(self, text: str | None = None, **kwargs: Any) -> dict:
        """Inject a message from a user and return it (for replies)."""
        message = self.message(text, **kwargs)
        self.push_update({"message": message})
        return message

    def press(self, sent: Sent, data: str, *, user_id: int = 42,
              chat_type: str | None = None) -> dict:
        """A user presses the inline button with callback `data` under a message the bot sent."""
        chat_id = sent.chat_id if isinstance(sent.chat_id, int) else -1001234567890
        chat_type = chat_type or ("private" if chat_id > 0 else "supergroup")
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        chat.update({"first_name": "User"} if chat_type == "private" else {"title": "Team"})
        message = {"message_id": sent.message_id, "date": int(time.time()), "chat": chat,
                   "from": {"id": BOT_ID, "is_bot": True, "first_name": "Brief"},
                   "text": parse_telegram_html(sent.text) if sent.parse_mode else sent.text}
        query = {"id": f"cq{next(self._update_ids)}", "chat_instance": "ci",
                 "from": {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"},
                 "message": message, "data": data}
        self.push_update({"callback_query": query})
        return query

    def add_file(self, content: bytes, file_name: str, *, file_size: int | None = None,
                 reported_size: int | None = None) -> dict:
        """Register a downloadable file; returns the Document dict for a message.

        file_size is what the message claims, reported_size what getFile claims (both default
        to the real size; -1 leaves the field out, as Telegram may).
        """
        file_id = f"file{next(self._file_ids)}"
        self.files[file_id] = (content, file_name)
        if reported_size is not None:
            self._reported_sizes[file_id] = reported_size
        document = {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": file_name,
                    "mime_type": "application/octet-stream",
                    "file_size": len(content) if file_size is None else file_size}
        if document["file_size"] == -1:
            del document["file_size"]
        return document

    # -- failures -----------------------------------------------------------------------------

    def fail(self, method: str, kind: str, *, times: int = 1, chat_id: int | str | None = None,
             seconds: float = 1.0, html_only: bool = False, after: int = 0) -> None:
        """kind: retry_after, server_error, bad_gateway, parse_entities, forbidden, blocked,
        chat_not_found, file_too_big, query_too_old, migrated (to the chat id given as
        `seconds`), html_bad_gateway and gateway_timeout (a proxy's HTML page, not JSON),
        slow, hang, reset, late.

        slow: answer after `seconds`; hang: wait `seconds`, then hang up without doing anything;
        reset: drop the connection at once with a TCP RST; late: do the work, then answer after
        `seconds` (a client that timed out meanwhile does not know it succeeded).
        The failure hits the next `times` matching calls, after letting `after` of them pass.
        """
        with self._lock:
            self.failures.append(Failure(method, kind, times, chat_id, seconds, html_only, after))

    def _take_failure(self, method: str, params: dict) -> Failure | None:
        with self._lock:
            for failure in self.failures:
                if failure.method != method or failure.times <= 0:
                    continue
                if failure.chat_id is not None and str(failure.chat_id) != str(
                        params.get("chat_id")):
                    continue
                if failure.html_only and params.get("parse_mode") != "HTML":
                    continue
                if failure.after > 0:
                    failure.after -= 1
                    continue
                failure.times -= 1
                return failure
        return None

    # -- inspection ---------------------------------------------------------------------------

    def sent_to(self, chat_id: int | str) -> list[Sent]:
        with self._lock:
            return [s for s in self.sent if str(s.chat_id) == str(chat_id)]

    def texts(self, chat_id: int | str) -> list[str]:
        return [s.text for s in self.sent_to(chat_id)]

    def calls_of(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    async def wait_for(self, predicate: Callable[[], bool], timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out; sent so far: {[s.text for s in self.sent]}")
            await asyncio.sleep(0.02)

    async def wait_sent(self, chat_id: int | str, count: int = 1,
                        timeout: float = 15.0) -> list[Sent]:
        await self.wait_for(lambda: len(self.sent_to(chat_id)) >= count, timeout)
        return self.sent_to(chat_id)

    # -- the API ------------------------------------------------------------------------------

    def handle(self, method: str, params: dict) -> tuple[int, dict | str]:
        failure = self._take_failure(method, params)
        outcome = failure.kind if failure else "ok"
        with self._lock:
            self.calls.append(Call(method, params, outcome))
        if failure is not None:
            if failure.kind == "slow":
                time.sleep(failure.seconds)
            elif failure.kind != "late":
                return _failure_response(failure)
        handler = getattr(self, "_api_" + method, None)
        if handler is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        result = handler(params)
        if failure is not None and failure.kind == "late":
            time.sleep(failure.seconds)
        return result

    def _api_getMe(self, params: dict) -> tuple[int, dict]:
        return _ok({"id": BOT_ID, "is_bot": True, "first_name": "Brief",
                    "username": self.bot_username, "can_join_groups": True,
                    "can_read_all_group_messages": False, "supports_inline_queries": False})

    def _api_getChat(self, params: dict) -> tuple[int, dict]:
        chat_id = _chat_id(params.get("chat_id", ""))
        if isinstance(chat_id, str):
            if chat_id.lower() not in self.channels:
                return _error(400, "Bad Request: chat not found")
            return _ok({"id": self.channels[chat_id.lower()], "type": "channel",
                        "title": "Channel", "username": chat_id[1:], **_CHAT_INFO})
        kind = "private" if chat_id > 0 else "supergroup"
        return _ok({"id": chat_id, "type": kind, "title": "Team", **_CHAT_INFO})

    def _api_setMyCommands(self, params: dict) -> tuple[int, dict]:
        return _ok(True)

    def _api_deleteWebhook(self, params: dict) -> tuple[int, dict]:
        return _ok(True)

    def _api_setWebhook(self, params: dict) -> tuple[int, dict]:
        with self._lock:
            self.webhook = dict(params)
        return _ok(True)

    def _api_sendChatAction(self, params: dict) -> tuple[int, dict]:
        return _ok(True)

    def _api_getUpdates(self, params: dict) -> tuple[int, dict]:
        offset = int(params.get("offset") or 0)
        wait = min(float(params.get("timeout") or 0), self.poll_wait)
        deadline = time.monotonic() + wait
        with self._lock:
            while True:
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
                if self._updates or time.monotonic() >= deadline:
                    return _ok(list(self._updates))
                self._lock.wait(max(0.0, deadline - time.monotonic()))

    def _api_sendMessage(self, params: dict) -> tuple[int, dict]:
        text = params.get("text", "")
        visible = text
        if params.get("parse_mode") == "HTML":
            try:
                visible = parse_telegram_html(text)
            except HtmlError as exc:
                return _error(400, f"Bad Request: can't parse entities: {exc}")
        if not visible.strip():
            return _error(400, "Bad Request: message text is empty")
        if len(visible) > MESSAGE_LIMIT:
            return _error(400, "Bad Request: message is too long")
        chat_id = _chat_id(params["chat_id"])
        message_id = next(self._message_ids)
        with self._lock:
            self.sent.append(Sent(chat_id, text, params.get("parse_mode"), params, message_id))
        chat = {"id": chat_id if isinstance(chat_id, int) else -1001234567890,
                "type": "private" if isinstance(chat_id, int) and chat_id > 0 else "channel"}
        if chat["type"] == "private":
            chat["first_name"] = "User"
        else:
            chat["title"] = "Team"
        return _ok({"message_id": message_id, "date": int(time.time()), "chat": chat,
                    "text": visible})

    def _api_answerCallbackQuery(self, params: dict) -> tuple[int, dict]:
        with self._lock:
            self.answers.append(dict(params))
        return _ok(True)

    def _api_sendDocument(self, params: dict) -> tuple[int, dict]:
        """Recorded like a message: text is the caption, params["document"] holds
        {"filename", "content"} (bytes) as uploaded."""
        document = params.get("document")
        if not isinstance(document, dict) or not document.get("content"):
            return _error(400, "Bad Request: file must be non-empty")
        chat_id = _chat_id(params["chat_id"])
        message_id = next(self._message_ids)
        with self._lock:
            # A document is a message too: in `sent` (with its caption) and in `documents`.
            record = Sent(chat_id, params.get("caption", ""), params.get("parse_mode"),
                          params, message_id)
            self.sent.append(record)
            self.documents.append(record)
        chat = {"id": chat_id, "type": "private" if isinstance(chat_id, int) and chat_id > 0
                else "supergroup", "first_name": "User", "title": "Team"}
        return _ok({"message_id": message_id, "date": int(time.time()), "chat": chat,
                    "document": {"file_id": f"sent{message_id}", "file_unique_id": "s",
                                 "file_name": document["filename"]}})

    def _api_getFile(self, params: dict) -> tuple[int, dict]:
        file_id = params.get("file_id", "")
        if file_id not in self.files:
            return _error(400, "Bad Request: invalid file_id")
        content, name = self.files[file_id]
        size = self._reported_sizes.get(file_id, len(content))
        result = {"file_id": file_id, "file_unique_id": f"u{file_id}",
                  # like Telegram's: the server names the file, never the sender
                  "file_path": f"documents/{file_id}/file{_suffix(name)}"}
        if size >= 0:
            result["file_size"] = size
        return _ok(result)

    def download(self, path: str) -> bytes | None:
        parts = path.split("/")
        if len(parts) == 3 and parts[0] == "documents" and parts[1] in self.files:
            with self._lock:
                self.calls.append(Call("download", {"path": path}))
            return self.files[parts[1]][0]
        return None


_CHAT_INFO = {"accent_color_id": 0, "max_reaction_count": 11}  # required in a ChatFullInfo


def _suffix(name: str) -> str:
    match = re.search(r"\.[A-Za-z0-9]{1,8}$", name)
    return match.group() if match else ""


def _multipart(body: bytes, content_type: str) -> dict[str, Any]:
    """Form fields as text, file fields as {"filename", "content"} (how PTB uploads files)."""
    from email import message_from_bytes
    from email.policy import HTTP

    form = message_from_bytes(b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body,
                              policy=HTTP)
    fields: dict[str, Any] = {}
    for part in form.iter_parts():
        name = part.get_param("name", header="content-disposition")
        content = part.get_payload(decode=True) or b""
        filename = part.get_filename()
        fields[name] = ({"filename": filename, "content": content} if filename
                        else content.decode("utf-8"))
    return fields


def _chat_id(raw: str) -> int | str:
    try:
        return int(raw)
    except ValueError:
        return raw


def _ok(result: Any) -> tuple[int, dict]:
    return 200, {"ok": True, "result": result}


def _error(code: int, description: str, **extra: Any) -> tuple[int, dict]:
    return code, {"ok": False, "error_code": code, "description": description, **extra}


def _failure_response(failure: Failure) -> tuple[int, dict | str]:
    kind = failure.kind
    if kind == "retry_after":
        seconds = int(failure.seconds)
        return _error(429, f"Too Many Requests: retry after {seconds}",
                      parameters={"retry_after": seconds})
    if kind == "server_error":
        return _error(500, "Internal Server Error")
    if kind == "bad_gateway":
        return _error(502, "Bad Gateway")
    if kind == "parse_entities":
        return _error(400, "Bad Request: can't parse entities: Unsupported start tag \"x\" "
                           "at byte offset 0")
    if kind == "forbidden":
        return _error(403, "Forbidden: bot was kicked from the channel chat")
    if kind == "blocked":
        return _error(403, "Forbidden: bot was blocked by the user")
    if kind == "query_too_old":  # answerCallbackQuery more than ~15 s after the press
        return _error(400, "Bad Request: query is too old and response timeout expired or "
                           "query ID is invalid")
    if kind == "file_too_big":  # getFile past Telegram's 20 MB download cap
        return _error(400, "Bad Request: file is too big")
    if kind == "chat_not_found":
        return _error(400, "Bad Request: chat not found")
    if kind == "migrated":  # the group became a supergroup: a new id, given in parameters
        return _error(400, "Bad Request: group chat was upgraded to a supergroup chat",
                      parameters={"migrate_to_chat_id": int(failure.seconds)})
    if kind == "html_bad_gateway":  # a proxy in front of the Bot API: HTML, not JSON
        return 502, "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
    if kind == "gateway_timeout":
        return 504, "<html><body><h1>504 Gateway Time-out</h1></body></html>"
    if kind == "hang":
        time.sleep(failure.seconds)
        raise ConnectionAbortedError("fake server hung up")
    if kind == "reset":
        raise ConnectionResetError("fake server reset the connection")
    raise ValueError(f"unknown failure kind {kind!r}")


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hung up or reset (its own timeout, a test ending) is no error here."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    server_fake: FakeTelegram
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        return  # keep test output quiet

    def _reply(self, code: int, body: bytes, content_type: str = "application/json") -> None:
        try:
            self.send_response(code)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (shutdown or its own timeout)

    def _route(self) -> tuple[str, str] | None:
        fake = self.server_fake
        path = unquote(self.path.split("?", 1)[0])
        for prefix, kind in ((f"/file/bot{fake.token}/", "file"), (f"/bot{fake.token}/", "api")):
            if path.startswith(prefix):
                return kind, path[len(prefix):]
        return None

    def _params(self) -> dict[str, Any]:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        query = self.path.split("?", 1)[1] if "?" in self.path else ""
        params: dict[str, Any] = dict(parse_qsl(query))
        content_type = self.headers.get("Content-Type", "")
        if body and content_type.startswith("application/json"):
            params.update(json.loads(body))
        elif body and content_type.startswith("multipart/form-data"):
            params.update(_multipart(body, content_type))
        elif body:
            params.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
        for key in JSON_PARAMS & params.keys():
            if isinstance(params[key], str):
                params[key] = json.loads(params[key])
        return params

    def _handle(self) -> None:
        route = self._route()
        if route is None:
            self._reply(401, json.dumps({"ok": False, "error_code": 401,
                                         "description": "Unauthorized"}).encode())
            return
        kind, rest = route
        if kind == "file":
            data = self.server_fake.download(rest)
            if data is None:
                self._reply(404, b"Not Found", "text/plain")
            else:
                self._reply(200, data, "application/octet-stream")
            return
        params = self._params()
        try:
            code, payload = self.server_fake.handle(rest, params)
        except ConnectionAbortedError:
            self.close_connection = True
            return
        except ConnectionResetError:
            # SO_LINGER 0 makes close() send RST instead of FIN: the client sees a reset.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
            return
        if isinstance(payload, str):  # a proxy's error page
            self._reply(code, payload.encode(), "text/html")
        else:
            self._reply(code, json.dumps(payload).encode())

    do_GET = _handle
    do_POST = _handle
