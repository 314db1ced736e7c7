"""Quote, speaker and figure extraction against the hand-annotated development gold set.

    python -m benchmarks.extraction                  # ../shared next to the repo, else /work/shared
    python -m benchmarks.extraction --shared PATH --verbose
    python -m benchmarks.extraction --gold benchmarks/gold/validation   # the blind set

The gold set (benchmarks/gold/, see its README) holds offsets and labels only, never article
text: each file names a document under the shared data folder, its SHA-256 and the spans.
The real pipeline (load_report + analyze) runs on each document, as the CLI would, and the
scores are printed per language:

- quotes: a predicted quote matches a gold one when their word sets overlap by at least
  0.6 of the smaller set; matching is one-to-one, greedy by overlap. Precision, recall, F1.
- speakers: accuracy on matched quotes, exact after casefolding and whitespace (None == None).
- figures: a predicted figure matches a gold span when the numeric value and the unit kind
  (money, percent, plain count) agree and the gold text appears in the figure's sentence
  (spaces normalised on both sides); a vague plural ("thousands", "миллионы гектаров") is
  keyed on its first word's stem. One-to-one in document order.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import statistics
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.analysis.lang import codes, get_pack
from bot.analysis.loaders import load_report
from bot.analysis.model import Analysis, Figure, Quote, SummaryOptions
from bot.analysis.pipeline import analyze
from bot.analysis.quotes import extract_quotes
from bot.analysis.quotes.entities import recognised

GOLD = Path(__file__).resolve().parent / "gold"
_REPO = Path(__file__).resolve().parents[1]
SHARED_CANDIDATES = (_REPO.parent / "shared", Path("/work/shared"))
QUOTE_OVERLAP = 0.6
OPTIONS = SummaryOptions(quotes=1000, figures=1000)


@dataclass(frozen=True)
class GoldQuote:
    text: str
    speaker: str | None


@dataclass(frozen=True)
class GoldDocument:
    """One annotated document: its text (read from shared) and whichever spans were annotated."""

    path: str
    language: str
    text: str
    quotes: tuple[GoldQuote, ...] | None     # None: not annotated for quotes
    figures: tuple[str, ...] | None          # gold figure texts as written


@dataclass
class Tally:
    """Counts for one language; the ratios are computed when printed."""

    documents: int = 0
    gold_quotes: int = 0
    found_quotes: int = 0
    matched_quotes: int = 0
    right_speakers: int = 0
    gold_figures: int = 0
    found_figures: int = 0
    matched_figures: int = 0
    misses: list[str] = field(default_factory=list)


def words(text: str) -> frozenset[str]:
    """Normalised word set: casefolded word characters, so marks and spacing do not count."""
    return frozenset(re.findall(r"\w+", text.casefold().replace("ё", "е")))


def overlap(a: str, b: str) -> float:
    """Shared words as a share of the smaller quote (a quote cut short still matches)."""
    left, right = words(a), words(b)
    if not left or not right:
        return 0.0
    return len(left & right) / min(len(left), len(right))


def match_quotes(gold: Sequence[str], found: Sequence[str]) -> list[tuple[int, int]]:
    """One-to-one (gold index, found index) pairs, the best overlaps first."""
    candidates = sorted(
        (-overlap(g, f), i, j) for i, g in enumerate(gold) for j, f in enumerate(found)
    )
    pairs, used_gold, used_found = [], set(), set()
    for negative, i, j in candidates:
        if -negative < QUOTE_OVERLAP:
            break
        if i not in used_gold and j not in used_found:
            pairs.append((i, j))
            used_gold.add(i)
            used_found.add(j)
    return sorted(pairs)


def same_speaker(gold: str | None, found: str | None) -> bool:
    def norm(name: str | None) -> str | None:
        return None if name is None else " ".join(name.split()).casefold()
    return norm(gold) == norm(found)


# --- figures ---------------------------------------------------------------------------------

_SCALES = (
    (r"tr(?:illio)?n|трлн|триллион\w*", 1e12),
    (r"bn|billion|млрд|миллиард\w*", 1e9),
    (r"m|mn|million|млн|миллион\w*", 1e6),
    (r"k|thousand|тыс|тысяч\w*", 1e3),
)
_NUMBER_WORDS = {
    word: value
    for value, forms in enumerate((
        "zero ноль нуль", "one один одна одно одного", "two два две двух", "three три трех трёх",
        "four четыре четырех четырёх", "five пять пяти", "six шесть шести", "seven семь семи",
        "eight восемь восьми", "nine девять девяти", "ten десять десяти",
        "eleven одиннадцать", "twelve двенадцать", "thirteen тринадцать", "fourteen четырнадцать",
        "fifteen пятнадцать", "sixteen шестнадцать", "seventeen семнадцать",
        "eighteen восемнадцать", "nineteen девятнадцать", "twenty двадцать",
    ))
    for word in forms.split()
}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100,
                      "тридцать": 30, "сорок": 40, "пятьдесят": 50, "сто": 100})
_MONEY = re.compile(r"[$£€¥₽₴]|\b(?:dollar|pound|euro|yen|rouble|ruble|tenge|somoni|hryvni|"
                    r"rupiah|rupee|yuan|renminbi|naira|rand|lari|kwacha|zloty|lira|franc|"
                    r"руб|доллар|евро|тенге|сомони|гривен|гривн|грн|фунт|рупи|юан|злот)",
                    re.IGNORECASE)
_PERCENT = re.compile(r"%|\bper\s?cent|\bпроцент|\bп\.\s?п\.", re.IGNORECASE)
_DIGITS = re.compile(r"\d+(?:[ \u00a0,.]\d+)*")
_SPACES = re.compile(r"\s+")
_STEM = 5                                  # letters that key a vague plural: "thous", "тысяч"
_FILLERS = frozenset({"a", "an", "of", "the", "some", "about", "около", "более", "почти"})


def figure_key(text: str) -> tuple[float | str, str] | None:
    """(value, kind) of a figure as written: "$1.13bn" -> (1.13e9, "money").

    A figure with neither digits nor a known number word is a vague plural or a bare scale
    word ("thousands of", "миллионы гектаров", "десятки тысяч", "двое"): its key is the stem of
    its first word, so the same word in another case still matches ("тысячи", "тысячах").
    None when the text holds no word at all.
    """
    lowered = space_normalised(text).casefold()
    kind = "money" if _MONEY.search(text) else "percent" if _PERCENT.search(text) else "count"
    digits = _DIGITS.search(lowered)
    words = re.findall(r"[^\W\d_]+", lowered)
    if digits:
        value = _parse_digits(digits.group())
        rest = lowered[digits.end():].strip()
    else:
        found = [w for w in words if w in _NUMBER_WORDS]
        if not found:
            stems = [w[:_STEM] for w in words if w not in _FILLERS]
            return (stems[0], kind) if stems else None
        value, rest = float(_NUMBER_WORDS[found[0]]), lowered.split(found[0], 1)[1].strip()
    for pattern, scale in _SCALES:
        if re.match(rf"(?:{pattern})\b", rest):
            value *= scale
            break
    return round(value, 6), kind


def space_normalised(text: str) -> str:
    """No-break, thin and other spaces as one plain space: the gold text keeps the file's
    spaces while a pipeline sentence may have cleaned them."""
    return _SPACES.sub(" ", text)


def _parse_digits(raw: str) -> float:
    """"4,000" and "4 000" are thousands, "1,6" and "8.6" are decimals."""
    raw = raw.replace("\u00a0", " ")
    groups = re.split(r"[ ,.]", raw)
    separators = re.findall(r"[ ,.]", raw)
    if not separators:
        return float(raw)
    last = separators[-1]
    if (last in ",." and len(groups[-1]) != 3) or (last == "." and len(set(separators)) > 1):
        whole = "".join(groups[:-1])
        return float(f"{whole}.{groups[-1]}")
    return float("".join(groups))


def match_figures(gold: Sequence[str], found: Sequence[Figure]) -> int:
    """How many gold figures a distinct predicted figure accounts for."""
    return len(figure_pairs(gold, found))


def figure_pairs(gold: Sequence[str], found: Sequence[Figure]) -> list[tuple[int, int]]:
    """(gold index, found index) pairs, one-to-one in document order; spaces normalised on
    both sides before the gold text is looked for in the figure's sentence."""
    used: set[int] = set()
    pairs = []
    for i, text in enumerate(gold):
        key = figure_key(text)
        wanted = space_normalised(text)
        for j, figure in enumerate(found):
            if j not in used and key is not None and figure_key(figure.value) == key \
                    and wanted in space_normalised(figure.sentence):
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


# --- documents and scoring -------------------------------------------------------------------

def shared_root(given: str | None) -> Path | None:
    candidates = (Path(given),) if given else SHARED_CANDIDATES
    return next((path for path in candidates if path.is_dir()), None)


def load_gold(shared: Path, notes: list[str], gold: Path | None = None) -> list[GoldDocument]:
    """Every annotated document whose file is present and unchanged; a note for the others."""
    by_path: dict[str, dict] = defaultdict(dict)
    for kind in ("quotes", "figures"):
        for file in sorted(((gold or GOLD) / kind).glob("*.json")):
            entry = json.loads(file.read_text("utf-8"))
            merged = by_path[entry["path"]]
            merged.update({k: v for k, v in entry.items() if k != kind})
            merged[kind] = entry[kind]
    documents = []
    for path, entry in sorted(by_path.items()):
        file = shared / path
        if not file.exists():
            notes.append(f"skipped {path}: not in {shared}")
            continue
        raw = file.read_bytes()
        if hashlib.sha256(raw).hexdigest() != entry["sha256"]:
            notes.append(f"skipped {path}: the file changed since it was annotated")
            continue
        text = raw.decode("utf-8")
        quotes = entry.get("quotes")
        figures = entry.get("figures")
        documents.append(GoldDocument(
            path=path, language=entry["language"], text=text,
            quotes=None if quotes is None else tuple(
                GoldQuote(text[q["start"]: q["end"]], q["speaker"]) for q in quotes),
            figures=None if figures is None else tuple(
                text[f["start"]: f["end"]] for f in figures),
        ))
    return documents


def score(document: GoldDocument, analysis: Analysis, tally: Tally) -> None:
    tally.documents += 1
    if document.quotes is not None:
        _score_quotes(document, list(analysis.quotes), tally)
    if document.figures is not None:
        _score_figures(document, list(analysis.figures), tally)


def _score_figures(document: GoldDocument, found: list[Figure], tally: Tally) -> None:
    gold = document.figures or ()
    pairs = figure_pairs(gold, found)
    tally.gold_figures += len(gold)
    tally.found_figures += len(found)
    tally.matched_figures += len(pairs)
    where = "/".join(document.path.rsplit("/", 2)[-2:])
    matched_gold, matched_found = {i for i, _ in pairs}, {j for _, j in pairs}
    tally.misses += [f"{where}: figure missed {text!r}"
                     for i, text in enumerate(gold) if i not in matched_gold]
    tally.misses += [f"{where}: figure extra {f.value!r} in {_clip(f.context)}"
                     for j, f in enumerate(found) if j not in matched_found]


def _score_quotes(document: GoldDocument, found: list[Quote], tally: Tally) -> None:
    gold = document.quotes or ()
    pairs = match_quotes([g.text for g in gold], [q.text for q in found])
    tally.gold_quotes += len(gold)
    tally.found_quotes += len(found)
    tally.matched_quotes += len(pairs)
    name = document.path.rsplit("/", 2)
    where = "/".join(name[-2:])
    for i, j in pairs:
        if same_speaker(gold[i].speaker, found[j].speaker):
            tally.right_speakers += 1
        else:
            tally.misses.append(f"{where}: speaker {found[j].speaker!r}, gold {gold[i].speaker!r}"
                                f" for {_clip(gold[i].text)}")
    matched_gold = {i for i, _ in pairs}
    matched_found = {j for _, j in pairs}
    tally.misses += [f"{where}: missed ({g.speaker}) {_clip(g.text)}"
                     for i, g in enumerate(gold) if i not in matched_gold]
    tally.misses += [f"{where}: extra ({q.speaker}) {_clip(q.text)}"
                     for j, q in enumerate(found) if j not in matched_found]


def _clip(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(matched: int, gold: int, found: int) -> tuple[float, float, float]:
    precision, recall = _ratio(matched, found), _ratio(matched, gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def table(tallies: dict[str, Tally]) -> str:
    lines = [
        "| language | docs | quotes gold/found | quote P | quote R | quote F1 | speaker acc "
        "| figures gold/found | figure P | figure R | figure F1 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for language, t in sorted(tallies.items()):
        qp, qr, qf = _f1(t.matched_quotes, t.gold_quotes, t.found_quotes)
        fp, fr, ff = _f1(t.matched_figures, t.gold_figures, t.found_figures)
        speakers = _ratio(t.right_speakers, t.matched_quotes)
        lines.append(
            f"| {language} | {t.documents} | {t.gold_quotes}/{t.found_quotes} | {qp:.2f} | "
            f"{qr:.2f} | {qf:.2f} | {speakers:.2f} ({t.right_speakers}/{t.matched_quotes}) | "
            f"{t.gold_figures}/{t.found_figures} | {fp:.2f} | {fr:.2f} | {ff:.2f} |"
        )
    return "\n".join(lines)


def _load_recognisers() -> dict[str, float]:
    """Seconds to load each pack's recogniser (natasha for Russian), once, as the first report
    in that language pays it."""
    seconds = {}
    for code in codes():
        engine = get_pack(code).quotes.ner
        if engine and engine not in seconds:
            started = time.perf_counter()
            recognised("", engine, code)
            seconds[engine] = time.perf_counter() - started
    return seconds


def _timing_line(timings: dict[str, list[float]], load_seconds: dict[str, float]) -> str:
    medians = ", ".join(f"{language} {statistics.median(values) * 1000:.1f} ms"
                        for language, values in sorted(timings.items()))
    loads = ", ".join(f"{engine} {value:.2f} s" for engine, value in load_seconds.items())
    return (f"Quote extraction per document, median: {medians}. "
            f"One-off recogniser load (first report in its language): {loads or 'none'}.")


def _shown(folder: Path) -> str:
    """The gold folder as given, relative to the repository when it is inside it."""
    try:
        return str(folder.resolve().relative_to(_REPO))
    except ValueError:
        return str(folder)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.extraction",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--shared", help="the shared data folder (default: ../shared)")
    parser.add_argument("--verbose", action="store_true", help="list misses per document")
    parser.add_argument("--gold", type=Path, default=GOLD,
                        help="the gold folder (default: benchmarks/gold; the blind set is "
                             "benchmarks/gold/validation)")
    args = parser.parse_args(argv)
    shared = shared_root(args.shared)
    if shared is None:
        print("extraction benchmark: no shared data folder found; nothing to score")
        return 0
    notes: list[str] = []
    tallies: dict[str, Tally] = defaultdict(Tally)
    timings: dict[str, list[float]] = defaultdict(list)
    load_seconds = _load_recognisers()
    for document in load_gold(shared, notes, args.gold):
        report = load_report(shared / document.path)
        analysis = analyze(report, OPTIONS)
        score(document, analysis, tallies[document.language])
        started = time.perf_counter()
        extract_quotes(report.text, report.language)
        timings[report.language].append(time.perf_counter() - started)
    print(f"## Extraction on the gold set {_shown(args.gold)}\n")
    print(table(tallies))
    print()
    print(_timing_line(timings, load_seconds))
    for note in notes:
        print(f"note: {note}")
    if args.verbose:
        for language, tally in sorted(tallies.items()):
            print(f"\n### {language}: misses")
            print("\n".join(tally.misses) or "(none)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
