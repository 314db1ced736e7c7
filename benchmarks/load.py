"""Load: many users asking /summary at once, and the event loop while a long report is digested.

`python -m benchmarks.load [--users 50] [--requests 200] [--window 10] [--watches 0]` starts the
real bot against the fake Bot API server on 127.0.0.1, sends the requests spread over the window,
and prints how many were answered (under the default per-user rate limit, which this load
stays below), reply latency (p50, p95, max) and the event loop's worst lag
(a 10 ms ticker's largest overshoot) while a 1,600-sentence report is summarized. The
resilience tests call the same functions.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bot.chat.app import build_application, running
from bot.chat.delivery import RetryPolicy
from bot.settings import AccessSettings, LimitSettings, Settings, TelegramSettings
from bot.store.db import Store
from tests.fakes.telegram_server import TOKEN, FakeTelegram

WORDS = ("water canal ministry budget farmers region tonnes percent rail border freight season "
         "engineers contract valley pumping station households reservoir").split()


@dataclass(frozen=True)
class LoadResult:
    users: int
    requests: int
    answered: int
    seconds: float
    latencies: tuple[float, ...]

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies)

    @property
    def p95(self) -> float:
        return statistics.quantiles(self.latencies, n=20)[-1]


def long_report(sentences: int, seed: int = 1) -> str:
    """A report of `sentences` sentences in paragraphs of eight, with figures and a quote."""
    rng = random.Random(seed)
    lines = []
    for i in range(sentences):
        words = " ".join(rng.choice(WORDS) for _ in range(14))
        if i % 50 == 7:
            lines.append(f"\u201cThe {words} matters,\u201d said Minister Rahimov.")
        else:
            lines.append(f"The {words} rose {i % 97}.{i % 10} percent in {2000 + i % 25}.")
    paragraphs = [" ".join(lines[i:i + 8]) for i in range(0, sentences, 8)]
    return "Water and canals: the long annual report\n\n" + "\n\n".join(paragraphs)


SHORT_REPORTS = (
    "Water ministers pledge 2.4 billion for canals\n\nWater ministers from five states pledged a "
    "combined $2.4 billion on Monday for canals and reservoirs. The region loses between 30 and "
    "40 percent of its irrigation water. \u201cEvery drop we lose is a drop our farmers will not "
    "see,\u201d said Minister Aigerim Tulegenova. More than 600 delegates attended the meeting.",
    "Rail green corridor opens at the northern border\n\nTajikistan will open a green corridor "
    "for rail freight at two northern crossings in April. Waiting times for container trains "
    "will fall from five days to under 24 hours. Rail freight through the crossings rose 12.5 "
    "percent last year to 2.1 million tonnes. Exporters welcomed the decision.",
)


def short_reports(inbox: Path) -> None:
    """Two unrelated news items, dated back past the inbox's settle time."""
    inbox.mkdir(parents=True, exist_ok=True)
    settled = time.time() - 60
    for i, body in enumerate(SHORT_REPORTS):
        path = inbox / f"r{i}.txt"
        path.write_text(body, encoding="utf-8")
        os.utime(path, (settled, settled))


def bot_settings(fake: FakeTelegram, inbox: Path, db_url: str, users: range) -> Settings:
    return Settings(inbox=inbox, database_url=db_url,
                    telegram=TelegramSettings(api_base_url=fake.base_url),
                    access=AccessSettings(allowed_users=frozenset(users)), token=TOKEN)


async def summary_load(fake: FakeTelegram, settings: Settings, store: Store, *, users: int,
                       requests: int, window: float) -> LoadResult:
    """`requests` /summary spread evenly over `window` seconds from `users` private chats."""
    first_user = min(settings.access.allowed_users)
    app = build_application(settings, store, policy=RetryPolicy(attempts=3, base_delay=0.1))
    asked: dict[int, list[float]] = {first_user + u: [] for u in range(users)}
    async with running(app):
        start = time.monotonic()
        for i in range(requests):
            await asyncio.sleep(max(0.0, start + i * window / requests - time.monotonic()))
            user = first_user + i % users
            asked[user].append(time.monotonic())
            fake.send("/summary", chat_id=user, user_id=user)
        expected = {user: len(times) for user, times in asked.items()}
        with contextlib.suppress(AssertionError):  # the unanswered are counted below
            await fake.wait_for(lambda: all(len(fake.sent_to(u)) >= n
                                            for u, n in expected.items()), timeout=120)
        seconds = time.monotonic() - start
    latencies = []
    answered = 0
    for user, times in asked.items():
        replies = sorted(s.at for s in fake.sent_to(user))
        answered += min(len(replies), len(times))
        latencies.extend(reply - sent for sent, reply in zip(sorted(times), replies, strict=False))
    return LoadResult(users, requests, answered, seconds, tuple(latencies))


async def loop_lag_while_summarizing(fake: FakeTelegram, settings: Settings, store: Store,
                                     user: int, sentences: int = 1600,
                                     seed: int = 1) -> tuple[float, float]:
    """(worst ticker overshoot, seconds to the reply) for /summary of one long report.

    Each seed gives different text, hence a new report that must be analyzed (not cached).
    """
    settled = time.time() - 60
    path = settings.inbox / "long.txt"
    path.write_text(long_report(sentences, seed), encoding="utf-8")
    os.utime(path, (settled, settled))
    app = build_application(settings, store)
    worst = 0.0
    async with running(app):
        done = asyncio.Event()

        async def ticker() -> None:
            nonlocal worst
            while not done.is_set():
                before = time.perf_counter()
                await asyncio.sleep(0.01)
                worst = max(worst, time.perf_counter() - before - 0.01)

        count = len(fake.sent_to(user))
        task = asyncio.create_task(ticker())
        await asyncio.sleep(0.1)
        worst = 0.0  # start-up noise does not count
        start = time.monotonic()
        fake.send("/summary", chat_id=user, user_id=user)
        await fake.wait_sent(user, count + 1, timeout=120)
        took = time.monotonic() - start
        done.set()
        await task
    return worst, took


def add_watches(store: Store, chats: range, count: int) -> None:
    """`count` /watch terms in each chat, none of which the reports mention: the alert check
    runs for every new report, and no alert reply is counted as an answer."""
    for chat in chats:
        for i in range(count):
            store.add_watch(chat, f"zeta{chr(97 + i // 26 % 26)}{chr(97 + i % 26)}", chat)


async def run(users: int, requests: int, window: float,
              watches: int = 0) -> tuple[LoadResult, float, float]:
    fake = FakeTelegram().start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            inbox = Path(folder) / "inbox"
            short_reports(inbox)
            settings = bot_settings(fake, inbox, f"sqlite:///{folder}/load.db",
                                    range(1000, 1000 + users + 1))
            store = Store(settings.database_url)
            add_watches(store, range(1000, 1000 + users + 1), watches)
            try:
                result = await summary_load(fake, settings, store, users=users,
                                            requests=requests, window=window)
                lag, took = await loop_lag_while_summarizing(fake, settings, store,
                                                             1000 + users)
            finally:
                store.close()
    finally:
        fake.stop()
    return result, lag, took


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--window", type=float, default=10.0)
    parser.add_argument("--watches", type=int, default=0, help="watched terms per chat")
    args = parser.parse_args(argv)
    result, lag, took = asyncio.run(run(args.users, args.requests, args.window, args.watches))
    print(f"| load | {result.requests} /summary from {result.users} users in "
          f"{args.window:g} s, {args.watches} watches per chat |")
    print("|---|---|")
    print(f"| requests answered | {result.answered} of {result.requests} |")
    print(f"| per-user rate limit | {LimitSettings().user_requests_per_minute} a minute "
          f"(this load: {result.requests / result.users:g} per user) |")
    print(f"| reply latency p50 | {result.p50 * 1000:.0f} ms |")
    print(f"| reply latency p95 | {result.p95 * 1000:.0f} ms |")
    print(f"| reply latency max | {max(result.latencies) * 1000:.0f} ms |")
    print(f"| max event-loop lag, 1,600-sentence report | {lag * 1000:.0f} ms "
          f"(summary sent after {took:.1f} s) |")


if __name__ == "__main__":
    main()
