"""ROUGE of every ranking method on news with human references, as Markdown tables.

    python -m benchmarks.quality                      # BBC sample, news sanity set, raw news
    python -m benchmarks.quality --pairs DIR --jsonl cnn_dm.jsonl

Methods: the default ranker, each sumy algorithm and Lead-N (the first N sentences of the
article as given, the strong news baseline). Every method gets the same sentences, furniture
and all; "Lead-N cleaned" takes the first N after the product's furniture removal, so the
tables show how much of the default's margin over Lead-N comes from cleaning alone.
"default via analyze()" is what a user gets: the whole pipeline on the article as given
(cleaning, wrap-dot repair, debris and unnamed quotes ranked out, datelines cut from bullets).

Summary length is the reference's sentence count, and separately a fixed 3 sentences (the
CNN/DailyMail convention, and a check that the default does not depend on being told the
reference length).

The first table is the verdict: per dataset and length, the default against the best sumy
algorithm and against Lead-N, with the margins, also on the odd- and even-numbered halves
of the documents (a margin that holds on one half only is noise or overfitting).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rouge_score import rouge_scorer

from bot.analysis.loaders import report_from_text
from bot.analysis.model import SummaryOptions
from bot.analysis.pipeline import analyze
from bot.analysis.ranking import ALGORITHMS, rank

from .corpus import BBC_SAMPLE, NEWS_SANITY, RAW_NEWS, Document, load_jsonl, load_pairs

BASELINES: dict[str, str] = {"lead": "Lead-N", "lead-cleaned": "Lead-N cleaned",
                             "product": "default via analyze()"}
METHODS: tuple[str, ...] = (*ALGORITHMS, *BASELINES)
_METRICS = ("rouge1", "rouge2", "rougeL")


@dataclass(frozen=True)
class Score:
    method: str
    rouge: dict[str, float]          # metric -> mean F1 (0..100)
    ms_per_document: float
    per_group: dict[str, float]      # group -> mean ROUGE-1 F1
    per_half: tuple[float, float]    # mean ROUGE-1 F1 on odd- and even-numbered documents


def summarize(method: str, document: Document, count: int) -> list[str]:
    if method == "lead":
        return list(document.sentences[:count])
    if method == "lead-cleaned":
        return list(document.cleaned[:count])
    if method == "product":
        report = report_from_text(document.text, document.name, title=document.title or None)
        options = SummaryOptions(sentences=count, figures=0, quotes=3)
        return list(analyze(report, options).summary)
    chosen = rank(document.sentences, count, language=document.language, algorithm=method,
                  title=document.title)
    return [document.sentences[i] for i in chosen]


def evaluate(
    documents: Sequence[Document],
    methods: Sequence[str],
    length: Callable[[Document], int],
) -> list[Score]:
    scorer = rouge_scorer.RougeScorer(list(_METRICS), use_stemmer=True)
    results = []
    for method in methods:
        totals: dict[str, list[float]] = {m: [] for m in _METRICS}
        groups: dict[str, list[float]] = {}
        halves: tuple[list[float], list[float]] = ([], [])
        elapsed = 0.0
        for number, document in enumerate(documents, 1):
            started = time.perf_counter()
            summary = "\n".join(summarize(method, document, length(document)))
            elapsed += time.perf_counter() - started
            scores = scorer.score("\n".join(document.reference), summary)
            for metric in _METRICS:
                totals[metric].append(100 * scores[metric].fmeasure)
            groups.setdefault(document.group, []).append(100 * scores["rouge1"].fmeasure)
            halves[number % 2 == 0].append(100 * scores["rouge1"].fmeasure)
        results.append(Score(
            method,
            {m: statistics.fmean(v) for m, v in totals.items()},
            1000 * elapsed / max(1, len(documents)),
            {g: statistics.fmean(v) for g, v in sorted(groups.items())},
            (_mean(halves[0]), _mean(halves[1])),
        ))
    return results


def _mean(values: Sequence[float]) -> float:
    return statistics.fmean(values) if values else float("nan")


def _best_sumy(scores: Sequence[Score]) -> Score | None:
    return max((s for s in scores if s.method != "default" and s.method not in BASELINES),
               key=lambda s: s.rouge["rouge1"], default=None)


def verdict_rows(dataset: str, label: str, scores: Sequence[Score]) -> list[str]:
    """Rows of the verdict table: default vs best sumy vs Lead-N, whole set and halves."""
    found = {s.method: s for s in scores}
    default, lead, cleaned = (found.get(m) for m in ("default", "lead", "lead-cleaned"))
    best = _best_sumy(scores)
    if not (default and lead and best):
        return []
    rows = []
    for part, pick_value in (("all", lambda s: s.rouge["rouge1"]),
                             ("odd half", lambda s: s.per_half[0]),
                             ("even half", lambda s: s.per_half[1])):
        ours, theirs, base = pick_value(default), pick_value(best), pick_value(lead)
        tidy = f"{ours - pick_value(cleaned):+.2f}" if cleaned else "–"
        rows.append(f"| {dataset} | {label} | {part} | {ours:.2f} | {theirs:.2f} ({best.method})"
                    f" | {ours - theirs:+.2f} | {base:.2f} | {ours - base:+.2f} | {tidy} |")
    return rows


VERDICT_HEADER = ("| dataset | length | part | default | best sumy | default − sumy "
                  "| Lead-N | default − Lead-N | default − Lead-N cleaned |\n"
                  "|---|---|---|---:|---:|---:|---:|---:|---:|")


def markdown(scores: Sequence[Score]) -> str:
    best_sumy = _best_sumy(scores)
    lines = ["| method | ROUGE-1 F | ROUGE-2 F | ROUGE-L F | ms/doc |",
             "|---|---:|---:|---:|---:|"]
    for s in sorted(scores, key=lambda s: -s.rouge["rouge1"]):
        name = f"**{s.method}**" if s.method == "default" else BASELINES.get(s.method, s.method)
        lines.append(f"| {name} | {s.rouge['rouge1']:.2f} | {s.rouge['rouge2']:.2f} | "
                     f"{s.rouge['rougeL']:.2f} | {s.ms_per_document:.2f} |")
    default = next((s for s in scores if s.method == "default"), None)
    lead = next((s for s in scores if s.method == "lead"), None)
    if default and lead and best_sumy:
        lines.append("")
        lines.append(
            f"default ROUGE-1 vs Lead-N: {default.rouge['rouge1'] - lead.rouge['rouge1']:+.2f}; "
            f"vs best sumy ({best_sumy.method}): "
            f"{default.rouge['rouge1'] - best_sumy.rouge['rouge1']:+.2f}"
        )
    return "\n".join(lines)


def group_table(scores: Sequence[Score]) -> str:
    """ROUGE-1 per group: a method that only wins on one topic is overfitted."""
    groups = sorted({g for s in scores for g in s.per_group})
    if len(groups) < 2:
        return ""
    lines = ["| method | " + " | ".join(groups) + " |", "|---|" + "---:|" * len(groups)]
    for s in sorted(scores, key=lambda s: -s.rouge["rouge1"]):
        lines.append(f"| {s.method} | " + " | ".join(f"{s.per_group[g]:.2f}" for g in groups)
                     + " |")
    return "\n".join(lines)


def report(name: str, documents: Sequence[Document], methods: Sequence[str], fixed: int,
           reference_length: bool) -> tuple[str, list[str]]:
    """The detailed tables for one dataset, and its rows of the verdict table."""
    sections = []
    verdict: list[str] = []
    settings: list[tuple[str, Callable[[Document], int]]] = []
    if reference_length:
        settings.append(("reference length", lambda d: len(d.reference)))
    settings.append((f"{fixed} sentences", lambda d: fixed))
    for label, length in settings:
        scores = evaluate(documents, methods, length)
        verdict.extend(verdict_rows(name, label, scores))
        sections.append(f"### {name}: {len(documents)} documents, {label}\n\n{markdown(scores)}")
        per_group = group_table(scores)
        if per_group:
            sections.append(f"ROUGE-1 F by group ({label}):\n\n{per_group}")
    return "\n\n".join(sections), verdict


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=Path, action="append", default=[],
                        help="folder with article/ and summary/ text pairs (repeatable)")
    parser.add_argument("--jsonl", type=Path, action="append", default=[],
                        help='JSONL of {"article", "highlights"} (repeatable)')
    parser.add_argument("--no-bbc", action="store_true", help="skip the bundled BBC sample")
    parser.add_argument("--no-sanity", action="store_true",
                        help="skip the bundled news-with-highlights sanity set")
    parser.add_argument("--no-raw", action="store_true",
                        help="skip the bundled raw-news-style set (datelines, captions, headers)")
    parser.add_argument("--fixed", type=int, default=3, help="fixed summary length")
    parser.add_argument("--methods", default=",".join(METHODS),
                        help="comma-separated subset of: " + ", ".join(METHODS))
    args = parser.parse_args(argv)
    methods = [m.strip() for m in args.methods.split(",") if m.strip()]
    unknown = sorted(set(methods) - set(METHODS))
    if unknown:
        parser.error(f"unknown methods {unknown}; valid: {', '.join(METHODS)}")

    datasets: list[tuple[str, list[Document], bool]] = []
    if not args.no_bbc:
        datasets.append(("BBC News Summary sample", load_pairs(BBC_SAMPLE), True))
    if not args.no_sanity:
        datasets.append(("news sanity set (written for briefbot)", load_jsonl(NEWS_SANITY),
                         False))
    if not args.no_raw:
        datasets.append(("raw news (written for briefbot)", load_jsonl(RAW_NEWS), False))
    datasets += [(str(folder), load_pairs(folder), True) for folder in args.pairs]
    datasets += [(str(path), load_jsonl(path), False) for path in args.jsonl]

    sections: list[str] = []
    verdict: list[str] = []
    for name, documents, reference_length in datasets:
        text, rows = report(name, documents, methods, args.fixed, reference_length)
        sections.append(text)
        verdict.extend(rows)
    print("## Summary quality (ROUGE F1 x 100, rouge-score with use_stemmer=True)\n")
    if verdict:
        print("ROUGE-1 F: the default against the best sumy algorithm and Lead-N.\n")
        print(VERDICT_HEADER)
        print("\n".join(verdict) + "\n")
    print("\n\n".join(sections) + "\n")


if __name__ == "__main__":
    main()
