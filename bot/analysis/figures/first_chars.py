"""The characters a regex alternation can start with, as one character class.

Figure patterns are long case-insensitive alternations ("dollars?|euros?|pounds?|..."), and
Python's regex engine tries a case-insensitive branch in full even when its first letter
cannot match. A look-ahead class of every branch's possible first characters in front of the
alternation ("(?=[dep...])") rejects most positions in one test. The class only ever lets
through more than the branches match, so a pattern's matches stay exactly the same.
"""

from __future__ import annotations

import re
from functools import lru_cache

try:  # the parser behind `re`; without it (another Python) patterns simply go without the class
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - CPython 3.11+ has both
    _sre = _sre_parse = None


_NARROW_CATEGORIES = {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_SPACE: r"\s"} if _sre else {}


class _Unknown(Exception):
    """A construct whose first character this module does not work out (no class, then)."""


@lru_cache(maxsize=64)  # the figure pattern and its single-number twin share their lists
def first_chars(items: tuple[str, ...]) -> str | None:
    """"[dep%]" for branches "dollars?", "euros?", "per\\s+cent", "%"; None when a branch may
    match the empty string, opens with something this module does not read (a back-reference,
    a conditional), or may start with a wide category ("\\w+est"): such a class would let
    nearly everything through and only add a test."""
    if _sre is None:
        return None
    chars: list[str] = []
    try:  # one parse of the whole alternation: its branches are the items
        if _first(_sre_parse.parse("|".join(items)).data, chars):
            return None  # may match nothing: every position could match
    except (_Unknown, re.error, AttributeError, TypeError, ValueError):
        return None
    return "[" + "".join(dict.fromkeys(chars)) + "]"


def _first(sequence, chars: list[str]) -> bool:
    """Add what `sequence` can start with to `chars`; whether it can also match nothing."""
    for op, av in sequence:
        if op is _sre.LITERAL:
            chars.append(re.escape(chr(av)))
            return False
        if op is _sre.IN:
            chars.extend(map(_class_item, av))
            return False
        if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
            continue  # zero-width: the next element consumes the first character
        if op is _sre.SUBPATTERN:
            _group, add_flags, _del_flags, inner = av
            if add_flags & re.IGNORECASE:
                raise _Unknown  # "(?i:...)" inside a case-sensitive pattern: a class too narrow
            if not _first(inner, chars):  # "(?-i:No)" in a case-insensitive one only widens it
                return False
            continue
        if op is _sre.BRANCH:
            empty = False
            for branch in av[1]:
                empty = _first(branch, chars) or empty
            if not empty:
                return False
            continue
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            low, _high, inner = av
            if not _first(inner, chars) and low > 0:
                return False
            continue  # "(?:US\\s+)?dollars?": optional, so what follows may start it too
        raise _Unknown
    return True


def _class_item(item: tuple) -> str:
    """One member of a character class, as class syntax ("a", "a-z", "\\s")."""
    op, av = item
    if op is _sre.LITERAL:
        return re.escape(chr(av))
    if op is _sre.RANGE:
        return re.escape(chr(av[0])) + "-" + re.escape(chr(av[1]))
    if op is _sre.CATEGORY and av in _NARROW_CATEGORIES:
        return _NARROW_CATEGORIES[av]
    raise _Unknown  # a negation or a wide category ("[^...]", "\\w"): nearly everything
