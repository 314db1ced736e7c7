"""Where quotations are: spans between quotation marks, and dash-led direct speech.

Work is per paragraph (one line), in one pass over the marks, so a text full of stray marks
stays linear. Outermost spans only: „nested“ quotes belong to the quote around them.

Single marks are quotation marks only in a report that quotes speech with them ('We won,'
he said), as British tabloids do: elsewhere they are titles, scare quotes and apostrophes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .rules import Patterns

_MARKS = re.compile(r"[«»“”„\"]")
_WITH_SINGLES = re.compile(r"[«»“”„\"‘’']")
_SINGLES = "‘’'"
# Speech ends inside its marks with a comma or a stop: ,' .' ?' !' then a space or the line end.
_SINGLE_CLOSES = re.compile(r"[,.!?…][’'](?=\s|$)", re.MULTILINE)
_DOUBLE_CLOSES = re.compile(r"[,.!?…][\"”»](?=\s|$)", re.MULTILINE)
_SPACE_BEFORE = "([{—–-/:"          # a straight quote after these opens
_SPACE_AFTER = ".,;:!?)]}—–-…"      # a straight quote before these closes
_DASH_LED = re.compile(r"[—–-]\s")
# ", — сказал он, — " inside one pair of marks or between dash-led parts of a paragraph.
_SPLIT = re.compile(r"(?<=[,.!?…])\s+[—–-]\s+(?P<frame>[^—–]{2,160}?)(?:[,.]\s+[—–-]\s+|$)")


@dataclass(frozen=True)
class Span:
    """A quotation's place: `open` is the mark (or dash), [start, end) the inner text."""

    open: int
    start: int
    end: int
    close: int      # just after the closing mark; equals `end` when nothing closes it
    kind: str       # "marks", "unclosed" or "dash"


_ENDS_PARAGRAPH = tuple(".!?…:;\"”»)")
_OPENS_PARAGRAPH = tuple("\"“«„—–-•*#")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """[start, end) of each paragraph. A line break inside a sentence is a soft wrap (reports
    wrapped at 80 columns), so such lines join; a blank line or a finished line ends one."""
    bounds: list[tuple[int, int]] = []
    start, end, previous, offset = -1, 0, "", 0
    for line in text.split("\n"):
        at, offset = offset, offset + len(line) + 1
        stripped = line.strip()
        if not stripped:
            if start >= 0:
                bounds.append((start, end))
            start = -1
            continue
        if start >= 0 and (previous.endswith(_ENDS_PARAGRAPH) or stripped.startswith(_OPENS_PARAGRAPH)
                           or (not stripped[:1].islower() and not previous[-1:].islower())):
            bounds.append((start, end))
            start = -1
        if start < 0:
            start = at + len(line) - len(line.lstrip())
        end, previous = at + len(line.rstrip()), stripped
    if start >= 0:
        bounds.append((start, end))
    return bounds


def quotes_in_single_marks(text: str) -> bool:
    """The report closes more speech with single marks than with double ones."""
    if "'" not in text and "’" not in text:
        return False
    singles = len(_SINGLE_CLOSES.findall(text))
    return singles >= 2 and singles > len(_DOUBLE_CLOSES.findall(text))


def find_spans(text: str, patterns: Patterns) -> list[Span]:
    spans: list[Span] = []
    marks = _WITH_SINGLES if quotes_in_single_marks(text) else _MARKS
    for offset, end in paragraphs(text):
        line = text[offset:end]
        stripped = line.lstrip()
        if not stripped:
            continue
        if patterns.rules.dash_speech and _DASH_LED.match(stripped) and len(stripped) > 2:
            spans += _dash_speech(line, offset, patterns)
            continue
        for span in _marked(line, offset, marks):
            spans += _split_around_attribution(text, span, patterns)
    return spans


def _marked(line: str, offset: int, marks: re.Pattern[str] = _MARKS) -> Iterator[Span]:
    stack: list[tuple[str, int]] = []
    inner_close = -1   # last mark that closed a nested quote inside the open outer one
    for mark in marks.finditer(line):
        char, i = mark.group(), mark.start()
        if char in _SINGLES:
            role = _single_role(line, i)
            if role == "open":
                stack.append((char, i))
                continue
            if role is None or not stack or stack[-1][0] not in _SINGLES:
                continue  # an apostrophe (don't, the players' union) or a stray mark
        if _restarts(line, i, stack):
            # 'He replies: "What is it? "That if you ...': paragraphs run together, each
            # opening its own mark; the one before ends where the new one opens
            start = stack.pop()[1]
            end = len(line[:i].rstrip())
            yield Span(offset + start, offset + start + 1, offset + end, offset + end, "marks")
            inner_close = -1
        if _opens(char, line, i, stack):
            stack.append((char, i))
            continue
        if not stack:
            continue
        opener, start = stack.pop()
        if not stack:
            yield Span(offset + start, offset + start + 1, offset + i, offset + i + 1, "marks")
            inner_close = -1
        else:
            inner_close = i
    if not stack:
        return
    opener, start = stack[0]
    if opener == "«" and inner_close > start:
        # «…«…» with the two closing marks merged into one
        yield Span(offset + start, offset + start + 1, offset + inner_close,
                   offset + inner_close + 1, "marks")
        return
    end = len(line.rstrip())
    if opener in _SINGLES and (line[:start].strip() or not line[:end].endswith(_STOPS)):
        return  # an open single mark is a quotation only when it runs over a whole paragraph
    if end > start + 1:
        yield Span(offset + start, offset + start + 1, offset + end, offset + end, "unclosed")


_STOPS = tuple(".!?…")


def _single_role(line: str, i: int) -> str | None:
    """"open", "close" or None (an apostrophe) for a single mark in single-marked speech."""
    before = line[i - 1] if i else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    if before.isalnum() and after.isalnum():
        return None  # don't, O'Neil
    if (before.isspace() or before in _SPACE_BEFORE) and (after.isalpha() or after in "\"“…"):
        return "open"  # not '90s
    if before in ",.!?…" and (after.isspace() or after in _SPACE_AFTER):
        return "close"
    return None


def _restarts(line: str, i: int, stack: list[tuple[str, int]]) -> bool:
    """A straight mark opening a sentence after a finished one, inside a straight quotation:
    a new quoted paragraph whose line break was lost, not a nested quote."""
    return len(stack) == 1 and stack[0][0] == '"' == line[i] and i >= 2 \
        and line[i - 1] == " " and line[i - 2] in ".?!" and line[i + 1: i + 2].isupper()


def _opens(char: str, line: str, i: int, stack: list[tuple[str, int]]) -> bool:
    if char in "«„":
        return True
    if char in "»”":
        return False
    if char == "“":
        return not (stack and stack[-1][0] == "„")
    before = i == 0 or line[i - 1].isspace() or line[i - 1] in _SPACE_BEFORE
    after = i + 1 >= len(line) or line[i + 1].isspace() or line[i + 1] in _SPACE_AFTER
    if before != after:
        return before
    return not (stack and stack[-1][0] == '"')


def _dash_speech(line: str, offset: int, patterns: Patterns) -> list[Span]:
    """"— Мы готовы, — сказал он. — Начнём завтра." is two quotes around one attribution."""
    lead = len(line) - len(line.lstrip())
    start = lead + 2
    spans, cursor = [], start
    for split in _SPLIT.finditer(line, start):
        frame = split.group("frame")
        if not frame[:1].islower() or not patterns.verb.search(frame):
            continue
        spans.append(_dash_span(line, offset, lead, cursor, split.start()))
        cursor, lead = split.end(), split.end()
    if cursor < len(line.rstrip()):
        spans.append(_dash_span(line, offset, lead, cursor, len(line.rstrip())))
    return [s for s in spans if s.end > s.start]


def _dash_span(line: str, offset: int, dash: int, start: int, end: int) -> Span:
    while end > start and line[end - 1] in " ,":
        end -= 1
    return Span(offset + dash, offset + start, offset + end, offset + end, "dash")


def _split_around_attribution(text: str, span: Span, patterns: Patterns) -> list[Span]:
    """«Мы готовы, — сказал он, — начнём завтра» is two quotes with one speaker."""
    inner = text[span.start: span.end]
    for split in _SPLIT.finditer(inner):
        frame = split.group("frame")
        if split.end() < len(inner) and frame[:1].islower() and patterns.verb.search(frame):
            cut = span.start + split.start()
            first = Span(span.open, span.start, cut, cut, span.kind)
            rest = Span(span.start + split.end() - 1, span.start + split.end(), span.end,
                        span.close, span.kind)
            return [first, *_split_around_attribution(text, rest, patterns)]
    return [span]


def masked(text: str, spans: list[Span]) -> str:
    """The text with every quotation's words blanked, so narrative rules never read inside one."""
    parts, cursor = [], 0
    for span in spans:
        parts.append(text[cursor: span.start])
        parts.append(re.sub(r"\S", " ", text[span.start: span.end]))
        cursor = span.end
    parts.append(text[cursor:])
    return "".join(parts)
