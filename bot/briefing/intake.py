"""The one way a source (inbox, feeds, links, uploads) reads a report and hands it to the store.

Reading is isolated: whatever a loader raises for one file or page (a ReportError, or a library
bug on an odd DOCX) becomes a ReportError for that input alone, so the inputs after it are
still read and stored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import ParamSpec

from bot.analysis.model import Report
from bot.errors import BriefbotError, ReportError, StoreUnavailable

from .ports import BriefingStore
from .routing import origin_of

log = logging.getLogger(__name__)
P = ParamSpec("P")
SOURCE_KINDS = ("inbox", "feed", "link", "upload", "text")


def describe(exc: BaseException) -> str:
    """A failure's reason for logs, /status and the CLI: ours as written, others named."""
    if isinstance(exc, BriefbotError):
        return exc.reason
    return f"unexpected {type(exc).__name__}: {exc}"[:300]


def read_report(source: str, loader: Callable[P, Report], *args: P.args,
                **kwargs: P.kwargs) -> Report:
    """loader(*args) for one input; any failure is a ReportError naming `source`."""
    try:
        return loader(*args, **kwargs)
    except StoreUnavailable:
        raise
    except ReportError:
        raise
    except Exception as exc:  # a library bug on one odd input must not stop the others
        log.warning("cannot read %s", source, exc_info=True)
        raise ReportError(source, f"cannot be read ({describe(exc)})") from exc


async def store_report(store: BriefingStore, report: Report, source_kind: str,
                       origin_chat: int | str | None = None, *, where: str | None = None) -> bool:
    """Store one report from a source; True when it is new. Every source comes through here.

    The report keeps its origin for routing (routing.origin_of): `where` is the inbox
    subfolder or the feed name; links and uploads are placed by origin_chat."""
    if source_kind not in SOURCE_KINDS:
        raise ValueError(f"unknown source kind {source_kind!r}")
    added = await store.add_report(
        report, origin=origin_of(source_kind, where if where is not None else origin_chat))
    if added:
        log.info("new report %s (%s%s): %s", report.id, source_kind,
                 f" from chat {origin_chat}" if origin_chat is not None else "", report.source)
    return added
