"""Interviews printed as dash-led questions and answers, and who asks and who answers.

Russian and Ukrainian outlets print an interview as alternating paragraphs opened by a dash
("— Вы дали поручительство…?" then "— Для меня это было…"), none with an attribution: the
intro says who talks to whom ("Илья Жегулев поговорил с Валерией Касамарой"). Every dash-led
paragraph is a new turn and the turns alternate; a paragraph without marks after an answer
continues it, up to a caption or a link line (no closing punctuation), a byline ("Беседовала
…") or a paragraph with quotation marks; a plain paragraph that asks, after an answer, is a
question whose dash was lost.

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

from .rules import Patterns
from .spans import Span, paragraphs

if TYPE_CHECKING:   # the reader imports nothing from here; this keeps the import one-way
    from .attribution import Reader

QUESTION, ANSWER = "question", "answer"
MIN_TURNS = 4        # dash-led paragraphs without attribution
MIN_QUESTIONS = 2    # ... of which questions that end with "?"
MIN_TURN_WORDS = 3   # a shorter turn ("— А Навальный?") is no quotation
_CLOSED = tuple(".!?…:;\"”»)]")   # a line without these is a caption, a heading or a byline
_MARKS = re.compile(r"[«»“”„\"]")
_WORD_BEFORE = re.compile(r"([\w’'-]+)[\s\u00a0]+$")
_NAME_REACH = 60      # characters between a cue phrase and the name it introduces


@dataclass(frozen=True)
class Interview:
    """The turns of an interview by where their dash stands, and where its intro ends."""

    roles: Mapping[int, str]     # span.open -> QUESTION or ANSWER
    intro_end: int


@dataclass(frozen=True)
class Speakers:
    """Who asks (the interviewer, or the outlet) and who answers; None when no one says."""

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
    byline = _cues(patterns.rules).byline
    roles, extended = _turns(text, dash, QUESTION, byline)
    if _asking(text, roles, dash, ANSWER) > _asking(text, roles, dash, QUESTION):
        # the answers ask more often than the questions: the intro held the first question
        roles, extended = _turns(text, dash, ANSWER, byline)
    if not _alternates(text, roles, dash):
        return spans, None
    return [extended.get(s.open, s) for s in spans], Interview(roles, min(roles))


def _turns(text: str, dash: Mapping[int, Span], first: str,
           byline: re.Pattern[str]) -> tuple[dict[int, str], dict[int, Span]]:
    """Each bare dash-led paragraph's role, turns alternating from `first`; and each answer
    run on through the plain paragraphs that continue it, up to a byline ("Беседовала ...")."""
    roles: dict[int, str] = {}
    extended: dict[int, Span] = {}
    role: str | None = None
    answer: Span | None = None      # the answer that the next plain paragraphs may continue
    for start, end in paragraphs(text):
        span = dash.get(start)
        line = text[start:end]
        if span is not None:
            role = first if role is None else ANSWER if role == QUESTION else QUESTION
            answer = None
            if _bare(text, span, end):
                roles[span.open] = role
                answer = span if role == ANSWER else None
        elif role is None:
            continue                # still the intro
        elif answer is not None and _continues(line) and not byline.match(line):
            answer = extended[answer.open] = Span(answer.open, answer.start, end, end, "dash")
        else:
            answer = None
            if role == ANSWER and line.rstrip().endswith("?") and not _MARKS.search(line):
                role = QUESTION     # a question whose dash was lost ("Фото — Но вы…?")
    return roles, extended


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


def _asking(text: str, roles: Mapping[int, str], dash: Mapping[int, Span], role: str) -> int:
    """How many turns of `role` end with "?"."""
    return sum(_asks(text, dash[at]) for at, r in roles.items() if r == role)


def _alternates(text: str, roles: Mapping[int, str], dash: Mapping[int, Span]) -> bool:
    """Enough turns, both sides speaking, and questions that mostly ask."""
    questions = sum(role == QUESTION for role in roles.values())
    return len(roles) >= MIN_TURNS and len(roles) - questions >= MIN_QUESTIONS \
        and _asking(text, roles, dash, QUESTION) >= max(MIN_QUESTIONS, questions / 2)


# --- names: who asks and who answers, from the intro ---------------------------------------------

@dataclass(frozen=True)
class _Cues:
    asked: re.Pattern[str]       # "X поговорил с Y"
    answered: re.Pattern[str]    # "Y ответила на вопросы X"
    with_: re.Pattern[str]       # "интервью с Y"
    byline: re.Pattern[str]      # "Беседовала X" after the last answer


def _phrases(words: tuple[str, ...]) -> re.Pattern[str]:
    if not words:
        return re.compile(r"(?!x)x")
    alternation = "|".join(re.escape(w).replace(r"\ ", r"[\s\u00a0]+")
                           for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)


@cache
def _cues(rules: QuoteRules) -> _Cues:
    return _Cues(_phrases(rules.interview_asked), _phrases(rules.interview_answered),
                 _phrases(rules.interview_with), _phrases(rules.interview_bylines))


def find_speakers(interview: Interview, reader: Reader) -> Speakers:
    """Who asks and who answers, as the intro names them (or a byline, who asked); the only
    person the intro names answers when no phrase says so; unknown rather than guessed."""
    named = _from_intro(interview, reader)
    return Speakers(named.asks or _byline(reader, interview), named.answers)


def _from_intro(interview: Interview, reader: Reader) -> Speakers:
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


def _byline(reader: Reader, interview: Interview) -> str | None:
    """"Беседовала Анна Иванова" in a paragraph of its own after the turns: who asked."""
    byline = _cues(reader.patterns.rules).byline
    for start, _ in reversed(reader.paragraphs):
        if start <= interview.intro_end:
            return None
        match = byline.match(reader.masked, start)
        if match is not None:
            return _named_in_byline(reader, start, match.end())
    return None


def _named_in_byline(reader: Reader, start: int, after: int) -> str | None:
    """The person after the cue, in the nominative; a recogniser may take the capitalised cue
    into the name ("Беседовала Анна Крылова")."""
    for entity in reader.entities_in(start, after + _NAME_REACH):
        if entity.kind != "PER" or entity.end <= after:
            continue
        if entity.start >= after:
            return reader.named(entity)
        return " ".join(reader.text[after: entity.end].split())   # not "fuller" with the cue
    return None


def _named_before(reader: Reader, position: int) -> str | None:
    """The subject right before the cue: "Илья Жегулев поговорил"; an organisation after a noun
    is the outlet the subject works for ("Корреспондент «Вестника» побеседовал")."""
    entity = reader.entity_ending_before(position)
    if entity is None:
        return None
    after_noun = entity.kind == "ORG" and bool(
        reader.masked[reader.sentence_start(entity.start): entity.start].strip())
    return reader.named(entity, oblique=after_noun)


def _named_after(reader: Reader, position: int, *, person: bool) -> str | None:
    """The first name after the cue in its clause, past role words ("с проректором ВШЭ
    Валерией Касамарой"); with `person`, only a person."""
    for entity in reader.entities_in(position, position + _NAME_REACH):
        if re.search(r"[.;:!?]", reader.masked[position: entity.start]):
            return None
        if entity.kind == "PER" or not person:
            return reader.named(entity, oblique=True)
    return None


def _person_in_sentence(reader: Reader, position: int, besides: str | None) -> str | None:
    """"В интервью «Медузе» министр Антон Силуанов рассказал": the person the sentence names,
    the one in the nominative first ("О встрече с Путиным Иван Петров рассказал в интервью")."""
    start, end = reader.sentence_start(position), reader.sentence_end(position)
    people = [e for e in reader.entities_in(start, end)
              if e.kind == "PER" and reader.named(e) != besides]
    plain = [e for e in people if not e.oblique and not _after_preposition(reader, e.start)]
    return reader.named((plain or people)[0]) if people else None


def _after_preposition(reader: Reader, position: int) -> bool:
    before = _WORD_BEFORE.search(reader.masked, max(0, position - 30), position)
    return before is not None and before.group(1).casefold() in reader.patterns.prepositions
