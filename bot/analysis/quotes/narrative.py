"""Who the report has put forward so far, in text order, for what refers back.

A pronoun, a role noun or an unnamed statement ("говорится в сообщении") names no one; it means
someone the narrative put forward before it: a sentence's subject, a quote's speaker or a
statement's source. The reader notes each of them here as it goes, and the resolvers look back
through them.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from .entities import plausible_speaker
from .rules import Patterns


@dataclass(frozen=True)
class Event:
    """Someone the narrative puts forward: a sentence subject, a speaker or a source."""

    position: int
    name: str
    kind: str            # PER or ORG
    gender: str | None
    role: str            # "subject", "speaker" or "source"


class Narrative:
    """The events of one report read so far, in text order."""

    def __init__(self, patterns: Patterns, genders: dict[str, str]) -> None:
        self.patterns, self.genders = patterns, genders
        self.events: list[Event] = []
        self.event_positions: list[int] = []
        self.speakers: set[str] = set()
        self.role_sentences: set[int] = set()   # starts of sentences whose speaker is a role noun

    def note(self, position: int, name: str | None, kind: str, role: str) -> None:
        """Put `name` forward at `position`, if it can be a speaker at all."""
        if name and plausible_speaker(name, self.patterns):
            self.events.append(Event(position, name, kind, self.genders.get(name), role))
            self.event_positions.append(position)
            if role == "speaker":
                self.speakers.add(name)

    def events_in(self, start: int, end: int) -> list[Event]:
        """Events noted in [start, end); they are noted in text order."""
        positions = self.event_positions
        return self.events[bisect.bisect_left(positions, start): bisect.bisect_left(positions, end)]

    def last_source(self, position: int, kind: str | None = None, *,
                    statement: bool = False) -> str | None:
        """The last person or organisation the report gave as saying something; for a
        statement, the last source ("говорится в заявлении X", "на сайте X") or organisation."""
        for event in reversed(self.events):
            if event.position >= position or event.role == "subject":
                continue
            if statement and (event.role == "source" or event.kind == "ORG"):
                return event.name
            if not statement and kind in (None, event.kind):
                return event.name
        return None
