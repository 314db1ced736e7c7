"""The project's default ranker: shared-vocabulary centrality plus a lead prior.

Centrality is sumy's Reduction score computed exactly but vectorized: for each pair of
sentences, the stems they share (the dot product of their stem counts) divided by
(log len_i + log len_j), summed over the other sentences. It prefers full, informative
sentences over fragments.

News states its point first: on CNN articles with human highlights, Lead-3 beats every
centrality method, sumy's included. So a short summary leans on the lead: a position
prior, 1 / (1 + position among the prose sentences), weighs up to three times the most
central sentence. The longer the summary, the more it is an abridgement where coverage
matters, so the prior fades linearly with the share of the report asked for and is gone
at half of it. Furniture, captions and questions are damped, and near-duplicates skipped.

Sentences are pooled by length, so the exact pairwise sum costs one pass over the report's
(sentence, stem) counts per distinct length, linear in the report's words: 20,000 sentences
take about 1 s. Counts are plain numpy arrays (scipy.sparse alone would cost more start-up
time than a short report takes to rank).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

from .. import tokens
from .furniture import FURNITURE, Assessment, assess

POSITION_WEIGHT = 3.0       # the lead's prior for a short summary, in top centralities
POSITION_DECAY = 1.0        # prior(i) = (1 + i) ** -DECAY
LEAD_FADES_AT = 0.5         # share of the prose sentences at which the prior is gone
FURNITURE_FLOOR = 0.4       # furniture share below this is ordinary prose ("on", "at", "by")
FURNITURE_CEILING = FURNITURE  # at or above this the sentence is furniture and weighs nothing
DUPLICATE = 0.85            # TF-IDF cosine at which a sentence only repeats a chosen one
SHORT_WORDS = 6             # below this a sentence is usually a fragment or a heading
PROSE = 0.5                 # quality from which a sentence counts for the position prior

def rank_default(sentences: Sequence[str], count: int, language: str, title: str) -> list[int]:
    """Indices of the best `count` sentences in document order.

    `title` is accepted for the shared call shape; title overlap lowered ROUGE on the
    benchmark, so it is not scored.
    """
    del title
    sentence_tokens = list(map(tokens.lowered_tokens, sentences))
    counts = _term_counts(tokens.stems_of_sentences(sentence_tokens, language))
    quality = np.array([_quality(s, assess(s, language), len(words))
                        for s, words in zip(sentences, sentence_tokens, strict=True)])
    wanted = min(count, len(sentences))
    return sorted(_select(_scores(quality, counts, wanted), _tfidf(counts), wanted))


@dataclass(frozen=True)
class TermCounts:
    """A sentence x stem count matrix as coordinate arrays, ordered by sentence.

    `starts[i]:starts[i + 1]` are sentence i's entries; each (sentence, stem) pair appears once.
    """

    rows: np.ndarray
    columns: np.ndarray
    values: np.ndarray
    shape: tuple[int, int]

    @property
    def starts(self) -> np.ndarray:
        return np.searchsorted(self.rows, np.arange(self.shape[0] + 1))

    def row_sums(self, values: np.ndarray | None = None) -> np.ndarray:
        weights = self.values if values is None else values
        return np.bincount(self.rows, weights=weights, minlength=self.shape[0])


def _term_counts(stems: Sequence[Collection[str]]) -> TermCounts:
    """Counts of each stem per sentence; C-level passes in Python, the summing in numpy."""
    flat = list(chain.from_iterable(stems))
    distinct = dict.fromkeys(flat)  # numbered in order of first appearance
    vocabulary = dict(zip(distinct, range(len(distinct)), strict=True))
    columns = np.fromiter(map(vocabulary.__getitem__, flat), np.intp, len(flat))
    rows = np.repeat(np.arange(len(stems), dtype=np.intp), [len(s) for s in stems])
    width = max(1, len(vocabulary))
    pairs, values = np.unique(rows * width + columns, return_counts=True)  # sorted by row
    return TermCounts(pairs // width, pairs % width, values.astype(float), (len(stems), width))


def _scores(quality: np.ndarray, counts: TermCounts, wanted: int) -> np.ndarray:
    position = (1.0 + prose_position(quality)) ** -POSITION_DECAY
    content = _unit(shared_vocabulary(counts)) + lead_weight(quality, wanted) * position
    return content * quality


def lead_weight(quality: np.ndarray, wanted: int) -> float:
    """The prior's weight: full for a short summary, none for half the report or more."""
    share = wanted / max(1, int((quality >= PROSE).sum()))
    return POSITION_WEIGHT * max(0.0, 1.0 - share / LEAD_FADES_AT)


def prose_position(quality: np.ndarray) -> np.ndarray:
    """How many prose sentences come before each one.

    Scraped news opens with bylines and timestamps split into fragments; counting them
    would push the real lede down the position prior.
    """
    prose = (quality >= PROSE).astype(int)
    return np.cumsum(prose) - prose


def shared_vocabulary(counts: TermCounts) -> np.ndarray:
    """Per sentence: sum over the others of (stem-count dot product) / (log len_i + log len_j).

    The same numbers as sumy's Reduction, which compares every word of one sentence with
    every word of every other, but in O(words x distinct lengths) instead of O(pairs):
    lengths are small integers, so the others are pooled by length (the summed counts of
    each pool's stems) and each pool shares one denominator. A sentence's overlap with
    itself is then subtracted.
    """
    lengths = counts.row_sums()
    log_length = np.log(np.maximum(lengths, 1.0))
    pools, pool_of = np.unique(lengths, return_inverse=True)
    pool_log = np.log(np.maximum(pools, 1.0))
    entry_pool = pool_of[counts.rows]
    totals = np.zeros(counts.shape[0])
    for pool in range(len(pools)):
        members = entry_pool == pool
        pooled = np.bincount(counts.columns[members], weights=counts.values[members],
                             minlength=counts.shape[1])
        overlap = counts.row_sums(counts.values * pooled[counts.columns])
        norm = log_length + pool_log[pool]
        totals += np.divide(overlap, norm, out=np.zeros_like(overlap), where=norm > 0)
    own = counts.row_sums(counts.values * counts.values)
    own_norm = 2.0 * log_length
    return totals - np.divide(own, own_norm, out=np.zeros_like(own), where=own_norm > 0)


def _tfidf(counts: TermCounts) -> TermCounts:
    """Row-normalized TF-IDF, IDF over this report's sentences (for duplicate checks)."""
    frequency = np.bincount(counts.columns, minlength=counts.shape[1])
    idf = np.log((1 + counts.shape[0]) / (1 + frequency)) + 1.0
    weighted = counts.values * idf[counts.columns]
    norms = np.sqrt(counts.row_sums(weighted * weighted))
    norms[norms == 0] = 1.0
    return TermCounts(counts.rows, counts.columns, weighted / norms[counts.rows], counts.shape)


def _unit(values: np.ndarray) -> np.ndarray:
    top = values.max() if len(values) else 0.0
    return values / top if top > 0 else np.zeros_like(values)


def _quality(sentence: str, assessment: Assessment, words: int) -> float:
    """Zero for furniture and debris (captions, credits, stamps); reduced for fragments and
    questions.

    Bare quotations are not damped: human summaries on the benchmark often keep them.
    """
    furniture, debris = assessment
    if debris:
        return 1e-6
    span = FURNITURE_CEILING - FURNITURE_FLOOR
    weight = min(1.0, max(0.0, 1.0 - (furniture - FURNITURE_FLOOR) / span))
    if words < SHORT_WORDS:
        weight *= (words / SHORT_WORDS) ** 2
    if sentence.rstrip("\"'”’»)] ").endswith("?"):
        weight *= 0.5
    return max(weight, 1e-6)


def _select(scores: np.ndarray, tfidf: TermCounts, wanted: int) -> list[int]:
    """Best scores first; a near-duplicate of a chosen sentence goes behind everything else.

    Duplicates are still taken when nothing else is left: the count is a promise.
    """
    chosen: list[int] = []
    similarity = np.zeros(len(scores))
    available = np.ones(len(scores), dtype=bool)
    demotion = 2.0 * float(scores.max()) + 1.0
    starts = tfidf.starts
    for _ in range(wanted):
        adjusted = np.where(available, scores - (similarity >= DUPLICATE) * demotion, -np.inf)
        best = int(np.argmax(adjusted))
        chosen.append(best)
        available[best] = False
        own = np.zeros(tfidf.shape[1])
        entries = slice(starts[best], starts[best + 1])
        own[tfidf.columns[entries]] = tfidf.values[entries]
        similarity = np.maximum(similarity, tfidf.row_sums(tfidf.values * own[tfidf.columns]))
    return chosen
