"""Rules for quotes and speakers: speech verbs, pronouns, role nouns (owned by quotes.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QuoteRules:
    """Language data for quotes.py."""

    speech_verbs: tuple[str, ...] = ()
    pronouns: tuple[tuple[str, str | None], ...] = ()   # (pronoun, gender "m"/"f"/None)
