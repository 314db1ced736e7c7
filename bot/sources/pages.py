"""A fetched web page (or document) as a Report, through the same loaders as files.

HTML goes through trafilatura (main text, not menus and footers) via load_bytes; PDF, DOCX
and plain text links work too. The report keeps the page's address as its url.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

from bot.analysis.loaders import load_bytes, report_from_text
from bot.analysis.model import Report, ReportError
from bot.analysis.titles import safe_title

from .fetch import Fetched

_TYPES = {
    "text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt",
    "text/markdown": ".md", "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}


def page_extension(fetched: Fetched) -> str:
    """Extension for the loaders: the content type decides, the URL's suffix breaks ties."""
    mime = fetched.content_type.split(";", 1)[0].strip().lower()
    if mime in _TYPES:
        return _TYPES[mime]
    path = urlsplit(fetched.url).path.lower()
    for suffix in (".pdf", ".docx", ".txt", ".md"):
        if path.endswith(suffix):
            return suffix
    return ".html"


def report_from_page(fetched: Fetched, source: str, *, title: str | None = None) -> Report:
    """The page's main text as a report; raises ReportError when there is none."""
    report = load_bytes(fetched.body, "page" + page_extension(fetched), source=source)
    title = safe_title(title)
    if title and report.title != title:
        report = replace(report, title=title)
    return replace(report, url=fetched.url)


def report_from_entry_text(text: str, source: str, *, title: str, url: str | None) -> Report:
    """A feed entry whose own text is the report (no page, or the page failed)."""
    if not text.strip():
        raise ReportError(source, "the entry has no text")
    return report_from_text(text, source, title=title or None, url=url)
