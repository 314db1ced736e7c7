"""The limits by themselves: a sliding minute per user, and heavy work bounded by slots."""

from __future__ import annotations

import asyncio

from bot.chat.limits import BIG_INPUT_BYTES, HeavyWork, RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_six_a_minute_then_the_wait_until_the_oldest_leaves_the_window() -> None:
    clock = Clock()
    limiter = RateLimiter(6, clock=clock)
    for second in range(6):
        clock.now = 1000.0 + second * 5
        assert limiter.wait_seconds(42) == 0
    clock.now = 1030.0
    assert limiter.wait_seconds(42) == 30  # the first request (at 1000) leaves at 1060
    assert limiter.wait_seconds(7) == 0    # another user is not held up
    clock.now = 1060.5
    assert limiter.wait_seconds(42) == 0   # one slot free again; refusals were not counted
    assert limiter.wait_seconds(42) == 5   # the next frees at 1065


def test_users_who_went_quiet_are_forgotten() -> None:
    clock = Clock()
    limiter = RateLimiter(6, clock=clock)
    for user in range(1000):
        limiter.wait_seconds(user)
    clock.now += 61
    limiter.wait_seconds(1)
    assert list(limiter._hits) == [1]


def test_only_the_first_refusal_in_a_minute_is_news() -> None:
    clock = Clock()
    limiter = RateLimiter(6, clock=clock)
    assert limiter.refusal_is_news(42) is True
    clock.now += 59
    assert limiter.refusal_is_news(42) is False
    assert limiter.refusal_is_news(7) is True  # another user is told
    clock.now += 2
    assert limiter.refusal_is_news(42) is True
    clock.now += 61
    limiter.wait_seconds(1)
    assert limiter._told == {}  # forgotten with the window


async def test_heavy_work_runs_two_at_once_and_a_big_input_alone() -> None:
    heavy = HeavyWork(2)
    running: list[str] = []
    most: list[int] = []

    async def job(name: str, size: int) -> None:
        async with heavy.slot(size):
            running.append(name)
            most.append(len(running))
            await asyncio.sleep(0.05)
            if name == "big":
                assert running == ["big"]
            running.remove(name)

    await asyncio.gather(job("a", 10), job("b", 10), job("c", 10), job("big", BIG_INPUT_BYTES),
                         job("d", 10))
    assert max(most) == 2 and running == []
