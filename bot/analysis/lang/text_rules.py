"""Rules for cleaning, sentence splitting, detection, stems and stop words (owned by the text stage).

Everything here is data: words and regular-expression fragments that one language's news is
written with. clean.py, sentences.py, language.py, tokens.py and ranking/ compile them once
per language; no module there branches on a language code.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class TextRules:
    """Language data for clean.py, sentences.py, language.py, tokens.py and ranking/."""

    # Stems and stop words. `snowball` names a snowballstemmer algorithm; a language Snowball
    # lacks sets it to None and lists `suffixes` for the light stemmer in tokens.py, which strips
    # the longest matching suffix while at least `min_stem` letters remain.
    snowball: str | None = "english"
    suffixes: tuple[str, ...] = ()
    min_stem: int = 3
    stop_words: frozenset[str] = frozenset()

    # Sentences: words that end with a dot without ending the sentence (lower case, no final dot);
    # `number_abbreviations` only before a digit ("No. 5"); `year_marks` end the sentence after
    # a number ("в 2024 г. Президент") and abbreviate otherwise ("в г. Душанбе").
    abbreviations: frozenset[str] = frozenset()
    number_abbreviations: frozenset[str] = frozenset()
    year_marks: frozenset[str] = frozenset()

    # Detection. `script` is "latin" or "cyrillic"; `letters` are letters no other language of
    # that script in the registry uses; `marker_words` are frequent words only this language has.
    script: str = "latin"
    letters: str = ""
    marker_words: frozenset[str] = frozenset()

    # Cleaning: regex fragments, matched case-insensitively (spaces written as \s).
    furniture_prompts: tuple[str, ...] = ()   # open a furniture line: "click\s+here"
    furniture_lines: tuple[str, ...] = ()     # a whole furniture line: "comments?\s*\(\d+\)"
    furniture_prefixes: tuple[str, ...] = ()  # furniture glued before the text: "by\s*\.\s*..."
    byline_openers: tuple[str, ...] = ()      # "By", "От": a byline's first word, as written
    conjunctions: tuple[str, ...] = ()        # "and", "и": joins names in a byline
    dangling_words: tuple[str, ...] = ()      # never end a sentence: "the", "to" (wrap dots)

    # Ranking: what marks a sentence as furniture, a caption, a credit line or an issue stamp;
    # matched against lower-cased text, so written in lower case ("^" anchors at the start).
    furniture_phrases: tuple[str, ...] = ()   # anywhere in a sentence: "click\s+here"
    meta_words: frozenset[str] = frozenset()  # dateline and byline words: months, time zones
    captions: tuple[str, ...] = ()            # "\(pictured\)", "^photo\b"
    credits: tuple[str, ...] = ()             # opening a credit line: "prepared\s+by"
    stamps: tuple[str, ...] = ()              # numbering, issue times, report credits anywhere
    stigma_words: tuple[str, ...] = ()        # Edmundson's cue words for commentary, furniture
    pronoun_attribution: str = r"(?!)"        # a sentence ending "he said." (speaker unnamed)


def word_list(name: str) -> frozenset[str]:
    """One word per line from bot/analysis/data/<name>; '#' lines are comments."""
    raw = resources.files("bot.analysis").joinpath(f"data/{name}").read_text("utf-8")
    return frozenset(
        line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#")
    )
