"""The project's default ranker: position, centrality and title overlap, then MMR.

News puts its point first, so a position prior carries most of the weight; centrality
(cosine to the document's TF-IDF centroid) and title overlap pick the lead sentences that
are on topic, and a length prior plus a furniture penalty keep fragments and page
furniture out. Everything is a sparse-matrix product, so cost grows linearly with the
report instead of quadratically like LexRank/TextRank.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from .. import tokens
from .furniture import furniture_score

POSITION_DECAY = 0.25      # prior(i) = 1 / (1 + DECAY * i)
CENTRALITY_WEIGHT = 1.0
TITLE_WEIGHT = 0.5
REDUNDANCY_PENALTY = 0.6   # MMR: share of the max similarity to already chosen sentences
IDEAL_WORDS = (8, 40)      # sentences outside this range lose weight


def rank_default(sentences: Sequence[str], count: int, language: str, title: str) -> list[int]:
    """Indices of the best `count` sentences in document order."""
    n = len(sentences)
    wanted = min(count, n)
    stems = [tokens.content_stems(s, language) for s in sentences]
    matrix, vocabulary = _tfidf(stems)
    scores = _scores(sentences, stems, matrix, vocabulary, title, language)
    return sorted(_select(scores, matrix, wanted))


def _tfidf(stems: Sequence[list[str]]) -> tuple[sparse.csr_matrix, dict[str, int]]:
    """Row-normalized TF-IDF of the sentences' stems (IDF over sentences of this report)."""
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for row, sentence in enumerate(stems):
        for stem in sentence:
            rows.append(row)
            cols.append(vocabulary.setdefault(stem, len(vocabulary)))
    n = len(stems)
    data = np.ones(len(rows))
    counts = sparse.csr_matrix((data, (rows, cols)), shape=(n, max(1, len(vocabulary))))
    counts.sum_duplicates()
    document_frequency = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = np.log((1 + n) / (1 + document_frequency)) + 1.0
    weighted = counts.multiply(idf).tocsr()
    return _normalize(weighted), vocabulary


def _normalize(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


def _scores(
    sentences: Sequence[str],
    stems: Sequence[list[str]],
    matrix: sparse.csr_matrix,
    vocabulary: dict[str, int],
    title: str,
    language: str,
) -> np.ndarray:
    n = len(sentences)
    centroid = np.asarray(matrix.sum(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    centrality = matrix @ (centroid / norm) if norm else np.zeros(n)
    title_overlap = _title_overlap(matrix, vocabulary, title, language)
    position = 1.0 / (1.0 + POSITION_DECAY * np.arange(n))
    content = 0.5 + CENTRALITY_WEIGHT * centrality + TITLE_WEIGHT * title_overlap
    length = np.array([_length_prior(len(s)) for s in stems])
    quality = np.array([_quality(s) for s in sentences])
    return position * content * length * quality


def _title_overlap(
    matrix: sparse.csr_matrix, vocabulary: dict[str, int], title: str, language: str
) -> np.ndarray:
    stems = tokens.content_stems(title, language)
    columns = sorted({vocabulary[s] for s in stems if s in vocabulary})
    if not columns:
        return np.zeros(matrix.shape[0])
    probe = np.zeros(matrix.shape[1])
    probe[columns] = 1.0 / np.sqrt(len(columns))
    return matrix @ probe


def _length_prior(words: int) -> float:
    low, high = IDEAL_WORDS
    if words < low:
        return (words / low) ** 2
    if words > high:
        return high / words
    return 1.0


def _quality(sentence: str) -> float:
    """Furniture and questions make poor summary sentences."""
    weight = 1.0 - furniture_score(sentence)
    if sentence.rstrip("\"'”’» ").endswith("?"):
        weight *= 0.5
    return max(weight, 1e-6)


def _select(scores: np.ndarray, matrix: sparse.csr_matrix, wanted: int) -> list[int]:
    """Greedy MMR: the best score, discounted by similarity to what is already chosen."""
    chosen: list[int] = []
    penalty = np.zeros(len(scores))
    available = np.ones(len(scores), dtype=bool)
    top = scores.max() if len(scores) else 1.0
    for _ in range(wanted):
        adjusted = np.where(available, scores - REDUNDANCY_PENALTY * top * penalty, -np.inf)
        best = int(np.argmax(adjusted))
        chosen.append(best)
        available[best] = False
        similarity = (matrix @ matrix[best].T).toarray().ravel()
        penalty = np.maximum(penalty, similarity)
    return chosen
