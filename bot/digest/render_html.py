"""Pack a digest into Telegram messages of at most 4,096 characters, by construction.

Messages break between reports; a report too long for one message breaks between its lines;
a line too long for one message (a 5,000-character word in a summary) breaks at a word, or
inside the word when it has none, but never inside an HTML tag or entity: tags open at the
cut are closed and reopened, so every message is well-formed HTML on its own. Lengths count
UTF-16 code units, as Telegram does (an emoji counts two).
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator, Sequence

from .buttons import Button, item_buttons
from .layout import Line, header, item_lines, skipped_line
from .model import Digest, Message

TELEGRAM_LIMIT = 4096
_TOKEN = re.compile(r"<[^>]*>|&#?\w+;|\s+|[^<&\s]+|[<&]")
_TAG_NAME = re.compile(r"</?([a-z][a-z0-9-]*)")


def units(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def plain_of(html: str) -> str:
    """Visible text of our own HTML (tags dropped, entities decoded)."""
    return html_lib.unescape(re.sub(r"<[^>]+>", "", html))


def render_messages(digest: Digest, *, limit: int = TELEGRAM_LIMIT,
                    language: str = "en", buttons: bool = False) -> list[Message]:
    """Messages in order; each names the reports whose content it carries.

    language is the bot's own (headers and labels); report text stays as written.
    buttons: items are numbered and each message carries one keyboard row per item that ends
    in it ("More n", "Full text n"): one message holds several items, so its keyboard names
    them by number (separate messages per item would hit Telegram's 20 messages a minute per
    group and ring a phone once per item)."""
    packer = _Packer(limit)
    top = [header(digest.created, len(digest.items), language)]
    if digest.skipped:
        top.append(skipped_line(digest.skipped, language))
    packer.add_block(top, ())
    for number, item in enumerate(digest.items, start=1):
        if buttons:
            row = item_buttons(item, number, language)
            packer.add_block(item_lines(item, language, number), item.report_ids,
                             (row,) if row else ())
        else:
            packer.add_block(item_lines(item, language), item.report_ids)
    return packer.finish()


def split_message(message: Message, limit: int) -> list[Message]:
    """The same message re-packed into pieces of at most `limit`, each carrying its reports.

    For a message Telegram still found too long (its count and ours disagreed)."""
    return pack_lines(message.html.split("\n"), limit, message.report_ids)


def pack_lines(lines: Sequence[str], limit: int = 4000,
               report_ids: tuple[str, ...] = ()) -> list[Message]:
    """Lines of HTML in as few messages as fit, split between lines (or inside a long one)."""
    packer = _Packer(limit)
    packer.add_block([(line, plain_of(line)) for line in lines], report_ids)
    return packer.finish()


def split_line(markup: str, limit: int) -> list[str]:
    """Pieces of one HTML line, each at most `limit` units and well-formed on its own."""
    if units(markup) <= limit:
        return [markup]
    pieces: list[str] = []
    stack: list[str] = []  # start tags open at this point, as written
    piece: list[str] = []
    has_text = False

    def flush() -> None:
        nonlocal piece, has_text
        pieces.append("".join(piece).rstrip() + _closing(stack))
        piece, has_text = list(stack), False

    for token in _atoms(markup, limit):
        end_tag = token.startswith("</")
        start_tag = token.startswith("<") and not end_tag and len(token) > 1
        if token.isspace() and not has_text:
            continue  # a piece never starts with spaces
        need = units(token) + units(_closing([*stack, token] if start_tag else stack))
        if has_text and not end_tag and units("".join(piece)) + need > limit:
            flush()
            if token.isspace():
                continue
        piece.append(token)
        if end_tag:
            stack.pop()
        elif start_tag:
            stack.append(token)
        else:
            has_text = True
    if has_text:
        flush()
    return pieces


def _closing(stack: list[str]) -> str:
    return "".join(f"</{_TAG_NAME.match(tag).group(1)}>" for tag in reversed(stack))


def _atoms(markup: str, limit: int) -> Iterator[str]:
    """Tags, entities, runs of spaces and words; a word longer than a piece is cut in chunks."""
    chunk = max(1, limit // 4)
    for match in _TOKEN.finditer(markup):
        token = match.group()
        if (token.startswith("<") and len(token) > 1) or token.startswith("&") or units(token) <= chunk:
            yield token
        else:
            yield from (token[i:i + chunk] for i in range(0, len(token), chunk))


class _Packer:
    """Greedy packing of blocks (one per report) into messages, keeping blocks whole if they fit."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.messages: list[Message] = []
        self.html: list[str] = []
        self.plain: list[str] = []
        self.ids: list[str] = []
        self.rows: list[tuple[Button, ...]] = []

    def add_block(self, lines: list[Line], report_ids: tuple[str, ...],
                  rows: tuple[tuple[Button, ...], ...] = ()) -> None:
        """Add one report's lines; its keyboard rows go under the message where it ends."""
        self._add_lines(lines, report_ids)
        self.rows.extend(rows)

    def _add_lines(self, lines: list[Line], report_ids: tuple[str, ...]) -> None:
        block_html = "\n".join(h for h, _ in lines)
        if units(block_html) <= self.limit:
            if self.html and self._size(block_html) > self.limit:
                self._flush()
            self._append(block_html, "\n".join(p for _, p in lines), report_ids)
            return
        # A report longer than any message: it fills this one, then breaks between its lines,
        # and inside a line too long on its own.
        for index, (line_html, line_plain) in enumerate(lines):
            pieces = split_line(line_html, self.limit)
            if len(pieces) > 1:
                line_pieces = [(piece, plain_of(piece)) for piece in pieces]
            else:
                line_pieces = [(line_html, line_plain)]
            for number, (piece_html, piece_plain) in enumerate(line_pieces):
                separator = 2 if index == 0 and number == 0 else 1
                if self.html and self._size(piece_html, separator) > self.limit:
                    self._flush()
                self._append(piece_html, piece_plain, report_ids, separator)

    def _size(self, addition: str, separator: int = 2) -> int:
        current = units("\n\n".join(self.html)) if self.html else 0
        return current + (separator if self.html else 0) + units(addition)

    def _append(self, html: str, plain: str, report_ids: tuple[str, ...],
                separator: int = 2) -> None:
        if separator == 1 and self.html:
            self.html[-1] += "\n" + html
            self.plain[-1] += "\n" + plain
        else:
            self.html.append(html)
            self.plain.append(plain)
        self.ids.extend(rid for rid in report_ids if rid not in self.ids)

    def _flush(self) -> None:
        if self.html:
            self.messages.append(Message("\n\n".join(self.html), "\n\n".join(self.plain),
                                         tuple(self.ids), tuple(self.rows)))
        self.html, self.plain, self.ids, self.rows = [], [], [], []

    def finish(self) -> list[Message]:
        self._flush()
        return self.messages
