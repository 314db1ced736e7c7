"""Interviews printed as dash-led questions and answers, and who asks and who answers.

Russian and Ukrainian outlets print an interview as alternating paragraphs opened by a dash
("— Вы дали поручительство…?" then "— Для меня это было…"), none with an attribution: the
intro says who talks to whom ("Илья Жегулев поговорил с Валерией Касамарой"). Every dash-led
paragraph is a new turn and the turns alternate; a paragraph without marks after an answer
continues it, up to a caption, a link line or a byline (a line with no closing punctuation).

A report is an interview only when several such turns alternate and the questions end with
"?", so one unattributed dash-led paragraph in a news report stays what it was. The cue
phrases are language data (QuoteRules.interview_*); nothing here branches on a language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from bot.analysis.lang.quote_rules import QuoteRules

from .entities import nominative
from .rules import Patterns
from .spans import Span, paragraphs

if TYPE_CHECKING:   # the reader imports nothing from here; this keeps the import one-way
    from .attribution import Reader
    from .entities import Entity

QUESTION, ANSWER = "question", "answer"
MIN_TURNS = 4        # dash-led paragraphs without attribution
MIN_QUESTIONS = 2    # ... of which questions that end with "?"
MIN_TURN_WORDS = 3   # a shorter turn ("— А Навальный?") is no quotation
_CLOSED = tuple(".!?…:;\"”»)]")   # a line without these is a caption, a heading or a byline
_MARKS = re.compile(r"[«»“”„\"]")
_WORDS = re.compile(r"[\w’'-]+")
_NAME_REACH = 60      # characters between a cue phrase and the name it introduces


@dataclass(frozen=True)
class Interview:
    """The turns of an interview by where their dash stands, and where its intro ends."""

    roles: Mapping[int, str]     # span.open -> QUESTION or ANSWER
    intro_end: int


@dataclass(frozen=True)
class Speakers:
    asks: str | None
    answers: str | None

    def of(self, role: str) -> str | None:
        return self.asks if role == QUESTION else self.answers


# --- structure: which paragraphs are questions and answers ---------------------------------------

def find_interview(text: str, spans: list[Span], patterns: Patterns) -> tuple[list[Span],
                                                                             Interview | None]:
    """The spans with each answer running on through the paragraphs that continue it, and the
    interview; the spans unchanged and None when the report is not one."""
    if not patterns.rules.dash_speech:
        return spans, None
    dash = {s.open: s for s in spans if s.kind == "dash"}
    if len(dash) < MIN_TURNS:
        return spans, None
    roles: dict[int, str] = {}
    extended: dict[int, Span] = {}
    role: str | None = None
    answer: Span | None = None      # the answer that the next plain paragraphs may continue
    for start, end in paragraphs(text):
        span = dash.get(start)
        line = text[start:end]
        if span is not None:
            role = ANSWER if role == QUESTION else QUESTION
            answer = None
            if _bare(text, span, end):
                roles[span.open] = role
                answer = span if role == ANSWER else None
        elif role is None:
            continue                # still the intro
        elif answer is not None and _continues(line):
            answer = extended[answer.open] = Span(answer.open, answer.start, end, end, "dash")
        else:
            answer = None
            if role == ANSWER and line.rstrip().endswith("?") and not _MARKS.search(line):
                role = QUESTION     # a question whose dash was lost ("Фото — Но вы…?")
    roles = _in_phase(text, roles, dash)
    if not _alternates(text, roles, dash):
        return spans, None
    fixed = [extended.get(s.open, s) if roles.get(s.open) == ANSWER else s for s in spans]
    return fixed, Interview(roles, min(roles))


def _bare(text: str, span: Span, end: int) -> bool:
    """The whole paragraph is the turn: no "— сказал он." after it."""
    return not text[span.end: end].strip(" ,\u00a0")


def _continues(line: str) -> bool:
    """A plain paragraph of the answer: no marks, closed like a sentence, not opened by a
    caption line that the next line was run into ("Арест блогера\nЯ на связи ...")."""
    stripped = line.strip()
    first, _, rest = stripped.partition("\n")
    caption = rest and not first.rstrip().endswith(_CLOSED) and rest.lstrip()[:1].isupper()
    return bool(stripped) and stripped.endswith(_CLOSED) and not stripped.endswith("?") \
        and not _MARKS.search(stripped) and not caption


def _asks(text: str, span: Span) -> bool:
    return text[span.start: span.end].rstrip(" )]»\u00a0").endswith("?")


def _in_phase(text: str, roles: dict[int, str], dash: Mapping[int, Span]) -> dict[int, str]:
    """Alternation starts with a question; when the answers ask more often than the questions,
    the intro held the first question and every role swaps."""
    asked = {role: sum(_asks(text, dash[at]) for at, r in roles.items() if r == role)
             for role in (QUESTION, ANSWER)}
    if asked[ANSWER] <= asked[QUESTION]:
        return roles
    return {at: QUESTION if role == ANSWER else ANSWER for at, role in roles.items()}


def _alternates(text: str, roles: Mapping[int, str], dash: Mapping[int, Span]) -> bool:
    """Enough turns, both sides speaking, and questions that mostly ask."""
    questions = [at for at, role in roles.items() if role == QUESTION]
    answers = len(roles) - len(questions)
    asking = sum(_asks(text, dash[at]) for at in questions)
    return len(roles) >= MIN_TURNS and answers >= MIN_QUESTIONS \
        and asking >= max(MIN_QUESTIONS, len(questions) / 2)


# --- names: who asks and who answers, from the intro ---------------------------------------------

@dataclass(frozen=True)
class _Cues:
    asked: re.Pattern[str]       # "X поговорил с Y"
    answered: re.Pattern[str]    # "Y ответила на вопросы X"
    with_: re.Pattern[str]       # "интервью с Y"


def _phrases(words: tuple[str, ...]) -> re.Pattern[str]:
    if not words:
        return re.compile(r"(?!x)x")
    alternation = "|".join(re.escape(w).replace(r"\ ", r"[\s\u00a0]+")
                           for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)


@cache
def _cues(rules: QuoteRules) -> _Cues:
    return _Cues(_phrases(rules.interview_asked), _phrases(rules.interview_answered),
                 _phrases(rules.interview_with))


def find_speakers(interview: Interview, reader: Reader) -> Speakers:
    """Who asks and who answers, as the intro names them; the only person the intro names
    answers when no phrase says so; unknown rather than guessed otherwise."""
    cues = _cues(reader.patterns.rules)
    end = interview.intro_end
    for match in cues.asked.finditer(reader.masked, 0, end):
        answers = _named_after(reader, match.end(), person=True)
        if answers is not None:
            return Speakers(_named_before(reader, match.start()), answers)
    for match in cues.answered.finditer(reader.masked, 0, end):
        asks = _named_after(reader, match.end(), person=False)
        answers = _named_before(reader, match.start()) or _person_in_sentence(
            reader, match.start(), besides=asks)
        if answers is not None:
            return Speakers(asks, answers)
    for match in cues.with_.finditer(reader.masked, 0, end):
        answers = _named_after(reader, match.end(), person=True)
        if answers is not None:
            return Speakers(None, answers)
    people = {reader.named(e) for e in reader.entities_in(0, end) if e.kind == "PER"}
    return Speakers(None, people.pop() if len(people) == 1 else None)


def _named_before(reader: Reader, position: int) -> str | None:
    """The subject right before the cue: "Илья Жегулев поговорил"."""
    entity = reader.entity_ending_before(position)
    return reader.named(entity) if entity is not None else None


def _named_after(reader: Reader, position: int, *, person: bool) -> str | None:
    """The first name after the cue in its clause, past role words ("с проректором ВШЭ
    Валерией Касамарой"); with `person`, only a person."""
    for entity in reader.entities_in(position, position + _NAME_REACH):
        if re.search(r"[.;:!?]", reader.masked[position: entity.start]):
            return None
        if entity.kind == "PER" or not person:
            return _nominative(reader, entity) if entity.kind == "PER" \
                else reader.named(entity, oblique=True)
    return None


def _person_in_sentence(reader: Reader, position: int, besides: str | None) -> str | None:
    """"В интервью «Медузе» министр Антон Силуанов рассказал": the person the sentence names."""
    start, end = reader.sentence_start(position), reader.sentence_end(position)
    for entity in reader.entities_in(start, end):
        name = reader.named(entity)
        if entity.kind == "PER" and name != besides:
            return name
    return None


def _nominative(reader: Reader, entity: Entity) -> str:
    """A person named in an oblique case, as the report itself spells the name in the
    nominative: a recogniser may misread a rare surname ("Валерией Касамарой" -> "Валерия
    Касамарой", "Ильей Жегулевым" -> "Илья Жегулевый"), while the intro usually names the person
    plainly once ("Проректор ВШЭ Валерия Касамара — кандидат")."""
    spelled = " ".join(reader.text[entity.start: entity.end].split())
    by_rules = nominative(spelled, reader.patterns)
    for other in reader.entities:
        plain = " ".join(reader.text[other.start: other.end].split())
        if other.kind == "PER" and other is not entity and _same_stems(plain, spelled) \
                and plain in (by_rules, other.name):
            return reader.fullest(plain)
    return reader.named(entity, oblique=True)


def _same_stems(a: str, b: str) -> bool:
    """Two spellings of one name in different cases: word by word, all but the endings agree."""
    first, second = a.casefold().split(), b.casefold().split()
    return len(first) == len(second) and all(
        x[: max(3, min(len(x), len(y)) - 2)] == y[: max(3, min(len(x), len(y)) - 2)]
        for x, y in zip(first, second, strict=True))
