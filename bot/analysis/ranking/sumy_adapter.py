"""sumy's summarizers run on sentences we already split, fully offline.

Imported only when a sumy algorithm is chosen (sumy imports NLTK, most of a second).
sumy's own parsers call NLTK's punkt (not installed), so the document model is built
directly from our sentences with the regex tokenizer; each summarizer gets our stemmer
and stop words (sumy ships no Russian stop words; ours live in bot/analysis/data).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from .. import tokens
from ..lang import get_pack

_SUMMARIZERS: dict[str, type] = {
    "lexrank": LexRankSummarizer,
    "textrank": TextRankSummarizer,
    "lsa": LsaSummarizer,
    "luhn": LuhnSummarizer,
    "edmundson": EdmundsonSummarizer,
    "kl": KLSummarizer,
    "sumbasic": SumBasicSummarizer,
    "reduction": ReductionSummarizer,
}
_BONUS_FALLBACK = 10  # most frequent content words stand in for a missing title


def sumy_ranker(name: str) -> Callable[[Sequence[str], int, str, str], list[int]]:
    """A ranker with the project's call signature backed by one sumy summarizer."""

    def ranker(sentences: Sequence[str], count: int, language: str, title: str) -> list[int]:
        document = build_document(sentences, language, title)
        summarizer = _configured(name, language, title, sentences)
        chosen = summarizer(document, count)
        return map_back(sentences, [str(s) for s in chosen], count)

    ranker.__name__ = f"sumy_{name}"
    return ranker


def build_document(sentences: Sequence[str], language: str, title: str) -> ObjectDocumentModel:
    """One paragraph of our sentences; the title, if any, as its heading (Edmundson reads it)."""
    tokenizer = tokens.OfflineTokenizer(language)
    body = [Sentence(text, tokenizer) for text in sentences]
    heading = [Sentence(title, tokenizer, is_heading=True)] if title.strip() else []
    return ObjectDocumentModel([Paragraph(heading + body)])


def _configured(name: str, language: str, title: str, sentences: Sequence[str]):
    summarizer = _SUMMARIZERS[name](tokens.stemmer(language))
    stops = tokens.stop_words(language)
    if name == "edmundson":
        summarizer.null_words = stops
        summarizer.stigma_words = get_pack(language).text.stigma_words
        summarizer.bonus_words = _bonus_words(title, sentences, language)
    elif name == "kl":
        summarizer.stop_words = stops  # KL compares lower-cased words to the set as is
    else:
        summarizer.stop_words = stops
    return summarizer


def _bonus_words(title: str, sentences: Sequence[str], language: str) -> list[str]:
    """Title content words; without a title, the document's most frequent content words."""
    stops = tokens.stop_words(language)
    from_title = [w for w in (w.lower() for w in tokens.words(title)) if w not in stops]
    if from_title:
        return from_title
    counts = Counter(
        w for s in sentences for w in (w.lower() for w in tokens.words(s))
        if w not in stops and len(w) > 1
    )
    frequent = [w for w, _ in counts.most_common(_BONUS_FALLBACK)]
    return frequent or ["summary"]


def map_back(sentences: Sequence[str], chosen: Sequence[str], count: int) -> list[int]:
    """Indices for sumy's chosen texts; duplicates take the next unused copy, gaps are filled.

    sumy's Sentence compares by text, so repeated sentences may collapse; filling from the
    start keeps the contract len == min(count, len(sentences)).
    """
    positions: dict[str, list[int]] = {}
    for index, text in enumerate(sentences):
        positions.setdefault(text.strip(), []).append(index)
    picked: set[int] = set()
    for text in chosen:
        free = positions.get(text.strip(), [])
        if free:
            picked.add(free.pop(0))
    wanted = min(count, len(sentences))
    for index in range(len(sentences)):
        if len(picked) >= wanted:
            break
        picked.add(index)
    return sorted(picked)[:wanted]
