"""Watchlists in the store: per chat, numbered by age, settings watchlists kept in step, one
alert per report per watch (also across a reopened store), and reports' origins for routing."""

from __future__ import annotations

from bot.analysis.model import Report
from bot.store.store import Store

DAM = Report(title="Dam", text="The dam holds 2 billion cubic metres.", source="dam.txt")
ROAD = Report(title="Road", text="The road is closed for 3 days.", source="road.txt")
GAS = Report(title="Gas", text="Gas exports rose.", source="Interfax")


def test_watches_are_per_chat_in_order_and_not_repeated(db_url: str) -> None:
    store = Store(db_url)
    try:
        gas = store.add_watch(-100, "газ", created_by=42)
        phrase = store.add_watch(-100, "energy security", created_by=42)
        other = store.add_watch(-200, "газ", created_by=7)
        assert store.add_watch(-100, "газ", created_by=1).id == gas.id  # the one it has
        assert [(w.term, w.created_by) for w in store.watches(-100)] == [
            ("газ", 42), ("energy security", 42)]
        assert [w.id for w in store.watches()] == [gas.id, phrase.id, other.id]
        assert store.remove_watch(gas.id) is True
        assert store.remove_watch(gas.id) is False
        assert [w.term for w in store.watches("-100")] == ["energy security"]
    finally:
        store.close()


def test_one_alert_per_report_per_watch_across_a_reopened_store(db_url: str) -> None:
    store = Store(db_url)
    store.add_report(DAM)
    store.add_report(ROAD)
    watch = store.add_watch(-100, "dam", created_by=42)
    assert store.claim_alert(watch.id, DAM.id) is True
    assert store.claim_alert(watch.id, DAM.id) is False
    store.close()
    store = Store(db_url)
    try:
        assert store.claim_alert(watch.id, DAM.id) is False
        assert store.claim_alert(watch.id, ROAD.id) is True
    finally:
        store.close()


def test_settings_watchlist_follows_the_settings_and_leaves_chat_watches(db_url: str) -> None:
    store = Store(db_url)
    try:
        store.add_report(DAM)
        mine = store.add_watch(-100, "dam", created_by=42)
        store.sync_settings_watches({"-100": ["sanctions", "Yatimov"], "@desk": ["gas"]})
        kept = {w.term: w.id for w in store.watches(-100) if w.from_settings}
        assert store.claim_alert(kept["Yatimov"], DAM.id) is True
        store.sync_settings_watches({"-100": ["Yatimov", "uranium"]})
        after = store.watches(-100)
        assert [(w.term, w.from_settings) for w in after] == [
            ("dam", False), ("Yatimov", True), ("uranium", True)]
        assert store.watches("@desk") == []
        assert next(w.id for w in after if w.term == "Yatimov") == kept["Yatimov"]
        assert store.claim_alert(kept["Yatimov"], DAM.id) is False  # still sent
        assert mine.id == after[0].id
    finally:
        store.close()


def test_origins_are_kept_and_route_the_backlog(db_url: str) -> None:
    store = Store(db_url)
    try:
        store.add_report(DAM, origin="inbox/energy")
        store.add_report(ROAD, origin="inbox/security")
        store.add_report(GAS, origin="feed:Interfax")
        assert store.add_report(GAS, origin="links:-100") is False  # the first origin stays
        assert store.report_origins([DAM.id, GAS.id, "missing"]) == {
            DAM.id: "inbox/energy", GAS.id: "feed:Interfax"}
        energy = store.backlog(-100, 10, takes=lambda origin: origin != "inbox/security")
        assert [r.id for r in energy.reports] == [DAM.id, GAS.id]
        bounded = store.backlog(-100, 1, takes=lambda origin: origin != "inbox/security")
        assert ([r.id for r in bounded.reports], bounded.older) == ([GAS.id], [DAM.id])
    finally:
        store.close()
