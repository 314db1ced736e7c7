"""What each digest item shows, line by line, as Telegram HTML and as plain text side by side.

Both renderings come from the same lines so the plain-text fallback carries exactly the
content of the HTML message. Escaping happens here and nowhere else.
"""

from __future__ import annotations

import html
from datetime import datetime

from .model import DigestItem

Line = tuple[str, str]  # (html, plain)

_LANGUAGE_NAMES = {"en": "EN", "ru": "RU"}
MAX_QUOTE_CHARS = 400


def escape(text: str) -> str:
    """Telegram HTML needs only <, > and & escaped in text; quotes matter in attributes."""
    return html.escape(text, quote=False)


def header(created: datetime, count: int) -> Line:
    date = created.strftime("%d %b %Y %H:%M %Z").strip()
    noun = "report" if count == 1 else "reports"
    return (f"<b>Briefing digest</b> · {escape(date)} · {count} {noun}",
            f"Briefing digest · {date} · {count} {noun}")


def item_lines(item: DigestItem) -> list[Line]:
    """Title, summary bullets, key figures, quotes: each a line that fits any message."""
    lines = [_title(item)]
    lines.extend((f"• {escape(s)}", f"• {s}") for s in item.summary)
    if item.figures:
        joined = "; ".join(f.context for f in item.figures)
        lines.append((f"<b>Key figures:</b> {escape(joined)}", f"Key figures: {joined}"))
    for quote in item.quotes:
        lines.append(_quote(quote.text, quote.speaker))
    return lines


def _title(item: DigestItem) -> Line:
    language = _LANGUAGE_NAMES.get(item.language, item.language.upper())
    sources = ", ".join(_short_source(s) for s in item.sources)
    meta = f"{language} · {sources}"
    title = escape(item.title)
    if item.url and item.url.startswith(("http://", "https://")):
        title = f'<a href="{html.escape(item.url, quote=True)}">{title}</a>'
    return (f"<b>{title}</b>\n<i>{escape(meta)}</i>", f"{item.title}\n{meta}")


def _quote(text: str, speaker: str | None) -> Line:
    if len(text) > MAX_QUOTE_CHARS:
        text = text[: MAX_QUOTE_CHARS - 1].rsplit(" ", 1)[0] + "…"
    who = speaker or "unattributed"
    return (f"«{escape(text)}» — <i>{escape(who)}</i>", f"«{text}» — {who}")


def _short_source(source: str) -> str:
    """File paths shrink to their name; URLs and feed names stay as they are."""
    if "://" in source:
        return source
    return source.replace("\\", "/").rsplit("/", 1)[-1]
