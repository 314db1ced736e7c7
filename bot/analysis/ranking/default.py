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

Sentences are pooled by length, so the exact pairwise sum costs one sparse product,
linear in the report's words (times the few distinct lengths): 20,000 sentences take about 1 s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from .. import tokens
from .furniture import furniture_score

POSITION_WEIGHT = 3.0       # the lead's prior for a short summary, in top centralities
POSITION_DECAY = 1.0        # prior(i) = (1 + i) ** -DECAY
LEAD_FADES_AT = 0.5         # share of the prose sentences at which the prior is gone
FURNITURE_FLOOR = 0.4       # furniture share below this is ordinary prose ("on", "at", "by")
FURNITURE_CEILING = 0.8     # at or above this the sentence is furniture and weighs nothing
DUPLICATE = 0.85            # TF-IDF cosine at which a sentence only repeats a chosen one
SHORT_WORDS = 6             # below this a sentence is usually a fragment or a heading
PROSE = 0.5                 # quality from which a sentence counts for the position prior

_CAPTION = re.compile(
    r"\((?:pictured|pictured\s+\w+|left|right|centre|center|above|below|file\s+photo)\)"
    r"|^(?:pictured|photo|image|video|watch|see\s+more|related|editor'?s\s+note)\b"
    r"|^(?:фото|видео|смотрите)\b",
    re.IGNORECASE,
)


def rank_default(sentences: Sequence[str], count: int, language: str, title: str) -> list[int]:
    """Indices of the best `count` sentences in document order.

    `title` is accepted for the shared call shape; title overlap lowered ROUGE on the
    benchmark, so it is not scored.
    """
    del title
    counts = _term_counts([tokens.content_stems(s, language) for s in sentences])
    wanted = min(count, len(sentences))
    scores = _scores(sentences, counts, wanted)
    return sorted(_select(scores, _tfidf(counts), wanted))


def _term_counts(stems: Sequence[list[str]]) -> sparse.csr_matrix:
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    columns: list[int] = []
    for row, sentence in enumerate(stems):
        for stem in sentence:
            rows.append(row)
            columns.append(vocabulary.setdefault(stem, len(vocabulary)))
    shape = (len(stems), max(1, len(vocabulary)))
    counts = sparse.csr_matrix((np.ones(len(rows)), (rows, columns)), shape=shape)
    counts.sum_duplicates()
    return counts


def _scores(sentences: Sequence[str], counts: sparse.csr_matrix, wanted: int) -> np.ndarray:
    quality = np.array([_quality(s) for s in sentences])
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


def shared_vocabulary(counts: sparse.csr_matrix) -> np.ndarray:
    """Per sentence: sum over the others of (stem-count dot product) / (log len_i + log len_j).

    The same numbers as sumy's Reduction, which compares every word of one sentence with
    every word of every other, but in O(words x distinct lengths) instead of O(pairs):
    lengths are small integers, so the others are pooled by length (the column sums of
    their counts) and each pool shares one denominator. A sentence's overlap with itself
    is then subtracted.
    """
    lengths = np.asarray(counts.sum(axis=1)).ravel()
    log_length = np.log(np.maximum(lengths, 1.0))
    pools, pool_of = np.unique(lengths, return_inverse=True)
    membership = sparse.csr_matrix(
        (np.ones(len(lengths)), (np.arange(len(lengths)), pool_of)),
        shape=(len(lengths), len(pools)),
    )
    pooled = (counts @ sparse.csr_matrix(counts.T @ membership)).toarray()
    norm = log_length[:, None] + np.log(np.maximum(pools, 1.0))[None, :]
    totals = np.divide(pooled, norm, out=np.zeros_like(pooled), where=norm > 0).sum(axis=1)
    own = np.asarray(counts.multiply(counts).sum(axis=1)).ravel()
    own_norm = 2.0 * log_length
    return totals - np.divide(own, own_norm, out=np.zeros_like(own), where=own_norm > 0)


def _tfidf(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """Row-normalized TF-IDF, IDF over this report's sentences (for duplicate checks)."""
    frequency = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = np.log((1 + counts.shape[0]) / (1 + frequency)) + 1.0
    weighted = sparse.csr_matrix(counts.multiply(idf))
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ weighted)


def _unit(values: np.ndarray) -> np.ndarray:
    top = values.max() if len(values) else 0.0
    return values / top if top > 0 else np.zeros_like(values)


def _quality(sentence: str) -> float:
    """Zero for furniture; reduced for fragments, captions and questions.

    Bare quotations are not damped: human summaries on the benchmark often keep them.
    """
    furniture = furniture_score(sentence)
    span = FURNITURE_CEILING - FURNITURE_FLOOR
    weight = min(1.0, max(0.0, 1.0 - (furniture - FURNITURE_FLOOR) / span))
    words = len(sentence.split())
    if words < SHORT_WORDS:
        weight *= (words / SHORT_WORDS) ** 2
    if _CAPTION.search(sentence):
        weight *= 0.3
    if sentence.rstrip("\"'”’»)] ").endswith("?"):
        weight *= 0.5
    return max(weight, 1e-6)


def _select(scores: np.ndarray, tfidf: sparse.csr_matrix, wanted: int) -> list[int]:
    """Best scores first; a near-duplicate of a chosen sentence goes behind everything else.

    Duplicates are still taken when nothing else is left: the count is a promise.
    """
    chosen: list[int] = []
    similarity = np.zeros(len(scores))
    available = np.ones(len(scores), dtype=bool)
    demotion = 2.0 * float(scores.max()) + 1.0
    for _ in range(wanted):
        adjusted = np.where(available, scores - (similarity >= DUPLICATE) * demotion, -np.inf)
        best = int(np.argmax(adjusted))
        chosen.append(best)
        available[best] = False
        similarity = np.maximum(similarity, (tfidf @ tfidf[best].T).toarray().ravel())
    return chosen
