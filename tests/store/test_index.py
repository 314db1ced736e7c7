"""Who said what, which figures: the index filled by save_analysis and built by migration 0003."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import create_engine, select, text

from bot.analysis.model import Analysis, Figure, Quote, Report
from bot.store.engine import sqlite_file
from bot.store.migrate import alembic_config, head
from bot.store.records import IndexedFigure, IndexedQuote
from bot.store.schema import analyses, reports
from bot.store.store import Store

T1 = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
T2 = datetime(2025, 3, 2, 8, 0, tzinfo=UTC)
SPRINT = Report(title="Sprint record", text="Greene ran the 100 metres in 9.79 seconds.",
                source="bbc.txt")
RELAY = Report(title="Relay team", text="The relay team won 4 medals and sanctions were lifted.",
               source="relay.txt")
BUDGET = Report(title="Бюджет", text="Кудрин сказал, что поставки газа выросли на 5%.",
                source="interfax", language="ru")


def analysis(report: Report, quotes: list[Quote], figures: list[Figure]) -> Analysis:
    return Analysis(report=report, summary=(report.text,), figures=tuple(figures),
                    quotes=tuple(quotes))


SPRINT_ANALYSIS = analysis(SPRINT, [Quote("I felt strong.", "Maurice Greene")],
                           [Figure("9.79 seconds", "9.79 seconds in the 100 metres", SPRINT.text)])
RELAY_ANALYSIS = analysis(RELAY, [Quote("We did it together.", "Greene"),
                                  Quote("Unattributed words.", None)],
                          [Figure("4", "4 medals", RELAY.text)])
BUDGET_ANALYSIS = analysis(BUDGET, [Quote("Поставки растут.", "Алексей Кудрин")],
                           [Figure("5%", "выросли на 5%", BUDGET.text)])


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    store = Store(db_url)
    for report, at in ((SPRINT, T1), (RELAY, T2), (BUDGET, T2)):
        store.add_report(report, added_at=at)
    for item in (SPRINT_ANALYSIS, RELAY_ANALYSIS, BUDGET_ANALYSIS):
        store.save_analysis("default|s=3", item)
    yield store
    store.close()


GREENE_NEWEST_FIRST = [
    IndexedQuote("We did it together.", "Greene", RELAY.id, "Relay team", "relay.txt", T2),
    IndexedQuote("I felt strong.", "Maurice Greene", SPRINT.id, "Sprint record", "bbc.txt", T1),
]
KUDRIN = [IndexedQuote("Поставки растут.", "Алексей Кудрин", BUDGET.id, "Бюджет", "interfax", T2)]


@pytest.mark.parametrize("name", ["Greene", "Mr Greene", "Maurice Greene", "greene's"])
def test_short_forms_find_the_same_speaker_newest_first(store: Store, name: str) -> None:
    assert store.quotes_by(name, 10) == GREENE_NEWEST_FIRST
    assert store.quotes_by(name, 1) == GREENE_NEWEST_FIRST[:1]


@pytest.mark.parametrize("name", ["Кудрина", "Кудриным", "Кудрину", "Алексей Кудрин", "кудрин"])
def test_russian_case_forms_find_the_nominative_speaker(store: Store, name: str) -> None:
    assert store.quotes_by(name, 10) == KUDRIN


def test_unknown_or_empty_names_find_nothing(store: Store) -> None:
    assert store.quotes_by("Green", 10) == []
    assert store.quotes_by("  ", 10) == []
    assert store.quotes_by("Greene", 0) == []


def test_figures_match_word_forms_of_their_sentence_in_either_language(store: Store) -> None:
    assert store.figures_about("sanction", 10) == [
        IndexedFigure("4", "4 medals", RELAY.text, RELAY.id, "Relay team", "relay.txt", T2)]
    gas = [IndexedFigure("5%", "выросли на 5%", BUDGET.text, BUDGET.id, "Бюджет", "interfax",
                         T2)]
    assert store.figures_about("газ", 10) == gas
    assert store.figures_about("газом поставки", 10) == gas
    assert store.figures_about("medal metres", 10) == []   # every word must match
    assert store.figures_about("met", 10) == []            # whole stems, not substrings
    assert [f.value for f in store.figures_about("metre", 10)] == ["9.79 seconds"]


def test_analysing_again_with_other_options_adds_only_what_is_new(store: Store) -> None:
    more = analysis(SPRINT, [Quote("I felt strong.", "Maurice Greene"),
                             Quote("Next year, faster.", "Maurice Greene")],
                    list(SPRINT_ANALYSIS.figures))
    store.save_analysis("default|s=3|q=all", more)
    store.save_analysis("default|s=3|q=all", more)
    assert [q.text for q in store.quotes_by("Greene", 10)] == [
        "We did it together.", "I felt strong.", "Next year, faster."]
    assert len(store.figures_about("seconds", 10)) == 1


def test_unanalysed_lists_reports_without_any_analysis(db_url: str) -> None:
    store = Store(db_url)
    try:
        store.add_report(SPRINT, added_at=T1)
        store.add_report(RELAY, added_at=T2)
        assert store.unanalysed(10) == [RELAY, SPRINT]
        store.save_analysis("k", RELAY_ANALYSIS)
        assert store.unanalysed(10) == [SPRINT]
        assert store.unanalysed(0) == []
    finally:
        store.close()


def rows_of(conn, table):
    """The table's rows in the columns revision 0002 had (later revisions add some)."""
    columns = [c for c in table.c if c.name != "origin"]
    return conn.execute(select(*columns).order_by(*table.primary_key.columns)).all()


def test_migration_0003_keeps_every_row_and_builds_the_index(db_url: str) -> None:
    file = sqlite_file(db_url)
    if file is not None:
        file.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(db_url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0002")
        conn.execute(reports.insert(), [
            {"id": r.id, "title": r.title, "source": r.source, "url": None,
             "language": r.language, "text": r.text, "added_at": at}
            for r, at in ((SPRINT, T1), (RELAY, T2), (BUDGET, T2))])
        conn.execute(analyses.insert(), [
            {"report_id": a.report.id, "options_key": "default|s=3", "created_at": T1,
             "data": json.dumps(a.to_json(), ensure_ascii=False)}
            for a in (SPRINT_ANALYSIS, BUDGET_ANALYSIS)] + [
            {"report_id": RELAY.id, "options_key": "damaged", "created_at": T1, "data": "{not"}])
    with engine.connect() as conn:
        before = {t: rows_of(conn, t) for t in (reports, analyses)}
    engine.dispose()

    store = Store(db_url)
    try:
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head()
            assert {t: rows_of(conn, t) for t in (reports, analyses)} == before
        assert store.quotes_by("Greene", 10) == GREENE_NEWEST_FIRST[1:]
        assert store.quotes_by("Кудрина", 10) == KUDRIN
        assert [f.value for f in store.figures_about("газа", 10)] == ["5%"]
        assert store.figures_about("sanctions", 10) == []  # its only analysis was unreadable
    finally:
        store.close()


def test_unanalysed_leaves_quarantined_reports_out(db_url: str) -> None:
    store = Store(db_url)
    try:
        store.add_report(SPRINT, added_at=T1)
        for _ in range(3):
            store.record_failure(SPRINT.id, "broken")
        assert store.unanalysed(10, quarantine_after=4) == [SPRINT]
        assert store.unanalysed(10, quarantine_after=3) == []
    finally:
        store.close()


def test_a_first_name_sets_namesakes_apart(store: Store) -> None:
    tom = Report(title="Tom", text="Tom Greene coaches.", source="tom.txt")
    store.add_report(tom, added_at=T2)
    store.save_analysis("k", analysis(tom, [Quote("Coaching is hard.", "Tom Greene")], []))
    speakers = {name: [(q.speaker, q.text) for q in store.quotes_by(name, 10)]
                for name in ("Greene", "Mr Greene", "Maurice Greene", "Tom Greene", "Ann Greene")}
    everyone = [("Tom Greene", "Coaching is hard."), ("Greene", "We did it together."),
                ("Maurice Greene", "I felt strong.")]
    assert speakers == {
        "Greene": everyone, "Mr Greene": everyone, "Ann Greene": everyone,  # nobody by that name
        "Maurice Greene": everyone[1:],   # the bare surname is most likely him
        "Tom Greene": everyone[:2],
    }
