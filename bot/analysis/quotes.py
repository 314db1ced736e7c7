"""Direct quotations and who said them.

Quotes are found in the whole text, not per sentence, because one quotation often spans
several sentences. The speaker comes from the attribution next to the quote ("Yatimov
said", "said Saimumin Yatimov, Chairman of ...", "— заявил министр Иван Петров", "По словам
...") ; a pronoun ("he added") resolves to the last named speaker; a quotation split around
its attribution continues with the same speaker. When nothing says who, the speaker is None:
an unrelated name nearby is never taken as a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Quote

_PAIRS = (("“", "”"), ("«", "»"), ("„", "“"), ("„", "”"), ('"', '"'))
_OPENERS = "“«„\""
_VERBS_EN = (
    r"said|says|say|added|adds|told|tells|stated|states|noted|notes|stressed|emphasi[sz]ed|warned"
    r"|explained|declared|insisted|argued|continued|concluded|wrote|asked|replied|remarked"
    r"|announced|acknowledged|admitted|commented|observed|recalled|pointed\s+out|went\s+on"
)
_VERBS_RU = (
    r"заявил[аи]?|сказал[аи]?|отметил[аи]?|подчеркнул[аи]?|добавил[аи]?|сообщил[аи]?|пояснил[аи]?"
    r"|рассказал[аи]?|заверил[аи]?|уточнил[аи]?|констатировал[аи]?|говорит|говорят|считает"
    r"|напомнил[аи]?|предупредил[аи]?|указал[аи]?|признал[аи]?|резюмировал[аи]?|написал[аи]?"
)
_VERB = rf"(?:{_VERBS_EN}|{_VERBS_RU})"
_PRONOUN = r"(?:he|she|they|он|она|они)"
# A name: capitalized words (with initials, hyphens, apostrophes), e.g. "Saimumin Yatimov",
# "J. K. Rowling", "Иван Петров", "TASS".
_NAME = r"(?:[A-ZА-ЯЁ][\w’'-]*\.?)(?:\s+(?:[A-ZА-ЯЁ][\w’'-]*\.?|de|van|von|bin|al-\w+))*"
_NOT_NAMES = frozenset(
    "The A An This That These Those It He She They We I But And However Speaking According In On "
    "At By For Meanwhile Also Он Она Они Это Но И По В На При Также".split()
)

# "фермер из Зафарабадского района": a capitalized word after these is a place, not a speaker.
_PLACE_PREPOSITIONS = frozenset("из в во на от под near from in at of".split())
# Leading words of a title that the name pattern picks up ("Finance Jamshed Kholov").
_TITLE_WORDS = frozenset(
    "Minister Deputy Prime President Vice Chairman Chairwoman Chair Head Director General Chief "
    "Executive Governor Mayor Ambassador Secretary Spokesman Spokeswoman Spokesperson Senator "
    "Finance Economy Economic Transport Health Energy Defence Defense Interior Foreign Affairs "
    "Labour Labor Agriculture Education Justice Trade Industry Water Resources Commissioner "
    "Professor Prof Dr Mr Mrs Ms Gen Col Министр Президент Глава Председатель Директор".split()
)

_AFTER_PRONOUN = re.compile(
    rf"^[\s,—–-]*(?:{_PRONOUN}\s+(?:\w+ly\s+)?{_VERB}|(?:{_VERB})\s+{_PRONOUN})\b",
    re.IGNORECASE,
)
_AFTER_VERB_NAME = re.compile(
    rf"^[\s,—–-]*(?:{_VERB})\s+(?:(?P<filler>[a-zа-яё][\w’'-]*),?\s+){{0,8}}?(?P<name>{_NAME})"
)
_AFTER_NAME_VERB = re.compile(rf"(?P<name>{_NAME})\s+(?:\w+ly\s+)?(?:{_VERB})\b")
_BEFORE_NAME_VERB = re.compile(
    rf"(?P<name>{_NAME})\s+(?:\w+ly\s+|also\s+)?(?:{_VERB})(?:\s+\w+){{0,3}}\s*[:,]?\s*$"
)
_BEFORE_PRONOUN = re.compile(rf"\b{_PRONOUN}\s+(?:\w+ly\s+|also\s+)?(?:{_VERB})\s*[:,]?\s*$",
                             re.IGNORECASE)
_BEFORE_ACCORDING = re.compile(
    rf"(?:[Aa]ccording\s+to|[Пп]о\s+словам)\s+(?:[a-zа-яё][\w’'-]*\s+){{0,4}}?(?P<name>{_NAME})"
    r"(?:,[^,“«\"]{0,80})?,\s*$"
)
_REPORTED_SPEECH = re.compile(
    rf"(?:(?P<name>{_NAME})(?:,[^,.;“«\"]{{3,120}},)?\s+(?:\w+ly\s+|also\s+)*"
    rf"(?:{_VERB}|revealed|reported|believes|called|назвал[аи]?|считают)\b"
    rf"|(?:[Aa]ccording\s+to|said)\s+(?:[a-zа-яё][\w’'-]*\s+){{0,4}}?(?P<name2>{_NAME})"
    rf"|[Пп]о\s+словам\s+(?:[а-яё][\w-]*\s+){{0,4}}?(?P<genitive>{_NAME}))"
)


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    text: str


class _Speakers:
    """Named speakers in order of mention, so "he" and "she" resolve to the right last one."""

    def __init__(self) -> None:
        self.known: list[str] = []   # canonical names, first mention wins
        self.recent: list[str] = []  # most recent last

    def note(self, name: str | None) -> str | None:
        if name is not None:
            name = _canonical(name, self.known)
            self.recent.append(name)
        return name

    def resolve(self, phrase: str) -> str | None:
        """The latest named speaker whose (guessed) gender fits the pronoun in `phrase`."""
        pronoun = re.search(rf"\b{_PRONOUN}\b", phrase, re.IGNORECASE)
        wanted = _PRONOUN_GENDER.get(pronoun.group().lower()) if pronoun else None
        for name in reversed(self.recent):
            gender = _name_gender(name)
            if wanted is None or gender is None or gender == wanted:
                return name
        return None


_PRONOUN_GENDER = {"he": "m", "он": "m", "she": "f", "она": "f"}
_FEMALE_ENDINGS = ("ova", "eva", "ina", "aya", "ova", "ова", "ева", "ёва", "ина", "ая", "ская")
_MALE_ENDINGS = ("ov", "ev", "in", "iy", "sky", "ov", "ов", "ев", "ёв", "ин", "ий", "ский")


def _name_gender(name: str) -> str | None:
    """A guess from Slavic and Central Asian surname endings; None when the name does not say."""
    last = name.split()[-1].lower()
    if last.endswith(_FEMALE_ENDINGS):
        return "f"
    if last.endswith(_MALE_ENDINGS):
        return "m"
    return None


def extract_quotes(text: str, *, limit: int | None = None) -> list[Quote]:
    """Direct quotations in document order, each with its speaker or None."""
    quotes: list[Quote] = []
    speakers = _Speakers()
    previous: tuple[_Span, str | None] | None = None
    position = 0
    for span in _spans(text):
        for name in _reported_speakers(text[position: span.start]):
            speakers.note(name)
        before = text[max(0, span.start - 200): span.start]
        after = text[span.end: span.end + 200]
        speaker, attributed = _attribution(before, after, speakers)
        if not attributed and previous is not None:
            speaker = _continued_speaker(text[previous[0].end: span.start], previous[1])
        position = span.end
        if _is_direct_quote(span, text, attributed):
            quotes.append(Quote(text=_tidy(span.text), speaker=speaker))
            previous = (span, speaker)
            speakers.note(speaker)
            position += len(_attribution_tail(after))
        if limit is not None and len(quotes) >= limit:
            break
    return quotes


_MARKS = re.compile(r"[“”«»„\"]|\n\s*\n")
MAX_QUOTE_SPAN = 3000


def _spans(text: str) -> list[_Span]:
    """Quoted spans, outermost only (a „nested“ quote inside «...» belongs to the outer one).

    One pass over the quote marks: an unclosed quote is dropped at the paragraph's end or
    after MAX_QUOTE_SPAN characters, so text full of stray marks stays linear.
    """
    spans: list[_Span] = []
    opener, start, depth = "", -1, 0
    for mark in _MARKS.finditer(text):
        char, index = mark.group(), mark.start()
        if opener and (char[0] == "\n" or index - start > MAX_QUOTE_SPAN):
            opener = ""  # unclosed: give up on it
        if char[0] == "\n":
            continue
        if not opener:
            if char in _OPENERS:
                opener, start, depth = char, index, 0
            continue
        closers = _CLOSERS[opener]
        if char in closers and depth == 0 and (opener != '"' or index > start + 1):
            spans.append(_Span(start, index + 1, text[start + 1: index]))
            opener = ""
        elif char == opener and opener != '"':
            depth += 1
        elif char in closers:
            depth -= 1
    return spans


_CLOSERS = {open_: {c for o, c in _PAIRS if o == open_} for open_, _ in _PAIRS}


def _is_direct_quote(span: _Span, text: str, attributed: bool) -> bool:
    """Scare quotes, titles and embedded fragments are not quotations."""
    words = span.text.split()
    if len(words) < 3:
        return False
    if attributed:
        return True
    inner = span.text.strip()
    ends_clause = bool(re.search(r"[.,!?…:;—-]$", inner))
    starts_upper = inner[:1].isupper() or inner[:1] in "…."
    if ends_clause and (starts_upper or len(words) >= 6):
        return True
    opens_sentence = not text[: span.start].rstrip() or text[: span.start].rstrip()[-1] in ".:!?\n"
    return starts_upper and len(words) >= 6 and opens_sentence


def _tidy(quote: str) -> str:
    return " ".join(quote.split()).rstrip(",;:—– ").strip()


_TAIL = re.compile(
    r"^(?:[^.!?“«„\"]|(?<=Dr)\.|(?<=Mr)\.|(?<=Mrs)\.|(?<=Ms)\.|(?<=Prof)\.|(?<=Gen)\."
    r"|(?<=\b[A-ZА-ЯЁ])\.){0,160}[.!?]?"
)


def _attribution_tail(after: str) -> str:
    """The "he said." right after a quote, so speaker tracking resumes after it."""
    match = _TAIL.match(after)
    return match.group() if match and re.search(_VERB, match.group(), re.IGNORECASE) else ""


def _attribution(before: str, after: str, speakers: _Speakers) -> tuple[str | None, bool]:
    """(speaker, whether a speech verb frames the quote at all)."""
    tail = _attribution_tail(after)
    if tail:
        if _AFTER_PRONOUN.match(tail):
            return speakers.resolve(tail), True
        for match in (_AFTER_NAME_VERB.search(tail), _AFTER_VERB_NAME.match(tail)):
            if match and _plausible(match.group("name")) \
                    and (match.groupdict().get("filler") or "").lower() not in _PLACE_PREPOSITIONS:
                return _canonical(match.group("name"), speakers.known), True
        return None, True
    lead = before.split("\n")[-1]
    lead = re.split(r"(?<=[.!?])\s+(?=[A-ZА-ЯЁ“«\"])", lead)[-1]
    pronoun = _BEFORE_PRONOUN.search(lead)
    if pronoun:
        return speakers.resolve(pronoun.group()), True
    match = _BEFORE_NAME_VERB.search(lead)
    if match and _plausible(match.group("name")):
        return _canonical(match.group("name"), speakers.known), True
    match = _BEFORE_ACCORDING.search(lead)
    if match and _plausible(match.group("name")):
        return _canonical(_nominative_ru(match.group("name")), speakers.known), True
    return None, False


def _nominative_ru(name: str) -> str:
    """"по словам Азизы Рахимовой" names her in the genitive; quote her as Азиза Рахимова."""
    parts = name.split()
    if not re.fullmatch(r"[А-ЯЁа-яё\s-]+", name) or len(parts) > 3:
        return name
    surname = parts[-1]
    female = surname.endswith(("овой", "евой", "ёвой", "иной", "ской"))
    fixed = [_nominative_word(part, female) for part in parts]
    return " ".join(fixed)


def _nominative_word(word: str, female: bool) -> str:
    if female:
        for ending, nominative in (("ской", "ская"), ("ой", "а"), ("ии", "ия"), ("ы", "а"),
                                   ("и", "а")):
            if word.endswith(ending):
                return word[: -len(ending)] + nominative
        return word
    for ending, nominative in (("ского", "ский"), ("ова", "ов"), ("ева", "ев"), ("ина", "ин"),
                               ("ея", "ей"), ("ия", "ий"), ("а", ""), ("я", "ь")):
        if word.endswith(ending):
            return word[: -len(ending)] + nominative
    return word


def _continued_speaker(gap: str, previous_speaker: str | None) -> str | None:
    """“First part,” he said. “Second part.” — the gap holds only the attribution."""
    gap = gap.strip()
    if previous_speaker and len(gap) <= 120 and re.search(_VERB, gap, re.IGNORECASE) \
            and not re.search(r"[.!?]\s+\S+.*[.!?]", gap.rstrip(".!? ")):
        return previous_speaker
    return None


def _reported_speakers(passage: str) -> list[str]:
    """People the narrative says spoke ("Yatimov said ..."), in order, for later pronouns."""
    names = (m.group("name") or m.group("name2")
             or (m.group("genitive") and _nominative_ru(m.group("genitive")))
             for m in _REPORTED_SPEECH.finditer(passage))
    return [name for name in names if name and _plausible(name)]


def _plausible(name: str) -> bool:
    return name.split()[0].rstrip(".") not in _NOT_NAMES


def _canonical(name: str, known: list[str]) -> str:
    """Trim titles off the name; map "Yatimov" to a fuller "Saimumin Yatimov" seen before."""
    name = name.strip().rstrip(".,")
    parts = [p for p in name.split() if p.rstrip(".") not in _NOT_NAMES]
    while len(parts) > 1 and parts[0].rstrip(".") in _TITLE_WORDS:
        parts = parts[1:]
    name = " ".join(parts) or name
    for full in known:
        if name != full and _same_person(name, full):
            return full
    if name not in known:
        known.append(name)
    return name


def _same_person(short: str, full: str) -> bool:
    """Surname match, tolerant of Russian case endings (Петрова ~ Петров)."""
    short_last, full_parts = short.split()[-1], full.split()
    full_last = full_parts[-1]
    if len(short.split()) > len(full_parts):
        return False
    stem = min(len(short_last), len(full_last), max(4, len(full_last) - 1))
    return short_last[:stem].lower() == full_last[:stem].lower()
