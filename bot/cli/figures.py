"""`briefbot figures TERM`: the latest key figures about a term.

A figure matches when its sentence holds the term in any word form, in either language
("sanction" finds "sanctions", "газ" finds "газа"): see bot/analysis/terms.py.
"""

from __future__ import annotations

from .indexed import IndexQuery


def line(figure) -> str:
    return f"{figure.value} — {figure.context} · {figure.title} · {figure.added_at:%Y-%m-%d}"


FIGURES = IndexQuery(
    command="figures", help="latest key figures about a term in the stored reports",
    argument="term", argument_help="word(s) the figure's sentence must mention, any word form",
    method="figures_about", line=line, nothing="no figures about {!r} in the stored reports")
register = FIGURES.register
