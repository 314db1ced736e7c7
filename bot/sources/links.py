"""Links posted in chat, given to /summary or to `briefbot summarize URL`: find them, fetch
the page (with the same address checks and limits everywhere), make a report."""

from __future__ import annotations

import asyncio
import re

from bot.analysis.model import Report, ReportError

from .fetch import FetchError, FetchPolicy, fetch, new_client
from .pages import report_from_page

MAX_LINKS = 3
_URL = re.compile(r"https?://[^\s<>\"'«»“”]+", re.IGNORECASE)


def find_links(text: str, limit: int = MAX_LINKS) -> list[str]:
    """http(s) URLs in a message in order, each once, trailing punctuation dropped."""
    found: list[str] = []
    for match in _URL.finditer(text or ""):
        url = match.group().rstrip(".,;:!?)]}")
        if url not in found:
            found.append(url)
        if len(found) == limit:
            break
    return found


def is_link(text: str) -> bool:
    return bool(re.fullmatch(r"https?://\S+", text.strip(), re.IGNORECASE))


async def link_report(url: str, policy: FetchPolicy) -> Report:
    """Fetch and extract one page; every failure is a ReportError naming the URL."""
    try:
        async with new_client(policy) as client:
            fetched = await fetch(client, url, policy)
    except FetchError as exc:
        raise ReportError(url, exc.reason) from None
    return await asyncio.to_thread(report_from_page, fetched, url)


def fetch_report(url: str, policy: FetchPolicy) -> Report:
    """`link_report` for synchronous callers (the CLI): its own event loop, the same safety.

    Raises ReportError naming the URL for every failure. Not for use inside a running loop.
    """
    return asyncio.run(link_report(url, policy))
