"""Ranking: the default and every sumy algorithm honour the rank() contract, offline."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from bot.analysis.clean import clean_text
from bot.analysis.ranking import ALGORITHMS, rank, resolve_algorithm
from bot.analysis.sentences import split_sentences

ARTICLE = """\
The city council approved a new budget on Tuesday that raises spending on public transport by 12 percent.
The budget, worth 4.2 billion dollars, passed by nine votes to four after a three-hour debate.
Council members who opposed the plan said the transport increase would force cuts to parks and libraries.
The mayor said the spending was needed because bus ridership has grown for five years in a row.
Transport officials plan to buy 80 new electric buses and add late-night routes across the city.
Is this the right choice for the city?
Residents will be able to comment on the route changes at public meetings in March.
The new budget takes effect on the first of July.
"""

# Scraped wire copy: furniture glued to the text and left in the middle of it.
FURNITURE_ARTICLE = "\n".join([
    "By . Associated Press . PUBLISHED: . 10:05 EST, 3 March 2013 . | . UPDATED: . 11:08 EST,"
    " 3 March 2013 . Rescue teams in northern Italy pulled 14 climbers from a collapsed"
    " mountain hut on Sunday after an avalanche buried the shelter overnight.",
    "Last updated at 11:08 AM on 3rd March 2013 .",
    "Scroll down for video .",
    "All 14 climbers were taken to hospital in Bolzano, where doctors said two of them were in"
    " a serious condition.",
    "Click here to share this story on Facebook and Twitter .",
    "The avalanche struck the hut at about 2am local time, when most of the climbers were"
    " asleep in the upper dormitory.",
    "Rescuers used dogs and thermal cameras to find the climbers under nearly three metres of"
    " snow.",
    "Share or comment on this article .",
    "Regional officials said the hut had been inspected in January and was not considered to"
    " be at risk.",
    "Follow us on Twitter @newsdesk .",
    "Avalanche warnings remain in place across the Alps after a week of heavy snowfall.",
])
FURNITURE_MARKERS = ("By .", "PUBLISHED", "Last updated", "Scroll down", "Click here",
                     "Share or comment", "Follow us", "Associated Press .")

RUSSIAN = """\
Правительство утвердило бюджет на следующий год с ростом расходов на образование на 12 процентов.
Документ предусматривает строительство 40 новых школ в регионах и повышение зарплат учителям.
Подписывайтесь на наш канал, чтобы не пропустить новости.
Министр финансов заявил, что дефицит бюджета сократится до двух процентов от ВВП.
Оппозиция раскритиковала решение и потребовала увеличить расходы на здравоохранение.
Читайте также: как изменятся налоги в следующем году.
Эксперты ожидают, что рост расходов поддержит экономику регионов в ближайшие два года.
"""


def _sentences(text: str) -> list[str]:
    return split_sentences(text)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test: ranking must work offline."""

    def refuse(*args, **kwargs):
        raise AssertionError("ranking tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_default_picks_the_lead_and_skips_the_question() -> None:
    sentences = _sentences(ARTICLE)
    assert len(sentences) == 8

    for count in (1, 3, 6):
        chosen = rank(sentences, count, title="Council approves transport budget")
        assert chosen[0] == 0
        assert 5 not in chosen  # "Is this the right choice for the city?"


def test_default_is_deterministic() -> None:
    sentences = _sentences(ARTICLE) + _sentences(FURNITURE_ARTICLE)

    results = {tuple(rank(sentences, 4, title="Budget")) for _ in range(5)}

    assert len(results) == 1


@pytest.mark.parametrize("count", [1, 2, 3, 5, 8, 20])
@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_honours_count_order_and_extraction(
    algorithm: str, count: int, no_network: None
) -> None:
    sentences = _sentences(ARTICLE)

    chosen = rank(sentences, count, algorithm=algorithm, title="Council approves budget")

    assert len(chosen) == min(count, len(sentences))
    assert chosen == sorted(set(chosen))
    assert all(0 <= i < len(sentences) for i in chosen)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_duplicate_sentences_map_to_distinct_indices(algorithm: str) -> None:
    # sumy's Sentence compares by text: the two copies of the lead must not collapse.
    sentences = _sentences(ARTICLE)
    sentences = [sentences[0], *sentences[1:4], sentences[0], *sentences[4:]]

    chosen = rank(sentences, 9, algorithm=algorithm)

    assert chosen == list(range(9))


def test_default_does_not_repeat_a_duplicated_sentence() -> None:
    sentences = _sentences(ARTICLE)
    sentences.insert(2, sentences[0])

    chosen = rank(sentences, 3)

    assert not {0, 2} <= set(chosen)
    assert len(chosen) == 3


def test_furniture_is_not_chosen_from_raw_split_text() -> None:
    sentences = _sentences(FURNITURE_ARTICLE)
    furniture = {i for i, s in enumerate(sentences) if any(m in s for m in FURNITURE_MARKERS)}
    assert len(furniture) >= 6  # the splitter kept the furniture: the ranker must avoid it

    for count in (3, 5):
        chosen = rank(sentences, count, title="Avalanche buries mountain hut")
        assert not furniture & set(chosen), [sentences[i] for i in chosen]


def test_furniture_is_not_chosen_after_product_cleaning() -> None:
    sentences = split_sentences(clean_text(FURNITURE_ARTICLE))

    chosen = [sentences[i] for i in rank(sentences, 3)]

    assert chosen[0].startswith("Rescue teams in northern Italy pulled 14 climbers")
    assert not [s for s in chosen if any(m in s for m in FURNITURE_MARKERS)]


def test_russian_report_gets_its_lead_and_no_furniture(no_network: None) -> None:
    sentences = split_sentences(RUSSIAN, "ru")
    assert len(sentences) == 7

    chosen = rank(sentences, 3, language="ru", title="Бюджет на следующий год")

    assert chosen[0] == 0
    assert 2 not in chosen and 5 not in chosen  # "Подписывайтесь ...", "Читайте также ..."
    for algorithm in ALGORITHMS:
        assert len(rank(sentences, 3, language="ru", algorithm=algorithm)) == 3


def test_edmundson_works_without_a_title() -> None:
    sentences = _sentences(ARTICLE)

    assert len(rank(sentences, 2, algorithm="edmundson", title="")) == 2


def test_unknown_algorithm_names_itself_and_the_valid_ones() -> None:
    with pytest.raises(ValueError) as raised:
        rank(["One sentence here."], 1, algorithm="pagerank")

    message = str(raised.value)
    assert "'pagerank'" in message
    assert all(name in message for name in ALGORITHMS)


def test_unknown_algorithm_raises_even_for_empty_input() -> None:
    with pytest.raises(ValueError, match="pagerank"):
        rank([], 3, algorithm="pagerank")


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_empty_input_and_zero_count_give_nothing(algorithm: str) -> None:
    assert rank([], 3, algorithm=algorithm) == []
    assert rank(_sentences(ARTICLE), 0, algorithm=algorithm) == []


def test_registry_lists_the_contract_names_default_first() -> None:
    assert ALGORITHMS == ("default", "lexrank", "textrank", "lsa", "luhn", "edmundson", "kl",
                          "sumbasic", "reduction")


def _reduction_ratings(sentences: list[str]) -> tuple[list[list[str]], list[float]]:
    """sumy's own Reduction ratings and the stem lists it compared, for the same sentences."""
    from sumy.summarizers.reduction import ReductionSummarizer

    from bot.analysis import tokens
    from bot.analysis.ranking.sumy_adapter import build_document

    summarizer = ReductionSummarizer(tokens.stemmer("en"))
    summarizer.stop_words = tokens.stop_words("en")
    document = build_document(sentences, "en", "")
    ratings = summarizer.rate_sentences(document)
    stems = [summarizer._to_words_set(s) for s in document.sentences]
    return stems, [ratings[s] for s in document.sentences]


def test_shared_vocabulary_equals_sumy_reduction_ratings() -> None:
    from bot.analysis.ranking.default import _term_counts, shared_vocabulary

    sentences = _sentences(ARTICLE) + _sentences(FURNITURE_ARTICLE)
    stems, expected = _reduction_ratings(sentences)

    got = shared_vocabulary(_term_counts(stems))

    assert len(set(expected)) > len(sentences) // 2  # the ratings tell sentences apart
    assert got.tolist() == pytest.approx(expected, rel=1e-9, abs=1e-12)


def test_a_central_body_sentence_outranks_a_weak_lead_sentence() -> None:
    # The third lead sentence (off-topic) loses to the body's sentence that shares the
    # most with the rest of the report. Three of six sentences is half the report, where
    # the lead prior has faded; the prior at full strength is tested on STORY below.
    sentences = [
        "The city council approved a new transport budget on Tuesday after a long debate.",
        "Council members said the transport budget would add buses and late-night routes.",
        "The weather on Tuesday was sunny, and a school choir sang outside the building.",
        "Residents asked about parks.",
        "The transport budget adds new electric buses, late-night bus routes and more"
        " drivers, and council members said the budget debate was the longest this year.",
        "Libraries will open an hour later on Sundays.",
    ]

    assert rank(sentences, 3) == [0, 1, 4]


def test_lead_prior_keeps_the_lead_that_pure_centrality_passes_over() -> None:
    sentences = split_sentences(clean_text(FURNITURE_ARTICLE))
    assert sentences[2].startswith("The avalanche struck the hut")  # "Last updated" line gone

    assert rank(sentences, 1, algorithm="reduction") == [2]  # the most central sentence
    assert rank(sentences, 1) == [0]                         # the lead, with its prior
    assert rank(sentences, 3) == [0, 1, 2]


# A story whose body repeats its theme more than its lead does: pure centrality prefers
# the body, a short news summary should still open with the lead.
STORY = [
    "Floods closed the main railway line between the two largest cities on Monday morning.",
    "Engineers said the line could reopen by Thursday if the water level keeps falling.",
    "About 30,000 commuters use the route every weekday, the rail operator said.",
    "The river rose above its banks after three days of rain across the northern hills.",
    "The rain and the river water flooded the railway tracks, the railway station and the"
    " railway depot, and the river water also reached the railway bridge.",
    "Railway crews pumped river water from the railway station and the railway depot.",
    "The river water and the rain damaged railway signals along the railway line.",
    "Buses will replace trains until the railway line and the railway signals are repaired.",
    "Local schools stayed open and most shops traded as usual.",
    "The weather service expects dry weather for the rest of the week.",
    "Farmers said the rain came too late to save the summer harvest.",
    "A council spokesman thanked volunteers who helped clear the streets.",
]


def test_a_short_summary_opens_with_the_lede_even_when_the_body_is_more_central() -> None:
    assert 0 not in rank(STORY, 3, algorithm="reduction")

    assert rank(STORY, 1) == [0]
    assert rank(STORY, 3) == [0, 4, 5]  # the body's far more central pair beats lead 2 and 3


def test_the_lead_prior_is_gone_for_a_summary_of_half_the_report() -> None:
    # Six of twelve sentences is an abridgement: coverage decides, as in pure centrality.
    assert rank(STORY, 6) == rank(STORY, 6, algorithm="reduction")


def test_the_lead_counts_from_the_first_prose_sentence_not_the_furniture() -> None:
    header = ("By . Associated Press . PUBLISHED: . 10:05 EST, 3 March 2013 . | . "
              "UPDATED: . 11:08 EST, 3 March 2013 . ")
    sentences = split_sentences(header + " ".join(STORY))
    lede = next(i for i, s in enumerate(sentences) if s.startswith("Floods closed"))
    assert lede >= 4  # the header split into fragments ahead of the lede

    assert rank(sentences, 1) == [lede]
    assert rank(sentences, 3) == [lede, lede + 4, lede + 5]


@pytest.mark.parametrize(
    ("spelling", "name"),
    [("lex-rank", "lexrank"), ("lex_rank", "lexrank"), ("LexRank", "lexrank"),
     ("text-rank", "textrank"), ("text_rank", "textrank"), ("sum-basic", "sumbasic"),
     ("sum_basic", "sumbasic"), ("default", "default"), (" Luhn ", "luhn"), ("KL-Sum", "kl")],
)
def test_sumy_spellings_resolve(spelling: str, name: str) -> None:
    assert resolve_algorithm(spelling) == name


def test_unknown_algorithm_names_the_valid_ones() -> None:
    with pytest.raises(ValueError) as info:
        resolve_algorithm("page-rank")
    assert str(info.value) == ("unknown summary algorithm 'page-rank'; valid: default, lexrank,"
                               " textrank, lsa, luhn, edmundson, kl, sumbasic, reduction")


def test_excluded_sentences_are_ranked_out_and_fill_in_last() -> None:
    sentences = [
        "The city council approved a new transport budget on Tuesday after a long debate.",
        "Council members said the transport budget would add buses and late-night routes.",
        "The transport budget adds new electric buses, late-night bus routes and more drivers.",
        "Libraries will open an hour later on Sundays.",
    ]
    assert rank(sentences, 2) == [1, 2]
    assert rank(sentences, 2, exclude={1}) == [0, 2]
    assert rank(sentences, 2, exclude={1, 2}) == [0, 3]
    assert rank(sentences, 2, algorithm="text-rank", exclude={0, 1}) == [2, 3]
    assert rank(sentences, 3, exclude={0, 1, 2}) == [0, 1, 3]  # the count is a promise


def test_default_path_imports_neither_sumy_nor_nltk_nor_scipy() -> None:
    code = (
        "import sys\n"
        "from bot.analysis.loaders import report_from_text\n"
        "from bot.analysis.pipeline import analyze\n"
        "analyze(report_from_text('Exports rose by 12 percent in March. Imports fell.', 'r'))\n"
        "print(sorted(m for m in ('sumy', 'nltk', 'scipy') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "[]"


def test_stem_memo_is_bounded() -> None:
    from bot.analysis import tokens

    tokens.content_stems("growing growth grows", "en")
    info = tokens._cached_stem("en").cache_info()
    assert info.maxsize == tokens.STEM_CACHE_SIZE
