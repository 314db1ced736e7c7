"""Text hygiene before splitting: control characters out, page furniture out.

Furniture (bylines, time stamps, share and subscribe prompts) is frequent in wire copy and
scraped pages, and a ranker that sees it happily picks "Click here to subscribe" as central.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from .lang import codes, get_pack

# Bidirectional overrides and isolates can disguise text in a chat; zero-width marks break words.
# Character classes, not str.translate: a regex scan is ten times faster on a long report.
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Only what needs changing: runs of two or more, and single spaces that are not " ".
_SPACES = re.compile(
    r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
)

# Separator rules and the copyright sign read the same in every language.
_GENERAL_LINES = (r"[|•·\-–—=_*\s]+", r"©.*")
_GENERAL_PREFIXES = (r"\|\s*\.\s*",)

# Agency datelines open the first paragraph of wire copy: "(CNN) -- ", "LONDON, England (CNN)
# -- ", "(CNN)The", "ALMATY, March 3 (Steppe News Agency) — ", "ХУДЖАНД, 12 июля — ", "МОСКВА, 5 мая.
# /ТАСС/. ". The place is in capitals, the agency in brackets or slashes; what follows is the
# sentence, which stays. The report keeps its dateline (place and date are facts); a summary
# bullet drops it (`strip_dateline`).
_CAPS = "A-ZА-ЯЁІЇЄҐ"
_PLACE = rf"(?:[{_CAPS}][{_CAPS}.'’-]+\s+)*[{_CAPS}][{_CAPS}.'’-]+"     # LONDON, NEW YORK
_DETAIL = rf"(?:,\s*[{_CAPS}0-9][^,()—–/\n]{{0,30}})"                  # , England / , 5 мая
_AGENCY = r"\([^()\n]{2,40}\)"                                       # (CNN)
_DASH = r"\s*(?:--|—|–)\s+"
_DATELINE = re.compile(
    rf"^(?:{_PLACE}{_DETAIL}{{1,2}}\s*(?:{_AGENCY})?{_DASH}"
    rf"|(?:{_PLACE}\s*)?{_AGENCY}(?:{_DASH}|(?=[{_CAPS}\"“«]))"   # "(CNN)The ..." too
    rf"|{_PLACE}{_DETAIL}\.?\s*/[^/\n]{{2,30}}/\.?\s+)(?=\S)"
)
# Daily Mail's scraped copy keeps a " . " where the print column wrapped ("a woman who .
# claims"); a dot between two lower-case words is never a sentence end, nor one after a word
# no sentence ends with ("to . Prince Harry": the pack's `dangling_words`).
_WRAP_DOT = r"(?<=[^\W\d_]) \.(?= [a-zа-яёіїєґ])"


@dataclass(frozen=True)
class _Furniture:
    """One language's furniture patterns, compiled."""

    line: re.Pattern[str]
    prefix: re.Pattern[str]
    byline: re.Pattern[str]
    wrap_dot: re.Pattern[str]


@cache
def _furniture(code: str | None) -> _Furniture:
    """Patterns of one language's pack; None (language not known yet): all packs together."""
    rules = [get_pack(c).text for c in (codes() if code is None else (code,))]
    prompts = _alternatives(p for r in rules for p in r.furniture_prompts)
    lines = _alternatives((*_GENERAL_LINES, *(p for r in rules for p in r.furniture_lines)))
    prefixes = _alternatives((*_GENERAL_PREFIXES, *(p for r in rules for p in r.furniture_prefixes)))
    openers = _alternatives(re.escape(o) for r in rules for o in r.byline_openers)
    joins = _alternatives(re.escape(c) for r in rules for c in r.conjunctions)
    # Prompts count only where they open the line and the line does not read as a sentence,
    # so "Farmers can subscribe to the scheme." stays; scraped copy ends on " .".
    line = re.compile(
        rf"^(?:(?:{prompts})\b(?:.{{0,80}}[^.!?…]|.{{0,30}}|.{{0,80}}\s[.!?])|{lines})$",
        re.IGNORECASE,
    )
    byline = re.compile(
        rf"^(?:{openers})\s*\.?\s*(?:[{_CAPS}][\w’'-]*\.?,?\s*(?:(?:{joins})\s+)?){{1,6}}\.?$"
    )
    dangling = _alternatives(re.escape(w) for r in rules for w in r.dangling_words)
    wrap_dot = re.compile(rf"{_WRAP_DOT}|(?<![^\W\d_])((?i:{dangling})) \.(?= \S)")
    return _Furniture(line, re.compile(rf"^(?:{prefixes})+", re.IGNORECASE), byline, wrap_dot)


def _keep_word(match: re.Match[str]) -> str:
    return match.group(1) or ""


def _alternatives(patterns) -> str:
    return "|".join(f"(?:{p})" for p in dict.fromkeys(patterns)) or "(?!)"


def normalize(text: str) -> str:
    """NFC, no control or invisible characters, single spaces, unified line ends."""
    return "\n".join(_normalized_lines(text))


def _normalized_lines(text: str) -> list[str]:
    """The lines of the normalized text, for callers that go through them one by one.

    Every character the three scans remove or replace is unprintable, and so is any line
    break: most text has no unprintable character in a line and no double space, both told
    by a pass in C that is cheaper than one regex scan.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    lines = text.split("\n")
    if "  " in text or not all(map(str.isprintable, lines)):
        lines = _SPACES.sub(" ", _CONTROL.sub(" ", _INVISIBLE.sub("", text))).split("\n")
    return [line.strip(" ") for line in lines]


def strip_dateline(sentence: str) -> str:
    """The sentence without an agency dateline in front: "(CNN) -- Rescuers ..." -> "Rescuers ..."."""
    return _DATELINE.sub("", sentence, count=1) if sentence[:1].isupper() or sentence[:1] == "(" \
        else sentence


def is_furniture(line: str, language: str | None = None) -> bool:
    """A whole line of page furniture (byline, prompt, stamp, rule) in `language`, or any pack's."""
    line = line.strip()
    furniture = _furniture(language)
    return bool(furniture.byline.match(line) or furniture.line.match(line))


def clean_text(text: str, language: str | None = None) -> str:
    """Normalized text without furniture lines, furniture prefixes or wrap dots.

    The language is usually not known before cleaning (detection reads the cleaned text), so
    by default every pack's furniture counts.
    """
    furniture = _furniture(language)
    kept: list[str] = []
    for line in _normalized_lines(text):
        if line:
            line = furniture.prefix.sub("", line).strip()
            if " ." in line:
                line = furniture.wrap_dot.sub(_keep_word, line)
            if line and (furniture.byline.match(line) or furniture.line.match(line)):
                continue
        if line or not kept or kept[-1]:  # one blank line between paragraphs at most
            kept.append(line)
    return "\n".join(kept).strip()
