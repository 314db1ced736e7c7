"""Watchlists with instant alerts: a new report that matches a chat's watch is posted at once.

The check runs on the intake path, right after new reports are stored and analysed (the inbox
watch, a feed poll, a member's link, the scan before a digest), so an alert arrives within one
inbox or feed cycle and before the digest that carries the report. Which chats: every chat with
a watch (from /watch, or a target's `watch` setting) that may still use the bot; a target only
for reports from sources it takes (its route; its include/exclude filters are for digests: a
watch is an explicit request), any other chat for every source.

One alert per report per watch, across restarts: the (watch, report) pair is claimed in the
store before sending, so a crash between the two loses that alert rather than repeating it.

An alert names the report and its source, shows the sentences that match with the term in
bold, and the report's key figures and quotes that involve the term (or its speaker).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from typing import Protocol

from bot.analysis.model import Analysis
from bot.analysis.names import speaker_key
from bot.analysis.sentences import split_sentences
from bot.digest.bounds import MAX_SOURCE, MAX_TITLE, bounded_text, one_line, shorten
from bot.digest.layout import _short_source as shown_source  # as the digest names a source
from bot.digest.model import Message
from bot.digest.render_html import plain_of

from .matching import Document, Term, Words
from .ports import Destination, Sender
from .routing import Route
from .workflow import send_one

log = logging.getLogger(__name__)
# Bounds that keep an alert within one Telegram message (4,096 characters) however long the
# report's sentences, figures and quotes: 3 x 400 + 3 x 400 + 2 x 400 + title and source.
MAX_SENTENCES = 3   # matching sentences shown
MAX_SENTENCE = 400
MAX_FIGURES = 3
MAX_QUOTES = 2
MAX_PART = 200      # a figure's value or context, a quote's text or speaker


class WatchView(Protocol):
    id: int
    chat_id: str
    term: str


class AlertStore(Protocol):
    """The store calls alerts make (bot.store.aio.AsyncStore has them)."""

    async def watches(self, chat_id: int | str | None = None) -> Sequence[WatchView]: ...
    async def report_origins(self, report_ids: Iterable[str]) -> dict[str, str | None]: ...
    async def claim_alert(self, watch_id: int, report_id: str) -> bool: ...


Texts = Callable[..., str]  # text(key, **values): the bot's words, values HTML-escaped


@dataclass(frozen=True)
class Alert:
    """One alert to send: which watch, which report, and the message."""

    watch: WatchView
    report_id: str
    html: str


def mark(text: str, term: Term, language: str, limit: int) -> tuple[str, bool]:
    """The text as HTML (escaped, bounded) with each occurrence of the term in <b>; and
    whether it had one."""
    clean = " ".join(bounded_text(text).split())
    spans = Words(clean, language).found(term)
    cut = shorten(clean, limit)
    end = len(cut) - (1 if cut != clean else 0)
    parts, at = [], 0
    for start, stop in spans:
        if stop > end:
            break
        parts += [escape(cut[at:start], quote=False),
                  f"<b>{escape(cut[start:stop], quote=False)}</b>"]
        at = stop
    parts.append(escape(cut[at:], quote=False))
    return "".join(parts), bool(spans)


def compose(document: Document, term: Term, t: Texts) -> str:
    """The alert for one report and one term (see the module docstring)."""
    analysis = document.analysis
    report = analysis.report
    language = report.language
    title, _ = mark(one_line(report.title, MAX_TITLE), term, language, MAX_TITLE)
    source = escape(one_line(shown_source(report.source), MAX_SOURCE), quote=False)
    lines = [t("alert_header", term=term.text), f"{title} \u2014 <i>{source}</i>"]
    sentences = [html for s in split_sentences(report.text, language)
                 for html, hit in [mark(s, term, language, MAX_SENTENCE)] if hit]
    lines += [f"\u2022 {html}" for html in sentences[:MAX_SENTENCES]]
    figures = [f"\u2022 <b>{escape(one_line(f.value, MAX_PART), quote=False)}</b> \u2014 "
               f"{mark(one_line(f.context, MAX_PART), term, language, MAX_PART)[0]}"
               for f in analysis.figures if Words(f"{f.context} {f.sentence}", language).has(term)]
    if figures:
        lines += [t("alert_figures"), *figures[:MAX_FIGURES]]
    quotes = []
    for quote in analysis.quotes:
        html, hit = mark(quote.text, term, language, MAX_PART)
        by = quote.speaker or ""
        if hit or (term.speaker and speaker_key(by) == term.speaker):
            who = f" \u2014 {escape(one_line(by, MAX_PART), quote=False)}" if by else ""
            quotes.append(f"\u2022 \u201c{html}\u201d{who}")
    if quotes:
        lines += [t("alert_quotes"), *quotes[:MAX_QUOTES]]
    return "\n".join(lines)


@lru_cache(maxsize=4096)
def parsed_term(raw: str) -> Term | None:
    """Watch terms repeat across chats and checks: each is parsed and stemmed once."""
    return Term.parse(raw)


def find_alerts(analyses: Sequence[Analysis], origins: Mapping[str, str | None],
                watches: Sequence[WatchView], route_for: Callable[[str], Route | None],
                t: Texts) -> list[Alert]:
    """Every (watch, report) that matches, with its message (CPU work: run it in a thread).

    Each report is read once and each distinct term parsed once, however many chats watch it."""
    alerts = []
    for analysis in analyses:
        document = Document(analysis)
        origin = origins.get(analysis.report.id)
        for watch in watches:
            route = route_for(watch.chat_id)
            if route is not None and not route.takes(origin):
                continue
            term = parsed_term(watch.term)
            if term is not None and document.matches(term):
                alerts.append(Alert(watch, analysis.report.id, compose(document, term, t)))
    return alerts


class Alerter:
    """Checks new analyses against every watch and sends the alerts (one per report per watch).

    route_for(chat) is a target's route (None for other chats); destination_for(chat) where an
    alert goes (a target's forum topic), or None when the chat may no longer use the bot."""

    def __init__(self, store: AlertStore, t: Texts, *,
                 route_for: Callable[[str], Route | None],
                 destination_for: Callable[[str], Destination | None]) -> None:
        self.store = store
        self.t = t
        self.route_for = route_for
        self.destination_for = destination_for

    async def check(self, analyses: Sequence[Analysis], sender: Sender) -> int:
        """Send the alerts these new reports raise; returns how many were sent."""
        if not analyses:
            return 0
        everyone = await self.store.watches()
        allowed = {chat for chat in {w.chat_id for w in everyone}
                   if self.destination_for(chat) is not None}
        watches = [w for w in everyone if w.chat_id in allowed]
        if not watches:
            return 0
        origins = await self.store.report_origins(a.report.id for a in analyses)
        alerts = await asyncio.to_thread(find_alerts, analyses, origins, watches,
                                         self.route_for, self.t)
        sent = 0
        for alert in alerts:
            if not await self.store.claim_alert(alert.watch.id, alert.report_id):
                continue  # sent before (another cycle, or before a restart)
            destination = self.destination_for(alert.watch.chat_id)
            assert destination is not None
            result = await send_one(destination, sender,
                                    Message(alert.html, plain_of(alert.html), ()))
            if result.sent:
                sent += 1
            else:
                log.warning("alert for watch %d to %s not sent: %s", alert.watch.id,
                            destination.key, result.reason)
        if sent:
            log.info("%d alert(s) sent for %d new report(s)", sent, len(analyses))
        return sent

