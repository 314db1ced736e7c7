"""English speakers, one test per way news attributes a quotation (texts written for the tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.analysis.loaders import load_report
from bot.analysis.quotes import MAX_QUOTE_CHARS, extract_quotes

REPO = Path(__file__).resolve().parents[2]
SEED = next((p for base in (REPO.parent / "shared", Path("/work/shared"))
             for p in sorted((base / "seeds").glob("000_*.txt"))), None)


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes(text, "en")]


def test_paragraphs_that_are_only_quotation_continue_the_speaker() -> None:
    text = ("Maurice Greene finished second in the 60m final on Saturday.\n"
            "Mr Greene said:\n"
            '"I ran a good race but not a great one."\n'
            '"The season is long and I will be faster in March."\n'
            '"Nobody should write me off yet."\n')
    assert speakers(text) == [
        ("I ran a good race but not a great one.", "Maurice Greene"),
        ("The season is long and I will be faster in March.", "Maurice Greene"),
        ("Nobody should write me off yet.", "Maurice Greene"),
    ]


def test_quote_paragraphs_after_a_quote_keep_its_speaker_until_someone_else_is_named() -> None:
    text = ('"We will appeal against the ruling," said Patricia Hewitt, the trade secretary.\n'
            '"The judges have misread the law on maternity pay."\n'
            "Opposition leader Michael Howard disagreed.\n"
            '"This is a defeat for the government and it knows it."\n')
    assert speakers(text) == [
        ("We will appeal against the ruling", "Patricia Hewitt"),
        ("The judges have misread the law on maternity pay.", "Patricia Hewitt"),
        ("This is a defeat for the government and it knows it.", "Michael Howard"),
    ]


@pytest.mark.parametrize(("text", "speaker"), [
    ('Frank Stone told the BBC: "The network will be ready by the spring."', "Frank Stone"),
    ('Frank Stone said on Monday: "The network will be ready by the spring."', "Frank Stone"),
    ('In a speech in Leeds, Frank Stone said: "The network will be ready by the spring."',
     "Frank Stone"),
    ('"The network will be ready by the spring," said Mr Stone, head of BT\'s programmes. '
     "Frank Stone joined BT in 1998.", "Frank Stone"),
    ('"The network will be ready by the spring", Mr Stone said. Frank Stone joined BT in 1998.',
     "Frank Stone"),
    ('"The network will be ready by the spring," said Moscow-based US lawyer Jamie Firestone, '
     "who is not connected to the case.", "Jamie Firestone"),
    ('Colin Asplin, Blackpool Hotel Association said: "We tried very hard to keep them here."',
     "Colin Asplin"),
    ('According to Frank Stone, "the network will be ready by the spring at the latest".',
     "Frank Stone"),
    ('According to a statement from the Florida Highway Patrol, "the driver refused to stop '
     'for six miles".', "Florida Highway Patrol"),
    ('John Smith, 45, told CNN: "It was like watching a film."', "John Smith"),
    ('"It was like watching a film," he said, his voice shaking. John Smith, 45, lives nearby.',
     None),
])
def test_attribution_before_and_after(text: str, speaker: str | None) -> None:
    [(_, found)] = speakers(text)
    assert found == speaker


def test_split_quote_is_two_quotes_with_one_speaker() -> None:
    text = ('"The deficit will narrow this year," said Alan Greenspan, the Fed chairman. '
            '"Households are saving more than they did."')
    assert speakers(text) == [
        ("The deficit will narrow this year", "Alan Greenspan"),
        ("Households are saving more than they did.", "Alan Greenspan"),
    ]


def test_short_forms_resolve_to_the_fullest_mention() -> None:
    text = ("Patricia Hewitt opened the seminar on Tuesday.\n"
            'Ms Hewitt said: "Career sexism limits what women can achieve."\n'
            '"It goes both ways," Hewitt added.\n')
    assert [s for _, s in speakers(text)] == ["Patricia Hewitt", "Patricia Hewitt"]


def test_role_noun_resolves_to_the_person_introduced_with_it() -> None:
    text = ("Chancellor Gordon Brown will present the budget next week.\n"
            "Mervyn King, the governor, warned about household debt.\n"
            '"Growth will stay above trend for two more years," the chancellor said.\n')
    assert speakers(text) == [("Growth will stay above trend for two more years", "Gordon Brown")]


@pytest.mark.parametrize(("text", "speaker"), [
    ('A Cabinet Office spokeswoman said it was "not about the destruction of any records".',
     "Cabinet Office"),
    ('"Nothing was decided at the meeting today," said an IAAF spokesman.', "IAAF"),
    ('The Ministry of Defence confirmed the move. "The troops will be home by Christmas," a '
     "spokesman said.", "Ministry of Defence"),
    ('The Ministry of Defence confirmed the move. "The troops will be home by Christmas," a '
     "spokesman for the ministry said.", "Ministry of Defence"),
])
def test_unnamed_spokesperson_speaks_for_the_organisation(text: str, speaker: str) -> None:
    [(_, found)] = speakers(text)
    assert found == speaker


@pytest.mark.parametrize("text", [
    'Family members gathered outside. "We just want him home safely," one relative said.',
    'It was cold in August. Greene was there too. "We will be back next year," a fan said.',
    '"We expect the bridge to reopen next month," the notice on the gate said.',
])
def test_stray_capitalised_words_are_never_speakers(text: str) -> None:
    [(_, found)] = speakers(text)
    assert found is None


def test_huge_capitalised_word_before_said_is_not_a_speaker() -> None:
    text = "A" + "b" * 6000 + ' said: "We will not give up on the plan."'
    assert speakers(text) == [("We will not give up on the plan.", None)]


def test_quote_text_is_bounded_and_cut_at_a_word() -> None:
    long_quote = " ".join(["Prices rose again"] * 200) + "."
    [quote] = extract_quotes(f'Mary Brown said: "{long_quote}"', "en")
    assert len(quote.text) <= MAX_QUOTE_CHARS + 1 and quote.text.endswith("…")
    assert quote.text[:-1].split()[-1] in {"Prices", "rose", "again"}
    assert quote.speaker == "Mary Brown"


def test_straight_quotes_with_nested_marks_are_one_quote() -> None:
    text = ('"Workers at "Acme Rail" and "Steppe Freight" cannot start until the track is '
            'cleared," said Mary Brown.')
    assert speakers(text) == [
        ('Workers at "Acme Rail" and "Steppe Freight" cannot start until the track is cleared',
         "Mary Brown")]


def test_seed_report_quotes_are_all_yatimovs() -> None:
    if SEED is None:
        pytest.skip("shared seeds absent")
    report = load_report(SEED)
    found = extract_quotes(report.text, report.language)
    assert len(found) >= 3
    assert {q.speaker for q in found} == {"Saimumin Yatimov"}


def test_headline_quote_takes_the_speaker_of_the_quote_it_repeats() -> None:
    text = ('"We will win the title this year"\n'
            "Maurice Greene spoke to reporters in Paris on Monday.\n"
            '"We will win the title this year, and nobody can stop us," he said.\n')
    assert [s for _, s in speakers(text)] == ["Maurice Greene", "Maurice Greene"]


def test_quote_that_runs_into_an_unmarked_paragraph_takes_its_closing_attribution() -> None:
    text = ("China is expected to face renewed pressure over its currency.\n"
            '"Some countries have tried to use fixed exchange rates.\n'
            'I do not wish to make any judgements," Palaniappan Chidambaram said.\n')
    assert speakers(text) == [("Some countries have tried to use fixed exchange rates.",
                               "Palaniappan Chidambaram")]


def test_a_bare_quote_paragraph_takes_the_speaker_of_the_quote_that_follows_it() -> None:
    text = ("The Committee, although only a month old, aims to be the focal point for action.\n"
            '"Blogging is in a strange no man\'s land."\n'
            '"People think of it as one thing or another," said Mr Hale.\n'
            "Tom Hale founded the group last year.\n")
    assert speakers(text) == [("Blogging is in a strange no man's land.", "Tom Hale"),
                              ("People think of it as one thing or another", "Tom Hale")]


def test_a_bare_quote_paragraph_before_narrative_stays_unknown() -> None:
    text = ("The Committee, although only a month old, aims to be the focal point for action.\n"
            '"Blogging is in a strange no man\'s land."\n'
            "Tom Hale founded the group last year.\n")
    assert speakers(text) == [("Blogging is in a strange no man's land.", None)]


def test_quote_paragraphs_resume_after_one_sentence_about_the_same_speaker() -> None:
    text = ("Sprinter Kim Ross will run the 60m in Glasgow on Saturday.\n"
            '"I am looking forward to racing at home," she said.\n'
            "Ross was sixth in the Olympic final but hopes to do better this year.\n"
            '"This will be a big year for me."\n'
            '"I want to start it in winning form."\n')
    assert [s for _, s in speakers(text)] == ["Kim Ross", "Kim Ross", "Kim Ross"]
