"""Direct quotations and their speakers, in English and Russian."""

from __future__ import annotations

import re

import pytest

from bot.analysis.quotes import extract_quotes


def language(text: str) -> str:
    return "ru" if re.search("[а-яё]", text, re.IGNORECASE) else "en"


def quotes(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes(text, language=language(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"The plan is ready for all of us," said Mary Brown.',
         [("The plan is ready for all of us", "Mary Brown")]),
        ("“We will build the canal this year,” said Sherali Nabiev, Minister of Energy.",
         [("We will build the canal this year", "Sherali Nabiev")]),
        ('Minister of Finance Jamshed Kholov said: "We have done it all this year."',
         [("We have done it all this year.", "Jamshed Kholov")]),
        ("“We are ready to start,” Petrov told reporters.", [("We are ready to start", "Petrov")]),
    ],
)
def test_named_speaker(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quotes(text) == expected


def test_split_quote_is_two_quotes_with_one_speaker() -> None:
    text = "“We are ready,” said John Smith, the mayor. “We will win the vote next week.”"
    assert quotes(text) == [("We are ready", "John Smith"), ("We will win the vote next week.", "John Smith")]


def test_split_quote_around_pronoun() -> None:
    text = ("“The borehole is the fastest way,” said Bakhtiyor Rahimzoda. Then he paused. "
            "“It is close,” he said. “We expect to break through in 12 to 16 hours.”")
    assert quotes(text) == [
        ("The borehole is the fastest way", "Bakhtiyor Rahimzoda"),
        ("It is close", "Bakhtiyor Rahimzoda"),
        ("We expect to break through in 12 to 16 hours.", "Bakhtiyor Rahimzoda"),
    ]


def test_he_added_resolves_to_last_named_speaker_from_narrative() -> None:
    text = "John Smith said the plan was ready. “We are ready to start the work now,” he added."
    assert quotes(text) == [("We are ready to start the work now", "John Smith")]


def test_pronoun_gender_picks_the_right_speaker() -> None:
    text = ("“We are ready to start the work now,” said Malika Yusupova. “Prices will fall next year,” "
            "said Farrukh Sharipov. “Exporters will not wait for anyone,” she added.")
    assert quotes(text) == [
        ("We are ready to start the work now", "Malika Yusupova"),
        ("Prices will fall next year", "Farrukh Sharipov"),
        ("Exporters will not wait for anyone", "Malika Yusupova"),
    ]


def test_non_speech_verb_does_not_steal_the_pronoun() -> None:
    text = ("“We are ready to start the work now,” said Mary Brown. Later she met Tom Green. "
            "“It went well for all of us,” she added.")
    assert quotes(text) == [
        ("We are ready to start the work now", "Mary Brown"),
        ("It went well for all of us", "Mary Brown"),
    ]


def test_surname_maps_to_full_name_seen_before() -> None:
    text = ("“The budget was executed in full,” said Jamshed Kholov. "
            "“Arrears fell by a third this year,” Kholov said.")
    assert [q.speaker for q in extract_quotes(text)] == ["Jamshed Kholov", "Jamshed Kholov"]


@pytest.mark.parametrize(
    "text",
    [
        'The minister called it a "historic step" for the region.',
        'He read "War and Peace" twice.',
        "The so-called “water passport” scheme starts in May.",
        "Он назвал это «зелёным коридором» для грузов.",
        "Агентство «Степь» сообщило об этом в среду.",
    ],
)
def test_scare_quotes_and_titles_are_not_quotes(text: str) -> None:
    assert quotes(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“This is not a good sign for anyone here,” a passer-by shouted.",
         [("This is not a good sign for anyone here", None)]),
        ("A banner read: “Water knows no borders.”", [("Water knows no borders.", None)]),
        ("“We are ready,” he said.", [("We are ready", None)]),  # no named speaker to resolve to
        ("«Град выбил пшеницу за двадцать минут», — сказал фермер из Зафарабадского района.",
         [("Град выбил пшеницу за двадцать минут", None)]),
    ],
)
def test_unknown_speaker_is_none(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert quotes(text) == expected


def test_russian_guillemets_with_dash_attribution() -> None:
    text = "«Мы готовы начать работу сегодня», — заявил министр энергетики Иван Петров."
    assert quotes(text) == [("Мы готовы начать работу сегодня", "Иван Петров")]


def test_russian_pronoun_resolves_to_named_speaker() -> None:
    text = "Иван Петров заявил, что план готов. «Мы готовы начать работу», — добавил он."
    assert quotes(text) == [("Мы готовы начать работу", "Иван Петров")]


def test_russian_she_said_after_feminine_verb() -> None:
    text = ("Гульнара Жумабаева назвала программу своевременной. "
            "«Залог остаётся главной проблемой для малого бизнеса», — сказала она.")
    assert quotes(text) == [("Залог остаётся главной проблемой для малого бизнеса", "Гульнара Жумабаева")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("По словам министра Азизы Рахимовой, «в ближайшие годы программа охватит все районы».",
         "Азиза Рахимова"),
        ("По словам заместителя министра Ивана Петрова, «программа охватит все районы страны».",
         "Иван Петров"),
    ],
)
def test_po_slovam_genitive_becomes_nominative(text: str, speaker: str) -> None:
    [quote] = extract_quotes(text, language="ru")
    assert quote.speaker == speaker


def test_em_dash_inside_quote_is_part_of_it() -> None:
    text = "«Урожай хороший, и главное — мы сохранили воду», — заявил Фаридун Сафаров."
    assert quotes(text) == [("Урожай хороший, и главное — мы сохранили воду", "Фаридун Сафаров")]


def test_limit_and_document_order() -> None:
    text = " ".join(f"“Point number {n} is about the plan,” said Mary Brown." for n in range(5))
    found = extract_quotes(text, limit=2)
    assert [(q.text, q.speaker) for q in found] == [("Point number 0 is about the plan", "Mary Brown"),
                                                    ("Point number 1 is about the plan", "Mary Brown")]
    assert text[found[1].start: found[1].end] == "Point number 1 is about the plan,"


def test_unclosed_quote_runs_to_the_end_of_its_paragraph() -> None:
    assert quotes("“This quote never ends and runs on.\n\nNext paragraph here.") == [
        ("This quote never ends and runs on.", None)]


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
def test_quote_rules_lists_have_no_repeats(code: str) -> None:
    from bot.analysis.lang import get_pack

    rules = get_pack(code).quotes
    for name in rules.__dataclass_fields__:
        value = getattr(rules, name)
        if isinstance(value, tuple):
            assert len(value) == len(set(value)), name


def test_quoted_paragraphs_run_together_on_one_line_are_separate_quotes() -> None:
    text = ('Mary Brown was asked about the budget.\n'
            'She replies: "Where is the money? "If we cut the grant, the pool closes for good. '
            '"Nobody in this town wants that to happen."\n')
    assert quotes(text) == [("Where is the money?", "Mary Brown"),
                            ("If we cut the grant, the pool closes for good.", "Mary Brown"),
                            ("Nobody in this town wants that to happen.", "Mary Brown")]
