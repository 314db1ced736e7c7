"""Summaries without debris: datelines cut, wrap dots repaired, captions, headers, stamps and
unnamed or repeated quotes never chosen. The raw-news texts are written for briefbot in the
style of CNN and Daily Mail copy (no text from either)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.analysis.loaders import load_report, report_from_text
from bot.analysis.model import Quote
from bot.analysis.pipeline import analyze, unfit_for_summary
from bot.analysis.ranking.furniture import is_debris

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

CNN = (
    "LONDON, England (CNN) -- Rescuers pulled four hikers from a flooded cave in north Wales on"
    " Saturday after a 30-hour operation that involved more than 60 volunteers. The hikers, all"
    " students from Manchester, had entered the cave on Thursday and were trapped when heavy rain"
    " raised the water behind them. The rescue team, pictured at the cave entrance on Friday,"
    " worked in shifts through the night to pump water out of the cave. Divers reached the"
    " hikers early on Saturday and found the students cold but unhurt on a dry ledge. Police"
    " said the students had told friends where they were going. (Getty Images)"
)

DAILY_MAIL = (
    "By . Daily Mail Reporter . PUBLISHED: . 09:12 EST, 4 June 2013 . | . UPDATED: . 11:40 EST,"
    " 4 June 2013 . A woman who . claims she was bitten by a fox in her own kitchen has called on"
    " the council to . do more about the foxes in her street. Bitten: Sarah Collins, pictured"
    " with her daughter, says the foxes in her street have become bolder. She was treated at"
    " hospital after the fox bit her. The council said it had received 40 complaints about foxes"
    " this year, up from 12 last year. Scroll down for video ."
)


def test_cnn_dateline_cut_and_sentence_kept() -> None:
    summary = analyze(report_from_text(CNN, "cnn.txt")).summary
    assert summary[0] == (
        "Rescuers pulled four hikers from a flooded cave in north Wales on Saturday after a"
        " 30-hour operation that involved more than 60 volunteers.")
    assert not any("pictured" in s or "Getty" in s or "(CNN)" in s for s in summary)


def test_daily_mail_byline_wrap_dots_and_caption() -> None:
    summary = analyze(report_from_text(DAILY_MAIL, "dm.txt")).summary
    assert summary[0] == (
        "A woman who claims she was bitten by a fox in her own kitchen has called on the council"
        " to do more about the foxes in her street.")
    assert not any("pictured" in s or " . " in s or "PUBLISHED" in s for s in summary)


@pytest.mark.parametrize(
    "sentence",
    [
        "Prepared by the Steppe Analytics research desk.",
        "*Prepared by the Steppe Analytics research desk.",
        "Briefing note, Bishkek, 14 February 2025",
        "Committee of Emergency Situations, operational summary No. 3, issued at 14:30 local time.",
        "The next operational summary will be issued at 20:00.",
        "Reporting by Dana Seitkali; editing by Tom Hughes.",
        "Senator Fallon, pictured left, spent two years negotiating the bill.",
        "A worker at a tree nursery waters seedlings outside Nairobi (Getty Images).",
        "Photo: Reuters",
    ],
)
def test_english_debris(sentence: str) -> None:
    assert is_debris(sentence, "en")


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Подготовил Алексей Иванов.", "ru"),
        ("Оперативная сводка № 4 за 10 мая.", "ru"),
        ("Фото: пресс-служба хякумата.", "ru"),
        ("Підготувала Олена Коваль.", "uk"),
        ("На фото: рятувальники на місці аварії.", "uk"),
    ],
)
def test_russian_and_ukrainian_debris(sentence: str, language: str) -> None:
    assert is_debris(sentence, language)


@pytest.mark.parametrize(
    "sentence",
    [
        "Six miners remain trapped in a ventilation chamber on the lowest level.",
        "The report was prepared in two weeks by a team of 14 experts.",
        "Exports rose in 2024",  # an unpunctuated bullet, but no metadata
        "The statement said revenue rose by 14.5 percent.",
        "Rescuers believe an air pocket has formed, and pumps work around the clock.",
    ],
)
def test_news_is_not_debris(sentence: str) -> None:
    assert not is_debris(sentence, "en")


@pytest.mark.parametrize(
    ("seed", "header"),
    [
        ("04_quarterly_economic_bulletin.md", "Prepared by the Steppe Analytics research desk."),
        ("05_mine_flooding_incident.txt", "Committee of Emergency Situations, operational summary"),
        ("12_development_fund_briefing.pdf", "Briefing note, Bishkek, 14 February 2025"),
    ],
)
def test_seed_headers_never_summarized(seed: str, header: str) -> None:
    summary = analyze(load_report(SEEDS / seed)).summary
    assert len(summary) == 3
    assert not any(s.startswith(header) for s in summary)


def test_mine_report_says_the_miners_are_trapped() -> None:
    summary = analyze(load_report(SEEDS / "05_mine_flooding_incident.txt")).summary
    assert summary[2] == ("Six miners remain trapped in a ventilation chamber on the lowest"
                          " level, where rescuers believe an air pocket has formed.")


def test_no_bullet_ends_with_an_unnamed_speaker() -> None:
    analysis = analyze(load_report(SEEDS / "08_small_business_loans_ru.txt"))
    assert not any(s.endswith("— сказала она.") for s in analysis.summary)
    assert analysis.summary[0].startswith("Правительство Казахстана в 2025 году направит")


def test_pronoun_attributions_are_unfit_in_each_language() -> None:
    sentences = [
        "The plan was approved on Monday.",
        "“We will start in May,” he said.",
        "«Мы начнём в мае», — сказала она.",
        "«Ми почнемо у травні», — заявив він.",
        "“We will start in May,” said Ali Karimov.",
    ]
    assert unfit_for_summary(sentences, [], "en") == {1}
    assert unfit_for_summary(sentences, [], "ru") == {2}
    assert unfit_for_summary(sentences, [], "uk") == {3}


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("“It will take years,” she told the BBC.", "en"),
        ("“It will take years,” they told reporters.", "en"),
        ("«Это займёт годы», — считает она.", "ru"),
        ("«Это займёт годы», — сказал он журналистам.", "ru"),
        ("«Це забере роки», — каже вона.", "uk"),
        ("«Це забере роки», — зазначила вона в інтерв'ю.", "uk"),
    ],
)
def test_more_unnamed_attributions(sentence: str, language: str) -> None:
    assert unfit_for_summary([sentence], [], language) == {0}


def test_named_attributions_stay_candidates() -> None:
    sentences = ["«Это займёт годы», — сказала Анна Петрова.",
                 "“It will take years,” Mr Greene told the BBC."]
    assert unfit_for_summary(sentences, [], "ru") == frozenset()
    assert unfit_for_summary(sentences, [], "en") == frozenset()


def test_a_bare_quotation_listed_with_its_speaker_is_not_repeated() -> None:
    sentences = [
        "Ali Karimov, the water minister, said the dam would open in May.",
        "“The dam will give water to 40,000 farms in the valley.”",
        "“Nobody should expect miracles.”",
        "“The dam will give water,” said Karimov, who spoke to reporters after a long meeting"
        " of the cabinet in the capital on Monday.",
    ]
    quotes = [Quote("The dam will give water to 40,000 farms in the valley.", "Ali Karimov"),
              Quote("Nobody should expect miracles.", None)]
    # the unattributed quote stays a candidate: the digest does not list who said it
    assert unfit_for_summary(sentences, quotes, "en") == {1}


def test_a_repeat_is_found_in_plain_ascii_and_in_accented_text_alike() -> None:
    # Letters only count, case and digits aside: "full-year" repeats "Full year", "Élan" "élan".
    quotes = [Quote("Our full-year results show élan, in 2024 and 2025.", "Jo Park"),
              Quote("Exports rose 3% in May.", "Ann Lee")]
    sentences = [
        '"OUR FULL YEAR RESULTS SHOW ELAN IN 2024 AND 2025."',  # plain ASCII: no accent, no repeat
        '"Our Full year results show Élan in 2024 and 2,025."',
        '"Exports_rose in May!"',
        '"Exports rose in May," Ms Lee told a briefing of the trade ministry in the capital.',
    ]
    assert unfit_for_summary(sentences, quotes, "en") == {1, 2}


@pytest.mark.parametrize(
    "sentence",
    ["Briefing note, Bishkek, 14 February 2025", "Situation report, Dushanbe, 09.04.2025",
     "Аналитическая записка, Алматы, 3 марта 2025"],
)
def test_metadata_lines(sentence: str) -> None:
    assert is_debris(sentence, "ru" if sentence[0] == "А" else "en")


@pytest.mark.parametrize(
    "sentence",
    [
        "Rescued: The four hikers were taken to hospital in Bangor.",
        "Heartbroken: Sarah Collins says the foxes have become bolder.",
        "Tragedy: Mr Smith's widow spoke outside the court.",
        "CNN's Jane Doe contributed to this report.",
        "This material may not be published, broadcast, rewritten or redistributed.",
    ],
)
def test_caption_labels_and_report_credits(sentence: str) -> None:
    sentences = [sentence, "The council met on Monday to discuss the foxes in the street."]
    assert unfit_for_summary(sentences, [], "en") == {0}


@pytest.mark.parametrize(
    "sentence",
    ["Oil production: 87.7 million tonnes, up 2.1 percent.", "She added: The plan is ready.",
     "He said: The plan is ready.",  # a lower-case word before the label is prose
     "The minister said it would open in May."],
)
def test_labels_that_are_not_captions(sentence: str) -> None:
    assert not is_debris(sentence, "en")
