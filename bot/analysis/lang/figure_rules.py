"""Rules for key figures as data: number words, units, dates, and what makes a figure matter.

Owned by the figures stage (bot/analysis/figures/), which compiles these lists into one pattern
per language. Entries marked "regex" are regular-expression fragments (matched case-blind,
spaces as written); the rest are plain lower-case words.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FigureRules:
    """Language data for figures; every tuple is free of duplicates (a test checks)."""

    # -- Numbers ----------------------------------------------------------------------------
    number_words: tuple[tuple[str, float], ...] = ()  # every written form and its value
    multiplier_words: tuple[str, ...] = ()   # "вдвое", "threefold": a figure without a noun
    multiplier_after: tuple[str, ...] = ()   # regex after the number: "a hundred times more"
    per_time_after: tuple[str, ...] = ()     # regex after the number: "50,000 a year", a rate
    exchange_after: tuple[str, ...] = ()     # regex after the number: "43.305 per US dollar"
    one_words: tuple[str, ...] = ()          # "one", "a": a figure only before a scale word
    number_joiners: tuple[str, ...] = ()     # "two hundred and fifty"
    decimal_comma: bool = False              # "12,5" is a decimal; groups are "4 000"
    scale_words: tuple[tuple[str, float], ...] = ()    # regex after a space: "million", r"млн\.?"
    scale_suffixes: tuple[tuple[str, float], ...] = ()  # regex glued to digits: "bn", "m"
    # -- Units ------------------------------------------------------------------------------
    currency_symbols: tuple[str, ...] = ()   # before the number: "$", "€"
    currency_words: tuple[str, ...] = ()     # regex after the number: r"dollars?", r"грн\.?"
    percent_words: tuple[str, ...] = ()      # regex after the number: "%", "percent"
    case_endings: tuple[str, ...] = ()       # "2-х", "5-ти": a cardinal in a case form (not
                                             # "1-го", an ordinal)
    fraction_words: tuple[str, ...] = ()     # number words that are a figure only with a unit:
                                             # "a quarter of a point", not "the fourth quarter"
    # -- Phrases around a number ------------------------------------------------------------
    approximations: tuple[str, ...] = ()     # regex before: "more than", "около"
    between_words: tuple[str, ...] = ()      # "between": then "and" closes a range
    range_words: tuple[str, ...] = ()        # "to", "до" (a dash always joins a range)
    and_words: tuple[str, ...] = ()          # "and", "и": the second end after "between"
    change_prepositions: tuple[str, ...] = ()   # "rose by 23,000 to 1.45 million": two figures
    conversion_words: tuple[str, ...] = ()   # "or", "или": "180 billion tenge, or $390 million"
    approx_after: tuple[str, ...] = ()       # regex after the number: "or so"
    # -- Not figures ------------------------------------------------------------------------
    months: tuple[str, ...] = ()             # regex: a number beside a month is a date
    reference_words: tuple[str, ...] = ()    # regex before: "page", "No.", "ст."
    not_after: tuple[str, ...] = ()          # regex after a bare number: "a.m.", "году", "числа"
    age_before: tuple[str, ...] = ()         # regex before: "aged"
    age_after: tuple[str, ...] = ()          # regex after: "years old", "-летн"
    age_around: tuple[tuple[str, str], ...] = ()        # (before, after): "в" 18 "лет"
    time_units: tuple[str, ...] = ()         # a number of these is a duration
    frame_before: tuple[str, ...] = ()       # regex before: "the past" three years: a time frame
    frame_after: tuple[str, ...] = ()        # "three years ago"
    rate_periods: tuple[str, ...] = ()       # "вырос на 3,2% за девять месяцев": beside a rate,
                                             # a duration after these is its period
    frame_before_approximate: tuple[str, ...] = ()  # regex: "in" little over two years: a frame
    limit_words: tuple[str, ...] = ()        # regex approximations: "up to" eight days after: a
                                             # window that is the fact, not a frame
    anaphora_words: tuple[str, ...] = ()     # "the two men": a word number already counted
    weak_nouns: tuple[str, ...] = ()         # "two sides", "three ways": counts of nothing newsworthy
    division_before: tuple[str, ...] = ()    # regex: "split into" two camps: how a whole divides
    numbered_names: bool = True              # "Radio 4": a capitalised word before a number names
                                             # it; not where a place leads ("на МКС 20 зерен")
    band_labels: bool = False                # "all existing 14-19 qualifications": a hyphenated pair
                                             # before a plain noun names a band (English; "10–12
                                             # самолетов" counts, as does "a 3-1 win")
    event_before: tuple[str, ...] = ()       # "men's 60m": a race name, not a distance run
    event_after: tuple[str, ...] = ()        # "60m hurdles"
    race_units: tuple[str, ...] = ()         # "the 60 metres": a distance unit naming a race
    conditional_after: tuple[str, ...] = ()  # regex after a sentence-opening count: "Two clicks
                                             # and your programme is downloading" (figurative)
    fraction_after: tuple[str, ...] = ()     # regex after a plain number: "two thirds of", "две трети"
    figurative_after: tuple[str, ...] = ()   # regex after "100%": "100% sure", "на 100% уверен"
    per_words: tuple[str, ...] = ()          # "per", "на": "10 cases per 100,000" is a rate's base
    # -- What the number counts -------------------------------------------------------------
    extra_stop_words: tuple[str, ...] = ()   # words that end a counted phrase
    counted_nouns: tuple[str, ...] = ()      # stop words that are nouns after a number: "two tries"
    filler_words: tuple[str, ...] = ()       # stop words that may open one: "four other fixes"
    partitive_words: tuple[str, ...] = ()    # "hundreds of companies", "104.2 percent of plan"
    vague_numbers: tuple[str, ...] = ()      # "hundreds", "thousands": counted after "of"
    count_verbs: tuple[str, ...] = ()        # regex: "автомобилей было 8.": the noun is before
    of_them: tuple[str, ...] = ()            # regex: "24 of them won": the noun is before
    letters: str = ""                        # regex class: a counted word has one ("а-яё")
    prepositions: tuple[str, ...] = ()       # "rose to 5%": kept inside the leading phrase
    planned_words: tuple[str, ...] = ()      # "over the next 10 years": a planned period
    articles: tuple[str, ...] = ()           # "a 30% hike": the noun after says what it measures
    share_noun_after: bool = False           # "48% голосов": a noun right after a percentage is
                                             # its whole (not in English: "rose 5% last year")
    measured_by: tuple[str, ...] = ()        # "a 5% rise in wages": what the change is of
    clause_words: tuple[str, ...] = ()       # "but", "while": a leading phrase starts after them
    verb_endings: str = ""                   # regex: a counted noun phrase ends before a verb
    plural_noun: str = ""                    # regex (case-sensitive): it ends after this word
    singular_noun: str = ""                  # regex (case-sensitive): "the 2 show" names a thing
    generic_nouns: tuple[str, ...] = ()      # "people": "18 tourists" and "18 people" are one fact
    head_noun_last: bool = False             # "two family friends": the last word is what is
                                             # counted (English); else any word may be
    # -- What matters first -----------------------------------------------------------------
    harm_words: tuple[str, ...] = ()         # regex: killed, trapped, погибли: casualties
    impact_words: tuple[str, ...] = ()       # regex: evacuated, arrested: other people affected
    auxiliaries: tuple[str, ...] = ()        # "were", "remain": between the noun and impact word
    change_words: tuple[str, ...] = ()       # regex: inflation, rose, fell: a rate of change
    plan_words: tuple[str, ...] = ()         # regex: "of plan", "плана": a share of a plan
    score_words: tuple[str, ...] = ()        # regex: "beat", "со счетом": "2-1" is a match score
