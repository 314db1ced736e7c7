"""What the store hands back: frozen values, no database handles inside."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from bot.analysis.model import Report


@dataclass(frozen=True)
class SavedFeed:
    """A feed changed in chat: added (removed=False) or taken off the settings' list."""

    url: str
    name: str
    interval_seconds: int
    removed: bool


@dataclass(frozen=True)
class SourceState:
    """Health of one source for /sources, plus a feed's validators for conditional requests."""

    key: str
    etag: str | None = None
    last_modified: str | None = None
    last_success: datetime | None = None
    last_error: str | None = None
    last_error_at: datetime | None = None
    reports: int = 0


@dataclass(frozen=True)
class StoredReport:
    """A report plus when it arrived; what /reports lists."""

    report: Report
    added_at: datetime


@dataclass(frozen=True)
class DigestRun:
    """One digest (or "nothing new" check) for a chat."""

    chat_id: str
    kind: str
    report_count: int
    created_at: datetime


@dataclass(frozen=True)
class QuarantinedReport:
    """A report whose analysis failed often enough to stop retrying it; shown in /status."""

    id: str
    title: str
    source: str
    reason: str
    attempts: int
    last_at: datetime


@dataclass(frozen=True)
class Backlog:
    """What a chat has not received: the latest reports in full, older ones by id only.

    `older` (oldest first) is what a bounded backfill does not send; record it with
    `Store.mark_skipped` so it never goes out later.
    """

    reports: list[Report]
    older: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class IndexedQuote:
    """A quote from the who-said-what index, with the report it came from."""

    text: str
    speaker: str
    report_id: str
    title: str
    source: str
    added_at: datetime


@dataclass(frozen=True)
class IndexedFigure:
    """A key figure from the index, with the report it came from."""

    value: str
    context: str
    sentence: str
    report_id: str
    title: str
    source: str
    added_at: datetime


@dataclass(frozen=True)
class Watch:
    """A term a chat watches: /watch in chat (created_by the user) or a target's settings."""

    id: int
    chat_id: str
    term: str
    created_by: int | None
    created_at: datetime

    @property
    def from_settings(self) -> bool:
        return self.created_by is None


@dataclass(frozen=True)
class DeliveredReport:
    """A report sent to a chat, with the title and bullets the chat saw (for follow-ups)."""

    report: Report
    delivered_at: datetime
    title: str
    summary: tuple[str, ...]
