"""The buttons under digest items: what they say and the ids they carry, as plain data.

Callback data carries only ids, never text: "m:<report id>:<offset>" asks for the next
sentences of a report after `offset` in its ranked order (bot.digest.followups), and
"f:<report id>" for its full text. Telegram caps callback data at 64 bytes; an item whose id
would not fit gets no buttons. Anything else a press brings (an old format, a forged string)
parses to None and is answered as foreign.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .layout import label
from .model import DigestItem

Button = tuple[str, str]  # (label, callback data)
MAX_DATA = 64
MAX_OFFSET = 999_999
_PRESS = re.compile(r"(?P<kind>[mf]):(?P<id>[0-9A-Za-z_-]{1,48})(?::(?P<offset>\d{1,6}))?")


@dataclass(frozen=True)
class Press:
    """A parsed button: "more" (with the offset to go on from) or "full"."""

    kind: str
    report_id: str
    offset: int = 0


def more_data(report_id: str, offset: int) -> str:
    return f"m:{report_id}:{offset}"


def full_data(report_id: str) -> str:
    return f"f:{report_id}"


def parse_press(data: str | None) -> Press | None:
    """The press a button's data names, or None for data no digest of ours carries."""
    match = _PRESS.fullmatch(data or "")
    if match is None or (match["kind"] == "m") != (match["offset"] is not None):
        return None
    if match["kind"] == "f":
        return Press("full", match["id"])
    return Press("more", match["id"], int(match["offset"]))


def more_button(report_id: str, offset: int, language: str, number: int | None = None) -> Button:
    name = label(language, "more")
    return (f"{name} {number}" if number is not None else name, more_data(report_id, offset))


def item_buttons(item: DigestItem, number: int, language: str) -> tuple[Button, ...]:
    """"More n" and "Full text n" for the item numbered n; none when the id cannot fit."""
    more = more_button(item.report_id, item.shown_until, language, number)
    full = (f"{label(language, 'full')} {number}", full_data(item.report_id))
    if len(more[1].encode()) > MAX_DATA or parse_press(more[1]) is None:
        return ()
    return (more, full)
