"""Decide what goes into a digest: one item per distinct report, in the given order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

from ..analysis.model import Analysis
from .model import Digest, DigestItem


def build_digest(
    analyses: Sequence[Analysis], *, created: datetime | None = None, failures: Sequence[str] = ()
) -> Digest:
    """The same report read from two places (same content id) becomes one item naming both."""
    items: dict[str, DigestItem] = {}
    for analysis in analyses:
        report = analysis.report
        existing = items.get(report.id)
        if existing is not None:
            if report.source not in existing.sources:
                items[report.id] = _with_source(existing, report.source)
            continue
        items[report.id] = DigestItem(
            report_id=report.id,
            title=report.title,
            url=report.url,
            sources=(report.source,),
            language=report.language,
            summary=analysis.summary,
            figures=analysis.figures,
            quotes=analysis.quotes,
        )
    return Digest(
        created=created or datetime.now(UTC),
        items=tuple(items.values()),
        failures=tuple(failures),
    )


def _with_source(item: DigestItem, source: str) -> DigestItem:
    return replace(item, sources=(*item.sources, source))
