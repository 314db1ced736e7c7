"""What a number counts: the noun after it, the subject and verb before it, the "of" phrase.

Contexts are quoted verbatim from the sentence (a reader can find them in the report), end on
a whole word, never run past a clause boundary, and stay within `MAX_CONTEXT` characters.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .patterns import WORD_CACHE_SIZE, FigurePatterns

MAX_CONTEXT = 80
_WORD = re.compile(r"[^\W\d_][\w’'-]*|\d+(?:st|nd|rd|th)\b(?:-[^\W\d_]+)?")  # "two 18th-century"
_GAP = re.compile(r"[ \u00a0]*[\"“”«»]?[ \u00a0]*")
_CHUNK = re.compile(r"\S+")
_CLOSES = tuple(",;:.!?\"“”«»()—–[]")
_DASHES = ("-", "—", "–")
_ABBREVIATED = re.compile(r"\.[ \u00a0][^\W\d_A-ZА-ЯЁІЇЄҐ]")   # "кв. м": a lower-case word goes on


def counted_phrase(after: str, p: FigurePatterns, *, max_words: int = 3, vague: bool = False) -> str:
    """Up to `max_words` words right after the number, stopping at punctuation or a stop word.

    Verbatim from `after` (quote marks included), so that the context stays a quotation.
    """
    taken = 0
    position = end = 0
    skip_partitive = vague
    while taken < max_words:
        position = _GAP.match(after, position).end()
        word = _WORD.match(after, position)
        if not word or after.startswith(f"/{word.group()}", word.end()):
            break  # "на 12% г/г", "y/y": period over period, not what the number counts
        traits = _counted_word(word.group(), p)
        if traits.foreign:
            break  # "12 to 6 elbow" quoted in a Russian report: not what the number counts
        if skip_partitive and traits.partitive:
            skip_partitive = False  # "hundreds of companies": count the companies
            position = word.end()
            continue
        if traits.stop and not (taken == 0 and traits.filler):
            break
        if taken == 0 and traits.filler:
            position = end = word.end()  # "20 other national Olympic bodies": "other" is free
            continue
        if traits.impact:
            break  # "40 injured": what happened to them, for `impact_tail`
        if taken and not traits.time_unit and traits.verb_like:
            break  # "4,000 students attended", "12 людей поранені": the noun ends at the verb
        taken += 1
        position = end = word.end()
        if traits.time_unit or traits.plural:
            break  # "три года программа охватит", "60,000 residents face": the noun ends it
        if position < len(after) and after[position] in "\"“”«»" and _opens_quote(after, word.start()):
            position = end = position + 1  # a quoted word: "eight "critical" holes"
        if _ABBREVIATED.match(after, position):
            position = end = position + 1   # "1,2 млн кв. м жилья": the unit goes on
            continue
        if position < len(after) and after[position] not in " \u00a0":
            break
    return after[:end].rstrip() if taken else ""


class _CountedWord(NamedTuple):
    """What `counted_phrase` asks of one word after a number."""

    foreign: bool    # not in the report's alphabet
    partitive: bool  # "of"
    stop: bool
    filler: bool     # "other", "more": free before the noun
    impact: bool     # "injured", "погибли"
    time_unit: bool
    verb_like: bool
    plural: bool


@lru_cache(maxsize=WORD_CACHE_SIZE)  # "people", "of", "years": the same words after numbers
def _counted_word(text: str, p: FigurePatterns) -> _CountedWord:
    """All of `counted_phrase`'s word tests at once, memoized: one look-up per word."""
    lower = text.lower()
    return _CountedWord(
        foreign=not p.native_word.search(lower), partitive=lower in p.partitives,
        stop=lower in p.stops, filler=lower in p.fillers, impact=p.impact_word(lower),
        time_unit=lower in p.time_units, verb_like=p.verb_like(text), plural=p.plural_noun(text))


def _opens_quote(text: str, start: int) -> bool:
    """The word at `start` comes right after an opening quote mark."""
    return start > 0 and text[start - 1] in "\"“«"


def impact_tail(after: str, p: FigurePatterns) -> str:
    """"remain trapped", "погибли": what happened to the people counted, when it follows."""
    m = p.impact_after.match(after)
    if not m or p.figure.match(after[m.end():].lstrip()):
        return ""  # "из двух акций были задержаны более тысячи человек": the verb is theirs
    return after[: m.end()]


def of_phrase(after: str, p: FigurePatterns, max_words: int = 4) -> str:
    """"of the approved revenue plan": the whole a share is taken of."""
    word = _WORD.match(after.lstrip())
    if not word or word.group().lower() not in p.partitives:
        return ""
    offset = len(after) - len(after.lstrip()) + word.end()
    rest = counted_phrase(_skip_articles(after[offset:], p), p, max_words=max_words)
    if not rest:
        return ""
    end = after.index(rest.strip(), offset) + len(rest.strip())
    return after[:end]


def _skip_articles(text: str, p: FigurePatterns) -> str:
    """Blank out leading stop words ("of the plan") so the counted phrase can start after them."""
    position = 0
    while True:
        gap = _GAP.match(text, position).end()
        word = _WORD.match(text, gap)
        if not word or word.group().lower() not in p.stops or word.group().lower() in p.clause_words:
            return " " * position + text[position:] if position else text
        position = word.end()
        text = " " * position + text[position:]


def leading_phrase(before: str, p: FigurePatterns, max_words: int = 4, *,
                   whole_sentence: bool = False) -> str:
    """The subject and verb just before a sum or percentage ("inflation slowed to").

    Walks back over whitespace-separated chunks and stops at punctuation, a clause word
    ("but", "which"), a month (the number belongs to the date's clause, not the month), or an
    earlier number, unless all that was taken so far is a preposition ("jumped 76% to").
    When `before` is the sentence's whole start and two more words reach it, they are taken
    too: "Представительство министерства в Москве направило" names who sent the money.
    Leading stop words are trimmed. Returned verbatim with its trailing space, or "".
    """
    limit = max_words + 2 if whole_sentence else max_words
    starts: list[int] = []
    start = None
    only_preposition = False
    end = len(before)
    # the walk takes at most `limit` words and a preposition before it stops: the chunks
    # past those are never looked at, so they are not split off
    for text in reversed(before.rsplit(None, limit + 2)):
        end = before.rfind(text, 0, end)  # the chunk itself: only whitespace follows it
        kind = _lead_chunk(text, p)
        if kind is _ENDS_LEAD or (kind is _NUMBER_LIKE and not only_preposition):
            break
        start = end
        if len(starts) == 0 and not only_preposition and kind is _PREPOSITION:
            only_preposition = True
            continue
        only_preposition = False
        starts.append(start)
        if len(starts) == limit:
            break
    if start is None:
        return ""
    if len(starts) > max_words and before[:start].strip():  # the sentence's start not reached
        start = starts[max_words - 1]
    lead = before[start:]
    dated = p.not_after.match(lead)
    if dated and lead[dated.end():].strip():
        lead = lead[dated.end():].lstrip()  # "В 2025 году направит": "году" goes with the year
    return _trim_stop_words(lead, p)


def lasting_phrase(before: str, p: FigurePatterns) -> str:
    """What lasts, before a duration: "jailed for", "провел на поле", "over the next".

    Up to three words; a preposition the cut or the trim would leave out ("в" строй через,
    "В" ближайшие) comes back in; a planned period is its own phrase, from the word before
    its "next" ("страны в ближайшие" -> "в ближайшие", "spend £2bn over the next").
    """
    lead = leading_phrase(before, p, max_words=3)
    rest = before[: len(before) - len(lead)] if lead else ""
    dangling = list(_CHUNK.finditer(rest))[-1:]
    if dangling and dangling[0].group().lower() in p.prepositions:
        lead = before[dangling[0].start():]
    chunks = list(_CHUNK.finditer(lead))
    while chunks and not any(map(str.isalnum, chunks[0].group())):
        chunks.pop(0)  # "- it takes about 30 seconds": a dash opens no phrase
        lead = lead[chunks[0].start():] if chunks else ""
        chunks = list(_CHUNK.finditer(lead))
    if len(chunks) > 1 and chunks[-1].group().lower() in p.planned_words:
        opens = len(chunks) - 2
        if opens > 0 and chunks[opens].group().lower() in p.anaphora:
            opens -= 1  # "over the next": the article stays with its preposition
        return lead[chunks[opens].start():]
    return lead


def _trim_stop_words(lead: str, p: FigurePatterns) -> str:
    """"was executed at" -> "executed at": a lead starts at its first content word; a lead of
    stop words only ("to second in") stays whole rather than shrink to a bare preposition."""
    rest = lead[1:].split() if lead[:1] in _DASHES and lead[1:2].isspace() else None
    if rest is not None and all(chunk.lower() in p.stops for chunk in rest):
        return lead[1:].lstrip()   # "на 25,3% - до 12,4 трлн руб.": a dash is no phrase word
    position = 0
    for chunk in lead.split():
        position = lead.find(chunk, position)  # the chunk itself: it starts the rest
        if chunk.lower() not in p.stops:
            return lead[position:]
        position += len(chunk)
    return lead


_ENDS_LEAD = "ends"        # punctuation, a clause word or a month: the lead stops before it
_NUMBER_LIKE = "number"    # a number or a unit: stops the lead unless only a preposition is taken
_PREPOSITION = "preposition"
_PLAIN_WORD = "word"


@lru_cache(maxsize=WORD_CACHE_SIZE)  # chunks repeat ("said", "the", "of"): one look-up each
def _lead_chunk(text: str, p: FigurePatterns) -> str:
    """What one whitespace-separated chunk before a figure means to `leading_phrase`."""
    lower = text.lower()
    if (text.endswith(_CLOSES) or text.startswith(_CLOSES[:-4]) or lower in p.clause_words
            or p.month_word(lower)):
        return _ENDS_LEAD
    if any(map(str.isdigit, text)) or p.unit_word(text):
        return _NUMBER_LIKE
    return _PREPOSITION if lower in p.prepositions else _PLAIN_WORD


def trailing_phrase(after: str, p: FigurePatterns, max_words: int = 4) -> str:
    """Words after a figure up to punctuation or a clause word ("in the summer")."""
    taken = []
    for chunk in _CHUNK.finditer(after):
        text = chunk.group()
        if text.lower() in p.clause_words or len(taken) == max_words or any(map(str.isdigit, text)):
            break
        stripped = text.rstrip("".join(_CLOSES))
        if stripped:
            taken.append(chunk.start() + len(stripped))
        if stripped != text or not stripped:
            break
    while taken and after[: taken[-1]].split()[-1].lower() in p.stops:
        taken.pop()  # "from 91 percent in": a phrase does not end on "in"
    return after[: taken[-1]] if taken else ""


def bounded(lead: str, core: str, tail: str) -> str:
    """lead + core + tail within MAX_CONTEXT characters: the lead gives way first, then the tail.

    All three are verbatim slices of the sentence, so their concatenation is one as well.
    """
    if len(lead) + len(core) + len(tail) <= MAX_CONTEXT:
        return (lead + core + tail).strip()  # most fit whole: nothing to give way
    lead_chunks = list(_CHUNK.finditer(lead))
    while lead_chunks and len(lead) - lead_chunks[0].start() + len(core) + len(tail) > MAX_CONTEXT:
        lead_chunks.pop(0)
    lead = lead[lead_chunks[0].start():] if lead_chunks else ""
    tail_ends = [m.end() for m in _CHUNK.finditer(tail)]
    while tail_ends and len(lead) + len(core) + tail_ends[-1] > MAX_CONTEXT:
        tail_ends.pop()
    tail = tail[: tail_ends[-1]] if tail_ends else ""
    context = (lead + core + tail).strip()
    if len(context) > MAX_CONTEXT:  # a pathological core ("1 000 000 000 ..."): cut at a word
        context = context[:MAX_CONTEXT].rsplit(" ", 1)[0]
    return context
