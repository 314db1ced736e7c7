"""Near-duplicate stories become one digest item naming every source."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.analysis.loaders import report_from_text
from bot.analysis.model import Analysis
from bot.analysis.pipeline import analyze
from bot.digest.build import build_digest
from bot.digest.merge import cosine, group_similar, vectors
from bot.digest.render_html import render_messages
from tests.sources.stories import WATER_AGENCY, WATER_OTHER, WATER_PAPER, WATER_WIRE

NOW = datetime(2025, 3, 5, 9, 30, tzinfo=UTC)


def analyses() -> list[Analysis]:
    return [analyze(report_from_text(body, source)) for source, body in (
        ("Wire", WATER_WIRE), ("Dushanbe Daily", WATER_OTHER), ("Agency", WATER_AGENCY),
        ("https://paper.example/canals", WATER_PAPER))]


def test_three_sources_of_one_story_are_one_item_with_every_figure_and_quote() -> None:
    wire, other, agency, paper = analyses()
    digest = build_digest([wire, other, agency, paper], created=NOW)
    assert len(digest.items) == 2
    story, tariffs = digest.items
    assert story.sources == ("Wire", "Agency", "https://paper.example/canals")
    assert story.title == "Central Asian states pledge $2.4 billion for canals"
    assert story.summary == wire.summary
    assert story.report_ids == (wire.report.id, agency.report.id, paper.report.id)
    contexts = [f.context for f in story.figures]
    for analysis in (wire, agency, paper):  # every report's figures are kept
        assert {f.context for f in analysis.figures} <= set(contexts)
    assert len(contexts) == len(set(contexts))
    assert [(q.text, q.speaker) for q in story.quotes] == [
        ("Every drop we lose is a drop our farmers will not see", "Aigerim Tulegenova"),
        ("We cannot keep watering the desert instead of our fields", "Bakhtiyor Rakhimov"),
    ]
    assert tariffs.sources == ("Dushanbe Daily",) and tariffs.also == ()
    message, = render_messages(digest)
    assert "2 reports" in message.html
    assert "<i>EN · Wire, Agency, https://paper.example/canals</i>" in message.html
    # a merged item counts as delivered for all three reports
    assert message.report_ids == (wire.report.id, agency.report.id, paper.report.id,
                                  other.report.id)


def test_different_stories_on_one_topic_stay_apart_and_order_is_kept() -> None:
    wire, other, agency, paper = analyses()
    vecs = vectors([(a.report.text, a.report.language) for a in (wire, other, agency, paper)])
    assert cosine(vecs[0], vecs[1]) < 0.1
    assert cosine(vecs[0], vecs[2]) >= 0.4 and cosine(vecs[0], vecs[3]) >= 0.4
    groups = group_similar([other, wire, paper], 0.4)
    assert [[a.report.source for a in g] for g in groups] == [
        ["Dushanbe Daily"], ["Wire", "https://paper.example/canals"]]


def test_merging_can_be_switched_off_and_exact_copies_are_one_item() -> None:
    wire, _, agency, _ = analyses()
    apart = build_digest([wire, agency], created=NOW, merge_threshold=None)
    assert [i.sources for i in apart.items] == [("Wire",), ("Agency",)]
    copy = analyze(report_from_text(WATER_WIRE, "inbox/wire-copy.txt"))
    assert copy.report.id == wire.report.id
    same = build_digest([wire, copy], created=NOW, merge_threshold=None)
    assert [i.sources for i in same.items] == [("Wire", "inbox/wire-copy.txt")]


def test_reports_in_different_languages_are_never_merged() -> None:
    english = analyze(report_from_text(WATER_WIRE, "en"))
    russian = analyze(report_from_text(
        "Страны выделят 2,4 млрд долларов на каналы\n\nМинистры водного хозяйства пяти стран "
        "Центральной Азии обещали 2,4 млрд долларов на ремонт каналов.", "ru"))
    assert len(build_digest([english, russian], created=NOW, merge_threshold=0.0).items) == 2


def test_templated_reports_about_different_places_are_not_one_story() -> None:
    def bulletin(city: str, i: int) -> str:
        return (f"{city} canal bulletin\n\nThe authority of {city} approved {i + 3}.5 million "
                f"dollars to rebuild {20 + i} kilometres of canals and {i + 2} pumping stations. "
                f"More than {1000 + 150 * i} households in {city} will get water. Engineers "
                f"warned that similar projects had taken {i + 4} years.")
    items = [analyze(report_from_text(bulletin(c, i), c))
             for i, c in enumerate(["Dushanbe", "Almaty", "Tashkent"])]
    vecs = vectors([(a.report.text, "en") for a in items])
    assert cosine(vecs[0], vecs[2]) > 0.4  # the wording alone would merge them
    assert [i.sources for i in build_digest(items, created=NOW).items] == [
        ("Dushanbe",), ("Almaty",), ("Tashkent",)]
