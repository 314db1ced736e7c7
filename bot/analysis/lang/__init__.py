"""Language packs: every language-specific rule as data, one module per language.

A pack is a frozen `LanguagePack` (see `pack.py`) built from three rule groups, each owned by
the stage that compiles it: `TextRules` (cleaning, sentences, stems and stop words),
`FigureRules` (numbers, units, scales) and `QuoteRules` (speech verbs, pronouns, role nouns).
Adding a language means adding one module here, named by its ISO 639-1 code, that defines
`PACK`; the registry finds it by name, and no extraction module branches on a language code.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from .pack import LanguagePack

DEFAULT = "en"


@cache
def codes() -> tuple[str, ...]:
    """The language codes with a pack, in a stable order (the default first)."""
    found = sorted(m.name for m in pkgutil.iter_modules(__path__) if len(m.name) == 2)
    return (DEFAULT, *(code for code in found if code != DEFAULT))


@cache
def get_pack(code: str) -> LanguagePack:
    """The pack for `code`; an unknown code falls back to the default language's pack."""
    if code not in codes():
        code = DEFAULT
    pack = importlib.import_module(f"{__name__}.{code}").PACK
    if pack.code != code:
        raise RuntimeError(f"language module {code!r} defines a pack for {pack.code!r}")
    return pack


def is_supported(code: str) -> bool:
    return code in codes()


__all__ = ["DEFAULT", "LanguagePack", "codes", "get_pack", "is_supported"]
