"""Russian reports: exact figures, quotes and speakers, and the digest in Russian."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from bot.analysis.loaders import report_from_text
from bot.analysis.pipeline import analyze
from bot.analysis.sentences import split_sentences
from bot.analysis.tokens import content_stems, stop_words
from bot.digest.build import build_digest
from bot.digest.render_html import render_messages
from bot.digest.render_text import render_text

NOW = datetime(2025, 3, 5, 9, 30, tzinfo=UTC)
MIGRANTS = (
    "Министерство сообщило о подготовке мигрантов\n\n"
    "В 2024 году более 4 тыс. человек прошли бесплатные курсы перед выездом на работу за рубеж. "
    "Представительство министерства в Москве направило 5 млн рублей на работу горячей линии, "
    "куда поступило почти 9,5 тыс. обращений. "
    "«Мигрант, который знает язык, зарабатывает больше», — заявил заместитель министра Сухроб "
    "Каримов. По словам Азизы Рахимовой, программа охватит все районы страны в ближайшие три года. "
    "«Курсы продлятся до конца года», — добавила она. "
    "Обучение одного слушателя обходится государству примерно в 1,2 тыс. сомони."
)


def test_russian_report_figures_quotes_and_speakers() -> None:
    report = report_from_text(MIGRANTS, "mintrud.txt")
    analysis = analyze(report)
    assert report.language == "ru"
    assert [(f.value, f.context) for f in analysis.figures] == [
        # Sums carry who spent them: a bare "5 млн рублей" says nothing in a digest.
        ("5 млн рублей", "Представительство министерства в Москве направило 5 млн рублей"),
        ("1,2 тыс. сомони", "Обучение одного слушателя обходится государству примерно в 1,2 тыс. сомони"),
        ("4 тыс.", "более 4 тыс. человек"),
        ("9,5 тыс.", "почти 9,5 тыс. обращений"),
        ("три", "в ближайшие три года"),
    ]
    assert [(q.text, q.speaker) for q in analysis.quotes] == [
        ("Мигрант, который знает язык, зарабатывает больше", "Сухроб Каримов"),
        ("Курсы продлятся до конца года", "Азиза Рахимова"),  # "добавила она" -> last speaker
    ]


def test_russian_sentences_stems_and_stop_words() -> None:
    sentences = split_sentences(MIGRANTS.split("\n\n", 1)[1], "ru")
    assert sentences[0] == ("В 2024 году более 4 тыс. человек прошли бесплатные курсы перед "
                            "выездом на работу за рубеж.")  # "тыс." does not end a sentence
    assert len(sentences) == 6
    assert {"и", "в", "на", "что"} <= stop_words("ru")
    assert content_stems("Министерство министра министерства", "ru") == [
        "министерств", "министр", "министерств"]


def test_a_time_unit_ends_the_counted_phrase() -> None:
    report = report_from_text("Программа\n\nВ ближайшие три года программа охватит все районы.",
                              "x")
    assert [f.context for f in analyze(report).figures] == ["В ближайшие три года"]


def test_digest_labels_in_russian_and_byte_identical_english() -> None:
    unattributed = "«Программа должна работать в каждом районе страны без исключений». "
    body = MIGRANTS.replace("«Курсы продлятся до конца года», — добавила она. ", unattributed)
    analysis = analyze(report_from_text(body, "mintrud.txt"))
    quote = "«Программа должна работать в каждом районе страны без исключений» — "
    digest = build_digest([analysis], created=NOW, failures=["bad.pdf: broken"])
    russian, = render_messages(digest, language="ru")
    english, = render_messages(digest)
    assert russian.html.startswith("<b>Сводка отчётов</b> · 05 мар 2025 09:30 UTC · 1 отчёт\n\n")
    assert english.html.startswith("<b>Briefing digest</b> · 05 Mar 2025 09:30 UTC · 1 report\n\n")
    figures = re.search(r"<b>Ключевые цифры:</b> (.*)\n", russian.html).group(1).split("; ")
    assert sorted(figures) == sorted([
        "более 4 тыс. человек", "Представительство министерства в Москве направило 5 млн рублей",
        "почти 9,5 тыс. обращений",
        "Обучение одного слушателя обходится государству примерно в 1,2 тыс. сомони",
        "в ближайшие три года"])
    assert quote + "<i>автор не указан</i>" in russian.html
    assert quote + "<i>unattributed</i>" in english.html
    assert english.html.replace("Briefing digest", "Сводка отчётов").replace(
        "Key figures", "Ключевые цифры").replace("unattributed", "автор не указан").replace(
        "Mar", "мар").replace("1 report", "1 отчёт") == russian.html
    text = render_text(digest, language="ru")
    assert text.endswith("Не вошли в сводку:\n  ! bad.pdf: broken\n")
    assert render_text(digest).endswith("Not included:\n  ! bad.pdf: broken\n")


@pytest.mark.parametrize("count, noun", [(1, "отчёт"), (2, "отчёта"), (5, "отчётов"),
                                         (11, "отчётов"), (21, "отчёт"), (23, "отчёта")])
def test_russian_report_counts(count: int, noun: str) -> None:
    from bot.digest.layout import header
    assert header(NOW, count, "ru")[1] == f"Сводка отчётов · 05 мар 2025 09:30 UTC · {count} {noun}"


def test_every_bot_message_exists_in_both_languages_with_the_same_placeholders() -> None:
    import string

    from bot.chat.texts import COMMANDS, TEXTS

    def fields(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    assert TEXTS["en"].keys() == TEXTS["ru"].keys()
    for key in TEXTS["en"]:
        assert fields(TEXTS["en"][key]) == fields(TEXTS["ru"][key]), key
    assert [c for c, _ in COMMANDS["en"]] == [c for c, _ in COMMANDS["ru"]]
