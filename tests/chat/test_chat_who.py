"""/who and /figures end to end: the real Application against the fake Bot API server."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from html import escape

from bot.analysis.model import Report, SummaryOptions
from bot.analysis.pipeline import analyze
from bot.chat.texts import commands, text
from bot.settings import Schedule, Settings
from bot.store.db import Store
from tests.chat.conftest import TEAM
from tests.chat.test_chat_commands import ask
from tests.fakes.bot_settings import STRANGER, USER
from tests.fakes.telegram_server import FakeTelegram

FINAL = Report(
    title="Greene wins in Athens", source="wire",
    text="Maurice Greene won the final in Athens on Sunday. He ran the 100 metres in 9.79 "
         "seconds, a record for the stadium. \"I felt strong from the first step,\" said Maurice "
         "Greene. The crowd of 40,000 people cheered.")
AHEAD = Report(
    title="Greene looks <ahead>", source="wire",
    text="Greene will race again in June in Rome. \"Next year I will be faster,\" said Maurice "
         "Greene. Tickets for 12,000 seats were sold in a day.")
BUDGET = Report(
    title="Кудрин о бюджете", source="interfax", language="ru",
    text="Бывший министр финансов Алексей Кудрин выступил в Москве. «Бюджет выдержит нагрузку», "
         "— заявил Алексей Кудрин. По его словам, поставки газа в Европу выросли на 12% за год.")
# 22:30 UTC on the 4th is already the 5th in Dushanbe (UTC+5), the team's clock
ADDED = {FINAL: datetime(2025, 3, 3, 9, 0, tzinfo=UTC),
         AHEAD: datetime(2025, 3, 4, 9, 0, tzinfo=UTC),
         BUDGET: datetime(2025, 3, 4, 22, 30, tzinfo=UTC)}


def en(key: str, **values: object) -> str:
    return text("en", key, **values)


def with_team_clock(settings: Settings) -> Settings:
    """The team chat posts at 08:00 Dushanbe time: its dates are Dushanbe dates."""
    team = replace(settings.targets[0],
                   schedules=(Schedule(cron="0 8 * * *", timezone="Asia/Dushanbe"),))
    return replace(settings, targets=(team, *settings.targets[1:]))


def context(report: Report, value: str, settings: Settings) -> str:
    """The context the analysis gives the figure, as the bot shows it (escaped)."""
    figures = analyze(report, SummaryOptions.from_settings(settings.summary)).figures
    return escape(next(f.context for f in figures if f.value == value), quote=False)


def stored_without_analysis(store: Store) -> None:
    for report, at in ADDED.items():
        store.add_report(report, added_at=at)
    assert {r.id for r in store.unanalysed(10)} == {r.id for r in ADDED}


async def test_who_finds_a_speaker_from_a_short_form_and_a_russian_genitive(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, store: Store) -> None:
    stored_without_analysis(store)
    async with run_bot(with_team_clock(settings)):
        greene = await ask(fake_telegram, "/who Greene")
        mister = await ask(fake_telegram, "/who Mr Greene")
        kudrin = await ask(fake_telegram, "/who Кудрина", chat_id=TEAM, user_id=USER)
        kudrin_utc = await ask(fake_telegram, "/who Кудриным")
    assert greene == [
        "<b>Quotes by Greene</b> (newest first):\n"
        "«Next year I will be faster» — Maurice Greene · Greene looks &lt;ahead&gt; · 2025-03-04\n"
        "«I felt strong from the first step» — Maurice Greene · Greene wins in Athens · "
        "2025-03-03"]
    assert mister == [greene[0].replace("Quotes by Greene", "Quotes by Mr Greene")]
    assert kudrin == [
        "<b>Quotes by Кудрина</b> (newest first):\n"
        "«Бюджет выдержит нагрузку» — Алексей Кудрин · Кудрин о бюджете · 2025-03-05"]
    assert kudrin_utc == [
        "<b>Quotes by Кудриным</b> (newest first):\n"
        "«Бюджет выдержит нагрузку» — Алексей Кудрин · Кудрин о бюджете · 2025-03-04"]
    assert store.unanalysed(10) == []  # analysed on the way, so the index holds them


async def test_figures_about_a_term_in_any_word_form(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, store: Store) -> None:
    stored_without_analysis(store)
    async with run_bot(settings):
        gas = await ask(fake_telegram, "/figures газ")
        seats = await ask(fake_telegram, "/figures seat")
    # the context is the extractor's (its wording is bot/analysis/figures.py's business)
    assert gas == ["<b>Figures about газ</b> (newest first):\n"
                   f"<b>12%</b> — {context(BUDGET, '12%', settings)} · Кудрин о бюджете · "
                   "2025-03-04"]
    assert seats == ["<b>Figures about seat</b> (newest first):\n"
                     f"<b>12,000</b> — {context(AHEAD, '12,000', settings)} · "
                     "Greene looks &lt;ahead&gt; · 2025-03-04"]


async def test_usage_nothing_found_and_strangers(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, store: Store) -> None:
    stored_without_analysis(store)
    async with run_bot(settings):
        assert await ask(fake_telegram, "/who") == [en("who_usage")]
        assert await ask(fake_telegram, "/figures") == [en("figures_usage")]
        assert await ask(fake_telegram, "/who <Nobody>") == [
            "No quotes by \u201c&lt;Nobody&gt;\u201d in the stored reports."]
        assert await ask(fake_telegram, "/figures uranium") == [
            en("figures_none", query="uranium")]
        # a hostile query: as long as a message may be, with a right-to-left override
        huge = "\u202eevil " + "x" * 4000
        assert await ask(fake_telegram, f"/who {huge}") == [
            en("who_none", query="evil " + "x" * 94 + "\u2026")]
        assert await ask(fake_telegram, f"/figures {huge}") == [
            en("figures_none", query="evil " + "x" * 94 + "\u2026")]
        assert await ask(fake_telegram, "/who Greene", chat_id=STRANGER,
                         user_id=STRANGER) == [en("refused")]
    assert fake_telegram.texts(STRANGER) == [en("refused")]


def test_menu_and_help_name_the_commands_in_both_languages() -> None:
    for language in ("en", "ru"):
        names = [name for name, _ in commands(language)]
        start = names.index("who")  # other features' commands may follow, help stays last
        assert names[start:start + 3] == ["who", "figures", "export"] and names[-1] == "help"
        help_text = text(language, "help")
        assert "/who &lt;" in help_text and "/figures &lt;" in help_text
        assert "/export" in help_text and ".opml" in help_text
    assert text("ru", "who_header", query="Кудрина") == "<b>Цитаты: Кудрина</b> (сначала новые):"
