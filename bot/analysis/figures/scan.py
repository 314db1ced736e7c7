"""One sentence in, its candidate figures out: the number, its unit, and what it counts.

Years, dates, times, ages, references ("page 3"), race names ("men's 60m"), time frames
("the past three years") and anaphora ("the two men") are not key figures and are dropped
here. A conversion ("$1.13bn (£600m)") and a compound time ("14 minutes 32.93 seconds") stay
one figure. Ranking happens later, over the whole report.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import NamedTuple

from .patterns import MASK_CHAR, SCORE_SEPARATORS, WORD_CACHE_SIZE, FigurePatterns, patterns
from .phrases import (
    bounded,
    counted_phrase,
    impact_tail,
    lasting_phrase,
    leading_phrase,
    of_phrase,
    trailing_phrase,
)


class Candidate(NamedTuple):
    """One figure found in one sentence, before ranking (immutable, hashable by its fields).

    A named tuple rather than a frozen dataclass: a long report makes hundreds, and a tuple is
    built in a third of the time.
    """

    value: str
    context: str
    sentence_index: int
    kind: str            # casualties, people, score, plan, rate, money, percent, count, duration
    amount: float        # the number itself, scaled ("2 млн" -> 2e6); words are valued too
    approximate: bool
    noun: str            # what is counted, for "one figure per fact"
    anaphoric: bool = False  # "the five writers": counted already if the report gave the number


_DIGIT = re.compile(r"\d")
_ASCII_DIGIT = re.compile(r"[0-9]")  # \d within ASCII, without a Unicode look-up per character
_WINDOW = 80   # characters around a number that phrases and checks may look at
_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?)]|[—–]|-\s|$)")
_OPENERS = " \u00a0\"“«'‘([—–-"  # what may stand before a sentence's first word
_SETS_GAP = re.compile(r",? ")  # between the sets of one tennis match: "6-2 6-3", "6-2, 6-3"
_DASH = re.compile(r"[-–—]")
_CLOSING = re.compile(r"\s*\)")
_UNIT_GAP = re.compile(r"\s+([^\W\d_]+)\s+")  # "14 minutes 32.93 seconds"
_HYPHENATED = re.compile(r"-([^\W\d_]+)")
_DASHED_NUMBER = re.compile(r"\s*[-–—]\s*(\d+)")
_LAST_NUMBER = re.compile(r"\d+$")
_NUMBER_WORD = re.compile(r"[^\W\d_][\w’']*")
_NEAR = 32     # characters before a number that word checks ("page", "aged", "killed") look at


def scan(sentence: str, index: int, code: str) -> list[Candidate]:
    """Every figure in one sentence; most sentences fail the cheap number check at once."""
    p = patterns(code)
    found: list[Candidate] = []
    masked = sentence
    if (_ASCII_DIGIT if sentence.isascii() else _DIGIT).search(sentence):
        masked = p.mask.sub(lambda m: MASK_CHAR * len(m.group()), sentence)
        found, masked = _scores_and_times(sentence, masked, index, p)
    elif not p.has_number_word(sentence):
        return []
    for m, end in _merged(list(_figures(masked, p, sentence.isascii())), sentence, p):
        candidate = _interpret(sentence, m, end, index, p)
        if candidate is not None:
            found.append(candidate)
    return found


def _figures(masked: str, p: FigurePatterns, ascii_text: bool = False):
    """The figure pattern tried only where a number starts (a digit or a number word), from the
    approximation or currency just before it: the same matches as a scan of every position.

    In an ASCII sentence, case-insensitive matching is matching the lower-cased text (the mask
    character has no case), and lower-casing keeps every position: the number starts are looked
    for there without folding the case of each character (~15% less time for that scan).
    """
    last_end = 0
    starts = p.core_lowered.finditer(masked.lower()) if ascii_text else p.core.finditer(masked)
    for core in starts:
        if core.start() < last_end:
            continue
        window_start = max(last_end, core.start() - _NEAR)
        start = core.start()
        if _may_have_prefix(masked[window_start: start], p):
            prefix = p.figure_start.search(masked, window_start, start)
            start = prefix.start() if prefix else start
        m = p.figure.match(masked, start)
        if m is None and start != core.start():
            m = p.figure.match(masked, core.start())
        if m is not None and _is_change_and_level(masked, m, p):
            m = p.figure_single.match(masked, m.start())
        if m is None or not (m.group("num") or m.group("words")):
            continue
        last_end = m.end()
        yield m


def _may_have_prefix(window: str, p: FigurePatterns) -> bool:
    """A cheap look at the word just before a number: only "about", "between", "a" (million)
    or a currency sign can open a figure there, so most numbers skip the prefix search."""
    if not window or window[-1] in p.start_words:
        return bool(window)
    words = window.rsplit(None, 1)  # the last word is all it looks at
    return bool(words) and words[-1].lower().lstrip("([{\"'«“—–-") in p.start_words


def _is_change_and_level(masked: str, m: re.Match[str], p: FigurePatterns) -> bool:
    """"rose by 23,000 to 1.45 million": the change and the new level, not a range."""
    joined = m.group("range")
    if not joined or m.group("between") or _DASH.search(joined):
        return False
    words = masked[max(0, m.start() - _NEAR): m.start()].rsplit(None, 1)
    return bool(words) and words[-1].lower() in p.change_by


def _scores_and_times(
    sentence: str, masked: str, index: int, p: FigurePatterns,
) -> tuple[list[Candidate], str]:
    """Match scores ("3:2", "2-1" beside "beat") and race times ("2:01.52"), then masked out."""
    found: list[Candidate] = []
    spans = []
    # scores and race times ("2:01.52") have a separator between their digits
    separated = any(mark in masked for mark in SCORE_SEPARATORS)
    for m in p.race_time.finditer(masked) if separated else ():
        spans.append((m.start(), m.end(), "duration"))
    for m in p.time_tail.finditer(masked):
        told = p.time_head.search(masked, max(0, m.start() - _NEAR), m.start())
        if told:  # "one minute 46.68seconds": a race time in words and digits
            spans.append((told.start(), m.end(), "duration"))
    sporting = None
    for m in p.score.finditer(masked) if separated else ():
        if m.group("dash"):
            if sporting is None:
                sporting = p.score_word.search(sentence) is not None
            if not sporting or p.date_after.match(sentence[m.end():]) or _has_unit(masked, m, p):
                continue
        if spans and spans[-1][2] == "score" and _SETS_GAP.fullmatch(sentence, spans[-1][1], m.start()):
            spans[-1] = (spans[-1][0], m.end(), "score")  # "6-2 6-3 6-4": one match, set by set
            continue
        spans.append((m.start(), m.end(), "score"))
    for start, end, kind in spans:
        value = sentence[start:end]
        lead = leading_phrase(sentence[:start], p, max_words=3, whole_sentence=True)
        tail = "" if lead else trailing_phrase(sentence[end:], p, max_words=3)
        found.append(Candidate(value=value, context=bounded(lead, value, tail), sentence_index=index,
                               kind=kind, amount=0.0, approximate=False, noun=value))
        masked = masked[:start] + MASK_CHAR * len(value) + masked[end:]
    return found, masked


def _has_unit(masked: str, m: re.Match[str], p: FigurePatterns) -> bool:
    """"10-15 percent", "2-3 days": a range with a unit, not a match score."""
    figure = p.figure.match(masked, m.start())
    if figure and any(figure.group("pct", "cur1", "cur2", "scale")):
        return True
    following = masked[m.end():].split(None, 1)
    return bool(following) and following[0].lower().strip(".,;:") in p.time_units


def _merged(numbers: list[re.Match[str]], sentence: str, p: FigurePatterns):
    """(first match, end) per figure: a conversion into another currency joins its original."""
    i = 0
    while i < len(numbers):
        m = numbers[i]
        end = m.end()
        in_brackets = False
        while i + 1 < len(numbers) and _is_money(m) and _is_money(numbers[i + 1]):
            following = numbers[i + 1]
            gap = p.conversion_gap.fullmatch(sentence, end, following.start())
            if gap is None or (gap.group("list") and not in_brackets):
                break
            if _currency(following) == _currency(m):
                break  # "$5m, $6m": two sums, not one sum in two currencies
            in_brackets = in_brackets or gap.group("open") is not None
            end = following.end()
            i += 1
        if in_brackets:
            close = _CLOSING.match(sentence, end)
            end += close.end() - end if close else 0
        if i + 1 < len(numbers) and _is_bare(m) and _is_bare(numbers[i + 1]):
            unit = _UNIT_GAP.fullmatch(sentence, end, numbers[i + 1].start())
            if unit and unit.group(1).lower() in p.time_units:
                end = numbers[i + 1].end()  # "14 minutes 32.93 seconds"
                i += 1
        yield m, end
        i += 1


def _is_bare(m: re.Match[str]) -> bool:
    return bool(m.group("num")) and not any(
        m.group("cur1", "cur2", "pct", "scale", "range", "approx"))


def _is_money(m: re.Match[str]) -> bool:
    return bool(m.group("cur1") or m.group("cur2"))


def _currency(m: re.Match[str]) -> str:
    return (m.group("cur1") or m.group("cur2") or "").strip().lower()[:3]


def _interpret(
    sentence: str, m: re.Match[str], end: int, index: int, p: FigurePatterns,
) -> Candidate | None:
    before = sentence[max(0, m.start() - _WINDOW): m.start()]
    near = before[-_NEAR:]  # end-anchored word checks need only the last few words
    after = sentence[end: end + 2 * _WINDOW]
    if _is_not_a_figure(m, near, sentence[m.end(): m.end() + _WINDOW], p):
        return None
    core = sentence[m.start(): end]
    money = _is_money(m)
    approx, between, pct, scale, joined, words = m.group("approx", "between", "pct", "scale", "range",
                                                         "words")  # one call, not one per use
    approximate = approx is not None or between is not None
    approx_after = p.approx_after.match(after)
    if approx_after:
        approximate = True
        core, after = core + after[: approx_after.end()], after[approx_after.end():]
    amount = _amount(m.group("num"), words, scale, p)
    if pct and amount == 100 and p.figurative_after.match(after):
        return None  # "100% sure", "на 100% солидарен": a manner of speaking
    if money or pct:
        return _share_or_sum(m, before, core, after, index, p, amount, approximate)
    written = words is not None
    spoken = words.lower() if written else ""
    if written and spoken in p.fractions:
        return None  # "the fourth quarter": a fraction in words without a unit
    if p.fraction_after.match(after):
        return None  # "two thirds of the population", "две трети": a share, not a count
    if _is_denominator(before, amount, p):
        return None  # "1-10 cases per 1 million people": the base of a rate
    vague = written and spoken in p.vague
    times = p.multiplier_after.match(after)
    exchange = p.exchange_after.match(after)  # "43.305 per US dollar": an exchange rate
    multiplied = times or exchange or (amount > 1 and p.per_time.match(after))
    multiplier = ((written and spoken in p.multipliers)
                  or bool(times and p.change.search(near)))  # "выросли в 1,5 раза", not "три раза"
    if multiplied:  # "a hundred times more": one multiplier; "50,000 a year": a rate
        core, after = core + after[: multiplied.end()], after[multiplied.end():]
    hyphen = _HYPHENATED.match(after)
    if hyphen and not written and hyphen.group(1).lower() in p.case_endings:
        core, after = core + hyphen.group(), after[hyphen.end():]  # "в 2-х регионах": "двух"
        hyphen = None
    if hyphen:
        if hyphen.group(1).lower() not in p.time_units:
            return None  # "1-го", "three-party", "one-off": ordinals and compounds
        core, after = core + hyphen.group(), after[hyphen.end():]
        counted = counted_phrase(after, p, max_words=2)  # "three-day celebration"
    else:
        of_them = p.of_them.match(after)
        counted = after[: of_them.end()] if of_them else counted_phrase(after, p, vague=vague)
    impact = impact_tail(after[len(counted):], p)
    nouns = [n.lower().strip("\"“”«»'’") for n in counted.split()]
    nouns = [n for n in nouns if n not in p.partitives]
    duration = bool(hyphen) or any(n in p.time_units for n in nouns)
    if duration and vague:
        return None  # "for hundreds of years": a time frame, not a count
    self_described = (scale or joined or (approximate and amount >= 1000)
                      or (approximate and not written) or _is_change(near, p)
                      or multiplier or multiplied
                      or (not written and _measures_of(near, p)))
    predicate = not counted and p.count_verb.search(near) and _CLAUSE_END.match(after)
    if not (counted or impact or hyphen or self_described or predicate):
        return None  # a bare number says nothing on its own ("up from just over 900" does)
    anaphoric = written and not (joined or impact) and _previous_word(near) in p.anaphora
    if anaphoric and amount <= 2:
        return None  # "the two task forces", "both": counted already
    if p.band_labels and joined and _names_a_band(m, nouns, p):
        return None  # "all existing 14-19 qualifications": an age band naming them
    if amount < 1000 and (p.weak_nouns.intersection(nouns)
                          or (written and p.division_before.search(near))):
        return None  # "two sides", "two large factors", "split into two camps" (a large
        # count of them is news: "the phrase appears 7.1 million times")
    if not written and amount > 1 and _names_a_singular(near, counted, p):
        return None  # "the 2 show", "the 100 club": a label, not a count
    if duration and not joined and _is_time_frame(m, near, after[len(counted):], p,
                                                             attributive=hyphen is not None):
        return None  # "the past three years", "three years ago": when, not how much; an
        # estimate ("через 1,5—2 месяца я буду в строю") is a figure
    if ((scale or p.race_units.intersection(nouns[:1]))
            and _is_race_name(near, counted, after[len(counted):], p)):
        return None
    if written and _inside_a_title(words, before):
        return None  # "Desperate Housewives and Six Feet Under", "the Six Nations"
    if not before.strip(_OPENERS) and p.conditional_after.match(after[len(counted):]):
        return None  # "Two clicks and your programme is downloading": a manner of speaking
    if p.numbered_names and not written and not approximate and _follows_a_name(before):
        return None  # "FTSE 100 companies", "Radio 4"
    impact_before = p.impact_before.search(near)  # after the rejections: a search per position
    if impact_before:
        lead = impact_before.group()
    elif not (counted or impact):
        # "число учебных центров выросло с 14 до 19": the counted noun stands before
        lead = leading_phrase(before, p, whole_sentence=m.start() <= _WINDOW)
    else:
        lead = ""
        if duration and p.time_units.issuperset(nouns):
            span = of_phrase(after[len(counted):], p)  # "300 hours of recorded interviews"
            if span:
                counted += span
            elif _previous_word(near) not in p.articles:  # not "a two year deal"
                lead = lasting_phrase(before, p)  # "jailed for six years"
    if impact or impact_before:
        harmed = p.harm.search(impact or impact_before.group())
        kind = "casualties" if harmed else "people"
    elif not counted and p.harm.search(lead):
        kind = "casualties"  # "число погибших возросло до 17", "the death toll rose to 17"
    elif p.generic_nouns.intersection(nouns) and p.harm.search(near):
        kind = "casualties"  # "жертвами урагана стали 45 человек": the harm is told first
        lead = lead or leading_phrase(before, p, whole_sentence=m.start() <= _WINDOW)
    else:  # "revenue nearly tripled", "в 1,5 раза": a rate of change
        kind = ("rate" if multiplier else "money" if exchange else "duration" if duration
                else "count")
    return Candidate(
        value=_value(m), context=bounded(lead, core, counted + impact), sentence_index=index,
        kind=kind, amount=amount, approximate=approximate, noun=" ".join(nouns).lower(),
        anaphoric=anaphoric,
    )


def _share_or_sum(
    m: re.Match[str], before: str, core: str, after: str, index: int, p: FigurePatterns,
    amount: float, approximate: bool,
) -> Candidate:
    """A sum or a percentage: the subject and verb before it say what it measures."""
    lead = leading_phrase(before, p, whole_sentence=m.start() <= _WINDOW)
    share = of_phrase(after, p)
    attributive = (m.group("cur1") or _previous_word(before) in p.articles  # "a 30% hike"
                   or (p.share_noun_after and m.group("pct")))              # "48% голосов"
    tail = share or (counted_phrase(after, p, max_words=2) if attributive else "")
    if p.time_units.intersection(tail.lower().split()):
        tail = ""  # "на 5% год к году": when, not what
    if not tail and (not lead.strip() or lead.strip().lower() in p.prepositions):
        tail = trailing_phrase(after, p)  # "from nearly 10 percent in the summer"
    told = lead + " " + tail
    if m.group("pct"):
        kind = ("plan" if p.plan.search(told) else "rate" if p.change.search(told)
                else "percent")
    else:
        kind = "money"
    return Candidate(
        value=_value(m), context=bounded(lead, core, tail), sentence_index=index, kind=kind,
        amount=amount, approximate=approximate,
        noun=" ".join(w for w in told.lower().split() if w not in p.stops),
    )


def _names_a_singular(near: str, counted: str, p: FigurePatterns) -> bool:
    """"The 2 show": digits after "the" before one singular noun name something; a count of
    more than one takes a plural ("the 11 people", "the 3 children", "the 60 metres")."""
    words = counted.split()
    return (len(words) == 1 and bool(p.singular_noun.fullmatch(words[0]))
            and words[0].lower() not in p.time_units and _previous_word(near) in p.anaphora)


def _names_a_band(m: re.Match[str], nouns: list[str], p: FigurePatterns) -> bool:
    """"14-19 qualifications", "the 18-30 age group": two bare numbers glued by a hyphen right
    before a plain noun name a band; "a 3-1 win", "2-3 days", "10-15 people" stay figures."""
    if not nouns or not m.group("range").startswith("-") or not m.group("num"):
        return False
    if any(m.group("approx", "between", "cur1", "cur2", "pct", "scale")):
        return False
    head = nouns[0]
    return not (head in p.time_units or head in p.generic_nouns or head in p.race_units
                or p.score_word.fullmatch(head))


def _measures_of(near: str, p: FigurePatterns) -> bool:
    """"a majority of 161", "a total of 1,200": a bare number that is what "a <noun> of"
    measures (not "episodes of 24", a title)."""
    words = near.lower().split()
    return len(words) >= 3 and words[-1] in p.partitives and words[-3] in p.articles


def _is_time_frame(m: re.Match[str], near: str, rest: str, p: FigurePatterns, *,
                   attributive: bool = False) -> bool:
    """"the past three years", "in little over two years", "three years ago" place other facts
    in time; "up to eight days after they aired" is a window, and that window is the fact, as
    is a period named by its length ("the 90-day consultation period": an article is no frame)."""
    approx = m.group("approx")
    frame = p.frame_before.search(near)
    if frame and not (attributive and frame.group().strip().lower() in p.articles):
        return True
    if approx and p.frame_before_approximate.search(near):
        return True
    return bool(p.frame_after.match(rest)) and not (approx and p.limit.fullmatch(approx))


def _is_change(near: str, p: FigurePatterns) -> bool:
    """"rose by 23,000": a bare number that is the size of a change."""
    return _previous_word(near) in p.change_by and p.change.search(near) is not None


def _is_denominator(before: str, amount: float, p: FigurePatterns) -> bool:
    """"per 100,000 people", "на 1 млн человек" after another number: the base of a rate
    (a round power of ten), while "выросло на 1000 человек" with no number before is a change."""
    if amount < 1 or _previous_word(before) not in p.per_words:
        return False  # most numbers: no "per" before them, and no split of the window
    words = before.split()
    if len(words) < 2:
        return False
    if not math.log10(amount).is_integer():
        return False
    return _DIGIT.search(" ".join(words[-6:-1])) is not None


def _previous_word(before: str) -> str:
    words = before.rsplit(None, 1)
    return words[-1].lower().strip("\"“”«»(,") if words else ""


def _follows_a_name(before: str) -> bool:
    """A capitalised word (not the sentence's first) right before a bare number names it."""
    words = before.rsplit(None, 1)  # two words at least: the name and one before it
    return len(words) >= 2 and words[-1][:1].isupper() and words[-1].isalpha()


def _is_race_name(before: str, counted: str, rest: str, p: FigurePatterns) -> bool:
    """"the women's 800m", "60m hurdles", "the 60 metres will be", "compete in the 60m", "the
    800 metres runner", "the 800m and 1000m": an event, not a distance anyone ran (a distance
    achieved has a verb before it: "landed 17.30m")."""
    words = counted.lower().split()
    if words and words[0] in p.race_units:
        words = words[1:]  # "400 metres hurdles": the unit, then the event
        if not words and _previous_word(before) in p.anaphora:
            return True  # "the 60 metres"
    following = rest.split(None, 1)
    first = words[0] if words else following[0].lower().strip(",.;:") if following else ""
    previous = _previous_word(before)
    return (previous in p.event_before or first in p.event_after
            or (not counted and previous in p.anaphora) or _after_a_race(before, p))


def _after_a_race(before: str, p: FigurePatterns) -> bool:
    """"the 800m and 1000m", "the men's 800m and 1500m": a distance coordinated (by a clause
    word, "and") with a race named just before is a race too."""
    words = before.lower().split()[-3:]
    return (len(words) == 3 and words[2] in p.clause_words and words[1][:1].isdigit()
            and words[1].lstrip("0123456789.,") in p.race_units
            and (words[0] in p.anaphora or words[0] in p.event_before))


def _inside_a_title(words: str, before: str) -> bool:
    """A capitalised number word inside a sentence ("and Six Feet Under") is part of a name;
    after a full stop, a quote mark or a dash it opens a sentence and stays a number."""
    chunks = before.rsplit(None, 1)
    previous = chunks[-1] if chunks else ""
    return words[:1].isupper() and bool(previous) and (previous[-1].isalnum() or previous[-1] == ",")


def _is_not_a_figure(m: re.Match[str], before: str, after: str, p: FigurePatterns) -> bool:
    """Years, dates, times, ages and references (page 3, No. 5) are not key figures.

    Years come first: news is full of them, and one is decided without the word checks.
    """
    number = m.group("num")
    bare = not any(m.group("cur1", "cur2", "pct", "scale"))
    year = bare and number is not None and p.year.fullmatch(number) is not None
    if year and _ends_in_a_year(m, p):
        return True  # "in 2004", "2004-2008"
    if p.not_before.search(before) or p.age_after.match(after):
        return True
    if p.age_around and any(a.match(after) and b.search(before) for b, a in p.age_around):
        return True
    if p.month_before.search(before) and not _past_a_day(number, p):
        return True  # "July 4", "июля 2019"; but "к концу июля около 500 пунктов" counts
    if number is None:
        return False
    dash = _DASHED_NUMBER.fullmatch(m.group("range") or "")
    if dash and m.group("num").isdigit() and int(dash.group(1)) <= int(number):
        return True  # "58661-49": a code, not a range
    return bare and (p.date_after.match(after) or p.not_after.match(after)) is not None


def _ends_in_a_year(m: re.Match[str], p: FigurePatterns) -> bool:
    """A year alone, or a range whose second number is a year too ("2004-08" is not)."""
    second = _LAST_NUMBER.search(m.group("range") or "")
    return second is None or p.year.fullmatch(second.group()) is not None


def _past_a_day(number: str | None, p: FigurePatterns) -> bool:
    """A number after a month is a date only when it could be a day or a year."""
    return number is not None and number_value(number) > 31 and not p.year.fullmatch(number)


def _value(m: re.Match[str]) -> str:
    """The number as written, with its currency and unit but without the approximation."""
    if m.group("num") and not (m.group("cur1") or m.group("cur2") or m.group("pct")
                               or m.group("scale") or m.group("range")):
        return m.group("num")
    start = m.start("cur1") if m.group("cur1") else m.start("num") if m.group("num") else m.start(
        "words")
    return m.string[start: m.end()].strip()


@lru_cache(maxsize=WORD_CACHE_SIZE)  # the same numbers and scales come back, report after report
def _amount(number: str | None, words: str | None, scale: str | None, p: FigurePatterns) -> float:
    """The number's value, scaled: "$2.4 billion" -> 2.4e9, "two thousand" -> 2000."""
    if words:
        return words_value(words, p)
    scale = (scale or "").strip()
    factor = next((f for name, f in p.scale_values if name.match(scale)), 1.0) if scale else 1.0
    return number_value(number) * factor


def words_value(words: str, p: FigurePatterns) -> float:
    """"Thirty-one" -> 31, "two thousand" -> 2000, "hundreds" -> 100."""
    total = current = 0.0
    for word in _NUMBER_WORD.findall(words.lower()):
        value = p.word_values.get(word)
        if value is None:
            continue
        if value >= 1000:
            total += (current or 1) * value
            current = 0.0
        elif value == 100:
            current = (current or 1) * value
        else:
            current += value
    return total + current


@lru_cache(maxsize=WORD_CACHE_SIZE)  # years, "100", "1,000" come back often
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
