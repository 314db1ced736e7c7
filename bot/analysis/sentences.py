"""Rule-based sentence splitting for every language pack, with no downloaded model.

Lines first (bullets and headings stand alone, wrapped lines are re-joined), then
sentence ends inside each paragraph, rejecting ends that belong to abbreviations,
initials, decimals and quotations that continue with "he said". Abbreviations come from the
language's pack (bot/analysis/lang).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from string import ascii_letters

from .lang import get_pack

# "[.!?…][.!?…]*", not "[.!?…]+": a pattern that opens with a character class lets the regex
# engine skip in C to the next stop; one that opens with a repeat is tried at every position.
_END = re.compile(
    r"(?P<stop>[.!?…][.!?…]*)(?P<close>[\"'”’»)\]]*)\s+"
    r"(?=[\"'“‘«„(\[]?\s*(?:[—–-]\s+)?[A-ZА-ЯЁІЇЄҐ0-9\"'“‘«„])"
)
_SOFT_STOPS = (".", "!", "?", "…", ":", ";")
_CLOSERS = "\"'”’»)]"
_BULLET = re.compile(r"^\s*(?:[-–—•*▪◦·]|\d{1,2}[.)])\s+")
_MAX_SENTENCE = 600

_INITIALS = re.compile(r"(?:\w\.)+\w")
# The letters of each script whose pairs settle a full stop at once (_plain_endings): each
# lowers to one letter of its own, whatever stands around it.
_LETTERS = {"latin": ascii_letters,
            "cyrillic": "".join(map(chr, range(0x410, 0x450))) + "ЁёІіЇїЄєҐґ"}


@dataclass(frozen=True)
class _Abbreviations:
    """One language's dotted words that do not end a sentence."""

    always: frozenset[str]
    before_number: frozenset[str]
    year_marks: frozenset[str]
    plain_endings: frozenset[str]  # two letters that end none of the words above


@cache
def _abbreviations(language: str) -> _Abbreviations:
    rules = get_pack(language).text
    listed = rules.abbreviations | rules.number_abbreviations | rules.year_marks
    return _Abbreviations(rules.abbreviations, rules.number_abbreviations, rules.year_marks,
                          _plain_endings(listed, _LETTERS.get(rules.script, "")))


def _plain_endings(listed: frozenset[str], letters: str) -> frozenset[str]:
    """Pairs of letters, the second lower-case, that no listed word ends with in lower case.

    A full stop right after such a pair ends a word of two letters or more that is not listed
    and has no dot inside (initials end ".X"), so it ends the sentence: one set lookup settles
    most full stops, where finding and normalizing the word costs ten steps.
    """
    endings = {word[-2:] for word in listed}
    pairs = (a + b for a in letters for b in letters if b.islower())
    return frozenset(pair for pair in pairs if pair.lower() not in endings)


def split_sentences(text: str, language: str = "en") -> list[str]:
    """Sentences of the text in document order, whitespace normalized."""
    abbreviations = _abbreviations(language)
    sentences: list[str] = []
    for block in _blocks(text):
        for sentence in _split_block(block, abbreviations):
            if len(sentence) > _MAX_SENTENCE:
                sentences.extend(_cap_length(sentence))
            else:  # nearly every sentence: no call and no list of one
                sentences.append(sentence)
    return sentences


def _blocks(text: str) -> list[str]:
    """Paragraph-sized pieces: headings and bullets alone, wrapped lines joined."""
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            blocks.append(" ".join(current))
            current.clear()

    lines = [line.strip() for line in text.splitlines()]
    next_lines = _next_non_empty(lines)
    in_bullet = False
    for index, line in enumerate(lines):
        if not line:
            flush()
            continue
        if _BULLET.match(line):
            flush()
            current.append(_BULLET.sub("", line))
            in_bullet = True
            continue
        if in_bullet:
            if line[:1].islower():  # a bullet's wrapped continuation
                current.append(line)
                continue
            flush()
            in_bullet = False
        if _is_heading(line, next_lines[index], current[-1] if current else None):
            flush()
            blocks.append(line)
            continue
        current.append(line)
    flush()
    return blocks


def _next_non_empty(lines: list[str]) -> list[str]:
    """For each line, the next line that is not empty ("" at the end): one pass from the end,
    where a search forward from every line would cost quadratic time on a long report."""
    following: list[str] = []
    upcoming = ""
    for line in reversed(lines):
        following.append(upcoming)
        upcoming = line or upcoming
    following.reverse()
    return following


def _is_heading(line: str, following: str, previous: str | None) -> bool:
    """A short line with no closing punctuation, followed by a line that starts a sentence.

    A line right after an unfinished one is a wrapped continuation (PDF text), never a heading.
    """
    if len(line) > 100 or _ends_softly(line):
        return False
    if previous is not None and (line[:1].islower() or not _ends_softly(previous)):
        return False
    return not following or following[:1].isupper() or following[:1] in "\"“«„-—•*"


def _ends_softly(line: str) -> bool:
    """The line ends on a stop, colon or semicolon, perhaps inside quotes or brackets: a look
    at its end, where a regex search would scan the whole paragraph for one."""
    return line.rstrip(_CLOSERS).endswith(_SOFT_STOPS)


def _split_block(block: str, abbreviations: _Abbreviations) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _END.finditer(block):
        dot = match.start()
        if block[dot - 2:dot] not in abbreviations.plain_endings and match.group("stop") == "." \
                and _is_abbreviation(block, dot, abbreviations):
            continue
        end = match.end("close")
        piece = block[start:end].strip()
        if piece:
            pieces.append(piece)
        start = match.end()
    tail = block[start:].strip()
    if tail:
        pieces.append(tail)
    # Double spaces, or whitespace other than a space (not printable): once per block, in C.
    # Cleaned text rarely has any; another non-printable only costs a re-join that changes nothing.
    if "  " in block or not block.isprintable():
        return [" ".join(p.split()) for p in pieces]
    return pieces


def _is_abbreviation(block: str, dot: int, abbreviations: _Abbreviations) -> bool:
    start = _token_start(block, dot)
    if start == dot:
        return False
    bare = block[start:dot].lstrip("\"'“‘«(„[").lower().rstrip(".")
    if bare in abbreviations.year_marks:
        # "в г. Душанбе" is a city; "в 2024 г. Президент ..." ends a sentence
        return not block[:start].rstrip()[-1:].isdigit()
    if len(bare) == 1 and bare.isalpha():
        return True  # initials: J. K. Rowling, А. С. Пушкин
    if bare in abbreviations.before_number:
        return bool(re.match(r"\.\s*\d", block[dot:dot + 4]))
    return bare in abbreviations.always or _INITIALS.fullmatch(bare) is not None


def _token_start(block: str, dot: int) -> int:
    """Where the word before `dot` starts (at most 64 characters back): the last space found
    in C, checked for other whitespace; cheaper than a regex search on every full stop."""
    floor = max(0, dot - 64)
    start = block.rfind(" ", floor, dot) + 1 or floor
    if block[start:dot].isprintable():  # no other whitespace (tab, line end) inside: done
        return start
    start = dot
    while start > floor and not block[start - 1].isspace():
        start -= 1
    return start


def _cap_length(sentence: str) -> list[str]:
    """Break run-on text (tables, dumps without punctuation) so no 'sentence' swamps a summary."""
    if len(sentence) <= _MAX_SENTENCE:
        return [sentence]
    pieces: list[str] = []
    rest = sentence
    while len(rest) > _MAX_SENTENCE:
        cut = rest.rfind(" ", 0, _MAX_SENTENCE)
        cut = cut if cut > _MAX_SENTENCE // 2 else _MAX_SENTENCE
        pieces.append(rest[:cut].strip())
        rest = rest[cut:].strip()
    if rest:
        pieces.append(rest)
    return pieces
