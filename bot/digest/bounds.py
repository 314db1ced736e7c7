"""Every field a digest shows, made safe and bounded before it is rendered.

Report text comes from anyone who can drop a file, publish a feed or post a link: a 6,000-
character "speaker" or a 10,000-character title must not produce a message Telegram refuses,
and bidi overrides (U+202E) or zero-width characters must not reach a chat, where they
reverse or hide the text around them. Each field has its own bound; a cut ends at a word
with "…".
"""

from __future__ import annotations

import re
import unicodedata

MAX_TITLE = 200
MAX_SPEAKER = 80
MAX_QUOTE = 400
MAX_CONTEXT = 120
MAX_SOURCE = 100
MAX_URL = 1000  # longer links are shown without the link
ELLIPSIS = "…"
_SPACES = re.compile(r"\s+")


def visible(text: str) -> str:
    """The text without format controls (Unicode category Cf: bidi overrides, zero-width)."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut at the last space before it when there is one."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    at_word = cut.rsplit(" ", 1)[0]
    # a single long word (no space in the second half) is cut where it stands
    return (at_word if len(at_word) > limit // 2 else cut).rstrip() + ELLIPSIS


def one_line(text: str, limit: int) -> str:
    """A name or title: controls removed, whitespace (newlines too) collapsed, bounded."""
    return shorten(_SPACES.sub(" ", visible(text)).strip(), limit)


def bounded_text(text: str, limit: int | None = None) -> str:
    """Body text (summary sentence, quote): controls removed, bounded when a limit is given."""
    text = visible(text)
    return text if limit is None else shorten(text, limit)
