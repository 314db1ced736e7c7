"""One sentence in, its candidate figures out: the number, its unit, and what it counts.

Years, dates, times, ages and references such as "page 3" are not key figures and are
dropped here; ranking happens later, over the whole report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .patterns import MASK_CHAR, FigurePatterns, patterns
from .phrases import counted_phrase, leading_phrase


@dataclass(frozen=True)
class Candidate:
    value: str
    context: str
    sentence_index: int
    kind: str            # money, percent, scaled, count, words
    magnitude: float
    approximate: bool


def scan(sentence: str, index: int, code: str) -> list[Candidate]:
    """Every figure in one sentence; most sentences fail the cheap number check at once."""
    p = patterns(code)
    if not p.has_number.search(sentence):
        return []
    masked = p.mask.sub(lambda m: MASK_CHAR * len(m.group()), sentence)
    found = []
    for m in p.figure.finditer(masked):
        if m.group("num") is None and m.group("words") is None:
            continue
        candidate = _interpret(sentence, m, index, p)
        if candidate is not None:
            found.append(candidate)
    return found


def _interpret(sentence: str, m: re.Match[str], index: int, p: FigurePatterns) -> Candidate | None:
    before, after = sentence[: m.start()], sentence[m.end():]
    if _is_reference(m, before, after, p):
        return None
    money = bool(m.group("cur1") or m.group("cur2"))
    kind = ("money" if money else "percent" if m.group("pct") else
            "scaled" if m.group("scale") else "count" if m.group("num") else "words")
    approximate = m.group("approx") is not None or m.group("between") is not None
    counted = counted_phrase(after, p) if kind in ("count", "scaled", "words") else ""
    if kind in ("count", "words") and not counted and not approximate:
        return None  # a bare number says nothing on its own ("up from just over 900" does)
    if kind == "money" and m.group("cur2") is None:
        counted = counted_phrase(after, p, max_words=2)
    # A currency word already says what the sum is; a bare "%" or "$5m" needs its subject.
    lead = "" if counted or m.group("cur2") else leading_phrase(before, p)
    context = lead + m.group(0).strip() + (" " + counted if counted else "")
    return Candidate(
        value=_value(m), context=context, sentence_index=index, kind=kind,
        magnitude=_magnitude(m, p), approximate=approximate,
    )


def _value(m: re.Match[str]) -> str:
    """The number as written, with its currency and unit but without the approximation."""
    if m.group("num") and not (m.group("cur1") or m.group("cur2") or m.group("pct")
                               or m.group("scale") or m.group("range")):
        return m.group("num")
    start = m.start("cur1") if m.group("cur1") else m.start("num") if m.group("num") else m.start(
        "words")
    return m.string[start: m.end()].strip()


def _is_reference(m: re.Match[str], before: str, after: str, p: FigurePatterns) -> bool:
    """Years, dates, times and references (page 3, No. 5) are not key figures."""
    if p.reference_before.search(before) or p.date_before.search(before):
        return True
    number = m.group("num")
    if number is None:
        return False
    bare = not (m.group("cur1") or m.group("cur2") or m.group("pct") or m.group("scale"))
    if bare and (p.date_after.match(after) or p.not_after.match(after)
                 or p.age_after.match(after)):
        return True
    return bare and bool(p.year.fullmatch(number)) and not m.group("range")


def _magnitude(m: re.Match[str], p: FigurePatterns) -> float:
    """Rough size of the figure; bigger sums and counts tend to be the headline ones."""
    if m.group("pct"):
        return 100.0
    if m.group("words"):
        values = (p.word_values.get(w.lower(), 1) for w in re.findall(r"\w+", m.group("words")))
        return float(max(values, default=1))
    scale = (m.group("scale") or "").strip()
    factor = next((f for name, f in p.scale_values if name.match(scale)), 1.0)
    return number_value(m.group("num")) * factor


def number_value(number: str) -> float:
    """"4,000" and "4 000" are thousands; "12,5" (Russian) and "3.5" are decimals."""
    number = number.replace("\u00a0", "").replace(" ", "")
    head, _, tail = number.rpartition(",")
    if head and len(tail) != 3 and "." not in number:
        number = head.replace(",", "") + "." + tail
    try:
        return float(number.replace(",", ""))
    except ValueError:
        return 1.0
