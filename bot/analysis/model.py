"""Plain data passed between the pipeline stages; no I/O and no Telegram here."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from bot.errors import ReportError

__all__ = ["Analysis", "Figure", "Quote", "Report", "ReportError", "SummaryOptions", "content_id"]


_SPACE = re.compile(r"\s")
_ID_CHUNK = 1 << 20


def content_id(text: str) -> str:
    """Stable id from the text alone, so the same report read twice is one report.

    The hash of the casefolded words joined by single spaces, fed a megabyte at a time (cut at
    whitespace): one list of every word of a 20 MB upload took 300 MB.
    """
    digest = hashlib.sha256()
    separator = ""
    start = 0
    while start < len(text):
        cut = _SPACE.search(text, min(start + _ID_CHUNK, len(text)))
        end = cut.start() + 1 if cut else len(text)
        words = _single_spaced(text[start:end])
        if words:
            digest.update((separator + words.casefold()).encode("utf-8"))
            separator = " "
        start = end
    return digest.hexdigest()[:12]


def _single_spaced(text: str) -> str:
    """The words of `text` joined by single spaces: " ".join(text.split()).

    Cleaned text is that already but for its line breaks, and swapping those for spaces and
    checking (in C) that no run or other whitespace is left costs a third of splitting the
    text into a list of 30,000 words; anything else takes the general way.
    """
    spaced = text.replace("\n\n", " ").replace("\n", " ")
    if "  " not in spaced and spaced.isprintable():  # other whitespace is not printable
        return spaced.strip(" ")
    return " ".join(text.split())


@dataclass(frozen=True)
class Report:
    """A loaded report: cleaned text plus what identifies it."""

    title: str
    text: str
    source: str
    language: str = "en"
    url: str | None = None
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", content_id(self.text))


@dataclass(frozen=True)
class Figure:
    """A number with the phrase it counts, e.g. value "4,000", context "more than 4,000 students"."""

    value: str
    context: str
    sentence: str
    score: float = 0.0
    kind: str = ""       # casualties, people, score, plan, rate, money, percent, count, duration


@dataclass(frozen=True)
class Quote:
    """A direct quotation; speaker is None when the text does not say who.

    start/end locate the quotation's words in the analysed text, when known.
    """

    text: str
    speaker: str | None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class SummaryOptions:
    """How much to extract; ratio, when set, wins over the sentence count."""

    sentences: int = 3
    ratio: float | None = None
    algorithm: str = "default"
    figures: int = 5
    quotes: int = 3

    @classmethod
    def from_settings(cls, summary: object) -> SummaryOptions:
        """Options from a settings section: anything with .sentences, .algorithm, .figures,
        .quotes and, optionally, .ratio. The one place settings become options, so the bot
        and the CLI cannot drift apart. sumy's spellings ("lex-rank") are accepted; an
        unknown algorithm raises ValueError naming the valid ones.
        """
        from .ranking import resolve_algorithm

        return cls(
            sentences=summary.sentences,
            ratio=getattr(summary, "ratio", None),
            algorithm=resolve_algorithm(summary.algorithm),
            figures=summary.figures,
            quotes=summary.quotes,
        )

    def sentence_count(self, total: int) -> int:
        if self.ratio is not None:
            return max(1, min(total, round(total * self.ratio)))
        return max(1, min(total, self.sentences))


@dataclass(frozen=True)
class Analysis:
    """What the pipeline learned about one report."""

    report: Report
    summary: tuple[str, ...]
    figures: tuple[Figure, ...]
    quotes: tuple[Quote, ...]

    def to_json(self) -> dict:
        return {
            "title": self.report.title,
            "language": self.report.language,
            "summary": list(self.summary),
            "figures": [
                {"value": f.value, "context": f.context, "sentence": f.sentence}
                for f in self.figures
            ],
            "quotes": [{"text": q.text, "speaker": q.speaker} for q in self.quotes],
        }

    @classmethod
    def from_json(cls, report: Report, data: dict) -> Analysis:
        """The inverse of to_json for this report (title and language come from the report).

        Figure scores are not part of to_json; an older cached form that carries them is read too.
        """
        return cls(
            report=report,
            summary=tuple(data["summary"]),
            figures=tuple(Figure(f["value"], f["context"], f["sentence"], f.get("score", 0.0))
                          for f in data["figures"]),
            quotes=tuple(Quote(q["text"], q["speaker"]) for q in data["quotes"]),
        )
