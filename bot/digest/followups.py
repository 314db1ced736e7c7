"""Follow-ups: a new report that continues a story this chat already received.

A report continues a story when it matches, by the same test that merges rewrites of one story
(bot.digest.merge: TF-IDF cosine >= threshold and shared numbers), a report DELIVERED to the
same chat in the last few days. Its digest item then names the earlier title ("Update to: ...")
and its bullets are chosen for what the chat has not read yet: the report's sentences are walked
in ranked order and a sentence is taken only when most of its weight is new against the bullets
the chat already saw (content stems weigh one, numbers two). A new number is the typical new
fact ("the toll rose to 14" in a lead that retells the story), so a sentence stating a number
the chat has not seen needs only a fifth of its weight new. A sentence that repeats a seen
bullet is never taken.

"Ranked order" is one order for a report, shared with the "More" button: the summary's own
sentences first (exactly what `analyze` picks), then the ranker asked for MORE_STEP more each
time. Each step only appends, so an offset into the order means the same sentences whenever it
is computed again, and a button needs to carry nothing but the report id and that offset.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice

import numpy as np
from scipy import sparse

from ..analysis.model import Analysis, Report, SummaryOptions
from ..analysis.pipeline import bounded_text
from ..analysis.ranking import rank
from ..analysis.sentences import split_sentences
from ..analysis.tokens import content_stems
from .merge import numbers, numbers_agree, stem_counts, weigh
from .model import Digest, DigestItem

MORE_STEP = 3          # sentences per "More" press, and per step of the ranked order
NOVEL = 0.5            # share of a sentence's weight that must be new for it to be a new fact
NOVEL_WITH_NUMBER = 0.2  # the same for a sentence that states a number the chat has not seen
NUMBER_WEIGHT = 2.0    # a number weighs two content words
MAX_WALK = 30          # sentences looked at for new facts (each 3 more: one more ranking)
MAX_MORE = 30          # "More" goes this far into the ranked order; "Full text" has the rest


@dataclass(frozen=True)
class Delivered:
    """A report a chat received recently, as the chat saw it."""

    report: Report
    title: str                  # the item title shown (a merged report's is its item's)
    summary: tuple[str, ...]    # the bullets shown with it (none for a merged report)


@dataclass(frozen=True)
class Selection:
    """Bullets for an item (document order) and where "More" goes on in the ranked order."""

    summary: tuple[str, ...]
    next_offset: int


def report_sentences(report: Report) -> list[str]:
    """The sentences `analyze` ranks, split the same way from the same (bounded) text."""
    return split_sentences(bounded_text(report.text), report.language)


def ranked_order(report: Report, sentences: Sequence[str], options: SummaryOptions,
                 ) -> Iterator[int]:
    """Sentence indices, best first in steps: the summary, then MORE_STEP more at a time.

    Within a step the indices come in document order; a step never takes back an earlier one.
    """
    taken: set[int] = set()
    size = options.sentence_count(len(sentences))
    while len(taken) < len(sentences):
        batch = [i for i in rank(sentences, min(size, len(sentences)), language=report.language,
                                 algorithm=options.algorithm, title=report.title)
                 if i not in taken]
        if not batch:
            return
        taken.update(batch)
        yield from batch
        size = len(taken) + MORE_STEP


@dataclass(frozen=True)
class More:
    """What one "More" press shows: sentences in document order, where the next press starts."""

    sentences: tuple[str, ...]
    next_offset: int
    remaining: int  # sentences still after next_offset


def more_sentences(report: Report, options: SummaryOptions, offset: int,
                   step: int = MORE_STEP) -> More:
    """The next `step` sentences after `offset` in ranked order; none past the report's end or
    MAX_MORE (each step of the order is one ranking: a press deep into a 20,000-sentence
    report would rank it a dozen times)."""
    sentences = report_sentences(report)
    last = min(len(sentences), MAX_MORE)
    chosen = list(islice(ranked_order(report, sentences, options), offset,
                         max(offset, min(offset + step, last))))
    end = offset + len(chosen)
    return More(tuple(sentences[i] for i in sorted(chosen)), end, max(0, last - end))


def _key(sentence: str) -> str:
    return " ".join(sentence.split()).casefold()


def _weights(sentence: str, language: str) -> dict[str, float]:
    """What a sentence says, as weighted tokens: content stems, and numbers weighing more."""
    tokens = dict.fromkeys(content_stems(sentence, language), 1.0)
    tokens.update(dict.fromkeys((f"#{n}" for n in numbers(sentence)), NUMBER_WEIGHT))
    return tokens


def novelty(sentence: str, seen: set[str], language: str) -> float:
    """Share of the sentence's weight (stems and numbers) that is not in `seen` tokens."""
    weights = _weights(sentence, language)
    total = sum(weights.values())
    return sum(w for t, w in weights.items() if t not in seen) / total if total else 0.0


def is_new_fact(sentence: str, seen: set[str], language: str) -> bool:
    """Mostly new, or partly new with a number the chat has not seen."""
    share = novelty(sentence, seen, language)
    if share >= NOVEL:
        return True
    new_number = any(f"#{n}" not in seen for n in numbers(sentence))
    return new_number and share >= NOVEL_WITH_NUMBER


def novel_summary(sentences: Sequence[str], order: Iterable[int], seen: Sequence[str],
                  count: int, language: str) -> Selection:
    """The first `count` sentences in ranked order that carry new facts against `seen`.

    Sentences mostly covered by what was seen are passed over; when nothing is new, the best
    sentence that is not a repeat stands alone, so an item always says something. A repeat
    of a seen sentence is never taken.
    """
    seen_keys = {_key(s) for s in seen}
    seen_tokens = {t for s in seen for t in _weights(s, language)}
    chosen: list[int] = []
    fallback: tuple[int, int] | None = None
    walked = last = 0
    for walked, index in enumerate(islice(order, MAX_WALK), start=1):
        sentence = sentences[index]
        if _key(sentence) in seen_keys:
            continue
        if is_new_fact(sentence, seen_tokens, language):
            chosen.append(index)
            last = walked
            if len(chosen) == count:
                break
        elif fallback is None:
            fallback = (index, walked)
    if not chosen and fallback is not None:
        chosen, last = [fallback[0]], fallback[1]
    return Selection(tuple(sentences[i] for i in sorted(chosen)), last if chosen else walked)


@lru_cache(maxsize=1024)
def _stems_and_numbers(report: Report) -> tuple[Counter[str], frozenset[str]]:
    """Per report, once: every digest of every chat compares it with the same delivered ones."""
    return stem_counts(report.text, report.language), numbers(report.text)


def story_matches(analyses: Sequence[Analysis], delivered: Sequence[Delivered],
                  threshold: float) -> list[list[Delivered]]:
    """For each analysis, the delivered reports telling the same story (merge's test), in the
    order given (the caller passes newest first)."""
    if not analyses or not delivered:
        return [[] for _ in analyses]
    reports = [a.report for a in analyses] + [d.report for d in delivered]
    counted = [_stems_and_numbers(r) for r in reports]
    nums = [found for _, found in counted]
    similarity = _cosines(weigh([counts for counts, _ in counted]), len(analyses))
    offset = len(analyses)
    return [[d for j, d in enumerate(delivered)
             if d.report.language == analysis.report.language
             and similarity[i, j] >= threshold and numbers_agree(nums[i], nums[offset + j])]
            for i, analysis in enumerate(analyses)]


def _cosines(vecs: Sequence[dict[str, float]], split: int) -> np.ndarray:
    """merge.cosine of every vector before `split` with every one after it, as one sparse
    product (a digest against a few hundred delivered reports: milliseconds, not seconds)."""
    vocabulary: dict[str, int] = {}
    rows, columns, values = [], [], []
    for row, vec in enumerate(vecs):
        for term, weight in vec.items():
            rows.append(row)
            columns.append(vocabulary.setdefault(term, len(vocabulary)))
            values.append(weight)
    matrix = sparse.csr_matrix((values, (rows, columns)),
                               shape=(len(vecs), max(1, len(vocabulary))))
    return (matrix[:split] @ matrix[split:].T).toarray()


def find_predecessor(analysis: Analysis, delivered: Sequence[Delivered],
                     threshold: float) -> Delivered | None:
    """The latest delivered report (delivered: newest first) this one continues, if any."""
    found = story_matches([analysis], delivered, threshold)[0]
    return found[0] if found else None


def mark_followups(digest: Digest, analyses: Sequence[Analysis], delivered: Sequence[Delivered],
                   options: SummaryOptions, threshold: float) -> Digest:
    """The digest with each continuing story marked "update to" its latest delivered title and
    its bullets re-chosen for new facts; other items unchanged."""
    by_id = {a.report.id: a for a in analyses}
    heads = [by_id[item.report_id] for item in digest.items]
    matches = story_matches(heads, delivered, threshold)
    items = [_followup(item, head, found, options) if found else item
             for item, head, found in zip(digest.items, heads, matches, strict=True)]
    return replace(digest, items=tuple(items))


def _followup(item: DigestItem, analysis: Analysis, found: Sequence[Delivered],
              options: SummaryOptions) -> DigestItem:
    report = analysis.report
    sentences = report_sentences(report)
    seen = [s for d in found for s in d.summary]
    selection = novel_summary(sentences, ranked_order(report, sentences, options), seen,
                              options.sentence_count(len(sentences)), report.language)
    return replace(item, update_to=found[0].title, summary=selection.summary,
                   more_offset=selection.next_offset)
