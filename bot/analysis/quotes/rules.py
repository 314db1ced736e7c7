"""A language's QuoteRules compiled into patterns, once per language."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from bot.analysis.lang import get_pack
from bot.analysis.lang.quote_rules import QuoteRules

UPPER = "A-ZА-ЯЁІЇЄҐ"
# One word of a name: "Greene", "Jean-Michel", "O'Sullivan", "Абдо"; an initial "J." is its own case.
NAME_WORD = rf"[{UPPER}][\w’'-]*"
WORD = r"[\w’'-]+"
# One piece of an apposition ("one of the so-called "Blair Babes" elected in 1997"): a character
# that ends no clause, or a short term in quotation marks.
_APPOSITION = r"(?:[^.;:\"“”«»]|[\"“«][^.;:\"“”«»]{1,40}[\"”»])"


def _alternation(words: tuple[str, ...]) -> str:
    """Longest first, so "said in a statement" wins over "said". A class of the words' first
    letters goes before them: a search rejects most positions on that one test instead of
    trying every word there (the same matches, found several times faster)."""
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len,
                                                                                 reverse=True))
    firsts = {w[:1] for w in words}
    if not words or "" in firsts:
        return alternation
    return f"(?=[{''.join(sorted(map(re.escape, firsts)))}])(?:{alternation})"


@dataclass(frozen=True)
class Patterns:
    """Everything attribution needs for one language, built from its QuoteRules."""

    rules: QuoteRules
    verb: re.Pattern[str]            # a speech verb, anywhere
    participle: re.Pattern[str]
    pronoun: re.Pattern[str]
    first_person: re.Pattern[str]
    pronoun_gender: dict[str, str | None]
    honorific_gender: dict[str, str | None]
    relation_gender: dict[str, str]
    relation: re.Pattern[str]          # "wife" in "his wife, ex-model Sandra"
    said_pronoun: re.Pattern[str]      # " said (that) she" right after a name
    not_names: frozenset[str]
    title_words: frozenset[str]
    kept_titles: frozenset[str]
    role: re.Pattern[str]            # a role noun (person)
    organisation: re.Pattern[str]    # an organisation noun
    is_role: Callable[[str], bool]           # role.fullmatch, remembered per word
    is_organisation: Callable[[str], bool]   # organisation.fullmatch, remembered per word
    organisation_stems: tuple[str, ...]  # their stems, for case forms ("клуба", "вуза")
    spokesperson: re.Pattern[str]
    according: re.Pattern[str]
    statement: re.Pattern[str]
    source: re.Pattern[str]
    words_of: re.Pattern[str]
    prepositions: frozenset[str]
    addressees: frozenset[str]            # "корреспонденту", "журналистам", casefolded
    possessives: dict[str, str]           # "его" -> "он" (of "по его словам")
    venue_prepositions: frozenset[str]    # "в", "на" of "написал в Telegram-канале"
    source_prepositions: frozenset[str]   # "В Кремле заявили"
    anonymous_sources: frozenset[str]     # "источник", casefolded
    generic_organisations: frozenset[str]  # "ведомстве", casefolded
    name_particles: frozenset[str]
    abbreviations: frozenset[str]    # words a "." may follow inside a name: "Mr", "Dr"
    # Compiled shapes of attributions, built from the words above.
    filler: re.Pattern[str]                # "also", "reportedly", "уже" between name and verb
    verb_lead: re.Pattern[str]             # "went on to" between a subject and its verb
    role_after_comma: re.Pattern[str]      # ", the governor" after a name
    named_appositive: re.Pattern[str]      # ", Sarah Mukasa," between a noun and the verb
    frame_words: frozenset[str]            # key words of anything that can frame a quote
    phrase_words: tuple[frozenset[str], ...]  # key words of statement, words-of, according,
                                              # source phrases and participles, in that order
    verb_words: frozenset[str]             # speech verbs (single words), casefolded
    pronoun_before: re.Pattern[str]        # "he said", "she also said"
    first_person_before: re.Pattern[str]   # "Я сказал"
    noun_before: re.Pattern[str]           # "a spokesman said", "the minister told"
    the_noun_before: re.Pattern[str]       # "the Bishop said", "the world champion says"
    pronoun_after: re.Pattern[str]         # "— сказал он.", "said he,"
    opening_pronoun: re.Pattern[str]       # "He", "Later, she" opening a sentence
    opening_role: re.Pattern[str]          # "The Tory leader", "But the minister" opening one
    contrast_clause: re.Pattern[str]       # ", but " before a clause's own subject
    relative_clause: re.Pattern[str]       # ", who presents ..." up to the verb
    appositive: re.Pattern[str]            # ", a friend of Y," up to the verb
    loose_appositive: re.Pattern[str]      # ", Blackpool Hotel Association" up to the verb

    def is_title_noun(self, word: str) -> bool:
        word = word.casefold()
        return any(word.startswith(stem) for stem in self.rules.title_nouns)


def _words(words: tuple[str, ...]) -> re.Pattern[str]:
    if not words:
        return re.compile(r"(?!x)x")
    return re.compile(rf"(?<![\w-])(?:{_alternation(words)})(?![\w-])", re.IGNORECASE)


def _words_of(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """"приводит слова X", and as agencies write it with the outlet inside: "приводит РИА
    Новости слова X", "цитирует «Интерфакс» слова X" (up to two capitalised words)."""
    if not phrases:
        return _words(phrases)
    outlet = rf"[«\"“]?(?-i:[{UPPER}])[\w’'.-]*[»\"”]?"   # capitalised, whatever the flags
    alternation = "|".join(
        re.escape(w).replace(r"\ ", r"\s+").replace(r"\s+", rf"\s+(?:{outlet}\s+){{0,2}}?", 1)
        for w in sorted(set(phrases), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)


def _word_test(words: tuple[str, ...], shapes: tuple[str, ...] = ()) -> Callable[[str], bool]:
    """Whether a whole word is one of `words` (or fits one of `shapes`), ignoring case: what
    `_words(words).fullmatch` answers, faster. Entity finding and role reading ask it of the
    same capitalised words again and again, and the long alternation tries every word in turn;
    here the words share their prefixes (a trie: the same strings, so the same answers) and
    each answer is remembered, in a bounded memo."""
    pattern = re.compile("|".join(filter(None, (_trie(words), *shapes))) or "(?!x)x",
                         re.IGNORECASE)

    @lru_cache(maxsize=4096)
    def test(word: str) -> bool:
        return pattern.fullmatch(word) is not None
    return test


def _trie(words: tuple[str, ...]) -> str:
    """One regex for the words with their common prefixes factored out ("minist(?:er|ry)"), a
    space matching any run of spaces as in `_alternation`; "" for no words."""
    root: dict[str, dict] = {}
    for word in set(words):
        node = root
        for char in word:
            node = node.setdefault(r"\s+" if char == " " else re.escape(char), {})
        node[""] = {}

    def branch(node: dict[str, dict]) -> str:
        options = [token + branch(child) for token, child in node.items() if token]
        if "" in node:
            options.append("")
        return options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"
    return branch(root) if root else ""


def _stem(noun: str) -> str:
    """What every case form of a noun starts with: a final vowel changes ("агентство" ->
    "агентства", "служба" -> "службы"), a final consonant stays ("клуб" -> "клуба")."""
    noun = noun.casefold()
    return noun[:-1] if noun[-1] in "аеёиоуыэюяьйіїєaeiouy" and len(noun) > 3 else noun


def _key_word(phrase: str) -> str:
    """The word a phrase cannot occur without, and the rarest: its longest ("spokesman" in "a
    spokesman for"), so a cheap set lookup can rule the phrase out."""
    return max(phrase.split(), key=len).casefold()


@cache
def patterns(language: str) -> Patterns:
    rules = get_pack(language).quotes
    abbreviations = {h for h, _ in rules.honorifics} | {t for t in rules.title_words if len(t) <= 4}
    pronoun = _alternation(tuple(p for p, _ in rules.pronouns)) or "(?!x)x"
    first_person = _alternation(rules.first_person) or "(?!x)x"
    shapes = "|".join(rules.role_shapes)
    nouns = "|".join(filter(None, (_alternation(rules.spokesperson_nouns + rules.role_nouns
                                                + rules.organisation_nouns), shapes))) or "(?!x)x"
    relative = _alternation(rules.relative_pronouns) or "(?!x)x"
    adverb = rf"\w+{re.escape(rules.adverb_ending)}" if rules.adverb_ending else "(?!x)x"
    filler = rf"(?:{adverb}|{_alternation(rules.fillers) or '(?!x)x'})"
    fillers = rf"(?:{filler}\s+)*"
    articles = _alternation(rules.articles) or "(?!x)x"
    leads = _alternation(rules.verb_leads) or "(?!x)x"
    reporting = _alternation(tuple(v for v in rules.speech_verbs
                                   if v not in rules.addressee_verbs)) or "(?!x)x"
    complementisers = _alternation(rules.complementisers) or "(?!x)x"
    roles = "|".join(filter(None, (_alternation(rules.role_nouns), shapes))) or "(?!x)x"
    verbs = _alternation(rules.speech_verbs) or "(?!x)x"
    prepositions = _alternation(rules.prepositions) or "(?!x)x"
    flags = re.IGNORECASE
    return Patterns(
        rules=rules,
        verb=_words(rules.speech_verbs),
        participle=_words(rules.speech_participles),
        pronoun=_words(tuple(p for p, _ in rules.pronouns)),
        first_person=_words(rules.first_person),
        pronoun_gender={p.casefold(): g for p, g in rules.pronouns},
        honorific_gender={h.casefold(): g for h, g in rules.honorifics},
        relation_gender={r.casefold(): g for r, g in rules.relation_nouns},
        relation=_words(tuple(r for r, _ in rules.relation_nouns)),
        said_pronoun=re.compile(rf"\s+{fillers}(?:{reporting})\s+(?:(?:{complementisers})\s+)?"
                                rf"({pronoun})(?![\w’'-])", flags),
        not_names=frozenset(rules.not_names),
        title_words=frozenset(rules.title_words),
        kept_titles=frozenset(rules.kept_titles),
        role=re.compile(rf"(?<![\w-])(?:{roles})(?![\w-])", re.IGNORECASE),
        organisation=_words(rules.organisation_nouns),
        is_role=_word_test(rules.role_nouns, rules.role_shapes),
        is_organisation=_word_test(rules.organisation_nouns),
        organisation_stems=tuple(sorted({_stem(n) for n in rules.organisation_nouns}, key=len,
                                        reverse=True)),
        spokesperson=_words(rules.spokesperson_nouns),
        according=_words(rules.according_to),
        statement=_words(rules.statement_phrases),
        source=_words(rules.source_phrases),
        words_of=_words_of(rules.words_of),
        prepositions=frozenset(w.casefold() for w in rules.prepositions),
        addressees=frozenset(w.casefold() for w in rules.addressees),
        possessives={w.casefold(): pronoun for w, pronoun in rules.possessives},
        venue_prepositions=frozenset(w.casefold() for w in rules.venue_prepositions),
        source_prepositions=frozenset(w.casefold() for w in rules.source_prepositions),
        anonymous_sources=frozenset(w.casefold() for w in rules.anonymous_sources),
        generic_organisations=frozenset(w.casefold() for w in rules.generic_organisations),
        name_particles=frozenset(rules.name_particles),
        abbreviations=frozenset(abbreviations),
        frame_words=frozenset(_key_word(phrase) for phrase in (
            rules.speech_verbs + rules.speech_participles + rules.statement_phrases
            + rules.words_of + rules.according_to + rules.source_phrases)),
        verb_words=frozenset(v.casefold() for v in rules.speech_verbs if " " not in v),
        phrase_words=tuple(frozenset(_key_word(phrase) for phrase in phrases)
                           for phrases in (rules.statement_phrases, rules.words_of,
                                           rules.according_to, rules.source_phrases,
                                           rules.speech_participles)),
        filler=re.compile(filler, re.IGNORECASE),
        verb_lead=_words(rules.verb_leads),
        # ", the trade secretary", ", Minister of Transport"; not ", the Bishop said" (a new
        # subject) and not ", in his role as ..." (no preposition among the modifiers)
        role_after_comma=re.compile(
            rf",\s+(?:(?:{articles})\s+)?(?:(?!(?:{prepositions})\b)[\w’'-]+\s+){{0,2}}?"
            rf"({roles})(?![\w’'-])(?!\s+{fillers}(?:{verbs})(?![\w’'-]))", re.IGNORECASE),
        named_appositive=re.compile(rf"\s*,\s*([^,]+?)\s*,\s*{fillers}"),
        pronoun_before=re.compile(rf"(?<!\w)({pronoun})\s+(?:\w+\s+)?(?:(?:{leads})\s+)?$",
                                  flags),
        first_person_before=re.compile(rf"(?<!\w)(?:{first_person})\s+(?:\w+\s+)?$", flags),
        # "the actor, 45, said"
        noun_before=re.compile(rf"(?<![\w-])({nouns})([’']s)?(?:\s*,\s*\d{{1,3}}\s*,)?\s+"
                               rf"(?:\w+\s+)?$", flags),
        the_noun_before=re.compile(rf"(?<![\w-])(?:{articles})\s+(?:[\w’'-]+\s+){{0,3}}?({nouns})"
                                   rf"(?:\s*,\s*\d{{1,3}}\s*,)?\s+(?:\w+\s+)?$", flags),
        pronoun_after=re.compile(rf"\s+({pronoun})(?:\s*[.,;:!?]|\s*$|\s+(\w+))", flags),
        opening_pronoun=re.compile(rf"\W*(?:\w+,?\s+)?({pronoun})\b", flags),
        opening_role=re.compile(rf"\W*(?:\w+,?\s+)?(?:{articles})\s+(?:[\w’'-]+\s+){{0,3}}?"
                                rf"({roles})(?![\w’'-])", flags),
        contrast_clause=re.compile(rf"(?<=[\s,;])(?i:{_alternation(rules.contrast_words) or '(?!x)x'})"
                                   rf"\s+(?=[{UPPER}])"),
        relative_clause=re.compile(rf"\s*,\s+(?:{relative})\b[^.;:]{{0,100}}$", flags),
        appositive=re.compile(rf"\s*,{_APPOSITION}{{2,100}}?,\s*{fillers}"),
        loose_appositive=re.compile(rf"\s*,{_APPOSITION}{{2,100}}?,?\s*{fillers}"),
    )
