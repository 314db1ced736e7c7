"""The database lease seen from the bot: stand by, renew, stop when it is lost."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest

from bot.chat.standby import LeaseKeeper, wait_for_lease
from bot.errors import StoreUnavailable


class FakeLease:
    """acquire() answers from `free` in turn; renew() from `renewals` (an exception is raised)."""

    def __init__(self, free=(), renewals=()) -> None:
        self.free = list(free)
        self.renewals = list(renewals)
        self.holder = "host:1:abc"
        self.ttl = timedelta(seconds=30)

    def acquire(self) -> bool:
        return self.free.pop(0)

    def renew(self) -> bool:
        answer = self.renewals.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    def current_holder(self):
        return ("other:2:def", None)


def test_a_standby_announces_itself_once_and_takes_over_when_free(caplog) -> None:
    lease = FakeLease(free=[False, False, False, True])
    with caplog.at_level(logging.INFO, logger="bot.chat.standby"):
        assert wait_for_lease(lease, poll_seconds=0.01) is True
    messages = [r.getMessage() for r in caplog.records]
    assert messages == [
        "another briefbot holds the database; standing by (held by other:2:def)",
        "holding the database lease as host:1:abc"]


@pytest.mark.parametrize(("late", "keeps_posting"), [(5.0, True), (25.0, False)])
async def test_renewal_errors_are_tolerated_only_well_inside_the_lease(
        late: float, keeps_posting: bool) -> None:
    now = [100.0]
    keeper = LeaseKeeper(FakeLease(renewals=[StoreUnavailable("database", "locked")]),
                         clock=lambda: now[0])
    now[0] += late
    assert await keeper.renew() is keeps_posting


async def test_a_lost_lease_stops_posting_and_a_renewed_one_does_not(caplog) -> None:
    keeper = LeaseKeeper(FakeLease(renewals=[True, False]))
    assert await keeper.renew() is True
    assert await keeper.renew() is False
    assert "lost the database lease to another briefbot" in caplog.text
