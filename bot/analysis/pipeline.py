"""One report in, one Analysis out: split, quotes, rank, figures.

Pure and CPU-bound: the CLI calls it directly (or in worker processes), the bot calls it
off the event loop. It never touches files, the database or Telegram.

A summary bullet must stand on its own in a digest forwarded to people who never see the
report, so some sentences are never chosen: debris (captions, credit lines, issue stamps,
document metadata), a quotation the digest already lists with its speaker, and a quotation
attributed only to "he" or "она" (the bullet would not say who). Datelines are cut from
the bullets, the sentence kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .clean import strip_dateline
from .figures import extract_figures
from .lang import get_pack
from .model import Analysis, Quote, Report, ReportError, SummaryOptions
from .quotes import extract_quotes
from .ranking import ALGORITHMS, rank, resolve_algorithm
from .ranking.furniture import is_debris
from .sentences import split_sentences

# Past this many characters a report is summarized from its beginning only: a 20 MB dump still
# gets a summary within seconds, and news puts what matters first.
MAX_ANALYZED_CHARS = 400_000
# A sentence is a bare repeat of a listed quote when the quote makes up this share of its
# letters: room for "he said", none for an attribution that adds who and where (human news
# summaries keep those, and so does ROUGE on the BBC sample).
QUOTE_SHARE = 0.9
_LETTERS = re.compile(r"[\W\d_]+")
# In ASCII text the letters are A-Z and a-z and casefold is lower(): a byte table drops the
# rest about 15 times faster than the regex (English quotes are checked in every sentence).
_ASCII_NON_LETTERS = bytes(code for code in range(128) if not chr(code).isalpha())
_QUOTE_MARKS = re.compile(r"[\"“”«»„‘’']")  # single marks: tabloid speech ('We won,' he said)


def analyze(report: Report, options: SummaryOptions | None = None) -> Analysis:
    """Summary sentences (document order), ranked key figures and quotes of one report."""
    options = options or SummaryOptions()
    try:
        algorithm = resolve_algorithm(options.algorithm)
    except ValueError:
        raise ReportError(report.source, f"unknown algorithm {options.algorithm!r} "
                                         f"(use one of {', '.join(ALGORITHMS)})") from None
    text = bounded_text(report.text)
    sentences = split_sentences(text, report.language)
    if not any(any(ch.isalpha() for ch in s) for s in sentences):
        raise ReportError(report.source, "no sentences to summarize")
    quotes = extract_quotes(text, report.language, limit=options.quotes) if options.quotes > 0 else []
    chosen = rank(sentences, options.sentence_count(len(sentences)),
                  language=report.language, algorithm=algorithm, title=report.title,
                  exclude=unfit_for_summary(sentences, quotes, report.language))
    figures = extract_figures(sentences, report.language, limit=options.figures, emphasis=chosen)
    return Analysis(
        report=report,
        summary=tuple(strip_dateline(sentences[i]) for i in chosen),
        figures=tuple(figures),
        quotes=tuple(quotes),
    )


def unfit_for_summary(sentences: Sequence[str], quotes: Sequence[Quote],
                      language: str) -> frozenset[int]:
    """Indices of sentences no summary should carry (see the module docstring)."""
    unnamed = _pronoun_attribution(language)
    listed = [_letters(q.text) for q in quotes if q.speaker]
    return frozenset(
        index for index, sentence in enumerate(sentences)
        if is_debris(sentence, language) or unnamed.search(sentence)
        or (listed and _has_quote_mark(sentence) and _repeats_quote(_letters(sentence), listed))
    )


def _has_quote_mark(sentence: str) -> bool:
    # An ASCII sentence can hold only the straight marks: character scans, not the regex's
    # character-class test at every position.
    if sentence.isascii():
        return '"' in sentence or "'" in sentence
    return _QUOTE_MARKS.search(sentence) is not None


def _repeats_quote(sentence: str, listed: Sequence[str]) -> bool:
    return any(quote and quote in sentence and len(quote) >= QUOTE_SHARE * len(sentence)
               for quote in listed)


def _letters(text: str) -> str:
    if text.isascii():
        return text.encode().translate(None, _ASCII_NON_LETTERS).decode().lower()
    return _LETTERS.sub("", text).casefold()


@cache
def _pronoun_attribution(language: str) -> re.Pattern[str]:
    return re.compile(get_pack(language).text.pronoun_attribution, re.IGNORECASE)


def bounded_text(text: str) -> str:
    """The part of a report that is analysed: past MAX_ANALYZED_CHARS, its beginning, cut at a line."""
    if len(text) <= MAX_ANALYZED_CHARS:
        return text
    cut = text.rfind("\n", 0, MAX_ANALYZED_CHARS)
    return text[: cut if cut > MAX_ANALYZED_CHARS // 2 else MAX_ANALYZED_CHARS]
