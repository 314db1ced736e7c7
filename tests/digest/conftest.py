"""Hand-built digest items for the rendering tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from bot.analysis.model import Figure, Quote
from bot.digest.model import DigestItem

MakeItem = Callable[..., DigestItem]


@pytest.fixture
def make_item() -> MakeItem:
    def make(
        report_id: str,
        title: str = "A title",
        *,
        url: str | None = None,
        sources: Sequence[str] = ("seeds/a.txt",),
        language: str = "en",
        summary: Sequence[str] = ("One sentence.",),
        figures: Sequence[tuple[str, str]] = (),
        quotes: Sequence[tuple[str, str | None]] = (),
    ) -> DigestItem:
        return DigestItem(
            report_id=report_id,
            title=title,
            url=url,
            sources=tuple(sources),
            language=language,
            summary=tuple(summary),
            figures=tuple(Figure(value=v, context=c, sentence=c) for v, c in figures),
            quotes=tuple(Quote(text=t, speaker=s) for t, s in quotes),
        )

    return make
