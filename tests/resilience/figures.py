"""The resilience suite's tally, in a module of its own so that the tests and the conftest hook
(which pytest imports under another name) share one object."""

from __future__ import annotations

from collections import Counter

FIGURES: Counter[str] = Counter()
ORDER = ("faults survived", "hostile inputs tried", "requests answered", "reports lost",
         "peak MB, six 20 MB uploads")


def summary() -> str:
    return ", ".join(f"{name}: {FIGURES[name]}" for name in ORDER)
