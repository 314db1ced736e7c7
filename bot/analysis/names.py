"""Keys that make one person findable under every form a report or a user writes them in.

"Maurice Greene", "Mr Greene" and "Greene's" are one man; "Алексей Кудрин", "Кудрина" and
"Кудриным" are another. Speakers are looked up by surname (the last word of a name), reduced to
a light stem: casefolded, ё as е, a possessive 's dropped, and one Russian/Ukrainian case ending
taken off. The same function keys the stored speaker and the user's query, so both meet on the
stem; a stem never gets shorter than three letters, which keeps "Ким" and "Ли" whole.

First names do not narrow a search: reports name people by surname after the first mention,
so a query's first name would miss more quotes than it saves.
"""

from __future__ import annotations

import re

# Case endings of Russian and Ukrainian surnames (nouns in -ов/-ин, adjectives in -ский/-ський,
# indeclinable -ко/-у taken consistently), longest first so "ого" wins over "о".
SURNAME_ENDINGS: tuple[str, ...] = tuple(sorted((
    "ого", "ому", "ими", "ыми",                    # Зеленского, Зеленскому
    "ым", "им", "ом", "ем", "ём", "ой", "ей", "ою", "ею",   # Кудриным, Кудриной
    "ая", "ую", "ий", "ый", "ых", "их", "ої", "ій", "ім",   # Ясенская, Ясенскую, Зеленський
    "а", "я", "у", "ю", "е", "ы", "и", "і", "о", "ь",      # Кудрина, Кудрину, Шевченко
), key=len, reverse=True))
MIN_STEM = 3
# Name tails that are not the surname: "Martin Luther King Jr."
_TAILS = frozenset({"jr", "sr", "ii", "iii", "iv"})
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")


def surname_stem(word: str) -> str:
    """One surname, reduced so its case forms agree: "Кудриным" -> "кудрин"."""
    stem = _POSSESSIVE.sub("", word.casefold().replace("ё", "е"))
    for ending in SURNAME_ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) >= MIN_STEM:
            return stem[: -len(ending)]
    return stem


def speaker_key(name: str) -> str:
    """The stem of a name's surname; "" when the name holds no word (a quote with no speaker)."""
    words = [w for w in _NAME_WORD.findall(name) if w.casefold().rstrip(".") not in _TAILS]
    return surname_stem(words[-1]) if words else ""
