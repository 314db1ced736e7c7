"""Routing, filters and watch matching: word forms in either language, phrases, speakers, the
sources a target takes, and the alert text with the term in bold."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import partial

import pytest

from bot.analysis.model import Analysis, Figure, Quote, Report
from bot.briefing import BriefingWorkflow, Destination, WorkflowConfig
from bot.briefing.alerts import compose, find_alerts, mark
from bot.briefing.matching import Document, Term
from bot.briefing.routing import Route, origin_of, source_spec
from bot.chat.texts import text
from bot.digest.render_html import plain_of
from bot.settings import Schedule, Target
from bot.store.records import Watch
from tests.briefing.memory import MemoryStore, RecordingSender

NOW = datetime(2025, 3, 5, 9, 30, tzinfo=UTC)
HOURLY = (Schedule(interval=timedelta(hours=1)),)

GAS_RU = Report(
    title="Экспорт газа вырос", source="Interfax", language="ru",
    text="Экспорт газа из Туркменистана вырос на 12 процентов. Компания торгует газом с Китаем. "
         "«Мы увеличим поставки в два раза», — заявил министр Шерали Ятимов. "
         "Газета «Нейтральный Туркменистан» вышла с опозданием.")
SANCTIONS_EN = Report(
    title="EU extends measures", source="BBC",
    text="The European Union extended sanctions on Monday. Energy security was the main topic. "
         "Exports fell 12 percent to 3 million tonnes.")
PAPER_RU = Report(title="Газета вышла", source="inbox", language="ru",
                  text="Газета «Нейтральный Туркменистан» вышла с опозданием на два дня.")


def analysis(report: Report, figures: tuple[Figure, ...] = (),
             quotes: tuple[Quote, ...] = ()) -> Analysis:
    return Analysis(report, (report.text.split(". ")[0],), figures, quotes)


GAS = analysis(GAS_RU, (Figure("12 процентов", "вырос на 12 процентов",
                               "Экспорт газа из Туркменистана вырос на 12 процентов."),),
               (Quote("Мы увеличим поставки в два раза", "Шерали Ятимов"),))
SANCTIONS = analysis(SANCTIONS_EN, (Figure("3 million tonnes", "to 3 million tonnes",
                                           "Exports fell 12 percent to 3 million tonnes."),))
PAPER = analysis(PAPER_RU)


def term(raw: str) -> Term:
    parsed = Term.parse(raw)
    assert parsed is not None
    return parsed


@pytest.mark.parametrize(("raw", "report", "expected"), [
    ("газ", GAS, True),             # "газа", "газом"
    ("газ", PAPER, False),          # "газета" is another word
    ("газета", GAS, True),
    ("sanction", SANCTIONS, True),  # "sanctions"
    ("energy security", SANCTIONS, True),
    ('"security energy"', SANCTIONS, False),  # a phrase is its words in a row
    ("Ятимов", GAS, True),
    ("Ятимова", GAS, True),         # a case form finds the same speaker
    ("uranium", SANCTIONS, False),
])
def test_terms_match_word_forms_phrases_and_speakers(raw: str, report: Analysis,
                                                     expected: bool) -> None:
    assert Document(report).matches(term(raw)) is expected


def test_a_speaker_matches_through_the_quote_when_the_text_has_another_form() -> None:
    only_quoted = analysis(Report(title="Statement", source="BBC",
                                  text="The minister spoke to reporters on Monday."),
                           quotes=(Quote("We will double supplies", "Sherali Yatimov"),))
    document = Document(only_quoted)
    assert not document.words.has(term("Yatimov"))
    assert document.matches(term("Yatimov"))


def test_terms_without_words_are_refused() -> None:
    assert Term.parse("  «»  ") is None
    assert Term.parse("2024") is None
    assert term("«energy security»").text == "energy security"


def test_sources_name_feeds_inbox_folders_and_the_targets_own_links() -> None:
    target = Target(chat_id=-100, schedules=HOURLY,
                    sources=("Interfax", "inbox/energy", "links", "feed:Reuters Wire"))
    route = Route.of(target)
    assert route.sources == ("feed:interfax", "inbox/energy", "links:-100", "feed:reuters wire")
    taken = [origin for origin in (
        origin_of("feed", "Interfax"), origin_of("feed", "INTERFAX"), origin_of("inbox", "energy"),
        origin_of("inbox", "energy/gas"), origin_of("inbox", "energyx"), origin_of("inbox", ""),
        origin_of("inbox", "security"), origin_of("link", -100), origin_of("link", -200),
        origin_of("feed", "Reuters Wire"), origin_of("feed", "BBC"), None)
        if route.takes(origin)]
    assert taken == ["feed:Interfax", "feed:INTERFAX", "inbox/energy", "inbox/energy/gas",
                     "links:-100", "feed:Reuters Wire"]
    assert Route.of(Target(chat_id=-1, schedules=HOURLY)).takes(None)  # no sources: all
    assert source_spec("inbox", "-1") == "inbox" and Route(("inbox",)).takes("inbox/a/b")


def test_exclude_wins_over_include_and_include_by_stem_or_speaker() -> None:
    both = Route.of(Target(chat_id=-1, schedules=HOURLY, include=("газ",), exclude=("Китай",)))
    assert both.accepts("feed:Interfax", GAS) is False       # "Китаем" excluded
    only_gas = Route.of(Target(chat_id=-1, schedules=HOURLY, include=("газ", "sanction")))
    assert [a.report.title for a in (GAS, SANCTIONS, PAPER) if only_gas.accepts(None, a)] == [
        "Экспорт газа вырос", "EU extends measures"]
    by_speaker = Route.of(Target(chat_id=-1, schedules=HOURLY, include=("Ятимов",),
                                 sources=("Interfax",)))
    assert by_speaker.accepts("feed:Interfax", GAS) is True
    assert by_speaker.accepts("inbox", GAS) is False         # routing before filters
    assert by_speaker.accepts("feed:Interfax", SANCTIONS) is False


def test_mark_bolds_each_occurrence_escapes_and_bounds() -> None:
    assert mark("Gas <prices> & gas: GAS!", term("gas"), "en", 100) == (
        "<b>Gas</b> &lt;prices&gt; &amp; <b>gas</b>: <b>GAS</b>!", True)
    cut, hit = mark("Nothing here but a long sentence about oil " * 3, term("gas"), "en", 30)
    assert (cut, hit) == ("Nothing here but a long…", False)


def test_the_alert_shows_title_source_sentences_figures_and_quotes_with_the_term_bold() -> None:
    html = compose(Document(GAS), term("газ"), partial(text, "en"))
    assert html == (
        "\U0001f514 <b>Watch \u201cгаз\u201d</b>\n"
        "Экспорт <b>газа</b> вырос \u2014 <i>Interfax</i>\n"
        "\u2022 Экспорт <b>газа</b> из Туркменистана вырос на 12 процентов.\n"
        "\u2022 Компания торгует <b>газом</b> с Китаем.\n"
        "<i>Figures</i>\n"
        "\u2022 <b>12 процентов</b> \u2014 вырос на 12 процентов")
    by_name = compose(Document(GAS), term("Ятимова"), partial(text, "ru"))
    assert by_name.splitlines()[-2:] == [
        "<i>Цитаты</i>", "\u2022 \u201cМы увеличим поставки в два раза\u201d \u2014 Шерали Ятимов"]


def test_an_alert_fits_one_telegram_message_however_long_the_report() -> None:
    long = " ".join(["gas"] * 400)
    report = Report(title="Gas " * 100, source="inbox/" + "x" * 300,
                    text=". ".join([long] * 10) + ".")
    huge = analysis(report, tuple(Figure("9" * 500, long, long) for _ in range(5)),
                    tuple(Quote(long, "Sherali " * 50 + "Yatimov") for _ in range(3)))
    html = compose(Document(huge), term("gas"), partial(text, "ru"))
    assert 3000 < len(plain_of(html)) <= 4096
    assert html.count("\u2022") == 3 + 3 + 2


def test_alerts_follow_each_targets_route_and_reach_other_chats_from_any_source() -> None:
    watches = [Watch(1, "-100", "газ", None, NOW), Watch(2, "-200", "газ", 7, NOW),
               Watch(3, "42", "газ", 42, NOW), Watch(4, "42", "uranium", 42, NOW)]
    routes = {"-100": Route.of(Target(chat_id=-100, schedules=HOURLY, sources=("inbox/energy",))),
              "-200": Route.of(Target(chat_id=-200, schedules=HOURLY, sources=("Interfax",),
                                      exclude=("газ",)))}
    alerts = find_alerts([GAS], {GAS_RU.id: "feed:Interfax"}, watches, routes.get,
                         partial(text, "en"))
    # -100 takes only inbox/energy; -200's exclude is for digests, not for what it watches
    assert [(a.watch.id, a.report_id) for a in alerts] == [(2, GAS_RU.id), (3, GAS_RU.id)]


async def test_the_workflow_never_selects_other_sources_and_skips_what_filters_refuse() -> None:
    store = MemoryStore()
    await store.add_report(GAS_RU, origin="feed:Interfax")
    await store.add_report(SANCTIONS_EN, origin="inbox/energy")
    await store.add_report(PAPER_RU, origin="feed:Interfax")
    flow = BriefingWorkflow(store, WorkflowConfig(merge_threshold=None), clock=lambda: NOW)
    route = Route.of(Target(chat_id=-100, schedules=HOURLY, sources=("Interfax",),
                            include=("газ",)))
    sender = RecordingSender()
    outcome = await flow.deliver_new(Destination(-100), sender, kind="scheduled", route=route)
    assert outcome.reports == 1
    assert "Экспорт газа вырос" in sender.plain() and "Газета вышла" not in sender.plain()
    assert store.skipped["-100"] == [PAPER_RU.id]            # refused by the filter: done
    assert SANCTIONS_EN.id not in store.delivered["-100"]    # another source: never selected
    again = await flow.deliver_new(Destination(-100), RecordingSender(), kind="scheduled",
                                   route=route)
    assert again.empty
