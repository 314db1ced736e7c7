"""Ranking time for short and very long reports, as ratios to sumy's LexRank in the same run.

    python -m benchmarks.speed [--sizes 30,400,1600] [--repeat 5]

The machine is shared and noisy, so absolute milliseconds are indicative only; the ratio
to LexRank, timed in the same process minutes apart, is the figure to compare.
Documents are BBC sample articles concatenated until they reach the wanted length.
"""

from __future__ import annotations

import argparse
import gc
import resource
import time
import tracemalloc
from collections.abc import Sequence

from bot.analysis.loaders import report_from_text
from bot.analysis.pipeline import analyze
from bot.analysis.ranking import ALGORITHMS, rank

from .corpus import BBC_SAMPLE, load_pairs

BASELINE = "lexrank"


def long_document(sentences_wanted: int) -> list[str]:
    """The first `sentences_wanted` sentences of the BBC sample's articles, end to end."""
    sentences: list[str] = []
    for document in load_pairs(BBC_SAMPLE):
        sentences.extend(document.sentences)
        if len(sentences) >= sentences_wanted:
            break
    if len(sentences) < sentences_wanted:
        raise SystemExit(f"the sample has only {len(sentences)} sentences")
    return sentences[:sentences_wanted]


def time_method(method: str, sentences: Sequence[str], repeat: int) -> float:
    """Best of `repeat` runs in milliseconds (the least disturbed by other load)."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        rank(sentences, 3, algorithm=method)
        best = min(best, time.perf_counter() - started)
    return 1000 * best


def peak_kib(sentences: Sequence[str]) -> float:
    """Python allocations at peak while the default ranks the document."""
    tracemalloc.start()
    rank(sentences, 3)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024


def pipeline_ms() -> list[float]:
    """Whole per-report pipeline (clean, split, rank, figures, quotes) per BBC article, in ms."""
    reports = [report_from_text(d.text, d.name, title=d.title or None)
               for d in load_pairs(BBC_SAMPLE)]
    analyze(reports[0])  # warm caches outside the timings
    timings = []
    for report in reports:
        started = time.perf_counter()
        analyze(report)
        timings.append(1000 * (time.perf_counter() - started))
    return sorted(timings)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="30,400,1600", help="sentence counts")
    parser.add_argument("--repeat", type=int, default=5, help="runs per method on small docs")
    parser.add_argument("--methods", default=",".join(ALGORITHMS))
    parser.add_argument("--budget", type=float, default=120.0,
                        help="skip a method whose quadratic extrapolation exceeds this many s")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    methods = [m for m in args.methods.split(",") if m]
    if BASELINE not in methods:
        methods.append(BASELINE)

    rank(long_document(30), 3)  # warm caches (stemmer, stop words) outside the timings
    print("## Ranking speed (3-sentence summary; ms, best of runs; ratio = LexRank time / time)\n")
    header = "| method | " + " | ".join(f"{n} sent. ms | ×LexRank" for n in sizes) + " |"
    print(header)
    print("|---|" + "---:|---:|" * len(sizes))
    timings: dict[str, dict[int, float]] = {m: {} for m in methods}
    previous = 0
    for n in sorted(sizes):
        sentences = long_document(n)
        for method in methods:
            if previous and method != BASELINE:
                estimate = timings[method][previous] * (n / previous) ** 2 / 1000
                if estimate > args.budget:
                    continue  # e.g. sumy's KL: minutes at 1,600 sentences
            slow = n >= 1000 and method != "default"
            repeat = 1 if slow else (args.repeat if n <= 100 else max(1, args.repeat // 2))
            timings[method][n] = time_method(method, sentences, repeat)
        previous = n
    for method in methods:
        cells = []
        for n in sizes:
            ms = timings[method].get(n)
            if ms is None:
                cells.append("skipped | –")
                continue
            cells.append(f"{ms:.2f} | {timings[BASELINE][n] / ms:.1f}")
        name = f"**{method}**" if method == "default" else method
        print(f"| {name} | " + " | ".join(cells) + " |")
    print(f"\n'skipped': the run at the previous size, extrapolated quadratically, would "
          f"exceed {args.budget:.0f} s.")
    largest = long_document(max(sizes))
    print(f"\nDefault ranker, {max(sizes)} sentences: Python peak allocation "
          f"{peak_kib(largest):,.0f} KiB (tracemalloc).")
    timings = pipeline_ms()
    print(f"\nWhole pipeline per article (analyze(): split, rank, figures, quotes), "
          f"{len(timings)} BBC articles: median {timings[len(timings) // 2]:.2f} ms, "
          f"p95 {timings[int(len(timings) * 0.95) - 1]:.2f} ms, max {timings[-1]:.2f} ms.")
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Process peak RSS for the whole run: {maxrss:,.0f} MiB (getrusage maxrss).")


if __name__ == "__main__":
    main()
