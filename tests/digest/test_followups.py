"""Follow-ups, pure: which delivered story a report continues, and which of its sentences are new."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from bot.analysis.model import Report, SummaryOptions
from bot.analysis.pipeline import analyze
from bot.digest.build import build_digest
from bot.digest.buttons import Press, full_data, item_buttons, more_data, parse_press
from bot.digest.followups import (
    Delivered,
    More,
    find_predecessor,
    mark_followups,
    more_sentences,
    novel_summary,
    novelty,
    ranked_order,
    report_sentences,
)
from bot.digest.render_text import render_text

OPTIONS = SummaryOptions()

# A three-report story: the flood (day 1), the toll rises (day 2), the army is sent (day 2).
FLOOD = Report(
    "Floods force 1,200 from their homes in Riverton",
    "Floods forced 1,200 people from their homes in Riverton on Monday after the Kura river "
    "burst its banks. The water rose 3 metres in six hours, the regional emergency service said. "
    "Rescue teams evacuated two schools and the district hospital. \u201cWe have never seen the "
    "river rise this fast,\u201d said Mayor Olga Brandt. Roads to the north of the town remain "
    "closed.", "wire")
TOLL = Report(
    "Riverton flood toll rises to 14",
    "Floods that forced 1,200 people from their homes in Riverton have killed 14 people, the "
    "regional emergency service said on Tuesday. The Kura river burst its banks on Monday and "
    "rose 3 metres in six hours. The death toll rose from 4 overnight as rescuers reached "
    "villages downstream. About 300 homes in Riverton were destroyed and 2,500 more were "
    "damaged. The government released 40 million euros for repairs. \u201cWe have never seen the "
    "river rise this fast,\u201d said Mayor Olga Brandt.", "wire")
ARMY = Report(
    "Army sent to Riverton as flood toll reaches 17",
    "The floods in Riverton have now killed 17 people, up from 14 on Tuesday morning, the "
    "regional emergency service said. About 300 homes in Riverton were destroyed and 2,500 more "
    "were damaged when the Kura river burst its banks on Monday. The army sent 500 soldiers to "
    "build dams along the Kura river. Rescuers reached the last villages downstream on Tuesday "
    "night. The floods forced 1,200 people from their homes in Riverton.", "wire")
OTHER = Report(
    "Rail green corridor opens at the northern border",
    "Tajikistan will open a green corridor for rail freight at two northern crossings in April. "
    "Waiting times for container trains will fall from five days to under 24 hours. Exporters "
    "welcomed the decision.", "wire")

TOLL_NEW = (
    "Floods that forced 1,200 people from their homes in Riverton have killed 14 people, the "
    "regional emergency service said on Tuesday.",
    "The death toll rose from 4 overnight as rescuers reached villages downstream.",
    "About 300 homes in Riverton were destroyed and 2,500 more were damaged.",
)


def delivered(report: Report, summary: tuple[str, ...] | None = None) -> Delivered:
    return Delivered(report, report.title, analyze(report, OPTIONS).summary
                     if summary is None else summary)


def select(report: Report, seen: tuple[str, ...], count: int = 3):
    sentences = report_sentences(report)
    return novel_summary(sentences, ranked_order(report, sentences, OPTIONS), seen, count,
                         report.language)


def test_ranked_order_starts_with_the_summary_and_never_repeats():
    sentences = report_sentences(TOLL)
    order = list(ranked_order(TOLL, sentences, OPTIONS))
    assert order == [0, 1, 3, 2, 4, 5]
    assert tuple(sentences[i] for i in sorted(order[:3])) == analyze(TOLL, OPTIONS).summary


def test_novelty_weighs_numbers_and_stems():
    seen = {"flood", "riverton", "#14"}
    assert novelty("Floods in Riverton.", seen, "en") == 0.0
    assert novelty("Floods killed 14.", seen, "en") == 1 / 4  # flood, kill, 14 (weighs 2)
    assert novelty("Army sent.", set(), "en") == 1.0


def test_the_update_shows_the_new_facts_not_the_retold_story():
    flood_summary = analyze(FLOOD, OPTIONS).summary
    selection = select(TOLL, flood_summary)
    # "The Kura river burst its banks on Monday and rose 3 metres..." retells day 1: left out
    assert selection.summary == TOLL_NEW
    assert selection.next_offset == 4  # the retold sentence (rank 2) is passed over


def test_the_third_report_skips_what_the_update_already_said():
    seen = analyze(FLOOD, OPTIONS).summary + TOLL_NEW
    selection = select(ARMY, seen)
    assert selection.summary == (
        "The floods in Riverton have now killed 17 people, up from 14 on Tuesday morning, the "
        "regional emergency service said.",
        "The army sent 500 soldiers to build dams along the Kura river.",
    )


def test_a_repeated_sentence_is_never_taken_even_when_nothing_else_is_new():
    sentences = ["Floods hit Riverton on Monday.", "Floods hit Riverton, the mayor said."]
    seen = ("Floods hit Riverton on Monday.",)
    only_covered = novel_summary(sentences, iter([0, 1]), seen, 2, "en")
    assert only_covered.summary == ("Floods hit Riverton, the mayor said.",)  # best non-repeat
    nothing = novel_summary(sentences[:1], iter([0]), seen, 2, "en")
    assert nothing.summary == () and nothing.next_offset == 1


def test_find_predecessor_is_the_latest_same_story_delivery():
    toll = analyze(TOLL, OPTIONS)
    assert find_predecessor(toll, [delivered(OTHER), delivered(FLOOD)], 0.4).report == FLOOD
    army = analyze(ARMY, OPTIONS)
    newest_first = [delivered(TOLL, TOLL_NEW), delivered(FLOOD)]
    assert find_predecessor(army, newest_first, 0.4).report == TOLL
    assert find_predecessor(analyze(OTHER, OPTIONS), newest_first, 0.4) is None


def test_mark_followups_labels_the_update_and_leaves_other_items_alone():
    analyses = [analyze(TOLL, OPTIONS), analyze(OTHER, OPTIONS)]
    digest = build_digest(analyses, created=datetime(2026, 3, 3, 9, tzinfo=UTC),
                          merge_threshold=None)
    marked = mark_followups(digest, analyses, [delivered(FLOOD)], OPTIONS, 0.4)
    update, other = marked.items
    assert (update.update_to, update.summary, update.shown_until) == (FLOOD.title, TOLL_NEW, 4)
    assert other == digest.items[1]
    text = render_text(marked, with_header=False)
    assert text.startswith("Riverton flood toll rises to 14\nEN · wire\n"
                           "Update to: Floods force 1,200 from their homes in Riverton\n• Floods")


def test_more_goes_on_in_ranked_order_three_at_a_time():
    sentences = report_sentences(TOLL)
    assert more_sentences(TOLL, OPTIONS, 3) == More(
        (sentences[2], sentences[4], sentences[5]), 6, 0)
    assert more_sentences(TOLL, OPTIONS, 1, step=2) == More((sentences[1], sentences[3]), 3, 3)
    assert more_sentences(TOLL, OPTIONS, 6) == More((), 6, 0)


def test_more_stops_at_max_more_on_a_long_report():
    long = Report("Audit", " ".join(f"Sluice {i} in the valley needs {i} new gates." for i in
                                    range(40)), "wire")
    deep = more_sentences(long, OPTIONS, 27)
    assert (len(deep.sentences), deep.next_offset, deep.remaining) == (3, 30, 0)
    assert more_sentences(long, OPTIONS, 30) == More((), 30, 0)
    assert more_sentences(long, OPTIONS, 3).remaining == 24


def test_the_update_line_is_in_the_bots_language():
    analyses = [analyze(TOLL, OPTIONS)]
    digest = mark_followups(build_digest(analyses, created=datetime(2026, 3, 3, 9, tzinfo=UTC)),
                            analyses, [delivered(FLOOD)], OPTIONS, 0.4)
    lines = render_text(digest, with_header=False, language="ru").splitlines()
    assert lines[2] == "Продолжение: Floods force 1,200 from their homes in Riverton"


def test_button_data_carries_ids_only_and_anything_else_is_foreign():
    assert parse_press(more_data("0f9b15423b65", 4)) == Press("more", "0f9b15423b65", 4)
    assert parse_press(full_data("0f9b15423b65")) == Press("full", "0f9b15423b65")
    for foreign in (None, "", "m:0f9b15423b65", "f:0f9b15423b65:3", "x:0f9b15423b65",
                    "f:../etc/passwd", "m:abc:-1", "m:abc:1234567", "f:" + "a" * 49):
        assert parse_press(foreign) is None, foreign
    item = build_digest([analyze(TOLL, OPTIONS)]).items[0]
    assert item_buttons(item, 2, "ru") == (("Ещё 2", f"m:{TOLL.id}:3"),
                                           ("Полный текст 2", f"f:{TOLL.id}"))
    assert item_buttons(replace(item, report_id="r" * 70), 2, "en") == ()  # over 64 bytes
