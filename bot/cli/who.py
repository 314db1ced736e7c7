"""`briefbot who NAME`: the latest quotes by a speaker across the stored reports.

Short forms and Russian case forms find the same person ("Greene" finds "Maurice Greene",
"Кудрина" finds "Алексей Кудрин"): see bot/analysis/names.py.
"""

from __future__ import annotations

from .indexed import IndexQuery


def line(quote) -> str:
    return f"«{quote.text}» — {quote.speaker} · {quote.title} · {quote.added_at:%Y-%m-%d}"


WHO = IndexQuery(
    command="who", help="latest quotes by a speaker in the stored reports",
    argument="name", argument_help="the speaker: a surname is enough, in any case form",
    method="quotes_by", line=line, nothing="no quotes by {!r} in the stored reports")
register = WHO.register
