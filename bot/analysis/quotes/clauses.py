"""Shapes of the few words between a name and what it does, as attribution reads them.

Whether a name is the subject of a speech verb, only describes it, or is the object of a
preposition depends on the words between them: ", the Rt Rev Dr " makes an apposition, a "who"
opens a relative clause, a "from" or "в" makes the name an object. These tests look only at the
masked text and the language's patterns, so each attribution reader asks them the same way.
"""

from __future__ import annotations

import re

from .rules import UPPER, Patterns

# ", the " (with honorifics already outside the name) between a place and a person's name
_APPOSED = re.compile(rf"\s*,\s*(?:([a-z]+)\s+)?(?:[{UPPER}][\w’'-]*\.?\s+)*")


def apposition_gap(masked: str, start: int, end: int, patterns: Patterns) -> bool:
    """Only ", the Rt Rev Dr " between two names: the second is the first's apposition."""
    comma = _APPOSED.fullmatch(masked, start, end)
    return bool(comma) and comma.group(1) in (None, *patterns.rules.articles)
