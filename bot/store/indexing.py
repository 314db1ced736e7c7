"""The who-said-what index: one row per distinct quote and figure a report's analyses found.

Filled by Store.save_analysis and, for analyses saved before the index existed, by migration
0003, through the same function, so both agree on keys. A report analysed with other options
(more quotes) adds only what the index lacks; quotes with no speaker are left out (nobody can
ask for them by name).
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import TableClause, func, select
from sqlalchemy.engine import Connection

from bot.analysis.names import speaker_key
from bot.analysis.terms import stem_key
from bot.store.statements import dialect_of

KEY_LIMIT = 100  # speaker_key's column width


def index_analysis(conn: Connection, quotes: TableClause, figures: TableClause,
                   report_id: str, language: str, data: Mapping) -> None:
    """Add the analysis' quotes and figures (its to_json form) that the report lacks so far."""
    quote_rows = [{"speaker": q["speaker"], "speaker_key": speaker_key(q["speaker"])[:KEY_LIMIT],
                   "text": q["text"]}
                  for q in data.get("quotes", ()) if q.get("speaker") and q.get("text")]
    figure_rows = [{"value": f["value"], "context": f.get("context") or "",
                    "sentence": f.get("sentence") or "",
                    "context_key": stem_key(f"{f.get('context') or ''} {f.get('sentence') or ''}",
                                            language)}
                   for f in data.get("figures", ()) if f.get("value")]
    _append(conn, quotes, report_id, quote_rows, ("text",))
    _append(conn, figures, report_id, figure_rows, ("value", "context"))


def _append(conn: Connection, table: TableClause, report_id: str, rows: list[dict],
            identity: tuple[str, ...]) -> None:
    """Insert the rows not yet indexed for the report, numbered after the ones that are."""
    if not rows:
        return
    mine = table.c.report_id == report_id
    known = {tuple(r) for r in conn.execute(select(*(table.c[c] for c in identity)).where(mine))}
    fresh = list({tuple(r[c] for c in identity): r for r in rows
                  if tuple(r[c] for c in identity) not in known}.values())
    if not fresh:
        return
    start = conn.execute(select(func.coalesce(func.max(table.c.seq), -1)).where(mine)).scalar()
    numbered = [{**row, "report_id": report_id, "seq": start + 1 + i}
                for i, row in enumerate(fresh)]
    conn.execute(dialect_of(conn).insert(table).on_conflict_do_nothing(), numbered)
