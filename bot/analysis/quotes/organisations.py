"""Organisations as speakers, and the name each speaker goes by.

A body speaks through a spokesperson or a statement and is named in many ways: by an acronym
the report defined ("the Qualifications and Curriculum Authority (QCA)"), by a short form of a
name already given ("МЧС" after "МЧС России"), by its common noun ("said the magazine",
"пресс-служба клуба") or by a description ending in that noun ("the Commons science and
technology committee"). This settles which name each one goes by, so one body is one speaker;
a person goes by the fullest form the report gives.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from .entities import Entity, nominative
from .mentions import Mentions
from .narrative import Narrative
from .pronouns import Pronouns
from .rules import UPPER, WORD, Patterns

_WORDS = re.compile(WORD)
_WORD_BEFORE = re.compile(r"[\w’'-]+(?=[\s\"«“„]*$)")   # 'клуба "' before "Спартак"
_DATELINE_DASH = re.compile(r" [-—–] ")   # "INTERFAX.RU - Французский защитник ..."


class Organisations:
    """The names one report's speakers go by, organisations resolved."""

    def __init__(self, text: str, masked: str, patterns: Patterns, mentions: Mentions,
                 narrative: Narrative, pronouns: Pronouns) -> None:
        self.text, self.masked, self.patterns = text, masked, patterns
        self.mentions, self.narrative, self.pronouns = mentions, narrative, pronouns
        self._acronyms: dict[str, str | None] = {}

    def named(self, entity: Entity, oblique: bool = False) -> str:
        """The entity as a speaker; `oblique` when the text names it in the genitive ("по
        словам X", "пресс-служба X"): the rules make it nominative unless a recogniser did."""
        name = entity.name
        # a recogniser's name of a body is its own ("Минэкономразвития" is no "Дмитрия": the
        # endings of people's names do not apply)
        trusted = entity.kind == "ORG" and entity.oblique is not None
        if oblique and not trusted \
                and (entity.oblique is None or name == self.text[entity.start: entity.end]):
            name = nominative(name, self.patterns)
        if entity.kind == "ORG":
            return self.organisation(replace(entity, name=name))
        return self.mentions.fullest(name)

    def organisation(self, entity: Entity) -> str:
        """A short organisation name -> the fuller one already given as a source ("МЧС"), or
        the name an acronym was defined by ("the Qualifications and Curriculum Authority (QCA)")."""
        defined = self._defined_acronym(entity.name)
        if defined:
            self.mentions.kinds[defined] = "ORG"
            return defined
        for event in self.narrative.events[-200:]:
            if event.kind == "ORG" and entity.name != event.name \
                    and re.search(rf"(?<!\w){re.escape(entity.name)}(?!\w)", event.name):
                return event.name
        return entity.name

    def _defined_acronym(self, name: str) -> str | None:
        """"Qualifications and Curriculum Authority (QCA)": the capitalised words before the
        bracket whose initials spell the acronym, short joining words ("and", "of") between."""
        if not (name.isupper() and 1 < len(name) <= 8 and name.isalpha()):
            return None
        if name not in self._acronyms:
            found = None
            for match in re.finditer(rf"\(\s*{re.escape(name)}\s*\)", self.text):
                words = _WORDS.findall(self.text, max(0, match.start() - 120), match.start())
                kept: list[str] = []
                for word in reversed(words):
                    if word[:1].isupper():
                        kept.insert(0, word)
                    elif len(word) > 3 or not kept:
                        break
                    else:
                        kept.insert(0, word)
                    if "".join(w[0] for w in kept if w[:1].isupper()) == name:
                        found = " ".join(kept)
                        break
                if found:
                    break
            self._acronyms[name] = found
        return self._acronyms[name]

    def generic_at(self, position: int) -> bool:
        """The word at `position` is a body not named ("ведомства"): the last source is meant."""
        word = _WORDS.search(self.masked, position, position + 30)
        return bool(word) and word.group().casefold() in self.patterns.generic_organisations

    def named_by_noun(self, position: int, before: int, *, main: bool = False) -> str | None:
        """The organisation noun in the three words after `position` ("ministry",
        "клуба") resolved to the organisation the report named with it."""
        words = [w.group() for w in _WORDS.finditer(self.masked, position, position + 40)]
        noun = next((w for w in words[:3] if self.stem(w)), None)
        return self.by_noun(noun, before, main=main) if noun else None

    def stem(self, word: str) -> str | None:
        """The organisation noun `word` is a form of ("клуба": "клуб"); a role ("minister",
        not "ministry") is none."""
        if self.patterns.is_role(word) or self.patterns.spokesperson.fullmatch(word):
            return None
        word = word.casefold()
        return next((stem for stem in self.patterns.organisation_stems if word.startswith(stem)
                     and len(word) - len(stem) <= 4), None)

    def by_noun(self, noun: str, position: int, *, main: bool = False) -> str | None:
        """"the magazine", "агентство", "пресс-служба клуба": the last organisation named with
        that noun ("US magazine Mobile PC", "агентство Киодо", "Министерство обороны"). With
        `main` (a press service of "the club", "the university" the report is about), else the
        organisation the report names most often."""
        stem = self.stem(noun)
        if stem is None:
            return None
        described = self._described(stem, position + len(noun))
        for entity in reversed(self.mentions.entities_in(described.start() if described else 0,
                                                         position)):
            introduced = _WORD_BEFORE.search(self.masked, max(0, entity.start - 30), entity.start)
            # "magazine Pocket World" (a person to the rules) but not "главы министерства
            # Евгения Зиничева", a person by gender
            if (entity.kind == "ORG" and any(w.casefold().startswith(stem)
                                             for w in entity.name.split())) \
                    or (introduced and introduced.group().casefold().startswith(stem)
                        and (entity.kind == "ORG" or entity.gender is None)):
                name = self.named(replace(entity, kind="ORG"))
                self.mentions.kinds[name] = "ORG"   # "magazine Pocket World": "it" may refer to it
                return name
        if described:
            name = " ".join(described.group(1).split())
            self.mentions.kinds[name] = "ORG"
            return name
        if main:
            return self._main_organisation()
        # "Amnesty International said ... 'X,' the group said": the body that just spoke
        return self.pronouns.organisation(position)

    def _described(self, stem: str, end: int) -> re.Match[str] | None:
        """The last "the Commons science and technology committee" before `end`: a body the
        report names by a capitalised word and a description ending in its noun."""
        if not self.patterns.rules.articles:
            return None
        shape = _described_shape(self.patterns.rules.articles, stem)
        return next(reversed(list(shape.finditer(self.masked, max(0, end - 5000), end))), None)

    def _main_organisation(self) -> str | None:
        """The organisation the report names most often, a short form counting for its fuller
        ones ("МГУ" for "МГУ им. Ломоносова"); the agency in a dateline ("/ТАСС/",
        "INTERFAX.RU -") reports the news and is not what it is about."""
        counts: dict[str, int] = {}
        for entity in self.mentions.entities:
            if entity.kind == "ORG" and not self._dateline_agency(entity) \
                    and not self._outlet_told(entity):
                counts[self.named(entity)] = counts.get(self.named(entity), 0) + 1
        totals = {name: sum(n for other, n in counts.items()
                            if other == name or other.startswith(name + " ")) for name in counts}
        return max(totals, key=lambda name: totals[name]) if totals else None   # first wins a tie

    def _outlet_told(self, entity: Entity) -> bool:
        """"сообщили «Интерфаксу»": an outlet in an oblique case right after a speech verb
        was told the news; the report is not about it."""
        if not entity.oblique:
            return False
        verb = _WORD_BEFORE.search(self.masked, max(0, entity.start - 30), entity.start)
        return bool(verb) and verb.group().casefold() in self.patterns.verb_words

    def _dateline_agency(self, entity: Entity) -> bool:
        """"/ТАСС/." or "INTERFAX.RU - ": the agency that files the report."""
        before, after = self.text[max(0, entity.start - 1): entity.start], self.text[entity.end:]
        return (before == "/" and after[:1] == "/") or (
            entity.name.isupper() and _DATELINE_DASH.match(after) is not None)


@cache
def _described_shape(articles: tuple[str, ...], stem: str) -> re.Pattern[str]:
    """"the Commons science and technology committee": an article, a capitalised word, up to
    five more words and the organisation noun (one pattern per language and noun)."""
    article = "|".join(re.escape(a) for a in articles)
    return re.compile(rf"(?<![\w-])(?i:{article})\s+([{UPPER}][\w’'-]*"
                      rf"(?:\s+(?!(?i:{article})\s)[\w’'-]+){{0,5}}?\s+(?i:{re.escape(stem)})"
                      rf"\w{{0,4}})(?![\w-])")
