"""Rules for key figures: number words, scales, currencies, months (owned by figures.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FigureRules:
    """Language data for figures.py."""

    number_words: tuple[str, ...] = ()
    months: tuple[str, ...] = ()
