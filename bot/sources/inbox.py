"""The inbox folder as a source of reports: new files become stored reports.

Files already read (same size and modification time) are skipped, so a scan every few minutes
does not re-parse a folder of PDFs; that stat cache holds only the files in the folder now, and
the store's content ids make re-reading after a restart harmless. Files modified in the last
`settle_seconds` are left for the next scan: a file still being copied in would otherwise be
stored half-written (as a different report, by content id).

Any failure while reading one file (not only a ReportError: a library bug on an odd DOCX too)
fails that file alone; it is logged, recorded in the store's source state ("inbox"), and the
files after it are still stored. A file is marked read only once its report is stored, so a
database that fails mid-scan leaves it for the next one.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from pathlib import Path

from bot.analysis.loaders import iter_paths, load_report
from bot.analysis.model import Report, ReportError
from bot.briefing.intake import read_report, store_report
from bot.briefing.ports import BriefingStore

log = logging.getLogger(__name__)
MIB = 1024 * 1024
SOURCE_KEY = "inbox"
Stamp = tuple[int, int]


@dataclass(frozen=True)
class ScanResult:
    """What one scan found: newly stored reports and files that could not be read."""

    new: tuple[Report, ...]
    failures: tuple[str, ...]


class Inbox:
    """Scans one folder (or file) and hands new reports to the store through the intake."""

    def __init__(self, path: Path, *, max_file_mb: float = 50.0,
                 settle_seconds: float = 1.0) -> None:
        self.path = path
        self.max_bytes = int(max_file_mb * MIB)
        self.settle_seconds = settle_seconds
        # path -> (stamp when last read, why it could not be read or None)
        self._seen: dict[Path, tuple[Stamp, str | None]] = {}

    @property
    def failures(self) -> tuple[str, ...]:
        """Files in the folder now that could not be read at their last look ("file: reason")."""
        return tuple(error for _, error in self._seen.values() if error is not None)

    def changed(self) -> list[tuple[Path, Stamp]]:
        """Settled files that are new or changed since they were read (blocking: a thread)."""
        if not self.path.exists():
            log.warning("inbox %s does not exist; no reports to pick up", self.path)
            self._seen.clear()
            return []
        found: list[tuple[Path, Stamp]] = []
        present: set[Path] = set()
        for path in iter_paths([self.path]):
            try:
                stat = path.stat()
            except OSError:
                continue
            present.add(path)
            stamp = (stat.st_mtime_ns, stat.st_size)
            if path in self._seen and self._seen[path][0] == stamp:
                continue
            if time.time() - stat.st_mtime < self.settle_seconds:
                log.info("%s is still changing; reading it on the next scan", path)
                continue
            found.append((path, stamp))
        for gone in self._seen.keys() - present:
            del self._seen[gone]
        return found

    def subfolder(self, path: Path) -> str:
        """The folder under the inbox a file lies in ("energy", "" at the top): its origin."""
        if not path.is_relative_to(self.path):
            return ""
        return path.relative_to(self.path).parent.as_posix().strip(".")

    def read(self, path: Path) -> Report:
        """One file as a report; any failure is a ReportError naming the file (blocking)."""
        return read_report(str(path), load_report, path, max_bytes=self.max_bytes)

    async def scan(self, store: BriefingStore) -> ScanResult:
        """Store the reports of new or changed files; one file failing never stops the rest."""
        new: list[Report] = []
        failures: list[str] = []
        for path, stamp in await asyncio.to_thread(self.changed):
            try:
                report = await asyncio.to_thread(self.read, path)
            except ReportError as exc:
                log.warning("cannot read %s", exc)
                failures.append(str(exc))
                self._seen[path] = (stamp, str(exc))
                continue
            if await store_report(store, report, SOURCE_KEY, where=self.subfolder(path)):
                new.append(report)
            self._seen[path] = (stamp, None)
        await store.record_source_success(SOURCE_KEY, new_reports=len(new))
        if failures:
            await store.record_source_error(SOURCE_KEY, failures[-1])
        return ScanResult(tuple(new), tuple(failures))
