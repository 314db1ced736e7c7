"""RSS and Atom feeds to entries: a stable key, a title, a link and the text the feed carries.

feedparser does the parsing (RSS 0.9x/1.0/2.0, Atom, broken markup). Bodies arrive already
size-limited; a feed that declares XML entities is refused outright, since feeds never need
them and entity expansion is how a small document becomes a huge one. The entry's HTML is
turned into text by trafilatura, the same extractor used for article pages.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import urljoin

from bot.analysis.titles import plain_label
from bot.errors import FetchError

MAX_ENTRIES = 50
# An entry shorter than this (or ending in an ellipsis or "read more") is a teaser: the
# article page holds the report.
TEASER_CHARS = 300
_TEASER_END = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\]|read more|continue reading|далее|"
                         r"читать далее|подробнее)\W*$", re.IGNORECASE)


@dataclass(frozen=True)
class Entry:
    key: str
    title: str
    link: str | None
    text: str

    @property
    def is_teaser(self) -> bool:
        body = self.text.strip()
        return len(body) < TEASER_CHARS or bool(_TEASER_END.search(body))


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    entries: tuple[Entry, ...]


def parse_feed(body: bytes, url: str, *, limit: int = MAX_ENTRIES) -> ParsedFeed:
    """Entries in the feed's order (usually newest first), at most `limit` of them.

    Raises FetchError for a feed that cannot be used, whatever the parser raised.
    """
    if re.search(rb"<!ENTITY", body[:65536], re.IGNORECASE):
        raise FetchError(url, "the feed declares XML entities; refused")
    try:
        return _parse(body, url, limit)
    except FetchError:
        raise
    except Exception as exc:  # a parser's bug on one odd feed must fail that feed only
        raise FetchError(url, f"could not read the feed: {type(exc).__name__}") from exc


def _parse(body: bytes, url: str, limit: int) -> ParsedFeed:
    import feedparser

    parsed = feedparser.parse(body)
    if parsed.get("bozo") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise FetchError(url, f"not a readable RSS or Atom feed ({_describe(problem)})")
    if not parsed.entries and not parsed.feed.get("title"):
        raise FetchError(url, "not an RSS or Atom feed (no channel and no entries)")
    entries = tuple(_entry(e, url) for e in parsed.entries[:limit])
    return ParsedFeed(title=plain_label(str(parsed.feed.get("title") or "")) or url,
                      entries=entries)


def _describe(problem: object) -> str:
    text = str(problem) if problem else "unknown error"
    return re.sub(r"^<unknown>:\d+:\d+:\s*", "", text.splitlines()[0])[:120]


def _entry(raw, feed_url: str) -> Entry:
    link = urljoin(feed_url, raw["link"]) if raw.get("link") else None
    identity = raw.get("id") or link or f"{raw.get('title', '')}|{raw.get('published', '')}"
    key = hashlib.sha256(str(identity).encode("utf-8")).hexdigest()[:32]
    return Entry(key=key, title=plain_label(_text(raw.get("title", ""))), link=link,
                 text=_body(raw))


def _body(raw) -> str:
    """The fullest text the entry carries: content:encoded / Atom content, else the summary."""
    candidates = [c.get("value", "") for c in raw.get("content", []) or []]
    candidates.append(raw.get("summary", ""))
    texts = [_text(c) for c in candidates if c]
    return max(texts, key=len, default="")


def _text(fragment: str) -> str:
    if "<" not in fragment and "&" not in fragment:
        return fragment
    return html_to_text(fragment)


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment with paragraphs kept (trafilatura, whole-text fallback)."""
    import trafilatura

    document = f"<html><body><article>{fragment}</article></body></html>"
    text = trafilatura.extract(document, favor_recall=True, deduplicate=False,
                               include_comments=False, include_tables=False)
    return text or trafilatura.html2txt(document) or ""
