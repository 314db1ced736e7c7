"""The sample reports against the independently written ground truth (notes/seed_facts.md)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from bot.analysis.figures import extract_figures
from bot.analysis.loaders import load_report
from bot.analysis.model import Report
from bot.analysis.quotes import extract_quotes
from bot.analysis.sentences import split_sentences

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
NAMES = sorted(p.name for p in SEEDS.iterdir())
KARIMOV = "Сухроб Каримов"

QUOTES: dict[str, list[tuple[str, str | None]]] = {
    "01": [
        ("Every drop we lose in a leaking canal is a drop our farmers will not see in August",
         "Aigerim Tulegenova"),
        ("The rivers are still full, and that makes people complacent", "Sherali Nabiev"),
        ("By the 2040s our summer flows could fall by 10 to 15 percent, and no amount of concrete will bring "
         "that water back.", "Sherali Nabiev"),
        ("We cannot manage what we refuse to measure, and we cannot share what we do not trust",
         "Sherali Nabiev"),
        ("Water knows no borders.", None),
    ],
    "02": [
        ("We used to lose more money standing at the border than moving on the rails", "Farrukh Sharipov"),
        ("For a fruit exporter, a week at the border can mean losing the whole consignment",
         "Malika Yusupova"),
        ("Two thousand wagons are stuck somewhere in the region on any given day", "Malika Yusupova"),
        # "the minister told reporters": the report introduced "Farrukh Sharipov, Minister of Transport"
        ("If the pilot works, the corridor will be extended to the southern crossings by the end of "
         "next year", "Farrukh Sharipov"),
    ],
    "03": [
        ("The budget was executed in full for the first time in a decade, and not a single salary or pension "
         "was paid late", "Jamshed Kholov"),
        ("We have also cut arrears to suppliers by over 60 percent, which matters a great deal for small "
         "businesses", "Jamshed Kholov"),
    ],
    "04": [
        ("We see inflation returning to the target range of 5 to 7 percent only in 2026", "Dana Seitkali"),
        ("Until then, the room for cheaper credit is small, and households will feel it.", "Dana Seitkali"),
        ("Nobody should expect a boom; this is a steady, expensive recovery", None),
    ],
    "05": [
        ("We could hear them tapping back, three knocks, then three more", None),
        ("The borehole is the fastest way to reach them", "Bakhtiyor Rahimzoda"),
        ("If the rock holds, we expect to break through in 12 to 16 hours.", "Bakhtiyor Rahimzoda"),
        ("We are not stopping the pumps for a single minute", "Bakhtiyor Rahimzoda"),
    ],
    "06": [
        ("Families have lost their homes, their livestock and their seed for the spring planting, all in the "
         "same week", "Zarina Mirzoeva"),
        ("If we cannot get seed to them in the next two weeks, the hunger will come in the autumn, not now",
         "Zarina Mirzoeva"),
        ("The water is going down, but the mud stays, and the mud is where the disease is", None),
    ],
    "07": [
        ("Мигрант, который знает язык и имеет сертификат, зарабатывает в среднем на 30–40% больше и гораздо "
         "реже становится жертвой мошенников", KARIMOV),
        ("Большинство обращений касается невыплаты зарплаты и проблем с документами", KARIMOV),
        ("в ближайшие три года программа охватит все районы страны, включая отдалённые горные сёла",
         "Азиза Рахимова"),
    ],
    "08": [
        ("Мы хотим, чтобы деньги дошли до тех, кто производит, а не до тех, кто перепродаёт",
         "Ерлан Абдыкалыков"),
        ("Каждый вложенный тенге вернулся в экономику примерно в 2,5 раза", "Ерлан Абдыкалыков"),
        ("Если банки снова будут требовать залог в 150% от суммы кредита, до малого бизнеса дойдёт лишь "
         "малая часть этих денег", "Гульнара Жумабаева"),
    ],
    "09": [
        ("Такого урожая в области не было шесть лет, и главное — мы сохранили воду для хлопка",
         "Фаридун Сафаров"),
        ("Комбайны окупаются за два сезона, если техника не простаивает", "Фаридун Сафаров"),
        ("Град выбил пшеницу за двадцать минут", None),
    ],
    "10": [
        ("Our rivers gave us a generous year, but we cannot plan a budget on the weather", "Parviz Olimov"),
        ("Once that unit is running, the winter shortage should shrink by half", "Parviz Olimov"),
        ("Exports are good news, but the real test is whether the lights stay on in January", None),
    ],
    "11": [
        ("Five years ago we were begging companies to come", "Nodira Karimova"),
        ("Now we are turning people away because the halls are full", "Nodira Karimova"),
        ("We have added a second pavilion of 12,000 square metres and it sold out in nine days.",
         "Nodira Karimova"),
        ("It's the busiest week of the year for us, and we still do not have enough rooms", None),
        ("Tashkent should be the place where east and west sign their contracts", "Nodira Karimova"),
    ],
    "12": [
        ("A road is the difference between a child in school and a child at home", "Kanat Usenov"),
        ("We will start with the roads that stay closed for the longest part of the year", "Kanat Usenov"),
        ("Some villages in Naryn are cut off for four months every winter.", "Kanat Usenov"),
    ],
    "13": [
        ("The gap is no longer about vaccine supply; it is about roads, snow and trust", "Malohat Sharifova"),
        ("Mobile teams reached villages that had not seen a nurse in over a year", "Malohat Sharifova"),
        ("But we cannot send a team every month to every valley.", "Malohat Sharifova"),
        ("We have nine months to fix the weak points before the next winter", "Malohat Sharifova"),
    ],
}

# Core figures of seed_facts.md: the number phrase (as written in the text) that some figure's context
# must contain.
CORE_FIGURES: dict[str, list[str]] = {
    "01": ["$2.4 billion", "more than 600 delegates", "30 and 40 percent", "180 billion tenge",
           "about $390 million", "nearly 1,500 kilometres", "10 to 15 percent", "€150 million",
           "over 2,000 automated gauges"],
    "02": ["nearly five days", "under 24 hours", "60 and 110 hours", "420 million somoni",
           "about $38.5 million", "12.5 percent", "2.1 million tonnes", "more than 18,000 tonnes",
           "25 million somoni", "about 40 companies", "8 and 12 percent"],
    "03": ["104.2 percent", "38.6 billion somoni", "4.9 billion somoni", "about 83 percent",
           "under 1.1 billion somoni", "39.9 billion somoni", "1.8 percent", "15 billion somoni",
           "nearly 40 percent", "28 and 30 percent", "up to $500 million"],
    "04": ["4.8 percent", "8.6 percent", "nearly 10 percent", "more than 9 percent",
           "about 135 trillion tenge", "roughly $270 billion", "87.7 million tonnes", "over $15 billion",
           "15.25 percent", "about 11 percent", "4 and 5 percent", "$70", "2.5 trillion tenge"],
    "05": ["37 miners", "some 420 metres", "Six miners", "More than 200 rescuers", "about 350 cubic metres",
           "nearly 500 workers", "at least nine days"],
    "06": ["More than 12,000 people", "about 2,300 homes", "nearly 40 villages", "Nine people",
           "$4.5 million", "38 percent", "more than 40 tonnes", "200 and 250 patients", "1,500 somoni",
           "Some two thousand families"],
    "07": ["более 4 тыс. человек", "12,5%", "1,2 тыс. сомони", "около 300 сомони", "около 85 тыс. рублей",
           "5 млн рублей", "почти 9,5 тыс. обращений", "свыше 18 млн сомони"],
    "08": ["600 млрд тенге", "6 до 7%", "не менее 70%", "почти 1,3 тыс. компаний",
           "свыше 11 тыс. рабочих мест", "около 36%"],
    "09": ["более 520 тыс. тонн", "8,3%", "38 центнеров", "свыше 96 тыс. гектаров", "85%", "3,2–3,5 сомони",
           "45 млн сомони", "около 120 новых комбайнов", "10 до 15%"],
    "10": ["3.2 billion kilowatt-hours", "18 percent", "about $150 million", "nearly 60 percent",
           "up to 1.5 billion kilowatt-hours", "over 600 megawatts", "more than 7 billion somoni",
           "$95 million", "1 and 2 percent"],
    "11": ["1,400 companies", "about 60,000 visitors", "more than $3 billion", "11.5 percent",
           "about $26.9 billion", "20 and 35 percent", "over €200", "up to 2,500 exhibitors",
           "around $110 million"],
    "12": ["€300 million", "about 1,100 kilometres", "1.5 percent", "30 years", "$45 million",
           "nearly $370 million", "More than 40 percent", "15 and 25 percent", "some 6,000 seasonal jobs",
           "roughly €40 million"],
    "13": ["96.4 percent", "82 and 88 percent", "nearly 7,000 children", "610 million somoni",
           "about 35 percent",
           "around $19 million", "40 to 60 percent", "€2.1 million", "more than 300 additional nurses",
           "1.1 million children"],
}

# Core figures that need the harder rules: compound number words, ranges with a unit on
# both ends, and an approximate number with no noun after it.
HARD_CORE_FIGURES = [
    ("05", "Thirty-one miners"),
    ("06", "€6 million and €8 million"),
    ("08", "1,5 млрд до 2 млрд тенге"),
    ("11", "just over 900"),
]

# Numbers seed_facts.md lists as "not figures"; none may show up in any figure.
NOT_FIGURES: dict[str, list[str]] = {
    "01": ["March 3", "2040", "2026"],
    "02": ["March 4", "2024"],
    "03": ["2024", "2025"],
    "04": ["2024", "2025", "2026", "fourth quarter"],
    "05": ["No. 3", "14:30", "06:40", "11:00", "20:00", "March 5"],
    "06": ["48213", "412", "2 killed", "40 homes", "5,000", "20%", "2025", "April 18", "09:30"],
    "07": ["2024", "2025"],
    "08": ["5 марта", "2025", "2030"],
    "09": ["12 июля"],
    "10": ["January 20", "2023", "2026"],
    "11": ["10:05", "12:41", "3 March 2025", "Comments", "2026", "March 18"],
    "12": ["14 February", "2025", "Page 1"],
    "13": ["2021", "2027"],
}


@cache
def seed(prefix: str) -> Report:
    [name] = [n for n in NAMES if n.startswith(prefix)]
    return load_report(SEEDS / name)


@cache
def all_figures(prefix: str) -> list[str]:
    report = seed(prefix)
    sentences = split_sentences(report.text, report.language)
    return [" ".join(f.context.split()) for f in extract_figures(sentences, report.language, limit=1000)]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("prefix", sorted(QUOTES))
def test_seed_quotes_and_speakers(prefix: str) -> None:
    report = seed(prefix)
    found = [(flat(q.text), q.speaker) for q in extract_quotes(report.text, language=report.language)]
    assert found == QUOTES[prefix]


@pytest.mark.parametrize(("prefix", "needle"), [(p, n) for p, ns in sorted(CORE_FIGURES.items()) for n in ns])
def test_seed_core_figure_found(prefix: str, needle: str) -> None:
    assert any(needle in context for context in all_figures(prefix)), all_figures(prefix)


@pytest.mark.parametrize(("prefix", "needle"), HARD_CORE_FIGURES)
def test_seed_hard_core_figure_found(prefix: str, needle: str) -> None:
    assert any(needle in context for context in all_figures(prefix)), all_figures(prefix)


@pytest.mark.parametrize("prefix", sorted(NOT_FIGURES))
def test_seed_not_figures(prefix: str) -> None:
    contexts = all_figures(prefix)
    for needle in NOT_FIGURES[prefix]:
        assert not [c for c in contexts if needle in c], needle


@pytest.mark.parametrize("prefix", sorted(QUOTES))
def test_seed_figure_contexts_are_verbatim(prefix: str) -> None:
    report = seed(prefix)
    sentences = split_sentences(report.text, report.language)
    for figure in extract_figures(sentences, report.language, limit=1000):
        assert flat(figure.context) in flat(figure.sentence), figure.context


def test_seed_quotes_are_verbatim_in_text() -> None:
    for prefix in QUOTES:
        text = flat(seed(prefix).text)
        for quote in extract_quotes(seed(prefix).text, language=seed(prefix).language):
            assert flat(quote.text) in text
