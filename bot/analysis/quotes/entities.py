"""People and organisations named in a report, so a speaker is a real name and its fullest form.

English and Ukrainian use rules: runs of capitalised words, trimmed of courtesy titles, roles
and sentence openers. A language whose pack names a recogniser ("natasha" for Russian) uses it
when the package is installed: its spans come normalised to the nominative ("Алексея Кудрина"
-> "Алексей Кудрин"). The model loads on the first report that needs it, never at import.
"""

from __future__ import annotations

import bisect
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from bot.analysis.lang.quote_rules import QuoteRules

from .rules import NAME_WORD, UPPER, Patterns, patterns

MAX_SPEAKER_CHARS = 60
MAX_SPEAKER_WORDS = 6
# A recogniser's cost grows with the text; past this many characters the rules take over.
MAX_NER_CHARS = 30_000


@dataclass(frozen=True)
class Entity:
    """A mention: [start, end) in the text, its name as a speaker, PER or ORG, gender if known."""

    start: int
    end: int
    name: str
    kind: str
    gender: str | None = None
    oblique: bool | None = None   # not in the nominative ("сказал Анне"); None: not known


@cache
def _runs(language: str) -> re.Pattern[str]:
    """Runs of capitalised words, with the language's name particles ("de", "van") inside."""
    rules = patterns(language)
    particles = "|".join(re.escape(p) for p in rules.name_particles) or "(?!x)x"
    abbreviations = "|".join(re.escape(a) for a in sorted(rules.abbreviations, key=len, reverse=True))
    # an initial before a name first ("А. Иванов", "J. Smith"): a capital alone is a name word too
    word = (rf"(?:(?:{abbreviations or '(?!x)x'})\.(?=[ \u00a0]{NAME_WORD})"
            rf"|(?:[{UPPER}]\.){{1,2}}(?=[ \u00a0]{NAME_WORD})|{NAME_WORD}|[{UPPER}]\.)")
    # every run opens with a capital or an abbreviation's first letter: testing that one
    # character first passes over the lowercase letters of a long report twice as fast
    firsts = "".join(sorted({re.escape(a[0]) for a in rules.abbreviations}))
    return re.compile(rf"(?=[{UPPER}{firsts}])(?<![\w’'-]){word}"
                      rf"(?:[ \u00a0](?:(?:{particles})[ \u00a0])*{word})*")


def find_entities(text: str, masked: str, language: str) -> list[Entity]:
    """Mentions outside quotations, in text order."""
    rules = patterns(language)
    if rules.rules.ner and len(text) <= MAX_NER_CHARS:
        found = recognised(text, rules.rules.ner, language)
        if found is not None:
            return _people_behind_acronyms(
                [e for e in found if masked[e.start: e.end] == text[e.start: e.end]], text)
    entities = []
    for run in _runs(language).finditer(masked):
        found = _from_run(run.group(), run.start(), rules)
        if masked[run.start() - 1: run.start()] in ("«", '"', "“", "„") \
                and masked[run.end(): run.end() + 1] in ("»", '"', "”", "“"):
            found = [replace(e, kind="ORG") for e in found]   # «Деловой Юг» is a name of a body
        entities += found
    entities = _without_bare_titles(_without_sentence_openers(entities, masked), masked, rules)
    entities = _organisations_by_noun(entities, masked, rules)
    return _people_behind_acronyms(entities, text)


def _without_sentence_openers(entities: list[Entity], masked: str) -> list[Entity]:
    """"Women earn less ...": one capitalised word opening a sentence is a name only when the
    report also capitalises it mid-sentence or uses it as the surname of a fuller name."""
    def opens_sentence(entity: Entity) -> bool:
        before = masked[max(0, entity.start - 3): entity.start].rstrip(" \"“«„—–-")
        return not before or before[-1] in ".!?\n:"

    # each one-word name's test once (names here are words joined by single spaces)
    openers = [" " not in e.name and opens_sentence(e) for e in entities]
    trusted = {e.name for e, opener in zip(entities, openers, strict=True)
               if " " not in e.name and not opener}
    fuller = NameIndex(e.name for e in entities if " " in e.name)
    return [e for e, opener in zip(entities, openers, strict=True)
            if not opener or e.name in trusted or fuller.longer_forms(e.name)]


def _without_bare_titles(entities: list[Entity], masked: str, rules: Patterns) -> list[Entity]:
    """"the Bishop said", "the Tory leader", "the Brazilian": title words or a role alone name
    an office, a party or someone described, not a person; they stay a name after a courtesy
    title ("Mr Green") or as the surname of a fuller name the report gives ("Philip Green")."""
    def bare(entity: Entity) -> bool:
        # "the Brazilian said": a role after an article, not a name
        return all(w in rules.title_words for w in entity.name.split()) or (
            " " not in entity.name and bool(rules.is_role(entity.name))
            and _word_before(masked, entity.start).casefold() in rules.rules.articles)

    bares = [e for e in entities if bare(e)]
    if not bares:
        return entities
    fuller = NameIndex(e.name for e in entities if len(e.name.split()) > 1)
    dropped = {id(e) for e in bares
               if _word_before(masked, e.start).casefold() not in rules.honorific_gender
               and not fuller.longer_forms(e.name)}
    return [e for e in entities if id(e) not in dropped]


def _organisations_by_noun(entities: list[Entity], masked: str, rules: Patterns) -> list[Entity]:
    """"Search engine firm Google", "US magazine Pocket World": a name the report introduces
    with an organisation noun is an organisation wherever it recurs (so "it said" finds it)."""
    def introduced(entity: Entity) -> bool:
        word = _word_before(masked, entity.start)
        return word[:1].islower() and bool(rules.is_organisation(word))

    bodies = {e.name for e in entities if e.kind == "PER" and introduced(e)}
    # a name a courtesy title gave a gender ("Mr Blair") is a person whatever stands before it
    gendered = {e.name for e in entities if e.gender}
    bodies = {b for b in bodies if not any(g == b or same_person(g, b) for g in gendered)}
    if not bodies:
        return entities
    return [replace(e, kind="ORG", gender=None) if e.name in bodies else e for e in entities]


def _word_before(masked: str, position: int) -> str:
    """The word a space before `position` ("firm" in "firm Google", "Mr" in "Mr. Green")."""
    head = masked[max(0, position - 20): position]
    words = head.split() if head[-1:] in (" ", "\u00a0") else ()
    return words[-1].rstrip(".") if words else ""




class NameIndex:
    """Names by the start of their last word, so finding "Maurice Greene" for "Greene" does not
    compare every pair of names in a long report."""

    def __init__(self, names: Iterable[str]) -> None:
        self._by_surname: dict[str, list[str]] = {}
        for name in dict.fromkeys(names):
            self._by_surname.setdefault(_bucket(name), []).append(name)

    def longer_forms(self, short: str) -> list[str]:
        """Fuller names whose last words are `short` (tolerating case endings), first seen first."""
        return [full for full in self._by_surname.get(_bucket(short), ()) if same_person(short, full)]


def _bucket(name: str) -> str:
    return name.split()[-1].casefold()[:4]


def _from_run(run: str, start: int, patterns: Patterns) -> list[Entity]:
    """"Deputy Prime Minister John Prescott" -> John Prescott; "Ireland's Alistair Cragg" splits."""
    # the cheap tests on characters first: most runs hold no apostrophe and one script
    if run.endswith(_APOSTROPHE_ENDINGS):
        run = _TRAILING_POSSESSIVE.sub("", run)   # "Dan Brown's novel", "Jesus' life"
    if not run:
        return []
    possessive = _POSSESSIVE.search(run) if "'" in run or "’" in run else None
    if possessive:
        head = _from_run(run[: possessive.start()], start, patterns)
        tail_at = possessive.end() + 1
        return head + _from_run(run[tail_at:], start + tail_at, patterns)
    switch = None if run.isascii() else _SCRIPT_SWITCH.search(run)
    if switch:
        # "CityAir Андрей Самодин": a Latin-script company before a Cyrillic name is two names
        return _from_run(run[: switch.start()], start, patterns) \
            + _from_run(run[switch.end():], start + switch.end(), patterns)
    joined = _joiner(patterns.rules.region_joiners).search(run) if " " in run else None
    if joined and not _looks_like_organisation(run[: joined.start()].split(), patterns):
        # "Zara Hyde Peters of UK Athletics" is a person and an organisation; "Bank of America" one
        tail_at = joined.end()
        return _from_run(run[: joined.start()], start, patterns) \
            + _from_run(run[tail_at:], start + tail_at, patterns)
    words = run.split()
    if len(words) == 1:
        return _from_word(run, start, patterns)   # most runs: "The", "But", "Greene"
    gender = None

    def title(word: str) -> bool:
        word = word.rstrip(".")
        return word in patterns.title_words or word.casefold() in patterns.honorific_gender

    # "Communications Minister Dayanidhi Maran": everything up to the last title goes; not in
    # "Foreign Office", "Health Department" (a title word names the organisation)
    body = bool(patterns.is_organisation(words[-1]))
    i = 0 if body else max((k + 1 for k, w in enumerate(words[:-1]) if w in patterns.title_words),
                           default=0)
    # "Actor Tom Hanks", "Singer Jamie Cullum": a role opening the sentence goes too
    while i < len(words) - 1 and (words[i] in patterns.not_names
                                  or ((title(words[i]) or patterns.is_role(words[i]))
                                      and not body)
                                  or words[i] in patterns.name_particles):
        gender = patterns.honorific_gender.get(words[i].rstrip(".").casefold(), gender)
        i += 1
    if words[i] in patterns.not_names or words[i].rstrip(".").casefold() in patterns.honorific_gender:
        return []
    person = _person_after_body(words[i:], patterns)
    if person:
        # "МИД России Мария Петрова", "Минфина Павел Орлов": the body, then the person
        at = [m.start() for m in _NON_SPACE.finditer(run)][len(words) - person]
        body = [replace(e, kind="ORG", gender=None) for e in _from_run(run[:at].rstrip(), start,
                                                                       patterns)]
        return body + _from_run(run[at:], start + at, patterns)
    name = " ".join(words[i:])
    kind = "ORG" if _looks_like_organisation(words[i:], patterns) else "PER"
    offset = 0 if i == 0 and not run[0].isspace() else \
        [m.start() for m in _NON_SPACE.finditer(run)][i]   # where words[i] starts
    return [Entity(start + offset, start + len(run), name, kind,
                   gender or guess_gender(name, patterns))]


def _person_after_body(words: list[str], patterns: Patterns) -> int:
    """How many last words name a person after the body they work for ("МИД России Мария
    Петрова": 2), where a full name is a given name, a patronymic perhaps, and a surname with
    a surname's ending; 0 when the words are one name."""
    rules = patterns.rules
    if len(words) < 3 or not rules.patronymic_endings:
        return 0
    surname = words[-1].casefold()
    if not surname.endswith((*rules.male_surname_endings, *rules.female_surname_endings,
                             *rules.neutral_surname_endings)):
        return 0
    size = 3 if words[-2].casefold().endswith(rules.patronymic_endings) else 2
    given = words[-size]
    if len(words) <= size or given.isupper() or given in patterns.title_words \
            or given.casefold().endswith(rules.patronymic_endings):
        return 0
    return size


def _from_word(run: str, start: int, patterns: Patterns) -> list[Entity]:
    """A run of one word: what `_from_run` makes of it, without its loops over the words (no
    title to drop before a lone word, and a lone word tells no gender)."""
    word = run.strip()
    if word in patterns.not_names or word.rstrip(".").casefold() in patterns.honorific_gender:
        return []
    kind = "ORG" if _looks_like_organisation([word], patterns) else "PER"
    return [Entity(start + run.index(word), start + len(run), word, kind)]


# "August. Greene" spans two sentences; the initial of "А. Иванов" does not
_SENTENCE_BREAK = re.compile(r"[^\W\d_]{2}\.\s")
_POSSESSIVE = re.compile(r"[’']s(?=\s)")
_TRAILING_POSSESSIVE = re.compile(r"[’']s?$")
_APOSTROPHE_ENDINGS = ("'", "’", "'s", "’s")   # where _TRAILING_POSSESSIVE can match
_SCRIPT_SWITCH = re.compile(r"(?<=[A-Za-z])[ \u00a0](?=[А-ЯЁІЇЄҐ])|(?<=[а-яёіїєґ])[ \u00a0](?=[A-Z])")
_NON_SPACE = re.compile(r"\S+")


@cache
def _joiner(joiners: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf" (?:{'|'.join(re.escape(j) for j in joiners) or '(?!x)x'}) ")


@cache
def _by_length(endings: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(endings, key=len, reverse=True))


def _looks_like_organisation(words: list[str], patterns: Patterns) -> bool:
    # "ООН", "МВД" are acronyms; an initial ("А.") is not
    return any(patterns.is_organisation(w) or (len(w) > 1 and "." not in w and w.isupper())
               for w in words)


def guess_gender(name: str, patterns: Patterns) -> str | None:
    """From surname endings where the language has them (Петрова, Петров); else unknown."""
    rules = patterns.rules
    words = name.split()
    if len(words) < 2:
        return None   # "China", "Regina": a lone word says nothing about a person's gender
    last = words[-1].casefold()
    for ending in _by_length(rules.female_surname_endings):
        if last.endswith(ending):
            return "f"
    for ending in _by_length(rules.male_surname_endings):
        if last.endswith(ending):
            return "m"
    if rules.female_first_name_endings:
        first = words[0]
        female = first.endswith(rules.female_first_name_endings) \
            and first not in rules.male_first_names_like_female
        return "f" if female else "m"
    return None


def clean_speaker(name: str | None) -> str | None:
    """"Российское антидопинговое агентство (РУСАДА)" -> without the bracket."""
    return re.sub(r"\s*\([^()]*\)?\s*$", "", name).strip(" ,") if name else name


def plausible_speaker(name: str | None, patterns: Patterns) -> bool:
    """A name or an organisation: bounded, capitalised, not a stray sentence word."""
    if not name:
        return False
    words = name.split()
    # "городская администрация": a public body named with common words (quotes/bodies.py)
    capitalised = name[:1].isupper() or (
        len(words) > 1 and any(w.casefold() in patterns.rules.body_nouns for w in words))
    return (len(name) <= MAX_SPEAKER_CHARS and len(words) <= MAX_SPEAKER_WORDS
            and capitalised and not _SENTENCE_BREAK.search(name)
            and not (len(words) == 1 and words[0] in patterns.not_names)
            and words[0] not in patterns.not_names)


def same_person(short: str, full: str) -> bool:
    """"Greene" ~ "Maurice Greene", "Кудрина" ~ "Алексей Кудрин": the surname ends the full name."""
    short_words, full_words = short.split(), full.split()
    if len(short_words) >= len(full_words):
        return False
    tail = full_words[-len(short_words):]
    return all(_same_word(a, b) for a, b in zip(short_words, tail, strict=True))


def _same_word(a: str, b: str) -> bool:
    a, b = a.casefold(), b.casefold()
    if a == b:
        return True
    stem = min(len(a), len(b)) - 1
    return stem >= 4 and a[:stem] == b[:stem] and abs(len(a) - len(b)) <= 2


def nominative(name: str, patterns: Patterns) -> str:
    """"Азизы Рахимовой" -> "Азиза Рахимова" by the language's case endings (no recogniser)."""
    rules = patterns.rules
    if not rules.male_name_endings:
        return name
    words = name.split()
    female = words[-1].casefold().endswith(rules.female_oblique_endings)
    endings = rules.female_name_endings if female else rules.male_name_endings
    return " ".join(_ending_to_nominative(word, endings) for word in words)


def _ending_to_nominative(word: str, endings: tuple[tuple[str, str], ...]) -> str:
    for ending, replacement in endings:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: len(word) - len(ending)] + replacement
    return word


# --- a recogniser, loaded on first use ---------------------------------------------------------

@cache
def _natasha() -> tuple[Any, ...] | None:
    """Segmenter, morphology and NER models from the natasha wheel; None when not installed."""
    try:
        with warnings.catch_warnings():   # pymorphy2 still imports pkg_resources
            warnings.simplefilter("ignore", UserWarning)
            from natasha import (
                MorphVocab,
                NewsEmbedding,
                NewsMorphTagger,
                NewsNERTagger,
                Segmenter,
            )
            embedding = NewsEmbedding()
            return Segmenter(), MorphVocab(), NewsMorphTagger(embedding), NewsNERTagger(embedding)
    except ImportError:
        return None


def recognised(text: str, engine: str, language: str) -> list[Entity] | None:
    """PER and ORG spans with nominative names, or None when the recogniser is unavailable."""
    models = _natasha() if engine == "natasha" else None
    if models is None:
        return None
    from natasha import Doc

    segmenter, morph_vocab, morph_tagger, ner_tagger = models
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(ner_tagger)
    _tag_morph_where_named(doc, morph_tagger)
    entities: list[Entity] = []
    spans = [span for span in doc.spans if span.type in ("PER", "ORG", "LOC")]
    joiners = ("", *patterns(language).rules.region_joiners)
    merged_until = -1
    for i, span in enumerate(spans):
        if span.type == "LOC" or span.start < merged_until:
            continue
        span.normalize(morph_vocab)
        name, end = span.normal or span.text, span.stop
        if span.type == "ORG":
            name = _normal_head(name, span)
            # "ГУ" "МЧС" "РФ" "по Приморскому краю", "Министерство экологии" "Подмосковья"
            for following in spans[i + 1:]:
                if following.type == "PER" or text[end: following.start].strip() not in joiners:
                    break
                name, end = f"{name} {text[end: following.stop].strip()}", following.stop
            merged_until = end
        feats = (span.tokens[-1].feats or {}) if span.tokens else {}
        gender = {"Masc": "m", "Fem": "f"}.get(feats.get("Gender")) if span.type == "PER" else None
        oblique = feats.get("Case", "Nom") not in ("Nom", "Gen")
        name = " ".join(re.sub(r"[\[\]{}<>]", "", _with_yo(name, span.text)).split())
        if span.type == "PER":
            name = surname_in_nominative(name, patterns(language).rules, gender)
        entities.append(Entity(span.start, end, name, span.type, gender, oblique))
    return entities


def surname_in_nominative(name: str, rules: QuoteRules, gender: str | None = None) -> str:
    """A recogniser may leave a rare surname in its case ("Светланы Кетовой" -> "Светлана
    Кетовой", "Ильей Жегулевым" -> "Илья Жегулевый"): the first name (or the recogniser, for
    "Чулпан Хаматова") tells the gender, and a surname ending no nominative of that gender has
    goes to the nominative."""
    words = name.split()
    if len(words) < 2 or not rules.female_first_name_endings:
        return name
    female = gender == "f" or (words[0].endswith(rules.female_first_name_endings)
                               and words[0] not in rules.male_first_names_like_female)
    endings = rules.oblique_female_surnames if female else rules.oblique_male_surnames
    return " ".join([*words[:-1], _ending_to_nominative(words[-1], endings)])


def _people_behind_acronyms(entities: list[Entity], text: str) -> list[Entity]:
    """"цитирует пресс-служба СФУ Еркаева" may come as one organisation (or one person): an
    acronym then a surname of a person the report already named is that person."""
    people: list[str] = []
    fixed = []
    for entity in entities:
        name, start = _without_acronym(entity.name, text, entity.start)
        if start != entity.start and entity.kind == "PER":
            entity = replace(entity, start=start, name=name)
        elif entity.kind == "ORG":
            if start != entity.start and any(same_person(name, full) for full in people):
                entity = replace(entity, start=start, name=name, kind="PER", oblique=None)
        elif len(entity.name.split()) > 1:
            people.append(entity.name)
        fixed.append(entity)
    return fixed


def _without_acronym(name: str, text: str, start: int) -> tuple[str, int]:
    """"пресс-служба СФУ Еркаева" tags "СФУ Еркаев" as one person: an acronym opening a
    person's name is the organisation before it, not part of the name."""
    words = name.split()
    acronyms = 0
    while acronyms < len(words) - 1 and len(words[acronyms]) > 1 \
            and "." not in words[acronyms] and words[acronyms].isupper():   # "СФУ", not "А.Б."
        acronyms += 1
    if not acronyms:
        return name, start
    skipped = re.match(rf"(?:\S+\s+){{{acronyms}}}", text[start:])
    return " ".join(words[acronyms:]), start + (skipped.end() if skipped else 0)


def _tag_morph_where_named(doc: Any, tagger: Any) -> None:
    """Morphology (for cases, genders and normal forms) only for sentences that name someone:
    it is half of natasha's cost per report, and the other sentences never need it."""
    try:
        from natasha.doc import inject_morph, sent_words
    except ImportError:
        doc.tag_morph(tagger)
        return
    starts = sorted(span.start for span in doc.spans)
    sents = [sent for sent in doc.sents if _holds_any(starts, sent.start, sent.stop)]
    for sent, markup in zip(sents, tagger.map([sent_words(s) for s in sents]), strict=False):
        inject_morph(sent.tokens, markup.tokens)


def _holds_any(starts: list[int], start: int, stop: int) -> bool:
    i = bisect.bisect_left(starts, start)
    return i < len(starts) and starts[i] < stop


def _normal_head(normal: str, span: Any) -> str:
    """Normalise an organisation up to its head noun only: "Российского антидопингового
    агентства" -> "Российское антидопинговое агентство", but "Министерство экологии" and
    "НМИЦ имени Дмитрия Рогачева" keep their genitive tails as written."""
    normal_words, written_words = normal.split(), span.text.split()
    if len(normal_words) != len(written_words) or len(span.tokens) != len(written_words):
        return normal
    head = next((i for i, token in enumerate(span.tokens) if token.pos in ("NOUN", "PROPN")),
                len(written_words) - 1)
    return " ".join(normal_words[: head + 1] + written_words[head + 1:])


def _with_yo(normal: str, written: str) -> str:
    """Normal forms come without ё ("Петр Ян", "Артема Королева" -> "Артем Королев"); keep it
    where the report writes it, in the part of the word the case ending leaves alone."""
    spelled = [w for w in written.split() if "ё" in w or "Ё" in w]
    return " ".join(_yo_from(word, spelled) for word in normal.split())


def _yo_from(word: str, spelled: list[str]) -> str:
    """`word` with the ё of the written word it shares all but its ending with."""
    for written in spelled:
        plain = written.replace("ё", "е").replace("Ё", "Е")
        common = next((i for i, (a, b) in enumerate(zip(plain.casefold(), word.casefold(),
                                                        strict=False)) if a != b),
                      min(len(plain), len(word)))
        if common >= min(len(word), len(plain)) - 2 and common >= 3:
            return "".join(written[i] if i < common and written[i] in "ёЁ" else char
                           for i, char in enumerate(word))
    return word
