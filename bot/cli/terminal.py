"""The terminal as a destination of the briefing workflow: `briefbot digest` prints there.

The CLI runs the bot's own workflow (bot.briefing.workflow); only the two ends differ: the
digest is rendered as plain text (or one JSON object per item) in one message, since a
terminal has no message size limit, and the sender writes it to a stream.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TextIO

from bot.briefing.ports import SENT, Destination, SendResult
from bot.digest.model import Digest, DigestItem, Message
from bot.digest.render_text import render_text

TERMINAL = Destination("terminal", name="terminal")


class TerminalSender:
    """Writes each message's plain text to a stream; a terminal refuses nothing."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    async def send(self, destination: Destination, html: str, plain: str) -> SendResult:
        self.stream.write(plain)
        self.stream.flush()
        return SENT


@dataclass(frozen=True)
class TerminalDigest:
    """A renderer for the workflow (its `render`): the whole digest as one message.

    failures: the inputs that could not be read, listed under the digest as before;
    sources: report id -> every file holding that text (the store keeps one copy of a text,
    the digest still names each file it was read from)."""

    as_json: bool = False
    failures: Sequence[str] = ()
    sources: Mapping[str, Sequence[str]] = field(default_factory=dict)

    def render(self, digest: Digest, *, language: str = "en",
               buttons: bool = False) -> list[Message]:
        """One message carrying every report (buttons are a chat's, never shown here)."""
        text = self.text(digest, language)
        return [Message(text, text, tuple(r for item in digest.items for r in item.report_ids))]

    def text(self, digest: Digest, language: str = "en") -> str:
        digest = replace(digest, items=tuple(self._named(item) for item in digest.items),
                         failures=(*self.failures, *digest.failures))
        if self.as_json:
            return "".join(json.dumps(item_json(item), ensure_ascii=False) + "\n"
                           for item in digest.items)
        return render_text(digest, language=language)

    def _named(self, item: DigestItem) -> DigestItem:
        names = [*(s for rid in item.report_ids for s in self.sources.get(rid, ())), *item.sources]
        return replace(item, sources=tuple(dict.fromkeys(names)))


def item_json(item: DigestItem) -> dict:
    """One digest item for other tools: every source and report id of a merged story."""
    return {
        "title": item.title,
        "language": item.language,
        "sources": list(item.sources),
        "url": item.url,
        "report_ids": list(item.report_ids),
        "summary": list(item.summary),
        "figures": [{"value": f.value, "context": f.context, "sentence": f.sentence}
                    for f in item.figures],
        "quotes": [{"text": q.text, "speaker": q.speaker} for q in item.quotes],
    }
