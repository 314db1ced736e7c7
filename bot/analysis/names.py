"""Keys that make one person findable under every form a report or a user writes them in.

"Maurice Greene", "Mr Greene" and "Greene's" are one man; "Алексей Кудрин", "Кудрина" and
"Кудриным" are another. Speakers are looked up by surname (the last word of a name), reduced to
a light stem: casefolded, ё as е, a possessive 's dropped, and one Russian/Ukrainian case ending
taken off. The same function keys the stored speaker and the user's query, so both meet on the
stem; a stem never gets shorter than three letters, which keeps "Ким" and "Ли" whole.

A query's first name narrows only among namesakes: "Maurice Greene" keeps Maurice Greene and
speakers named by surname alone ("Greene", most likely him), and drops Tom Greene; a first name
nobody has ("Mr Greene", or a case form like "Алексея") narrows nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from .terms import WORD

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
_POSSESSIVE = ("'s", "’s")


def without_possessive(word: str) -> str:
    """"Greene's" -> "Greene": a possessive is a mention of the same name."""
    return word[:-2] if word[-2:] in _POSSESSIVE else word


def surname_stem(word: str) -> str:
    """One surname, reduced so its case forms agree: "Кудриным" -> "кудрин"."""
    stem = without_possessive(word.casefold().replace("ё", "е"))
    for ending in SURNAME_ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) >= MIN_STEM:
            return stem[: -len(ending)]
    return stem


def _words(name: str) -> list[str]:
    return [w for w in WORD.findall(name) if w.casefold().rstrip(".") not in _TAILS]


def speaker_key(name: str) -> str:
    """The stem of a name's surname; "" when the name holds no word (a quote with no speaker)."""
    words = _words(name)
    return surname_stem(words[-1]) if words else ""


def first_names(name: str) -> frozenset[str]:
    """Stems of the words before the surname (first names, initials, titles)."""
    return frozenset(surname_stem(w) for w in _words(name)[:-1])


def namesakes_meant(query: str, speakers: Iterable[str]) -> set[str]:
    """Of speakers sharing the query's surname, those the query's first names allow."""
    speakers = set(speakers)
    wanted = first_names(query)
    if not wanted or not any(first_names(s) & wanted for s in speakers):
        return speakers
    return {s for s in speakers if not first_names(s) or first_names(s) & wanted}
