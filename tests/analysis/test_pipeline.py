"""analyze(): extractive summary in document order, key figures and quotes of one report."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.analysis.loaders import load_report
from bot.analysis.model import Report, ReportError, SummaryOptions
from bot.analysis.pipeline import analyze
from bot.analysis.ranking import ALGORITHMS
from bot.analysis.sentences import split_sentences

_BESIDE = (Path(__file__).resolve().parents[2] / ".." / "shared").resolve()
SHARED_SEED = (_BESIDE if _BESIDE.is_dir() else Path("/work/shared")) / "seeds" / "000_142cbd48f4fd7ea7.txt"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def yatimov() -> Report:
    if not SHARED_SEED.is_file():
        pytest.skip(f"{SHARED_SEED} is not available")
    return load_report(SHARED_SEED)


def test_shared_seed_figures(yatimov: Report) -> None:
    analysis = analyze(yatimov)
    assert sorted((f.value, f.context) for f in analysis.figures) == [
        ("11", "11 CIS countries"),
        ("150", "over 150 participants"),
        ("4,000", "more than 4,000 students"),
    ]
    by_value = {f.value: f for f in analysis.figures}
    assert by_value["4,000"].sentence.startswith("Yatimov reportedly also revealed that Tajik authorities")
    assert by_value["150"].sentence == by_value["11"].sentence
    assert [f.score for f in analysis.figures] == sorted((f.score for f in analysis.figures), reverse=True)


def test_shared_seed_quotes_all_yatimov(yatimov: Report) -> None:
    quotes = analyze(yatimov).quotes
    assert [q.speaker for q in quotes] == ["Saimumin Yatimov"] * 3
    assert quotes[0].text.startswith("Terrorist and extremist groups and their sleeper cells")
    assert quotes[0].text.endswith("attempts to destabilize the region")
    assert quotes[1].text.startswith("In recent years, international terrorist organizations")
    assert quotes[1].text.endswith("politicize Islam.")
    assert quotes[2].text == ("CIS nationals continue to take part in the ranks of international terrorist "
                              "groups operating in Syria, gaining combat experience")  # ", he added."


def test_shared_seed_decisive_measures_is_not_a_quote(yatimov: Report) -> None:
    quotes = analyze(yatimov, SummaryOptions(quotes=10)).quotes
    assert len(quotes) == 3
    assert all("decisive and comprehensive" not in q.text for q in quotes)


def test_summary_is_extractive_and_in_document_order(yatimov: Report) -> None:
    sentences = split_sentences(yatimov.text, yatimov.language)
    assert len(sentences) == 11
    for options in (SummaryOptions(), SummaryOptions(sentences=5), SummaryOptions(algorithm="lexrank")):
        summary = analyze(yatimov, options).summary
        assert len(summary) == options.sentences
        positions = [sentences.index(s) for s in summary]
        assert positions == sorted(positions)
        assert len(set(positions)) == len(positions)


@pytest.mark.parametrize(("ratio", "count"), [(0.2, 2), (0.5, 6), (1.0, 11), (0.01, 1)])
def test_ratio_option(yatimov: Report, ratio: float, count: int) -> None:
    summary = analyze(yatimov, SummaryOptions(sentences=3, ratio=ratio)).summary
    assert len(summary) == count


def test_more_sentences_than_the_report_has(yatimov: Report) -> None:
    summary = analyze(yatimov, SummaryOptions(sentences=50)).summary
    assert list(summary) == split_sentences(yatimov.text, yatimov.language)


def test_limits_for_figures_and_quotes(yatimov: Report) -> None:
    analysis = analyze(yatimov, SummaryOptions(figures=2, quotes=1))
    assert analysis.figures == analyze(yatimov).figures[:2]
    assert len(analysis.quotes) == 1
    assert analyze(yatimov, SummaryOptions(quotes=0)).quotes == ()


def test_zero_figures(yatimov: Report) -> None:
    assert analyze(yatimov, SummaryOptions(figures=0)).figures == ()


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_gives_an_extractive_summary(algorithm: str) -> None:
    report = load_report(SEEDS / "01_regional_water_conference.txt")
    sentences = split_sentences(report.text, report.language)
    summary = analyze(report, SummaryOptions(algorithm=algorithm)).summary
    assert len(summary) == 3
    # each bullet is a sentence of the report, its dateline ("ALMATY, March 3 (...) — ") cut
    positions = [next(i for i, s in enumerate(sentences) if s.endswith(b)) for b in summary]
    assert positions == sorted(set(positions))
    assert not any(b.startswith("ALMATY") for b in summary)


def test_russian_report() -> None:
    report = load_report(SEEDS / "07_ministry_statement_ru.txt")
    analysis = analyze(report)
    sentences = split_sentences(report.text, "ru")
    assert all(s in sentences for s in analysis.summary)
    assert [q.speaker for q in analysis.quotes] == ["Сухроб Каримов", "Сухроб Каримов", "Азиза Рахимова"]


def test_unknown_algorithm() -> None:
    report = Report(title="t", text="One sentence here. Another one there.", source="r.txt")
    with pytest.raises(ReportError) as info:
        analyze(report, SummaryOptions(algorithm="bogus"))
    assert info.value.source == "r.txt"
    assert info.value.reason.startswith("unknown algorithm 'bogus' (use one of default, lexrank")


def test_no_sentences() -> None:
    report = Report(title="t", text="12 34 !! ?? 56.\n\n78 -- 90.", source="digits.txt")
    with pytest.raises(ReportError) as info:
        analyze(report)
    assert str(info.value) == "digits.txt: no sentences to summarize"


def test_to_json_shape(yatimov: Report) -> None:
    data = analyze(yatimov).to_json()
    assert sorted(data) == ["figures", "language", "quotes", "summary", "title"]
    assert data["language"] == "en"
    assert data["figures"] == [{"value": f.value, "context": f.context, "sentence": f.sentence}
                               for f in analyze(yatimov).figures]
    assert {f["context"] for f in data["figures"]} == {
        "more than 4,000 students", "over 150 participants", "11 CIS countries"}
    assert data["quotes"][2]["speaker"] == "Saimumin Yatimov"
    assert sorted(data["quotes"][0]) == ["speaker", "text"]


def test_options_from_settings() -> None:
    from bot.settings import SummarySettings

    options = SummaryOptions.from_settings(
        SummarySettings(sentences=4, algorithm="lex-rank", figures=2, quotes=7))
    assert options == SummaryOptions(sentences=4, ratio=None, algorithm="lexrank", figures=2,
                                     quotes=7)


def test_options_from_any_settings_like_object_with_a_ratio() -> None:
    from types import SimpleNamespace

    section = SimpleNamespace(sentences=3, algorithm="text_rank", figures=5, quotes=0, ratio=0.2)
    assert SummaryOptions.from_settings(section) == SummaryOptions(
        sentences=3, ratio=0.2, algorithm="textrank", figures=5, quotes=0)
    with pytest.raises(ValueError, match="valid: default, lexrank"):
        SummaryOptions.from_settings(SimpleNamespace(sentences=3, algorithm="bogus", figures=5,
                                                     quotes=3))


def test_sumy_spelling_accepted_by_analyze() -> None:
    report = load_report(SEEDS / "01_regional_water_conference.txt")
    assert analyze(report, SummaryOptions(algorithm="sum-basic")).summary == \
        analyze(report, SummaryOptions(algorithm="sumbasic")).summary
