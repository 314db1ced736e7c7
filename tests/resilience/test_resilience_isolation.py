"""One report can fail only itself: a crash in its analysis, a 6,000-character speaker, an
archive of 30 reports for a new chat. Each stopped or flooded every digest before.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from telegram.ext import Application

import bot.analysis.pipeline as pipeline
from bot.settings import Settings
from bot.store.db import Store
from tests.fakes.bot_settings import USER
from tests.fakes.reports import CITIES, city_report, title_of, write_reports
from tests.fakes.telegram_server import FakeTelegram, parse_telegram_html
from tests.resilience.conftest import TARGETS, titles_in
from tests.resilience.figures import FIGURES


async def run_targets(app: Application) -> None:
    """Every target's scheduled job, now, as the scheduler would run them."""
    for i in range(len(TARGETS)):
        job = next(j for j in app.job_queue.jobs() if j.name == f"digest:t{i}:0")
        await job.run(app)


def delivered(fake: FakeTelegram, chat: int, titles: list[str]) -> list[str]:
    return [t for s in fake.sent_to(chat) for t in titles_in(s.text, titles)]


async def test_a_report_whose_analysis_crashes_fails_alone_then_is_quarantined(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, store: Store, inbox: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    cities = CITIES[:3]
    write_reports(inbox, {f"r{i}.txt": city_report(i, c) for i, c in enumerate(cities)})
    titles = [title_of(c) for c in cities]
    real = pipeline.extract_figures

    def figures(sentences, *args, **kwargs):
        if any(cities[1] in s for s in sentences):
            raise IndexError("list index out of range")  # a bug only this report triggers
        return real(sentences, *args, **kwargs)

    monkeypatch.setattr(pipeline, "extract_figures", figures)
    async with run_bot(settings) as app:
        for _ in range(4):  # fails on runs 1-3, quarantined after the third
            await run_targets(app)
        monkeypatch.setattr(pipeline, "extract_figures", real)
        write_reports(inbox, {"r9.txt": city_report(9, CITIES[9])})
        await run_targets(app)
        fake_telegram.send("/status", chat_id=USER, user_id=USER)
        [status] = await fake_telegram.wait_sent(USER, 1)
    assert (f"{titles[1]} ({store.quarantined(3)[0].id}): unexpected IndexError: list index out "
            "of range ×3") in parse_telegram_html(status.text)
    for chat in TARGETS:
        assert delivered(fake_telegram, chat, [*titles, title_of(CITIES[9])]) == [
            titles[0], titles[2], title_of(CITIES[9])], chat
    [quarantined] = store.quarantined(3)
    assert (quarantined.title, quarantined.attempts) == (titles[1], 3)
    assert quarantined.reason == "unexpected IndexError: list index out of range"
    FIGURES["faults survived"] += 1


async def test_a_6000_character_speaker_is_delivered_and_stops_nothing(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, store: Store,
        inbox: Path) -> None:
    speaker = "Z" * 6000
    write_reports(inbox, {
        "a.txt": f"Canal speaker report\n\nOfficials met on Monday in Dushanbe. {speaker} said: "
                 "\u201cWe will finish the canal this year and open it in May.\u201d The work "
                 "on 12 pumping stations continues.",
        "b.txt": city_report(1, CITIES[1]),
    })
    async with run_bot(settings) as app:
        await run_targets(app)
    for chat in TARGETS:
        sent = fake_telegram.sent_to(chat)
        assert sent and all(len(parse_telegram_html(s.text)) <= 4096 for s in sent)
        text = "\n".join(parse_telegram_html(s.text) for s in sent)
        assert "Canal speaker report" in text and title_of(CITIES[1]) in text
        quote = next(line for line in text.splitlines() if line.startswith("«We will finish"))
        # A 6,000-letter "name" is no speaker (quotes bound names); the renderer would cut any
        # field that slipped through to its bound (tests/digest/test_bounds.py).
        assert quote.split(" — ", 1)[1] == "unattributed"
        assert store.delivery_counts(chat) == 2
    FIGURES["faults survived"] += 1


async def test_a_new_chat_facing_30_reports_gets_the_latest_10_and_one_line(
        run_bot, settings: Settings, fake_telegram: FakeTelegram, store: Store,
        inbox: Path) -> None:
    names = [f"Town{i:02d}" for i in range(30)]
    write_reports(inbox, {f"r{i:02d}.txt": city_report(i, n) for i, n in enumerate(names)})
    titles = [title_of(n) for n in names]
    never_merge = replace(settings.sources, merge_threshold=0)
    async with run_bot(settings, sources=never_merge):
        fake_telegram.send("/summary", chat_id=USER, user_id=USER)
        await fake_telegram.wait_for(
            lambda: set(titles[20:]) <= set(delivered(fake_telegram, USER, titles)))
        sent = [parse_telegram_html(s.text) for s in fake_telegram.sent_to(USER)]
        assert sent[0].splitlines()[1] == "20 older reports were not sent"
        assert delivered(fake_telegram, USER, titles) == titles[20:]
        count = len(fake_telegram.sent_to(USER))
        fake_telegram.send("/summary", chat_id=USER, user_id=USER)
        await fake_telegram.wait_sent(USER, count + 1)
    assert "Nothing new" in fake_telegram.texts(USER)[-1]  # the 20 never come later
    assert len(store.delivered_ids(USER)) == 30
    FIGURES["faults survived"] += 1
