"""One pass over a report: which quoted passages are quotations, and whose.

A passage's own attribution comes first (attribution.Reader); a passage with none continues
the quote before it when only its attribution separates them, and a paragraph that is only a
quotation takes the speaker the paragraph before ends with. Scare quotes, titles and short
embedded fragments are dropped (benchmarks/gold/README.md says what counts as a quote).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from bot.analysis.model import Quote

from .attribution import Reader
from .entities import clean_speaker, plausible_speaker
from .interview import MIN_TURN_WORDS, Interview, find_speakers
from .rules import Patterns
from .spans import Span
from .verbs import NOT_FRAMED, Found

MAX_QUOTE_CHARS = 1000
# The word before a quoted title, past a number: "приказ № 426 «О внесении ...»", "Act No. 5".
# Tried only where a word starts: a match inside a word would be one from its start, and the
# search would otherwise try (and backtrack through) every letter of the 50 characters.
_TITLED = re.compile(r"(?<![\w’'-])([\w’'-]+)[ \u00a0]*(?:(?:№|No\.?|N)[ \u00a0]*)?"
                     r"(?:[\d/-]+[ \u00a0]*)?$")
_WORDS = re.compile(r"[\w’'-]+")
_DASH_ATTRIBUTION = re.compile(r",[ \u00a0]*[—–-][ \u00a0]")   # «...», — сказал


class Extraction:
    """One pass over the report's sentences, quotes first, then what the sentence says."""

    def __init__(self, text: str, reader: Reader, spans: list[Span],
                 interview: Interview | None = None) -> None:
        self.text, self.reader, self.spans = text, reader, spans
        self.masked = reader.masked
        self.accepted: list[tuple[Span, str | None]] = []
        # quotations whose speaker is only the subject of the paragraph before (no one spoke)
        self.guessed: set[int] = set()
        self._subject_taken = False
        self.interview = interview
        self.interviewed = find_speakers(interview, reader) if interview else None

    def run(self, limit: int | None) -> list[Quote]:
        quotes: list[Quote] = []
        bounds = [*self.reader.boundaries, len(self.text)]
        index = 0
        for start, end in itertools.pairwise(bounds):
            while index < len(self.spans) and self.spans[index].open < end:
                span = self.spans[index]
                index += 1
                quote = self._quote(span, index - 1)
                if quote is not None:
                    quotes.append(quote)
                    if limit is not None and len(quotes) >= limit:
                        return self._repeated_later(self._closed_by_next(quotes))
            self.reader.read_narrative(start, end)
        return self._repeated_later(self._closed_by_next(quotes))

    def _repeated_later(self, quotes: list[Quote]) -> list[Quote]:
        """A short quotation with no speaker (a headline, a subheading) that repeats the words of
        a quotation attributed later in the report is that speaker's."""
        fixed = list(quotes)
        for i, quote in enumerate(quotes):
            words = set(_WORDS.findall(quote.text.casefold()))
            if quote.speaker is not None or not 3 <= len(words) <= 15:
                continue
            for later in quotes[i + 1: i + 50]:
                shared = words & set(_WORDS.findall(later.text.casefold()))
                if later.speaker is not None and len(shared) >= 0.6 * len(words):
                    fixed[i] = replace(quote, speaker=later.speaker)
                    break
        return fixed

    def _closed_by_next(self, quotes: list[Quote]) -> list[Quote]:
        """An unclosed quotation runs into the next paragraph's quote (BBC drops the marks):
        that quote's attribution names the speaker of both. So does a paragraph that is only a
        quotation, with nobody named before it or only a subject who did not speak, when the
        next paragraph opens with a quote whose attribution names someone ('"A." / "B," said
        Mr Hopkins.')."""
        spans = {s.start: s for s, _ in self.accepted}
        fixed = list(quotes)
        for i, quote in enumerate(quotes):
            span = spans.get(quote.start)
            following = quotes[i + 1] if i + 1 < len(quotes) else None
            # '... Athletics Kenya had suspended her.' / '"A."' / '"B," said its chief X.': the
            # attribution that comes next names the speaker, not the last paragraph's subject
            guessed = quote.start in self.guessed and following is not None \
                and following.speaker is not None and following.start in spans \
                and not self._only_quotation(spans[following.start])
            if span is None or span.kind == "dash" or (quote.speaker is not None and not guessed) \
                    or (span.kind == "marks" and not self._only_quotation(span)):
                continue
            index = self.reader.paragraph(span.open) + 1
            if index >= len(self.reader.paragraphs):
                continue
            start, end = self.reader.paragraphs[index]
            between = self.text[start: following.start] if following else "-"
            if following and not between.strip(" \"“«„"):
                fixed[i] = replace(quote, speaker=following.speaker)
            elif span.kind == "unclosed" and not guessed:
                fixed[i] = replace(quote, speaker=self._closing_attribution(start, end))
        return fixed

    def _only_quotation(self, span: Span) -> bool:
        start, end = self.reader.paragraphs[self.reader.paragraph(span.open)]
        return not self.masked[start: span.open].strip() and not self.masked[span.close: end].strip()

    def _closing_attribution(self, start: int, end: int) -> str | None:
        """The next paragraph ends the quotation without opening one: '... judgements,"
        Mr Chidambaram said.' names its speaker."""
        paragraph = self.text[start:end]
        close = re.search(r"[,.!?…][\"”»]", paragraph)
        if close is None or re.search(r"[\"“«„]", paragraph[: close.start()]):
            return None
        return self.reader.speaker_in(start + close.end(), end, tail=True).speaker

    def _quote(self, span: Span, index: int) -> Quote | None:
        head, tail = self._head(span, index), self._tail(span, index)
        found = self._attribution(span, head, tail)
        if not _accept(self.text, self.masked, span, found, head, tail, self.reader.patterns):
            return None
        role = self.interview.roles.get(span.open) if self.interview else None
        if role is not None and self.interviewed is not None and not found.framed:
            # a turn of an interview: who asks or who answers, as its intro says
            if len(_WORDS.findall(self.text[span.start: span.end])) < MIN_TURN_WORDS:
                return None
            speaker = self.interviewed.of(role)
        elif span.kind == "dash" and not found.framed:
            # a bare dash-led paragraph outside an interview is not reported speech; only the
            # second half of "— A, — сказал он. — B." is
            speaker = self._continued(span, within_paragraph=True)
            if speaker is None:
                return None
        else:
            self._subject_taken = False
            speaker = found.speaker if found.framed or found.speaker else self._continued(span)
            if self._subject_taken:
                self.guessed.add(span.start)
        if found.framed and speaker is None and self._first_person(head, tail):
            speaker = self._transcript_speaker(span.open)
        speaker = clean_speaker(speaker)
        if not plausible_speaker(speaker, self.reader.patterns):
            speaker = None
        self.accepted.append((span, speaker))
        self.reader.note(span.open, speaker, self.reader.kinds.get(speaker or "", "PER"), "speaker")
        return Quote(text=_tidy(self.text[span.start: span.end]), speaker=speaker,
                     start=span.start, end=span.end)

    def _head(self, span: Span, index: int) -> tuple[int, int]:
        """From the sentence start or the last quotation in it: a scare-quoted phrase before
        («по неблагоприятному сценарию») does not cut "X заявил, что ...: «...»" off."""
        start = self.reader.sentence_start(span.open)
        if index > 0 and self.spans[index - 1].close > start:
            last = self.accepted[-1][0] if self.accepted else None
            start = max(start, last.close) if last is not None and last.close <= span.open \
                else start
        return start, span.open

    def _tail(self, span: Span, index: int) -> tuple[int, int]:
        end = self.reader.sentence_end(span.close)
        if index + 1 < len(self.spans):
            end = min(end, self.spans[index + 1].open)
        paragraph_end = self.reader.paragraphs[self.reader.paragraph(span.open)][1]
        return span.close, max(span.close, min(end, paragraph_end))

    def _attribution(self, span: Span, head: tuple[int, int], tail: tuple[int, int]) -> Found:
        inner = self.text[span.start: span.end].rstrip()
        after = self.masked[tail[0]: tail[1]].lstrip()
        found = NOT_FRAMED
        if inner[-1:] in ",!?…—–-" or after[:1] in ",—–-":
            found = self.reader.speaker_in(*tail, tail=True)
        if not found.speaker:
            before = self.reader.speaker_in(*head)
            if before.speaker or (before.framed and not found.framed):
                found = before
        return found

    def _first_person(self, head: tuple[int, int], tail: tuple[int, int]) -> bool:
        """"Я сказал ему:", "Говорила ему:": said by "I" or by nobody named."""
        rules = self.reader.patterns
        for start, end in (head, tail):
            region = self.masked[self.reader.sentence_start(start): end]
            if rules.verb.search(region) and (rules.first_person.search(region)
                                              or not (rules.pronoun.search(region)
                                                      or self.reader.entity_at(start, end))):
                return True
        return False

    def _transcript_speaker(self, position: int) -> str | None:
        """In a transcript, the last "Name (role):" line before `position` is who speaks."""
        for start, end in reversed(self.reader.paragraphs[: self.reader.paragraph(position)]):
            entity = self.reader.entity_at(start, end)
            if entity is not None and entity.kind == "PER" and re.fullmatch(
                    r"\s*(?:\([^()]*\))?\s*:\s*", self.masked[entity.end: end]) \
                    and not self.masked[start: entity.start].strip():
                return self.reader.fullest(entity.name)
        return None

    def _continued(self, span: Span, *, within_paragraph: bool = False) -> str | None:
        """A split quote continues its speaker; so does a paragraph that is only a quotation."""
        paragraph = self._paragraph_start(span.open)
        if self.accepted and self.accepted[-1][0].close > paragraph:
            last, speaker = self.accepted[-1]
            gap = self.masked[last.close: span.open]
            if len(_WORDS.findall(gap)) <= 12 and not self._others_after(last, span.open, speaker) \
                    and not self.reader.patterns.first_person.search(gap) \
                    and not self._someone_else_introduced(gap):
                return speaker
            return None
        if within_paragraph:
            return None
        if self.masked[paragraph: span.open].strip(" —–-\t"):
            return self._previous_sentence_speaker(span, paragraph)
        return self._paragraph_speaker(paragraph)

    def _someone_else_introduced(self, gap: str) -> bool:
        """"«A» Обычно-то он такой: «B»": a pronoun introducing the next quotation with no
        speech verb is another person speaking ("— сказал он: «B»" continues)."""
        rules = self.reader.patterns
        return gap.rstrip().endswith(":") and bool(rules.pronoun.search(gap)) \
            and not rules.verb.search(gap)

    def _previous_sentence_speaker(self, span: Span, paragraph: int) -> str | None:
        """"..., объяснил X. «Quote»": a quotation that opens its sentence continues the
        reported speech of the sentence before it in the paragraph."""
        start = self.reader.sentence_start(span.open)
        if start <= paragraph or self.masked[start: span.open].strip(" —–-\t"):
            return None
        previous = self.reader.sentence_start(start - 1)
        said = [e for e in self.reader.events_in(max(previous, paragraph), start)
                if e.role in ("speaker", "source")]
        return said[-1].name if said else None

    def _paragraph_speaker(self, paragraph: int) -> str | None:
        """Who the paragraph before ends with: its last quote, "X said:", or reported speech."""
        previous = self._previous_paragraph(paragraph)
        if previous is None:
            return None
        start, end = previous
        in_previous = next(((s, who) for s, who in reversed(self.accepted) if s.open < end), None)
        if in_previous and in_previous[0].open >= start:
            last, speaker = in_previous
            return None if self._others_after(last, end, speaker) else speaker
        if in_previous and self._runs_on(in_previous[0], start, end):
            return in_previous[1]
        if not self._names_anyone(start, end) and not self.masked[start:end].rstrip().endswith(":"):
            # a paragraph that names nobody does not change who is speaking
            return self._paragraph_speaker(start) if paragraph - start < 2000 else None
        if self.masked[start:end].rstrip().endswith(":"):
            return self.reader.speaker_in(self.reader.sentence_start(end - 2), end).speaker
        events = self.reader.events_in(start, end)
        speakers = [e for e in events if e.role == "speaker"]
        if speakers:
            return speakers[-1].name
        # "Opposition leader Michael Howard disagreed." then his words
        reader = self.reader
        subjects = [e for e in events if e.role == "subject" and (
            len(e.name.split()) > 1 or e.name in reader.speakers or reader.genders.get(e.name))]
        self._subject_taken = bool(subjects)
        return subjects[-1].name if subjects else None

    def _runs_on(self, quote: Span, start: int, end: int) -> bool:
        """'X said: "It is great ...' / 'As an unknown author ...' / '"Fresh out of ..."': an
        unclosed quotation ends its paragraph and the next paragraph, with no marks, carries
        on its words; a quotation paragraph after that is still its speaker's."""
        before = self.reader.paragraph(start) - 1
        return quote.kind == "unclosed" and before >= 0 \
            and self.reader.paragraph(quote.open) == before \
            and quote.end >= self.reader.paragraphs[before][1] \
            and not re.search(r"[\"“”«»„]", self.text[start:end])

    def _others_after(self, quote: Span, end: int, speaker: str | None) -> bool:
        """Does the text after the quote's own attribution, up to `end`, name someone else?"""
        start = min(self.reader.sentence_end(quote.close), end)
        return any(self.reader.named(e) != speaker for e in self.reader.entities_in(start, end))

    def _names_anyone(self, start: int, end: int) -> bool:
        """Names someone, or reports speech (then an unresolved speaker stays unknown)."""
        return self.reader.entity_at(start, end) is not None \
            or bool(self.reader.patterns.verb.search(self.masked, start, end))

    def _paragraph_start(self, position: int) -> int:
        return self.reader.paragraphs[self.reader.paragraph(position)][0]

    def _previous_paragraph(self, paragraph: int) -> tuple[int, int] | None:
        index = self.reader.paragraph(paragraph)
        return self.reader.paragraphs[index - 1] if index > 0 else None


def is_candidate(text: str, span: Span, rules: Patterns) -> bool:
    """Worth reading as a quote: a name or a title in marks is left to the narrative."""
    if span.kind == "dash":
        return True
    words = len(_WORDS.findall(text[span.start: span.end]))
    # "«Это провокация», — заявила X": two words are a quotation when a dash attribution follows
    if words < 2 or (words == 2 and not _DASH_ATTRIBUTION.match(text, span.close)):
        return False
    before = _TITLED.search(text[max(0, span.open - 50): span.open])
    return not (before and rules.is_title_noun(before.group(1)))


def _accept(text: str, blanked: str, span: Span, found: Found, head: tuple[int, int],
            tail: tuple[int, int], rules: Patterns) -> bool:
    """Scare quotes, titles and embedded fragments are not quotations (see benchmarks/gold)."""
    inner = text[span.start: span.end]
    words = len(_WORDS.findall(inner))
    if span.kind == "dash":
        return words >= 2
    lead = blanked[head[0]: head[1]].strip()
    # "«A, — сказала X. — B»": the second half opens its sentence after a dash
    leading = not lead or lead.endswith(":") or (span.kind == "unclosed" and lead.endswith(",")) \
        or lead in ("—", "–")
    if span.kind == "unclosed":
        return leading and words >= 3
    if words == 2:
        return found.framed and not lead
    if found.framed:
        # "По словам X, «рост продолжится»." : the whole clause after "according to" is quoted
        clause = lead.endswith(",") and bool(rules.according.search(lead)) \
            and blanked[tail[0]: tail[1]].lstrip()[:1] in ("", ".", "!", "?")
        return words >= (3 if leading or clause else 5)
    after = blanked[tail[0]: tail[1]].lstrip()[:1]
    standalone = leading and (not after or after[:1] in ",.;:!?…—–-\"”»"
                              or inner.rstrip()[-1:] in ".!?…,")
    sentence = inner[:1].isupper() and inner.rstrip()[-1:] in ".!?…"
    return standalone or sentence or (not leading and words >= 8)


def _tidy(quote: str) -> str:
    quote = " ".join(quote.split()).rstrip(",;:—– ").strip()
    if len(quote) <= MAX_QUOTE_CHARS:
        return quote
    cut = quote.rfind(" ", 0, MAX_QUOTE_CHARS)
    return quote[: cut if cut > 0 else MAX_QUOTE_CHARS].rstrip(",;:—– ") + "…"
