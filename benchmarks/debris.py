"""Debris in summaries: bullets that are datelines, wrap dots, captions, headers or unnamed quotes.

    python -m benchmarks.debris [--jsonl cnn_dm.jsonl] [--csv cnn_dm.csv] [--show 10]

Every report goes through the product path (clean, load, analyze with default options) and
each summary sentence is checked against how debris looks in raw news, independently of the
rules the product uses to avoid it:

- dateline: "(CNN) --", "LONDON, England (CNN) --", "ALMATY, March 3 (Agency) —" left in front;
- wrap dot: Daily Mail's " . " inside a sentence ("a woman who . claims");
- caption: "pictured", "(Getty Images)", "Photo:", "Picture:", "Credit:";
- header: credit lines, document types, issue stamps, metadata ("Prepared by ...",
  "Briefing note, Bishkek, 14 February 2025", "summary No. 3, issued at 14:30");
- furniture: share/subscribe prompts, PUBLISHED/UPDATED stamps;
- unnamed: a quotation attributed only to a pronoun ("— сказала она.", '," he said.').

The BBC sample, the repository's seeds, the news sanity set and raw_news.jsonl (raw-news-style
articles written for briefbot) are always checked; raw
CNN/Daily Mail articles can be added as JSONL ({"article", "highlights"}) or CSV (article column).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from bot.analysis.loaders import load_report, report_from_text
from bot.analysis.model import Report, ReportError
from bot.analysis.pipeline import analyze

from .corpus import BBC_SAMPLE, NEWS_SANITY, RAW_NEWS, split_title

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

CHECKS: dict[str, re.Pattern[str]] = {
    "dateline": re.compile(
        r"^(?:[A-ZА-ЯЁІЇЄҐ][A-ZА-ЯЁІЇЄҐ .'-]+,[^—–]{0,40}(?:--|—|–)\s"
        r"|[^()]{0,40}\((?:CNN|AP|AFP|Reuters|[A-Z][\w ]{0,30}(?:Agency|Wire|Desk|News))\)"
        r"|[A-ZА-ЯЁІЇЄҐ]{3,}[^.]{0,40}/[^/]{2,30}/)"),
    "wrap dot": re.compile(r"[^\W\d_] \. [a-zа-яё]"),
    "caption": re.compile(r"\bpictured\b|\((?:Getty|AP|AFP|Reuters|Rex)[^)]*\)|\b(?:Photo|Picture|"
                          r"Image|Credit|Фото)\s*:", re.IGNORECASE),
    "header": re.compile(
        r"^[*_\s]*(?:Prepared|Compiled|Written|Edited|Produced) by\b|^Briefing note\b"
        r"|\bNo\. ?\d+, issued\b|\bissued at \d{1,2}[:.]\d{2}|\b(?:summary|bulletin|report) No\. ?\d"
        r"|^[^.!?]{0,80}\b(?:19|20)\d\d$|^Подготовил|сводка №"),
    "furniture": re.compile(r"\b(?:PUBLISHED|UPDATED):|Click here|Scroll down|Share this"
                            r"|Subscribe to|Last updated at|Читайте также", re.IGNORECASE),
    "unnamed": re.compile(r"[,.!?…][\"'”’]\s+(?:he|she|they)\s+(?:said|added)\.$"
                          r"|[»\"”],?\s+[—–-]\s+\w+\s+(?:он|она|они|він|вона|вони)\.$"),
}


def debris_kinds(sentence: str) -> list[str]:
    """The kinds of debris `sentence` shows, in CHECKS order (empty for a clean bullet)."""
    return [kind for kind, pattern in CHECKS.items() if pattern.search(sentence.strip())]


def summaries(reports: Iterable[Report]) -> list[tuple[str, str]]:
    """(source, bullet) for every summary sentence of every report."""
    found = []
    for report in reports:
        try:
            analysis = analyze(report)
        except ReportError:
            continue
        found.extend((report.source, sentence) for sentence in analysis.summary)
    return found


def bbc_reports(root: Path) -> list[Report]:
    reports = []
    for path in sorted((root / "article").rglob("*.txt")):
        title, body = split_title(path.read_text("utf-8", errors="replace"))
        reports.append(report_from_text(body, str(path.relative_to(root)), title=title or None))
    return reports


def jsonl_reports(path: Path) -> list[Report]:
    with path.open(encoding="utf-8") as handle:
        return [report_from_text(json.loads(line)["article"], f"{path.name}:{number}")
                for number, line in enumerate(handle, 1) if line.strip()]


def csv_reports(path: Path) -> list[Report]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as handle:
        return [report_from_text(row["article"], f"{path.name}:{number}")
                for number, row in enumerate(csv.DictReader(handle), 1)]


def seed_reports() -> list[Report]:
    return [load_report(path) for path in sorted(SEEDS.iterdir()) if path.is_file()]


def table(datasets: Sequence[tuple[str, list[tuple[str, str]]]], show: int) -> str:
    lines = ["| dataset | bullets | debris | " + " | ".join(CHECKS) + " |",
             "|---|---:|---:|" + "---:|" * len(CHECKS)]
    examples = []
    for name, bullets in datasets:
        kinds: Counter[str] = Counter()
        debris = 0
        for source, sentence in bullets:
            found = debris_kinds(sentence)
            kinds.update(found)
            if found:
                debris += 1
                examples.append(f"- [{name}] {source}: ({', '.join(found)}) {sentence[:140]}")
        lines.append(f"| {name} | {len(bullets)} | {debris} | "
                     + " | ".join(str(kinds[k]) for k in CHECKS) + " |")
    if examples and show:
        lines += ["", f"Debris bullets (first {show}):", *examples[:show]]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jsonl", type=Path, action="append", default=[])
    parser.add_argument("--csv", type=Path, action="append", default=[])
    parser.add_argument("--show", type=int, default=10, help="debris bullets to list")
    args = parser.parse_args(argv)
    datasets = [("seeds", summaries(seed_reports()))]
    if BBC_SAMPLE.is_dir():
        datasets.append(("BBC sample", summaries(bbc_reports(BBC_SAMPLE))))
    else:
        print(f"(BBC sample not found at {BBC_SAMPLE}: skipped)")
    datasets.append(("news sanity set", summaries(jsonl_reports(NEWS_SANITY))))
    datasets.append(("raw news (written for briefbot)", summaries(jsonl_reports(RAW_NEWS))))
    datasets += [(path.name, summaries(jsonl_reports(path))) for path in args.jsonl]
    datasets += [(path.name, summaries(csv_reports(path))) for path in args.csv]
    print("## Debris in summaries (default options, 3 sentences)\n")
    print(table(datasets, args.show))


if __name__ == "__main__":
    main()
