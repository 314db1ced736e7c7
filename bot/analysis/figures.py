"""Key figures: numbers together with what they count, ranked by how much they matter.

A figure is only useful with its phrase ("more than 4,000 students", "$1.13bn profit"), so
the extractor keeps the approximation word, the unit (currency, percent, scale) and the
counted noun. Years, dates, times, phone numbers and references such as "page 3" are not
key figures and are filtered out.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import Figure
from .tokens import stop_words

_WORDS_EN = (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion trillion dozen dozens hundreds thousands millions billions"
).split()
_WORDS_RU = (
    "два две двух три трех трёх четыре четырех четырёх пять пяти шесть шести семь семи восемь "
    "восьми девять девяти десять десяти одиннадцать двенадцать пятнадцать двадцать двадцати "
    "тридцать тридцати сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто сто двести "
    "триста четыреста пятьсот тысяча тысячи тысяч миллион миллиона миллионов миллиард миллиарда "
    "миллиардов десятки десятков сотни сотен"
).split()
# "one" alone is nearly always "one of the ...", not a figure; it counts only before a scale word.
_ONE = r"(?:one|a|один|одна|одно)(?=[\s-]+(?:hundred|thousand|million|billion|тысяч|миллион))"

_APPROX = {
    "en": r"(?:more\s+than|over|nearly|almost|about|around|approximately|roughly|up\s+to|at\s+least"
          r"|fewer\s+than|less\s+than|under|close\s+to|as\s+many\s+as|an\s+estimated|some|between"
          r"|just\s+over|just\s+under|well\s+over|only)",
    "ru": r"(?:более|свыше|около|почти|порядка|примерно|менее|не\s+менее|не\s+более|до|приблизительно"
          r"|больше|меньше|свыше|всего|лишь|от)",
}
_NUMBER = {
    "en": r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?",
    "ru": r"\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?",
}
_SCALE = {
    "en": r"(?:\s*(?:million|billion|trillion|thousand|hundred|mln|bln)|(?:bn|m|k|mn|tn)(?![\w]))",
    "ru": r"(?:\s*(?:тыс\.?|тысяч[аиу]?|млн\.?|миллион(?:а|ов)?|млрд\.?|миллиард(?:а|ов)?|трлн\.?))",
}
_CURRENCY_BEFORE = r"(?:US\$|C\$|A\$|\$|€|£|¥|₽|₸)"
_CURRENCY_AFTER = {
    "en": r"(?:\s+(?:US\s+)?(?:dollars?|euros?|pounds?|sterling|rubles?|roubles?|somoni|tenge|yuan"
          r"|rupees?|soms?|manats?|sums?|USD|EUR|GBP|RUB|TJS|KZT|UZS|CNY))",
    "ru": r"(?:\s*(?:долл(?:аров|ара|ар)|долл\.(?=\s*[а-яё\d])|евро|рубл(?:ей|я|ь)|руб\.(?=\s*[а-яё\d])"
          r"|сомони|тенге|юаней|юаня"
          r"|манат(?:ов)?|сумов|сом(?:ов)?))",
}
_PERCENT = {
    "en": r"(?:\s*%|\s+(?:percent|per\s+cent|percentage\s+points?))",
    "ru": r"(?:\s*%|\s+(?:процент(?:а|ов)?|п\.\s?п\.))",
}
# "30-40", "30 to 40", "between €6 million and €8 million", "с 1,5 млрд до 2 млрд"; "and" only
# after "between", or "2000 and 2003" would be a range.
_RANGE = (
    r"(?:{scale})?(?:\s*(?:-|–|—|to|до|(?(between)(?:and|и)|(?!)))\s*"
    rf"(?:{_CURRENCY_BEFORE}\s?)?(?:{{num}}))"
)

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]|октябр[яь]"
    r"|ноябр[яь]|декабр[яь]"
)
_DATE_AFTER = re.compile(rf"^\s*(?:{_MONTHS})\b", re.IGNORECASE)
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.IGNORECASE)
_REFERENCE_BEFORE = re.compile(
    r"\b(?:page|pages|p\.|pp\.|no\.|nos\.|article|art\.|paragraph|para\.?|section|chapter|item|vol\."
    r"|volume|room|flight|route|highway|resolution|№|стр\.|статья|статьи|пункт|п\.|глава|рейс)\s*$",
    re.IGNORECASE,
)
_TIME_AFTER = re.compile(
    r"^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b|est\b|bst\b|cet\b|msk\b|o'clock|час(?:ов|а)?\s+утра)",
    re.IGNORECASE,
)
_YEAR_AFTER = re.compile(r"^\s*(?:г\.|гг\.|год|года|году|годах?|years?\s+old)", re.IGNORECASE)
_MASK = re.compile(
    r"\+?\d[\d ()-]{8,}\d"                                        # phone numbers
    r"|\b\d{1,2}:\d{2}(?::\d{2})?"                                   # times
    r"|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b"                         # numeric dates
    r"|[^\W\d_]+[-‐]?\d+[\w-]*"                                     # G20, COVID-19, Su-35
)


@dataclass(frozen=True)
class _Match:
    value: str
    context: str
    sentence_index: int
    kind: str
    magnitude: float
    approximate: bool


def extract_figures(
    sentences: Sequence[str], language: str = "en", *, limit: int = 5,
    emphasis: Iterable[int] = (),
) -> list[Figure]:
    """The `limit` most important figures; sentences in `emphasis` (the summary) weigh more."""
    if limit <= 0:
        return []
    found = [m for i, s in enumerate(sentences) for m in _scan(s, i, language)]
    chosen = set(emphasis)
    total = max(1, len(sentences))
    scored = sorted(
        ((_importance(m, total, m.sentence_index in chosen), m) for m in found),
        key=lambda pair: (-pair[0], pair[1].sentence_index),
    )
    figures: list[Figure] = []
    seen: set[str] = set()
    for score, match in scored:
        key = match.context.casefold()
        if key in seen:
            continue
        seen.add(key)
        figures.append(Figure(value=match.value, context=match.context,
                              sentence=sentences[match.sentence_index], score=round(score, 3)))
        if len(figures) == limit:
            break
    return figures


def _importance(match: _Match, total: int, in_summary: bool) -> float:
    weight = {"money": 3.0, "percent": 2.5, "scaled": 2.5, "count": 2.0, "words": 1.5}[match.kind]
    weight += 0.3 if match.approximate else 0.0
    weight += min(1.0, math.log10(max(match.magnitude, 1.0)) / 6)
    weight += 0.5 * (1 - match.sentence_index / total)
    return weight + (0.75 if in_summary else 0.0)


def _scan(sentence: str, index: int, language: str) -> list[_Match]:
    lang = "ru" if language == "ru" else "en"
    masked = _MASK.sub(lambda m: "\u2063" * len(m.group()), sentence)
    matches = []
    for m in _pattern(lang).finditer(masked):
        if m.group("num") is None and m.group("words") is None:
            continue
        match = _interpret(sentence, m, index, lang)
        if match is not None:
            matches.append(match)
    return matches


_PATTERNS: dict[str, re.Pattern[str]] = {}


def _pattern(lang: str) -> re.Pattern[str]:
    """One regex per language: [approx] [currency] number [range] [scale] [currency | percent]."""
    if lang not in _PATTERNS:
        num = _NUMBER[lang]
        words = "|".join(sorted(_WORDS_EN if lang == "en" else _WORDS_RU, key=len, reverse=True))
        units = "one|один|одна|одно" if lang == "en" else "один|одна|одно"
        written = rf"(?:{_ONE}|{words})(?:(?:[\s-]+(?:and\s+)?)(?:{words}|{units}))*"
        _PATTERNS[lang] = re.compile(
            rf"(?<![\w.,\u2063])(?:(?P<between>between|между|от)\s+|(?P<approx>{_APPROX[lang]})\s+)?"
            rf"(?P<cur1>{_CURRENCY_BEFORE}\s?)?"
            rf"(?:(?P<num>{num})|(?P<words>\b{written}\b))"
            rf"(?P<range>{_RANGE.format(num=num, scale=_SCALE[lang])})?"
            rf"(?P<scale>{_SCALE[lang]})?"
            rf"(?:(?P<cur2>{_CURRENCY_AFTER[lang]})|(?P<pct>{_PERCENT[lang]}))?"
            r"(?![\w\u2063])",
            re.IGNORECASE,
        )
    return _PATTERNS[lang]


def _interpret(sentence: str, m: re.Match[str], index: int, lang: str) -> _Match | None:
    before, after = sentence[: m.start()], sentence[m.end():]
    if _is_reference(m, before, after, lang):
        return None
    money = bool(m.group("cur1") or m.group("cur2"))
    kind = ("money" if money else "percent" if m.group("pct") else
            "scaled" if m.group("scale") else "count" if m.group("num") else "words")
    approximate = m.group("approx") is not None or m.group("between") is not None
    counted = _counted_phrase(after, lang) if kind in ("count", "scaled", "words") else ""
    if kind in ("count", "words") and not counted and not approximate:
        return None  # a bare number says nothing on its own ("up from just over 900" does)
    if kind == "money" and m.group("cur2") is None:
        counted = _counted_phrase(after, lang, max_words=2)
    # A currency word already says what the sum is; a bare "%" or "$5m" needs its subject.
    lead = "" if counted or m.group("cur2") else _leading_phrase(before, lang)
    context = lead + m.group(0).strip() + (" " + counted if counted else "")
    return _Match(
        value=_value(m), context=context, sentence_index=index, kind=kind,
        magnitude=_magnitude(m), approximate=approximate,
    )


def _value(m: re.Match[str]) -> str:
    """The number as written, with its currency and unit but without the approximation."""
    start = m.start("cur1") if m.group("cur1") else m.start("num") if m.group("num") else m.start(
        "words")
    value = m.string[start: m.end()].strip()
    if m.group("num") and not (m.group("cur1") or m.group("cur2") or m.group("pct")
                               or m.group("scale") or m.group("range")):
        return m.group("num")
    return value


def _is_reference(m: re.Match[str], before: str, after: str, lang: str) -> bool:
    """Years, dates, times and references (page 3, No. 5) are not key figures."""
    if _REFERENCE_BEFORE.search(before) or _DATE_BEFORE.search(before):
        return True
    number = m.group("num")
    if number is None:
        return False
    bare = not (m.group("cur1") or m.group("cur2") or m.group("pct") or m.group("scale"))
    if bare and (_DATE_AFTER.match(after) or _TIME_AFTER.match(after) or _YEAR_AFTER.match(after)):
        return True
    return bare and bool(re.fullmatch(r"(?:1[89]|20)\d\d", number)) and not m.group("range")


_COUNTED_WORD = re.compile(r"[^\W\d_][\w’'-]*", re.UNICODE)


def _counted_phrase(after: str, lang: str, max_words: int = 3) -> str:
    """Up to `max_words` words right after the number, stopping at punctuation or a stop word."""
    stops = stop_words(lang) | _EXTRA_STOPS
    taken: list[str] = []
    position = 0
    while len(taken) < max_words:
        gap = re.match(r"[ \u00a0]*", after[position:])
        position += gap.end() if gap else 0
        word = _COUNTED_WORD.match(after, position)
        if not word or word.group().lower() in stops:
            break
        if taken and _VERB_LIKE[lang].search(word.group()):
            break  # "4,000 students attended": the counted noun ends before the verb
        taken.append(word.group())
        position = word.end()
        if word.group().lower() in _TIME_UNITS:
            break  # "три года программа охватит": the unit is the whole counted phrase
        if position < len(after) and after[position] not in " \u00a0":
            break
    return " ".join(taken)


def _leading_phrase(before: str, lang: str, max_words: int = 2) -> str:
    """What a percentage or sum refers to usually stands just before it ("profits jumped 76%").

    Returned verbatim (with its trailing space) so the context is a quotation of the sentence.
    """
    stops = stop_words(lang) | _EXTRA_STOPS
    tokens = list(re.finditer(r"[\w’'-]+|[^\w\s]", before))[::-1]
    if tokens and tokens[0].group().lower() in _PREPOSITIONS:
        tokens = tokens[1:]  # "rose to 5%": keep "to" inside the span, count "rose"
    start = None
    for taken, token in enumerate(tokens):
        word = token.group()
        if taken == max_words or not re.match(r"[^\W\d_]", word) or word.lower() in stops:
            break
        start = token.start()
    return before[start:] if start is not None else ""


_VERB_LIKE = {
    "en": re.compile(r"\w{3,}(?:ed|ing)$", re.IGNORECASE),
    "ru": re.compile(r"\w{3,}(?:ли|ла|ло|лся|лись|ет|ют|ут|ит|ят)$", re.IGNORECASE),
}
_TIME_UNITS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years decade "
    "decades century секунд минут минуты час часа часов день дня дней неделя недели недель месяц "
    "месяца месяцев год года лет".split()
)
_PREPOSITIONS = frozenset("to by of at from на до в к от по".split())
_EXTRA_STOPS = frozenset(
    "who which that whom whose than per each a an the and or of to from in on at by with for as is "
    "are was were be been this these those it its their his her our said says year years-old "
    "который которые которых которая из на в с по за от до и или для как что".split()
)


_WORD_VALUES = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    "hundreds": 100, "dozen": 12, "dozens": 24, "thousand": 1e3, "thousands": 1e3,
    "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9, "trillion": 1e12,
    "два": 2, "две": 2, "три": 3, "пять": 5, "десять": 10, "сто": 100, "тысяча": 1e3,
    "тысячи": 1e3, "тысяч": 1e3, "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6,
}
_SCALE_VALUES = (
    ("трлн", 1e12), ("trillion", 1e12), ("tn", 1e12), ("млрд", 1e9), ("миллиард", 1e9),
    ("billion", 1e9), ("bln", 1e9), ("bn", 1e9), ("млн", 1e6), ("миллион", 1e6),
    ("million", 1e6), ("mln", 1e6), ("mn", 1e6), ("m", 1e6), ("тыс", 1e3), ("thousand", 1e3),
    ("k", 1e3), ("hundred", 100),
)


def _magnitude(m: re.Match[str]) -> float:
    """Rough size of the figure; bigger sums and counts tend to be the headline ones."""
    if m.group("pct"):
        return 100.0
    if m.group("words"):
        values = (_WORD_VALUES.get(w.lower(), 1) for w in re.findall(r"\w+", m.group("words")))
        return float(max(values, default=1))
    scale = (m.group("scale") or "").strip().lower().rstrip(".")
    factor = next((f for name, f in _SCALE_VALUES if scale.startswith(name)), 1.0)
    return _number_value(m.group("num")) * factor


def _number_value(number: str) -> float:
    """"4,000" and "4 000" are thousands; "12,5" (Russian) and "3.5" are decimals."""
    number = number.replace("\u00a0", "").replace(" ", "")
    head, _, tail = number.rpartition(",")
    if head and len(tail) != 3 and "." not in number:
        number = head.replace(",", "") + "." + tail
    try:
        return float(number.replace(",", ""))
    except ValueError:
        return 1.0
