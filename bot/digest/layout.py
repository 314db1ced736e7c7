"""What each digest item shows, line by line, as Telegram HTML and as plain text side by side.

Both renderings come from the same lines so the plain-text fallback carries exactly the
content of the HTML message. Escaping happens here and nowhere else.
"""

from __future__ import annotations

import html
from datetime import datetime

from .bounds import (
    MAX_CONTEXT,
    MAX_QUOTE,
    MAX_SOURCE,
    MAX_SPEAKER,
    MAX_TITLE,
    MAX_URL,
    bounded_text,
    one_line,
    visible,
)
from .model import DigestItem

Line = tuple[str, str]  # (html, plain)

_LANGUAGE_NAMES = {"en": "EN", "ru": "RU"}

# The digest's own words in the bot's language (telegram.language); report text is never translated.
LABELS = {
    "en": {"digest": "Briefing digest", "figures": "Key figures", "unattributed": "unattributed",
           "not_included": "Not included", "skipped_one": "{count} older report was not sent",
           "skipped_many": "{count} older reports were not sent", "update_to": "Update to",
           "more": "More", "full": "Full text"},
    "ru": {"digest": "Сводка отчётов", "figures": "Ключевые цифры", "unattributed": "автор не указан",
           "not_included": "Не вошли в сводку",
           "skipped_one": "{count} более ранний отчёт не отправлен",
           "skipped_many": "Более ранние отчёты не отправлены: {count}",
           "update_to": "Продолжение", "more": "Ещё", "full": "Полный текст"},
}
_RU_MONTHS = ("янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")


def label(language: str, key: str) -> str:
    return LABELS.get(language, LABELS["en"])[key]


def _count_noun(count: int, language: str) -> str:
    if language != "ru":
        return "report" if count == 1 else "reports"
    if count % 10 == 1 and count % 100 != 11:
        return "отчёт"
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return "отчёта"
    return "отчётов"


def _date(created: datetime, language: str) -> str:
    if language == "ru":
        month = _RU_MONTHS[created.month - 1]
        return created.strftime(f"%d {month} %Y %H:%M %Z").strip()
    return created.strftime("%d %b %Y %H:%M %Z").strip()


def escape(text: str) -> str:
    """Telegram HTML needs only <, > and & escaped in text; quotes matter in attributes."""
    return html.escape(text, quote=False)


def header(created: datetime, count: int, language: str = "en") -> Line:
    date = _date(created, language)
    noun = _count_noun(count, language)
    name = label(language, "digest")
    return (f"<b>{name}</b> · {escape(date)} · {count} {noun}",
            f"{name} · {date} · {count} {noun}")


def skipped_line(count: int, language: str = "en") -> Line:
    """The one line a bounded backfill adds: how many older reports were left out."""
    key = "skipped_one" if count == 1 else "skipped_many"
    body = label(language, key).format(count=count)
    return (f"<i>{escape(body)}</i>", body)


def item_lines(item: DigestItem, language: str = "en", number: int | None = None) -> list[Line]:
    """Title, summary bullets, key figures, quotes: each a line that fits any message.

    number: the item's number in the digest, shown when buttons name items by it."""
    lines = [_title(item, number)]
    if item.update_to is not None:
        earlier = f"{label(language, 'update_to')}: {one_line(item.update_to, MAX_TITLE)}"
        lines.append((f"<i>{escape(earlier)}</i>", earlier))
    lines.extend((f"• {escape(s)}", f"• {s}") for s in map(bounded_text, item.summary))
    if item.figures:
        joined = "; ".join(one_line(f.context, MAX_CONTEXT) for f in item.figures)
        name = label(language, "figures")
        lines.append((f"<b>{name}:</b> {escape(joined)}", f"{name}: {joined}"))
    for quote in item.quotes:
        lines.append(_quote(quote.text, quote.speaker, language))
    return lines


def _title(item: DigestItem, number: int | None = None) -> Line:
    language = one_line(_LANGUAGE_NAMES.get(item.language, item.language.upper()), 8)
    sources = ", ".join(one_line(_short_source(s), MAX_SOURCE) for s in item.sources)
    meta = f"{language} · {sources}"
    plain_title = one_line(item.title, MAX_TITLE)
    title = escape(plain_title)
    url = visible_url(item.url)
    if url:
        title = f'<a href="{html.escape(url, quote=True)}">{title}</a>'
    if number is not None:
        title, plain_title = f"{number}. {title}", f"{number}. {plain_title}"
    return (f"<b>{title}</b>\n<i>{escape(meta)}</i>", f"{plain_title}\n{meta}")


def visible_url(url: str | None) -> str | None:
    """A link worth showing: http(s), without spaces or controls, of a sane length."""
    if not url or not url.startswith(("http://", "https://")) or len(url) > MAX_URL:
        return None
    return None if visible(url) != url or any(ch.isspace() for ch in url) else url


def _quote(text: str, speaker: str | None, language: str = "en") -> Line:
    text = bounded_text(text, MAX_QUOTE)
    who = one_line(speaker, MAX_SPEAKER) if speaker else label(language, "unattributed")
    return (f"«{escape(text)}» — <i>{escape(who)}</i>", f"«{text}» — {who}")


def _short_source(source: str) -> str:
    """File paths shrink to their name; URLs and feed names stay as they are."""
    if "://" in source:
        return source
    return source.replace("\\", "/").rsplit("/", 1)[-1]
