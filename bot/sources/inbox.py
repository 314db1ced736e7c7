"""The inbox folder as a source of reports: new files become stored reports.

Files already read (same size and modification time) are skipped, so a scan every few minutes
does not re-parse a folder of PDFs; the store's content ids make re-reading harmless anyway.
Files modified in the last `settle_seconds` are left for the next scan: a file still being
copied in would otherwise be stored half-written (as a different report, by content id).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from bot.analysis.loaders import iter_paths, load_report
from bot.analysis.model import Report, ReportError
from bot.store.db import Store

log = logging.getLogger(__name__)
MIB = 1024 * 1024


@dataclass(frozen=True)
class ScanResult:
    """What one scan found: newly stored reports and files that could not be read."""

    new: tuple[Report, ...]
    failures: tuple[str, ...]


class Inbox:
    """Scans one folder (or file); blocking, so call scan() from a worker thread."""

    def __init__(self, path: Path, *, max_file_mb: float = 50.0,
                 settle_seconds: float = 1.0) -> None:
        self.path = path
        self.max_bytes = int(max_file_mb * MIB)
        self.settle_seconds = settle_seconds
        self._seen: dict[Path, tuple[int, int]] = {}
        self._failures: dict[Path, str] = {}

    @property
    def failures(self) -> tuple[str, ...]:
        """Files that could not be read at the last look ("file: reason")."""
        return tuple(self._failures.values())

    def scan(self, store: Store) -> ScanResult:
        if not self.path.exists():
            log.warning("inbox %s does not exist; no reports to pick up", self.path)
            return ScanResult((), ())
        new: list[Report] = []
        failures: list[str] = []
        for path in iter_paths([self.path]):
            try:
                stat = path.stat()
            except OSError:
                continue
            stamp = (stat.st_mtime_ns, stat.st_size)
            if self._seen.get(path) == stamp:
                continue
            if time.time() - stat.st_mtime < self.settle_seconds:
                log.info("%s is still changing; reading it on the next scan", path)
                continue
            try:
                report = load_report(path, max_bytes=self.max_bytes)
            except ReportError as exc:
                log.warning("cannot read %s", exc)
                self._failures[path] = str(exc)
                failures.append(str(exc))
            else:
                self._failures.pop(path, None)
                if store.add_report(report):
                    log.info("new report %s from %s", report.id, path)
                    new.append(report)
            self._seen[path] = stamp
        return ScanResult(tuple(new), tuple(failures))
