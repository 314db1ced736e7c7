"""Fixtures for source tests: the local web server and feed documents built from stories."""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

import pytest

from bot.sources.fetch import MIB, FetchPolicy
from tests.fakes.web_server import FakeWeb

# Tests reach 127.0.0.1 only, so private addresses must be allowed; timeouts stay short.
LOCAL = FetchPolicy(timeout=2.0, max_bytes=1 * MIB, allow_private=True)


@pytest.fixture
def web() -> Iterator[FakeWeb]:
    fake = FakeWeb().start()
    try:
        yield fake
    finally:
        fake.stop()


def split_story(story: str) -> tuple[str, str]:
    title, _, body = story.partition("\n\n")
    return title, body


def html_paragraphs(body: str) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n"))


def rss(title: str, items: list[tuple[str, str, str]]) -> str:
    """RSS 2.0 with (guid, link, story) items; the story's first line is the entry title."""
    parts = []
    for guid, link, story in items:
        head, body = split_story(story)
        paragraphs = html_paragraphs(body)
        parts.append(f"<item><title>{escape(head)}</title><link>{escape(link)}</link>"
                     f"<guid>{escape(guid)}</guid>"
                     f"<description>{escape(paragraphs)}</description></item>")
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{escape(title)}</title><link>http://example.org/</link>"
            f"<description>test</description>{''.join(parts)}</channel></rss>")


def atom(title: str, entries: list[tuple[str, str, str]]) -> str:
    """Atom with (id, link, story) entries carrying HTML content."""
    parts = []
    for entry_id, link, story in entries:
        head, body = split_story(story)
        paragraphs = html_paragraphs(body)
        parts.append(f"<entry><title>{escape(head)}</title><id>{escape(entry_id)}</id>"
                     f'<link href="{escape(link)}"/><updated>2025-03-05T08:00:00Z</updated>'
                     f'<content type="html">{escape(paragraphs)}</content></entry>')
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{escape(title)}</title><id>urn:test</id>"
            f"<updated>2025-03-05T08:00:00Z</updated>{''.join(parts)}</feed>")


def article_page(story: str) -> str:
    """An article page with navigation, a cookie banner and a footer around the story."""
    head, body = split_story(story)
    paragraphs = "\n".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n"))
    return (f"<!doctype html><html><head><title>{escape(head)} | The Daily</title></head><body>"
            f'<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>'
            f'<div class="cookie">We use cookies to improve your experience. Accept all?</div>'
            f"<main><article><h1>{escape(head)}</h1>{paragraphs}</article></main>"
            f"<footer>© 2025 The Daily. All rights reserved. Subscribe to our newsletter."
            f"</footer></body></html>")


# The end-to-end bot fixtures live with the chat tests; source tests drive the same bot.
from tests.chat.conftest import inbox, settings  # noqa: E402, F401
