"""The digest as plain data: what goes out, before any formatting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..analysis.model import Figure, Quote


@dataclass(frozen=True)
class DigestItem:
    """One story in the digest; several sources when the same report came from several places."""

    report_id: str
    title: str
    url: str | None
    sources: tuple[str, ...]
    language: str
    summary: tuple[str, ...]
    figures: tuple[Figure, ...]
    quotes: tuple[Quote, ...]
    also: tuple[str, ...] = ()  # ids of near-duplicate reports merged into this item
    update_to: str | None = None    # a follow-up: the title of the story the chat received
    more_offset: int | None = None  # where "More" goes on in the ranked order; None: summary's end

    @property
    def report_ids(self) -> tuple[str, ...]:
        """Every report this item carries: all count as delivered once it is sent."""
        return (self.report_id, *self.also)

    @property
    def shown_until(self) -> int:
        """How far into the report's ranked sentences the bullets reach ("More" goes on there)."""
        return len(self.summary) if self.more_offset is None else self.more_offset


@dataclass(frozen=True)
class Digest:
    created: datetime
    items: tuple[DigestItem, ...]
    failures: tuple[str, ...] = ()
    skipped: int = 0  # older reports a bounded backfill did not send (said in one line)


@dataclass(frozen=True)
class Message:
    """One Telegram message: HTML, the same content as plain text, and the reports it carries;
    buttons: rows of (label, callback data) under it (bot.digest.buttons)."""

    html: str
    plain: str
    report_ids: tuple[str, ...]
    buttons: tuple[tuple[tuple[str, str], ...], ...] = ()
