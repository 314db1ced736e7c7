"""One set of compiled patterns per language, built once from the pack's `FigureRules`.

Everything language-specific comes from the pack; this module only knows the shape of a
figure: [approximation] [currency] number [range] [scale] [currency | percent].
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from ..lang import get_pack
from ..lang.figure_rules import FigureRules
from ..tokens import stop_words
from .first_chars import first_chars

# Masked before matching so that their digits never look like figures: phone numbers, clock
# times, numeric dates, fractions, and numbers glued to letters (G20, COVID-19, Su-35, С-400).
# Every branch starts at a digit (or "+", "-"); the look-ahead says so in one test, so the
# engine passes over the letters between them at half the cost of trying each branch.
_MASK = re.compile(
    r"(?=[\d+\-‐])"
    # phone numbers: a group of three digits somewhere ("6-2 6-3 6-4" is a tennis score)
    r"(?:(?:\+\d|\d)(?:(?=\d\d)|(?=[\d ()-]{0,12}\d{3}))[\d ()-]{8,}\d"
    r"|\d(?<!\w\d)(?:\d?:\d{2}(?::\d{2})?(?![.,]\d)"   # clock times (not race times)
    r"|\d?[./]\d{1,2}[./]\d{2,4}\b"                   # numeric dates
    r"|\d*/\d+\b|\d*\+\d+\b)"                         # fractions (1/2), added time (90+6)
    # glued to a word (G20, COVID-19, С-400, N+1, Сезон-2014/15): the letter is looked for
    # behind the sign or digit, so that this branch too opens with one
    r"|(?:[-‐+](?<=[^\W\d_][-‐+])\d+|\d(?<=[^\W\d_]\d)\d*)(?:[\w-]|/\d)*)"
)
MASK_CHAR = "\u2063"
WORD_CACHE_SIZE = 8192  # distinct words a phrase test remembers (a long report has a few thousand)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# Match scores ("3:2", "2-1") and race times ("2:01.52"). Each has one of SCORE_SEPARATORS
# between its digits, so a sentence with none of them is not searched at all.
SCORE_SEPARATORS = (":", "-", "–")
_SCORE = re.compile(
    r"\d(?<![\w:.,\u2063]\d)(?:\d?:\d|(?P<dash>\d?\s?[-–]\s?\d{1,2}))(?![\w:\u2063]|[.,]\d)")
_RACE_TIME = re.compile(r"\d(?<![\w:.,]\d)\d?:\d{2}[.,]\d{1,3}(?!\d)")


def _alternation(items: tuple[str, ...] | list[str], *, escape: bool = False, gated: bool = False) -> str:
    """Longest first, so that "more than" wins over "more"; "(?!)" matches nothing.

    `gated`: led by a look-ahead of the branches' first characters (`first_chars`), so that a
    position none of them can start at costs one test instead of a try of every branch. For
    the long lists tried after every number ("dollars?|euros?|..."); a gate costs compile time.
    """
    parts = sorted({re.escape(i) if escape else i for i in items}, key=len, reverse=True)
    if not parts:
        return "(?!)"
    heads = first_chars(tuple(parts)) if gated else None
    return ("(?=" + heads + ")" if heads else "") + "(?:" + "|".join(parts) + ")"


@dataclass(frozen=True, eq=False)
class FigurePatterns:
    """Everything `scan` needs for one language, compiled.

    Compared and hashed by identity (one per language): a memo may take it as a key.
    """

    figure: re.Pattern[str]
    figure_single: re.Pattern[str]
    change_by: frozenset[str]
    figure_start: re.Pattern[str]
    start_words: frozenset[str]
    core: re.Pattern[str]
    core_lowered: re.Pattern[str]  # `core` for lower-cased ASCII text: the same starts, no case folding
    written_word: re.Pattern[str]
    has_number_word: Callable[[str], bool]
    mask: re.Pattern[str]
    year: re.Pattern[str]
    date_after: re.Pattern[str]
    not_before: re.Pattern[str]
    month_before: re.Pattern[str]
    not_after: re.Pattern[str]
    age_after: re.Pattern[str]
    age_around: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]
    score: re.Pattern[str]
    score_word: re.Pattern[str]
    race_time: re.Pattern[str]
    time_tail: re.Pattern[str]
    time_head: re.Pattern[str]
    conversion_gap: re.Pattern[str]
    approx_after: re.Pattern[str]
    frame_after: re.Pattern[str]
    of_them: re.Pattern[str]
    native_word: re.Pattern[str]
    impact_after: re.Pattern[str]
    impact_before: re.Pattern[str]
    impact_word: Callable[[str], bool]  # one word, memoized
    harm: re.Pattern[str]
    change: re.Pattern[str]
    plan: re.Pattern[str]
    unit_word: Callable[[str], bool]  # one word, memoized
    verb_like: Callable[[str], bool]  # one word, memoized
    plural_noun: Callable[[str], bool]  # one word, memoized
    singular_noun: re.Pattern[str]
    stops: frozenset[str]
    fillers: frozenset[str]
    partitives: frozenset[str]
    vague: frozenset[str]
    prepositions: frozenset[str]
    clause_words: frozenset[str]
    month_word: Callable[[str], bool]  # one word, memoized
    time_units: frozenset[str]
    frame_before: re.Pattern[str]
    frame_before_approximate: re.Pattern[str]
    limit: re.Pattern[str]
    anaphora: frozenset[str]
    weak_nouns: frozenset[str]
    division_before: re.Pattern[str]
    event_before: frozenset[str]
    event_after: frozenset[str]
    race_units: frozenset[str]
    conditional_after: re.Pattern[str]
    generic_nouns: frozenset[str]
    head_last: bool
    articles: frozenset[str]
    planned_words: frozenset[str]
    share_noun_after: bool
    rate_periods: frozenset[str]
    measured_by: frozenset[str]
    multipliers: frozenset[str]
    fractions: frozenset[str]
    case_endings: frozenset[str]
    multiplier_after: re.Pattern[str]
    per_time: re.Pattern[str]
    exchange_after: re.Pattern[str]
    fraction_after: re.Pattern[str]
    per_words: frozenset[str]
    figurative_after: re.Pattern[str]
    numbered_names: bool
    band_labels: bool
    count_verb: re.Pattern[str]
    word_values: dict[str, float]
    scale_values: tuple[tuple[re.Pattern[str], float], ...]


@cache  # asked once per sentence: one look-up instead of resolving the pack each time
def patterns(code: str) -> FigurePatterns:
    """Compiled once per language (an unknown code gets the default pack's patterns)."""
    return _compiled(get_pack(code).code)


@cache
def _compiled(code: str) -> FigurePatterns:
    pack = get_pack(code)
    rules = pack.figures
    stops = ((pack.text.stop_words or stop_words(pack.code)) | frozenset(rules.extra_stop_words)) - frozenset(
        rules.counted_nouns)
    months = _alternation(rules.months, gated=True)
    written_word = re.compile(rf"\b{literal_trie(w.lower() for w, _ in rules.number_words)}\b")
    affected = _alternation((*rules.harm_words, *rules.impact_words), gated=True)
    return FigurePatterns(
        figure=_figure_pattern(rules),
        figure_single=_figure_pattern(rules, ranges=False),
        change_by=frozenset(rules.change_prepositions),
        figure_start=_figure_start(rules),
        start_words=frozenset(
            re.split(r"\\s\+|\s+", item)[-1].lower()
            for item in (*rules.approximations, *rules.between_words, *rules.one_words)
        ) | frozenset(symbol[-1] for symbol in rules.currency_symbols),
        core=_number_start(rules),
        core_lowered=re.compile(_number_start(rules).pattern),
        written_word=written_word,
        has_number_word=_number_word_test(written_word),
        mask=_MASK,
        year=_YEAR,
        date_after=re.compile(rf"^\s*{months}(?![^\W\d_])", re.IGNORECASE),
        not_before=re.compile(  # "page", "No." (a reference), "aged"
            rf"(?<![^\W\d_])(?:{_alternation(rules.reference_words, gated=True)}"
            rf"|{_alternation(rules.age_before)})\s*$", re.IGNORECASE),
        month_before=re.compile(rf"(?<![^\W\d_]){months}\.?\s*$", re.IGNORECASE),
        not_after=re.compile(rf"^\s*{_alternation(rules.not_after)}", re.IGNORECASE),
        age_after=re.compile(rf"^\s*{_alternation(rules.age_after)}", re.IGNORECASE),
        age_around=tuple(
            (re.compile(rf"{before}\s*$", re.IGNORECASE), re.compile(rf"^\s*{after}", re.IGNORECASE))
            for before, after in rules.age_around
        ),
        score=_SCORE,
        score_word=_whole_words(rules.score_words),
        race_time=_RACE_TIME,
        # "one minute 46.68seconds": seconds with decimals after a count of a larger unit
        time_tail=re.compile(
            rf"\d(?<![\w.,]\d)\d?[.,]\d{{1,3}}\s?{_alternation(rules.time_units)}(?![\w])", re.IGNORECASE),
        time_head=re.compile(
            rf"(?<![\w]){_alternation((*(w for w, _ in rules.number_words), *rules.one_words), escape=True)}"
            rf"\s+{_alternation(rules.time_units)}\s+$", re.IGNORECASE),
        conversion_gap=re.compile(
            rf"\s*(?:(?P<open>\()|[,;]?\s*{_alternation(rules.conversion_words)}\s+|(?P<list>[,;]))\s*",
            re.IGNORECASE),
        approx_after=re.compile(rf"^\s*,?\s*{_alternation(rules.approx_after)}(?![\w])", re.IGNORECASE),
        frame_after=re.compile(rf"^\s*{_alternation(rules.frame_after)}(?![\w])", re.IGNORECASE),
        of_them=re.compile(rf"^\s+{_alternation(rules.of_them)}(?![\w])", re.IGNORECASE),
        native_word=re.compile(f"[{rules.letters}]" if rules.letters else r"[^\W\d_]", re.IGNORECASE),
        impact_after=re.compile(
            rf"^(?:\s+{_alternation(rules.auxiliaries, escape=True)}){{0,3}}\s+"
            rf"{affected}(?![\w])", re.IGNORECASE),
        impact_word=_word_test(rf"^{affected}$", re.IGNORECASE),
        impact_before=re.compile(  # "killed all 12 passengers", "evacuated the 500 residents",
            # but not "missing the three tests": a verb in -ing before a determiner is no harm
            rf"(?<![\w]){affected}(?:(?<!ing)\s+{_alternation(rules.anaphora_words, escape=True)})?"
            rf"\s+$", re.IGNORECASE),
        harm=_whole_words(rules.harm_words),
        change=_whole_words(rules.change_words),
        plan=_whole_words(rules.plan_words),
        unit_word=_word_test(rf"^{_units(rules)}[.,;:]?$", re.IGNORECASE),
        verb_like=_word_test(rf"^{rules.verb_endings or '(?!)'}$", re.IGNORECASE),
        plural_noun=_word_test(rf"^{rules.plural_noun or '(?!)'}$"),
        singular_noun=re.compile(rules.singular_noun or "(?!)"),
        stops=stops,
        fillers=frozenset(rules.filler_words),
        partitives=frozenset(rules.partitive_words),
        vague=frozenset(rules.vague_numbers),
        prepositions=frozenset(rules.prepositions),
        clause_words=frozenset(rules.clause_words),
        month_word=_word_test(rf"^{months}\.?$", re.IGNORECASE),
        time_units=frozenset(rules.time_units),
        frame_before=re.compile(rf"(?<![^\W\d_]){_alternation(rules.frame_before)}\s+$", re.IGNORECASE),
        frame_before_approximate=re.compile(
            rf"(?<![^\W\d_]){_alternation(rules.frame_before_approximate)}\s+$", re.IGNORECASE),
        limit=re.compile(_alternation(rules.limit_words), re.IGNORECASE),
        anaphora=frozenset(rules.anaphora_words),
        weak_nouns=frozenset(rules.weak_nouns),
        division_before=re.compile(
            rf"(?<![^\W\d_]){_alternation(rules.division_before)}\s+$", re.IGNORECASE),
        event_before=frozenset(rules.event_before),
        event_after=frozenset(rules.event_after),
        race_units=frozenset(rules.race_units),
        conditional_after=re.compile(rf"^\s*{_alternation(rules.conditional_after)}(?![\w])",
                                     re.IGNORECASE),
        generic_nouns=frozenset(rules.generic_nouns),
        head_last=rules.head_noun_last,
        articles=frozenset(rules.articles),
        planned_words=frozenset(rules.planned_words),
        share_noun_after=rules.share_noun_after,
        rate_periods=frozenset(rules.rate_periods),
        measured_by=frozenset(rules.measured_by),
        multipliers=frozenset(rules.multiplier_words),
        fractions=frozenset(rules.fraction_words),
        case_endings=frozenset(rules.case_endings),
        multiplier_after=re.compile(rf"^\s+{_alternation(rules.multiplier_after)}", re.IGNORECASE),
        exchange_after=re.compile(rf"^\s+{_alternation(rules.exchange_after)}(?![\w])",
                                  re.IGNORECASE),
        per_time=re.compile(rf"^\s+{_alternation(rules.per_time_after)}(?![\w])", re.IGNORECASE),
        fraction_after=re.compile(rf"^\s+{_alternation(rules.fraction_after)}(?![\w])",
                                  re.IGNORECASE),
        per_words=frozenset(rules.per_words),
        figurative_after=re.compile(rf"^\s+{_alternation(rules.figurative_after)}", re.IGNORECASE),
        numbered_names=rules.numbered_names,
        band_labels=rules.band_labels,
        count_verb=re.compile(  # "было 8.", "названо уже три,": the verb, then the clause ends
            rf"(?<![\w]){_alternation(rules.count_verbs, gated=True)}(?:\s+\w{{2,6}})?\s+$", re.IGNORECASE),
        word_values={word.lower(): value for word, value in rules.number_words},
        scale_values=tuple(
            (re.compile(rf"{name}$", re.IGNORECASE), factor)
            for name, factor in (*rules.scale_words, *rules.scale_suffixes)
        ),
    )


def _number_word_test(written_word: re.Pattern[str]) -> Callable[[str], bool]:
    """Whether a sentence, lower-cased, holds a number word as a whole word.

    One search of the whole sentence: about half the time of a memo look-up per token (the
    1,600-sentence benchmark report: 2.3 ms instead of 5 ms over its 1,180 sentences without a
    digit), for English and Russian alike.
    """
    return lambda sentence: written_word.search(sentence.lower()) is not None


def _word_test(pattern: str, flags: int = 0) -> Callable[[str], bool]:
    """Whether one word matches `pattern`, memoized: phrases ask it of the same few hundred
    words ("said", "the", "people") for every figure, and each regex match costs microseconds."""
    compiled = re.compile(pattern, flags)
    return lru_cache(maxsize=WORD_CACHE_SIZE)(lambda word: compiled.match(word) is not None)


def _whole_words(items: tuple[str, ...]) -> re.Pattern[str]:
    """Any of `items` as a whole word, anywhere."""
    return re.compile(rf"(?<![^\W\d_]){_alternation(items, gated=True)}(?![^\W\d_])", re.IGNORECASE)


def _units(rules: FigureRules) -> str:
    """Percent, currency and scale words: a chunk made of one is part of an earlier figure."""
    return _alternation((*rules.percent_words, *rules.currency_words,
                         *(word for word, _ in rules.scale_words)))


def _written(rules: FigureRules) -> str:
    """Numbers in words: "two thousand", "Thirty-one", "one million" (one only before a scale,
    a fraction only before "(of) a": "a quarter of a point", never "the fourth quarter")."""
    words = _alternation([w for w, _ in rules.number_words if w not in rules.fraction_words],
                         escape=True)
    scales = _alternation([w for w, value in rules.number_words if value >= 100], escape=True)
    one = _alternation(rules.one_words, escape=True)
    fraction = _alternation(rules.fraction_words, escape=True)
    joiner = rf"(?:{_alternation(rules.number_joiners)}\s+)?"
    return (rf"(?:{one}(?=[\s-]+{scales})|{fraction}(?=\s+(?:of\s+)?an?\s)|{words})"
            rf"(?:[\s-]+{joiner}{words}|-{one}\b|[\s-]+{one}(?=[\s-]+{scales}))*")


def _number(rules: FigureRules) -> str:
    if rules.decimal_comma:
        return r"\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
    return r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def _figure_pattern(rules: FigureRules, *, ranges: bool = True) -> re.Pattern[str]:
    num = _number(rules)
    written = _written(rules)
    symbols = _alternation(rules.currency_symbols, escape=True, gated=True)
    scale = (rf"(?:\s*{_alternation([s for s, _ in rules.scale_words], gated=True)}(?![^\W\d_])"
             rf"|{_alternation([s for s, _ in rules.scale_suffixes], gated=True)}(?![\w]))")
    range_words = _alternation(rules.range_words)
    and_words = _alternation(rules.and_words)
    # "30-40", "30 to 40", "between €6 million and €8 million"; "and" only after "between",
    # or "2000 and 2003" would be a range; "between 20% and 30%" repeats its unit.
    # "between 250 euros (£173) and 600 euros": a sum's unit repeated, its conversion between.
    unit = _alternation((*rules.percent_words, *rules.currency_words), gated=True)
    repeated = (rf"(?(between)(?:{scale})?\s*{unit}(?:\s*\([^()]{{1,40}}\))?"
                rf"(?=\s*(?:{and_words}|{range_words})\s*(?:{symbols}\s?)?(?:{num})(?:{scale})?\s*{unit})"
                r"|(?!))")
    second_end = (rf"(?:{repeated}|{scale})?(?:\s*(?:-|–|—|{range_words}|(?(between){and_words}|(?!)))\s*"
                  rf"(?:{symbols}\s?)?(?:{num}|\b{written}\b))")
    return re.compile(  # not glued to a word by a hyphen: "multi-billion", "under-21"
        rf"(?<![\w.,{MASK_CHAR}])(?<![^\W\d_][-‐])"
        rf"(?:(?P<between>{_alternation(rules.between_words)})\s+"
        rf"|(?P<approx>{_alternation(rules.approximations, gated=True)})\s+)?"
        rf"(?P<cur1>{symbols}\s?)?"
        rf"(?:(?P<num>{num})|(?P<words>\b{written}\b))"
        rf"(?P<range>{second_end if ranges else '(?!)'})?"
        rf"(?P<scale>{scale})?"
        rf"(?:(?P<cur2>\s*{_alternation(rules.currency_words, gated=True)})"
        rf"|(?P<pct>\s*{_alternation(rules.percent_words, gated=True)}))?"
        rf"(?![\w{MASK_CHAR}])",
        re.IGNORECASE,
    )


def _number_start(rules: FigureRules) -> re.Pattern[str]:
    """Where a number may start: a run of digits or a number word.

    A whole run, not each digit: a digit after a digit is inside a number and never opens a
    figure, and one match per run spares `scan` a loop turn per digit. The look-ahead (digits
    and the words' first letters) rejects most positions in one test.
    """
    words = [w.lower() for w, _ in rules.number_words]
    first = "".join(re.escape(c) for c in sorted({w[0] for w in words}))
    return re.compile(rf"(?=[\d{first}])(?:\d+|\b{literal_trie(words)}\b)", re.IGNORECASE)


def _figure_start(rules: FigureRules) -> re.Pattern[str]:
    """What may stand before a number inside a figure, up to the number: "between", "about",
    "$", "a" (million). Searched in a short window, it finds where a figure starts."""
    symbols = _alternation(rules.currency_symbols, escape=True)
    one = _alternation(rules.one_words, escape=True)
    return re.compile(
        rf"(?<![\w.,{MASK_CHAR}])(?:(?:{_alternation(rules.between_words)}|{_alternation(rules.approximations)})\s+)?"
        rf"(?:{symbols}\s?)?(?:{one}[\s-]+)?$",
        re.IGNORECASE,
    )


def literal_trie(words: Iterable[str]) -> str:
    """One regex for many literal words, factored by prefix: much faster than a flat "a|b|c"."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node(tree) or "(?!)"


def _trie_node(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(char) + _trie_node(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body
