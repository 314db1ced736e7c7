"""Decide what goes into a digest: one item per story, in the given order."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from ..analysis.model import Analysis
from .merge import DEFAULT_THRESHOLD, group_similar, merged_figures, merged_quotes
from .model import Digest, DigestItem


def build_digest(
    analyses: Sequence[Analysis], *, created: datetime | None = None, failures: Sequence[str] = (),
    merge_threshold: float | None = DEFAULT_THRESHOLD, skipped: int = 0,
) -> Digest:
    """The same report read from two places (same content id) becomes one item naming both;
    reports telling the same story (similarity >= merge_threshold; None: never) become one
    item naming every source and keeping each report's figures and quotes."""
    distinct: dict[str, Analysis] = {}
    sources: dict[str, list[str]] = {}
    for analysis in analyses:
        report = analysis.report
        distinct.setdefault(report.id, analysis)
        names = sources.setdefault(report.id, [])
        if report.source not in names:
            names.append(report.source)
    if merge_threshold is None or len(distinct) < 2:
        groups = [[a] for a in distinct.values()]
    else:
        groups = group_similar(list(distinct.values()), merge_threshold)
    return Digest(
        created=created or datetime.now(UTC),
        items=tuple(_item(group, sources) for group in groups),
        failures=tuple(failures),
        skipped=skipped,
    )


def _item(group: Sequence[Analysis], sources: dict[str, list[str]]) -> DigestItem:
    """The first report tells the story (title, summary); every report adds sources, figures
    and quotes."""
    first = group[0].report
    names = list(dict.fromkeys(s for a in group for s in sources[a.report.id]))
    return DigestItem(
        report_id=first.id,
        title=first.title,
        url=first.url or next((a.report.url for a in group if a.report.url), None),
        sources=tuple(names),
        language=first.language,
        summary=group[0].summary,
        figures=group[0].figures if len(group) == 1 else merged_figures(group),
        quotes=group[0].quotes if len(group) == 1 else merged_quotes(group),
        also=tuple(a.report.id for a in group[1:]),
    )
