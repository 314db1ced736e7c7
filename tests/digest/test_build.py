"""build_digest: one item per distinct report, in order, with every source it came from."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.analysis.model import Analysis, Figure, Quote, Report
from bot.digest.build import build_digest
from bot.digest.model import DigestItem


def analysis(text: str, source: str, *, title: str = "Title", url: str | None = None) -> Analysis:
    report = Report(title=title, text=text, source=source, language="ru" if "ё" in text else "en", url=url)
    return Analysis(
        report=report,
        summary=(text,),
        figures=(Figure("5", "5 villages", text, 1.0),),
        quotes=(Quote("We are ready", "Mary Brown"),),
    )


EN_TEXT = "Donors pledged money for irrigation canals."
RU_TEXT = "Посевная кампания завершена досрочно, сообщил её руководитель."


def test_items_in_order_with_all_fields() -> None:
    created = datetime(2025, 3, 5, 8, 0, tzinfo=UTC)
    first = analysis(EN_TEXT, "a.txt", title="First", url="https://example.org/1")
    second = analysis(RU_TEXT, "b.txt", title="Second")
    digest = build_digest([first, second], created=created, failures=["c.pdf: broken PDF"])
    assert digest.created == created
    assert digest.failures == ("c.pdf: broken PDF",)
    assert digest.items == (
        DigestItem(report_id=first.report.id, title="First", url="https://example.org/1",
                   sources=("a.txt",), language="en", summary=(EN_TEXT,), figures=first.figures,
                   quotes=first.quotes),
        DigestItem(report_id=second.report.id, title="Second", url=None, sources=("b.txt",),
                   language="ru", summary=(RU_TEXT,), figures=second.figures, quotes=second.quotes),
    )


def test_same_report_from_two_sources_is_one_item() -> None:
    one = analysis("Farmers harvested wheat early.", "inbox/a.txt")
    two = analysis("farmers   HARVESTED wheat early.", "upload:b.txt")  # same content id
    again = analysis("Farmers harvested wheat early.", "inbox/a.txt")
    other = analysis("Miners reached the flooded shaft.", "c.txt")
    digest = build_digest([one, other, two, again])
    assert [item.report_id for item in digest.items] == [one.report.id, other.report.id]
    assert digest.items[0].sources == ("inbox/a.txt", "upload:b.txt")


def test_created_defaults_to_now_in_utc() -> None:
    before = datetime.now(UTC)
    digest = build_digest([])
    assert before <= digest.created <= datetime.now(UTC)
    assert digest.created.tzinfo is not None
    assert (digest.items, digest.failures) == ((), ())
