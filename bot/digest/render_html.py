"""Pack a digest into Telegram messages of at most 4,096 characters.

Messages break between reports; a report too long for one message breaks between its
lines, never inside a line, so every message is well-formed HTML on its own.
"""

from __future__ import annotations

from .layout import Line, header, item_lines
from .model import Digest, Message

TELEGRAM_LIMIT = 4096


def render_messages(digest: Digest, *, limit: int = TELEGRAM_LIMIT,
                    language: str = "en") -> list[Message]:
    """Messages in order; each names the reports whose content it carries.

    language is the bot's own (headers and labels); report text stays as written."""
    packer = _Packer(limit)
    packer.add_block([header(digest.created, len(digest.items), language)], ())
    for item in digest.items:
        packer.add_block(item_lines(item, language), item.report_ids)
    return packer.finish()


class _Packer:
    """Greedy packing of blocks (one per report) into messages, keeping blocks whole if they fit."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.messages: list[Message] = []
        self.html: list[str] = []
        self.plain: list[str] = []
        self.ids: list[str] = []

    def add_block(self, lines: list[Line], report_ids: tuple[str, ...]) -> None:
        block_html = "\n".join(h for h, _ in lines)
        if self.html and self._size(block_html) > self.limit:
            self._flush()
        if self._size(block_html) <= self.limit:
            self._append(block_html, "\n".join(p for _, p in lines), report_ids)
            return
        # A report longer than a message: split between its lines (layout bounds every line).
        for index, (line_html, line_plain) in enumerate(lines):
            separator = 2 if index == 0 else 1
            if self.html and self._size(line_html, separator) > self.limit:
                self._flush()
            self._append(line_html, line_plain, report_ids, separator)

    def _size(self, addition: str, separator: int = 2) -> int:
        current = len("\n\n".join(self.html)) if self.html else 0
        return current + (separator if self.html else 0) + len(addition)

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
            self.messages.append(
                Message("\n\n".join(self.html), "\n\n".join(self.plain), tuple(self.ids))
            )
        self.html, self.plain, self.ids = [], [], []

    def finish(self) -> list[Message]:
        self._flush()
        return self.messages
