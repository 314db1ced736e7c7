"""The development gold set is well formed, and the extraction scorer matches as documented."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from benchmarks.extraction import (
    GOLD,
    GoldDocument,
    GoldQuote,
    Tally,
    figure_key,
    match_figures,
    match_quotes,
    overlap,
    same_speaker,
    score,
)
from bot.analysis.model import Analysis, Figure, Quote, Report

REPO = Path(__file__).resolve().parents[2]
SHARED = next((p for p in (REPO.parent / "shared", Path("/work/shared")) if p.is_dir()), None)
GOLD_FILES = sorted((GOLD / "quotes").glob("*.json")) + sorted((GOLD / "figures").glob("*.json"))
HELD_OUT = {f"{group}/{number}.txt" for group, numbers in {
    "business": "004 009 020", "entertainment": "004 012 016", "politics": "001 005 017",
    "sport": "003 009 018", "tech": "003 006 013"}.items() for number in numbers.split()}


def test_gold_set_has_both_languages() -> None:
    languages = [json.loads(f.read_text("utf-8"))["language"]
                 for f in sorted((GOLD / "quotes").glob("*.json"))]
    assert languages.count("en") >= 20 and languages.count("ru") >= 15


@pytest.mark.parametrize("file", GOLD_FILES, ids=lambda f: f"{f.parent.name}/{f.stem}")
def test_gold_file_is_well_formed(file: Path) -> None:
    entry = json.loads(file.read_text("utf-8"))
    assert set(entry) == {"path", "language", "sha256", file.parent.name}
    assert not any(entry["path"].endswith(held) for held in HELD_OUT)
    spans = entry[file.parent.name]
    for span in spans:
        assert 0 <= span["start"] < span["end"]
        if file.parent.name == "quotes":
            speaker = span["speaker"]
            assert speaker is None or (0 < len(speaker) <= 60 and len(speaker.split()) <= 6)
    if SHARED is None or not (SHARED / entry["path"]).exists():
        pytest.skip("shared data folder absent")
    raw = (SHARED / entry["path"]).read_bytes()
    assert hashlib.sha256(raw).hexdigest() == entry["sha256"]
    text = raw.decode("utf-8")
    for span in spans:
        inner = text[span["start"]: span["end"]]
        assert span["end"] <= len(text) and inner == inner.strip() and inner


def test_quote_matching_is_one_to_one_by_best_overlap() -> None:
    gold = ["We will build the canal this year", "Prices will fall next year for everyone"]
    found = ["Prices will fall next year", "we will build the canal", "Unrelated words here"]
    assert overlap(gold[0], found[1]) == 1.0
    assert match_quotes(gold, found) == [(0, 1), (1, 0)]
    # one found quote cannot answer for two gold quotes
    assert match_quotes(["a b c d e", "a b c d e"], ["a b c d e"]) == [(0, 0)]


def test_speaker_comparison_ignores_case_and_spacing_only() -> None:
    assert same_speaker("Maurice  Greene", "maurice greene")
    assert same_speaker(None, None)
    assert not same_speaker("Maurice Greene", "Greene")
    assert not same_speaker("Maurice Greene", None)


@pytest.mark.parametrize(("text", "key"), [
    ("$1.13bn", (1.13e9, "money")),
    ("4,000", (4000.0, "count")),
    ("8.6 percent", (8.6, "percent")),
    ("12,5%", (12.5, "percent")),
    ("шесть", (6.0, "count")),
    ("100 тыс.", (100000.0, "count")),
    ("180 billion tenge", (1.8e11, "money")),
])
def test_figure_values_normalise(text: str, key: tuple[float, str]) -> None:
    assert figure_key(text) == key


def test_figures_match_value_kind_and_sentence() -> None:
    sentence = "Profits jumped 76% to $1.13bn."
    found = [Figure("$1.13bn", "$1.13bn", sentence), Figure("76", "76", sentence)]
    assert match_figures(["$1.13bn", "76%"], found) == 1   # "76" is a count, not a percent


def test_score_counts_quotes_speakers_and_misses() -> None:
    text = '"We are ready to start now," said Mary Brown. "Prices will fall," he said.'
    document = GoldDocument("x/doc.txt", "en", text,
                            quotes=(GoldQuote("We are ready to start now,", "Mary Brown"),
                                    GoldQuote("Prices will fall,", None)),
                            figures=None)
    analysis = Analysis(Report("t", text, "doc"), (), (),
                        (Quote("We are ready to start now", "Mary Brown"),
                         Quote("Prices will fall", "Tom")))
    tally = Tally()
    score(document, analysis, tally)
    assert (tally.gold_quotes, tally.found_quotes, tally.matched_quotes, tally.right_speakers) \
        == (2, 2, 2, 1)
    assert tally.misses == ["x/doc.txt: speaker 'Tom', gold None for 'Prices will fall,'"]
