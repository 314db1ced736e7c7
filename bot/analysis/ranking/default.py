"""The project's default ranker: lead position plus content centrality, then MMR.

News states its point first, so a position prior favours the opening sentences; a
centrality score (how much of the report's vocabulary a sentence shares, as in sumy's
Reduction, plus cosine to the TF-IDF centroid) picks the informative ones among them and
lets a central sentence from later in the report in. A length prior, a furniture and
fragment penalty and MMR redundancy removal keep bylines, captions, questions and repeats out.

Every score is one sparse-matrix product over the sentences, so the cost grows with the
number of words instead of with the square of the sentence count (LexRank, TextRank).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from .. import tokens
from .furniture import furniture_score

POSITION_DECAY = 0.5        # prior(i) = (1 + i) ** -DECAY: gentle, so centrality still counts
POSITION_WEIGHT = 1.0
OVERLAP_WEIGHT = 1.0        # shared vocabulary with the rest of the report (Reduction-like)
CENTROID_WEIGHT = 0.5       # cosine to the report's TF-IDF centroid
TITLE_WEIGHT = 0.2          # share of the title's stems the sentence contains
REDUNDANCY = 0.3            # MMR: share of the best score lost per unit cosine to a chosen one
DUPLICATE = 0.85            # cosine at which a sentence only repeats a chosen one (captions)
SHORT_WORDS = 8             # below this a sentence is usually a fragment
LONG_WORDS = 55             # above this, usually a run-on or a list glued into one sentence

_CAPTION = re.compile(
    r"\((?:pictured|pictured\s+\w+|left|right|centre|center|above|below|file\s+photo)\)"
    r"|^(?:pictured|photo|image|video|watch|see\s+more|related|editor'?s\s+note)\b"
    r"|^(?:фото|видео|смотрите)\b",
    re.IGNORECASE,
)
_OPEN_QUOTE = "\"“«„'‘"


def rank_default(sentences: Sequence[str], count: int, language: str, title: str) -> list[int]:
    """Indices of the best `count` sentences in document order."""
    stems = [tokens.content_stems(s, language) for s in sentences]
    counts, vocabulary = _term_counts(stems)
    tfidf = _tfidf(counts)
    scores = _scores(sentences, stems, counts, tfidf, _title_columns(title, vocabulary, language))
    return sorted(_select(scores, tfidf, min(count, len(sentences))))


def _term_counts(stems: Sequence[list[str]]) -> tuple[sparse.csr_matrix, dict[str, int]]:
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
    return counts, vocabulary


def _tfidf(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """Row-normalized TF-IDF, IDF over this report's sentences."""
    frequency = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = np.log((1 + counts.shape[0]) / (1 + frequency)) + 1.0
    weighted = sparse.csr_matrix(counts.multiply(idf))
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ weighted)


def _scores(
    sentences: Sequence[str],
    stems: Sequence[list[str]],
    counts: sparse.csr_matrix,
    tfidf: sparse.csr_matrix,
    title_columns: list[int],
) -> np.ndarray:
    n = len(sentences)
    position = (1.0 + np.arange(n)) ** -POSITION_DECAY
    content = (
        POSITION_WEIGHT * position
        + OVERLAP_WEIGHT * _unit(_overlap(counts, stems))
        + CENTROID_WEIGHT * _unit(tfidf @ np.asarray(tfidf.sum(axis=0)).ravel())
        + TITLE_WEIGHT * _title_share(counts, title_columns)
    )
    priors = np.array([_length_prior(len(s.split())) * _quality(s) for s in sentences])
    return content * priors


def _overlap(counts: sparse.csr_matrix, stems: Sequence[list[str]]) -> np.ndarray:
    """Sum over other sentences of shared stems / (log len_i + mean log len), in O(words).

    sumy's Reduction sums the same pairwise overlaps over all pairs; the pair's length
    term is replaced by the mean so the sum collapses to one matrix-vector product.
    """
    totals = np.asarray(counts.sum(axis=0)).ravel()
    own = np.asarray(counts.multiply(counts).sum(axis=1)).ravel()
    shared = counts @ totals - own
    log_length = np.log(np.maximum([len(s) for s in stems], 2))
    return shared / (log_length + log_length.mean())


def _title_columns(title: str, vocabulary: dict[str, int], language: str) -> list[int]:
    return sorted({vocabulary[s] for s in tokens.content_stems(title, language) if s in vocabulary})


def _title_share(counts: sparse.csr_matrix, columns: list[int]) -> np.ndarray:
    if not columns:
        return np.zeros(counts.shape[0])
    return np.asarray((counts[:, columns] > 0).sum(axis=1)).ravel() / len(columns)


def _unit(values: np.ndarray) -> np.ndarray:
    top = values.max() if len(values) else 0.0
    return values / top if top > 0 else np.zeros_like(values)


def _length_prior(words: int) -> float:
    if words < SHORT_WORDS:
        return (words / SHORT_WORDS) ** 2
    if words > LONG_WORDS:
        return LONG_WORDS / words
    return 1.0


def _quality(sentence: str) -> float:
    """Near zero for furniture; reduced for captions, questions and bare quotations."""
    weight = 1.0 - furniture_score(sentence)
    if _CAPTION.search(sentence):
        weight *= 0.3
    stripped = sentence.rstrip("\"'”’»)] ")
    if stripped.endswith("?"):
        weight *= 0.5
    if sentence[:1] in _OPEN_QUOTE and sentence.rstrip()[-1:] in "\"”»'’":
        weight *= 0.6  # a quotation with no attribution in the sentence
    return max(weight, 1e-6)


def _select(scores: np.ndarray, tfidf: sparse.csr_matrix, wanted: int) -> list[int]:
    """Greedy MMR: the best score, less a share of the top score per unit of similarity.

    Near-duplicates of a chosen sentence go behind everything else, so they are only
    taken when nothing else is left (the count is a promise).
    """
    chosen: list[int] = []
    similarity = np.zeros(len(scores))
    available = np.ones(len(scores), dtype=bool)
    top = float(scores.max())
    penalty = REDUNDANCY * top
    for _ in range(wanted):
        adjusted = scores - penalty * similarity - (similarity >= DUPLICATE) * (2 * top + 1)
        adjusted = np.where(available, adjusted, -np.inf)
        best = int(np.argmax(adjusted))
        chosen.append(best)
        available[best] = False
        row = tfidf[best]
        similarity = np.maximum(similarity, (tfidf @ row.T).toarray().ravel())
    return chosen
