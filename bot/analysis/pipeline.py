"""One report in, one Analysis out: split, rank, figures, quotes.

Pure and CPU-bound: the CLI calls it directly (or in worker processes), the bot calls it
off the event loop. It never touches files, the database or Telegram.
"""

from __future__ import annotations

from .figures import extract_figures
from .model import Analysis, Report, ReportError, SummaryOptions
from .quotes import extract_quotes
from .ranking import ALGORITHMS, rank
from .sentences import split_sentences

# Past this many characters a report is summarized from its beginning only: a 20 MB dump still
# gets a summary within seconds, and news puts what matters first.
MAX_ANALYZED_CHARS = 400_000


def analyze(report: Report, options: SummaryOptions | None = None) -> Analysis:
    """Summary sentences (document order), ranked key figures and quotes of one report."""
    options = options or SummaryOptions()
    if options.algorithm not in ALGORITHMS:
        raise ReportError(report.source, f"unknown algorithm {options.algorithm!r} "
                                         f"(use one of {', '.join(ALGORITHMS)})")
    text = _bounded(report.text)
    sentences = split_sentences(text, report.language)
    if not any(any(ch.isalpha() for ch in s) for s in sentences):
        raise ReportError(report.source, "no sentences to summarize")
    chosen = rank(sentences, options.sentence_count(len(sentences)),
                  language=report.language, algorithm=options.algorithm, title=report.title)
    figures = extract_figures(sentences, report.language, limit=options.figures, emphasis=chosen)
    quotes = extract_quotes(text, report.language, limit=options.quotes) if options.quotes > 0 else []
    return Analysis(
        report=report,
        summary=tuple(sentences[i] for i in chosen),
        figures=tuple(figures),
        quotes=tuple(quotes),
    )


def _bounded(text: str) -> str:
    if len(text) <= MAX_ANALYZED_CHARS:
        return text
    cut = text.rfind("\n", 0, MAX_ANALYZED_CHARS)
    return text[: cut if cut > MAX_ANALYZED_CHARS // 2 else MAX_ANALYZED_CHARS]
