"""An in-memory store and a recording sender: just what the briefing workflow needs (ports.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.analysis.model import Analysis, Report
from bot.briefing import SENT, Destination, SendResult
from bot.errors import StoreUnavailable


@dataclass
class Backlog:
    reports: list[Report]
    older: list[str] = field(default_factory=list)


@dataclass
class DigestRun:
    kind: str
    report_count: int
    created_at: datetime


class MemoryStore:
    """Reports in arrival order, deliveries and skips per chat, failures per report."""

    def __init__(self) -> None:
        self.reports: dict[str, Report] = {}
        self.origins: dict[str, str | None] = {}
        self.delivered: dict[str, list[str]] = {}
        self.skipped: dict[str, list[str]] = {}
        self.analyses: dict[tuple[str, str], Analysis] = {}
        self.failures: dict[str, tuple[int, str]] = {}
        self.digests: dict[str, list[DigestRun]] = {}
        self.gone = False

    def _check(self) -> None:
        if self.gone:
            raise StoreUnavailable("database", "the database file is gone")

    async def add_report(self, report: Report, *, origin: str | None = None) -> bool:
        self._check()
        if report.id in self.reports:
            return False
        self.reports[report.id] = report
        self.origins[report.id] = origin
        return True

    async def backlog(self, chat_id: int | str, limit: int,
                      quarantine_after: int | None = None,
                      takes: Callable[[str | None], bool] | None = None) -> Backlog:
        self._check()
        done = set(self.delivered.get(str(chat_id), [])) | set(self.skipped.get(str(chat_id), []))
        pending = [r for r in self.reports.values() if r.id not in done
                   and (takes is None or takes(self.origins[r.id]))
                   and (quarantine_after is None
                        or self.failures.get(r.id, (0, ""))[0] < quarantine_after)]
        split = max(len(pending) - limit, 0)
        return Backlog(pending[split:], [r.id for r in pending[:split]])

    async def mark_delivered(self, chat_id: int | str, report_ids: Iterable[str]) -> int:
        self._check()
        self.delivered.setdefault(str(chat_id), []).extend(report_ids)
        return 0

    async def mark_skipped(self, chat_id: int | str, report_ids: Iterable[str]) -> int:
        self.skipped.setdefault(str(chat_id), []).extend(report_ids)
        return 0

    async def delivery_counts(self, chat_id: int | str) -> int:
        key = str(chat_id)
        return len(self.delivered.get(key, [])) + len(self.skipped.get(key, []))

    async def load_analysis(self, report: Report, options_key: str) -> Analysis | None:
        return self.analyses.get((report.id, options_key))

    async def save_analysis(self, options_key: str, analysis: Analysis) -> None:
        self.analyses[(analysis.report.id, options_key)] = analysis

    async def record_failure(self, report_id: str, reason: str) -> int:
        attempts = self.failures.get(report_id, (0, ""))[0] + 1
        self.failures[report_id] = (attempts, reason)
        return attempts

    async def clear_failure(self, report_id: str) -> None:
        self.failures.pop(report_id, None)

    async def record_digest(self, chat_id: int | str, kind: str, report_count: int) -> None:
        self.digests.setdefault(str(chat_id), []).append(
            DigestRun(kind, report_count, datetime.now(UTC)))

    async def last_digest(self, chat_id: int | str) -> DigestRun | None:
        runs = self.digests.get(str(chat_id))
        return runs[-1] if runs else None

    async def record_source_success(self, key: str, *, new_reports: int = 0) -> None:
        return None

    async def record_source_error(self, key: str, error: str) -> None:
        return None


@dataclass
class Posted:
    destination: Destination
    html: str
    plain: str


class RecordingSender:
    """Accepts every message unless told otherwise: answers[i] is the answer to the i-th send."""

    def __init__(self, answers: dict[int, SendResult] | None = None) -> None:
        self.posted: list[Posted] = []
        self.answers = answers or {}
        self.calls = 0

    async def send(self, destination: Destination, html: str, plain: str) -> SendResult:
        answer = self.answers.get(self.calls, SENT)
        self.calls += 1
        if answer.sent:
            self.posted.append(Posted(destination, html, plain))
        return answer

    def plain(self) -> str:
        return "\n\n".join(p.plain for p in self.posted)
