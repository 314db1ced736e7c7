"""What the offline commands read: files, folders, URLs and standard input, as reports.

A URL is fetched with the bot's own safe fetching and limits (public addresses only unless
the settings allow private ones, size cap, one deadline). Standard input has no file name,
so its format is recognised from its first bytes (a PDF piped in is not read as text);
`--format` overrides the guess for stdin and files alike.
"""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from bot.analysis.loaders import MIB, SUPPORTED, iter_paths, load_bytes, load_report
from bot.analysis.model import Report, ReportError

from .options import FORMATS

if TYPE_CHECKING:  # fetching (httpx, ssl) is imported only when an input is a URL
    from bot.settings import Settings
    from bot.sources.fetch import FetchPolicy

STDIN = "-"
SUPPORTED_HINT = "use .txt .md .html .pdf .docx"


def is_url(name: str) -> bool:
    return bool(re.match(r"^https?://", name, re.IGNORECASE))


def sniff_format(data: bytes) -> str:
    """html, pdf, docx or text, from the content alone (standard input has no file name)."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:65536]:
        return "docx"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or re.search(
            rb"<(html|head|body|article|p|div)[\s>]", head):
        return "html"
    return "text"


def fetch_policy(settings: Settings) -> FetchPolicy:
    """The same limits the bot uses for links and feeds."""
    from bot.sources.fetch import FetchPolicy

    sources = settings.sources
    return FetchPolicy(timeout=sources.fetch_timeout_seconds,
                       max_bytes=int(sources.max_fetch_mb * MIB),
                       allow_private=sources.allow_private_addresses)


def read_input(name: str, settings: Settings, *, fmt: str | None = None,
               language: str | None = None) -> Report:
    """One report from a file, a URL or "-" (stdin); ReportError names the input if it fails."""
    max_bytes = int(settings.max_file_mb * MIB)
    if is_url(name):
        import asyncio

        from bot.sources.links import link_report

        report = asyncio.run(link_report(name, fetch_policy(settings)))
    elif name == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise ReportError(STDIN, f"standard input is over the {max_bytes // MIB} MB limit")
        report = load_bytes(data, "stdin" + FORMATS[fmt or sniff_format(data)], source=STDIN)
    elif fmt is not None:
        path = Path(name)
        report = load_bytes(_read_file(path, max_bytes), path.stem + FORMATS[fmt], source=name)
    else:
        report = load_report(Path(name), max_bytes=max_bytes)
    return replace(report, language=language) if language else report


def _read_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a file given with --format, with load_report's checks and messages."""
    try:
        if path.stat().st_size > max_bytes:
            raise ReportError(str(path), f"too large (the limit is {max_bytes / MIB:.0f} MB)")
        return path.read_bytes()
    except FileNotFoundError:
        raise ReportError(str(path), "no such file") from None
    except OSError as exc:
        raise ReportError(str(path), f"cannot be read ({exc.strerror or exc})") from None


def report_files(roots: list[Path]) -> tuple[list[Path], list[Path]]:
    """(files to read, files in the folders that briefbot cannot read), hidden files left out."""
    readable = iter_paths(roots)
    unsupported = [
        p for root in roots if root.is_dir() for p in sorted(root.rglob("*"))
        if p.is_file() and p.suffix.lower() not in SUPPORTED
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    ]
    return readable, unsupported
