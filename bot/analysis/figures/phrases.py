"""What a number counts: the words right after it, or the subject just before it.

Contexts are quoted verbatim from the sentence, so a reader can find them in the report.
"""

from __future__ import annotations

import re

from .patterns import FigurePatterns

_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_GAP = re.compile(r"[ \u00a0]*")
_TOKEN = re.compile(r"[\w’'-]+|[^\w\s]")


def counted_phrase(after: str, p: FigurePatterns, max_words: int = 3) -> str:
    """Up to `max_words` words right after the number, stopping at punctuation or a stop word."""
    taken: list[str] = []
    position = 0
    while len(taken) < max_words:
        position = _GAP.match(after, position).end()
        word = _WORD.match(after, position)
        if not word or word.group().lower() in p.stops:
            break
        if taken and p.verb_like.match(word.group()):
            break  # "4,000 students attended": the counted noun ends before the verb
        taken.append(word.group())
        position = word.end()
        if word.group().lower() in p.time_units:
            break  # "три года программа охватит": the unit is the whole counted phrase
        if position < len(after) and after[position] not in " \u00a0":
            break
    return " ".join(taken)


def leading_phrase(before: str, p: FigurePatterns, max_words: int = 2) -> str:
    """What a percentage or sum refers to usually stands just before it ("profits jumped 76%").

    Returned verbatim (with its trailing space) so the context is a quotation of the sentence.
    """
    tokens = list(_TOKEN.finditer(before))[::-1]
    if tokens and tokens[0].group().lower() in p.prepositions:
        tokens = tokens[1:]  # "rose to 5%": keep "to" inside the span, count "rose"
    start = None
    for taken, token in enumerate(tokens):
        word = token.group()
        if taken == max_words or not re.match(r"[^\W\d_]", word) or word.lower() in p.stops:
            break
        start = token.start()
    return before[start:] if start is not None else ""
