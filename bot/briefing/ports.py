"""What the briefing workflow needs from the outside world, and nothing more.

The store is the async facade (bot.store.aio.AsyncStore satisfies `BriefingStore`); the sender
is whatever posts a message: Telegram in the bot, the terminal in the CLI, a list in tests.
Keeping these as protocols keeps the workflow free of Telegram and SQL, and honest about
which store calls it makes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum
from typing import Protocol

from bot.analysis.model import Analysis, Report


class BacklogView(Protocol):
    """What a chat has not received: the latest reports in full, older ones by id (oldest first)."""

    reports: Sequence[Report]
    older: Sequence[str]


class DeliveredView(Protocol):
    """A report the chat received, with the title and bullets it saw."""

    report: Report
    title: str
    summary: tuple[str, ...]


class DigestRunView(Protocol):
    created_at: datetime


class BriefingStore(Protocol):
    """The store calls the workflow makes (all awaitable; the store owns the thread hand-off)."""

    async def add_report(self, report: Report, *, origin: str | None = None) -> bool: ...
    async def backlog(self, chat_id: int | str, limit: int,
                      quarantine_after: int | None = None,
                      takes: Callable[[str | None], bool] | None = None) -> BacklogView: ...
    async def mark_delivered(self, chat_id: int | str, report_ids: Iterable[str]) -> int: ...
    async def mark_skipped(self, chat_id: int | str, report_ids: Iterable[str]) -> int: ...
    async def delivery_counts(self, chat_id: int | str) -> int: ...
    async def load_analysis(self, report: Report, options_key: str) -> Analysis | None: ...
    async def save_analysis(self, options_key: str, analysis: Analysis) -> None: ...
    async def record_failure(self, report_id: str, reason: str) -> int: ...
    async def clear_failure(self, report_id: str) -> None: ...
    async def record_digest(self, chat_id: int | str, kind: str, report_count: int) -> None: ...
    async def last_digest(self, chat_id: int | str) -> DigestRunView | None: ...
    async def record_source_success(self, key: str, *, new_reports: int = 0) -> None: ...
    async def record_source_error(self, key: str, error: str) -> None: ...
    # follow-ups (called only when WorkflowConfig.followup_days > 0)
    async def delivered_since(self, chat_id: int | str, since: datetime,
                              options_key: str) -> Sequence[DeliveredView]: ...
    async def record_shown(self, chat_id: int | str,
                           shown: Mapping[str, tuple[str, Sequence[str]]]) -> None: ...


@dataclass(frozen=True)
class Destination:
    """Where a digest goes: a chat (numeric id once resolved), optionally as a reply in a topic."""

    chat_id: int | str
    name: str = ""
    reply_to: int | None = None
    thread_id: int | None = None

    @property
    def key(self) -> str:
        """One key per chat for locks and the store (ids and '@names' as text)."""
        return str(self.chat_id)

    def follow_up(self) -> Destination:
        """Only the first message of a digest replies to the request."""
        return replace(self, reply_to=None)


class SendStatus(Enum):
    SENT = "sent"
    REJECTED = "rejected"  # this message can never be sent: its reports fail, the rest go on
    STOPPED = "stopped"    # the chat takes nothing now (blocked, gone, network down): try later


@dataclass(frozen=True)
class SendResult:
    status: SendStatus
    reason: str = ""
    error: Exception | None = None

    @property
    def sent(self) -> bool:
        return self.status is SendStatus.SENT


SENT = SendResult(SendStatus.SENT)


class Sender(Protocol):
    """Posts one message (HTML, with its plain-text twin for a fallback); never raises for a
    refusal: says whether the message, or the whole chat, was refused.

    buttons (rows of (label, callback data)) are passed only for a message that has any, and
    only when WorkflowConfig.buttons is on: a sender without buttons needs no such parameter."""

    async def send(self, destination: Destination, html: str, plain: str) -> SendResult: ...
