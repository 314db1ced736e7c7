"""Benchmark documents: article text, optional title, reference summary sentences.

Every method sees the same sentences: the article as given (page furniture included, as
in raw CNN/DailyMail text), split once by the product's splitter, so differences come from
ranking alone. Coping with furniture is part of a ranker's job. `cleaned` holds the
sentences after the product's furniture removal, for the Lead-N-after-cleaning row that
shows how much of a margin over Lead-N comes from cleaning alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from bot.analysis.clean import clean_text
from bot.analysis.language import detect_language
from bot.analysis.sentences import split_sentences


def shared_data() -> Path:
    """The shared data folder: beside the repository (a clone's ../shared), else /work/shared."""
    beside = Path(__file__).resolve().parents[2] / "shared"
    return (beside if beside.is_dir() else Path("/work/shared")) / "data"


BBC_SAMPLE = shared_data() / "bbc-news-summary-sample"
# Eight wire-style stories with 3-4 highlights each, written for this project (no CNN/DailyMail
# text): page furniture glued to the lead, Lead-3 as the strong baseline. A sanity check
# that the default keeps news leads, too small to rank methods by.
NEWS_SANITY = Path(__file__).resolve().parent / "news_highlights.jsonl"
# Eleven raw-news-style articles written for briefbot (English, Russian, Ukrainian): CNN
# datelines, Daily Mail bylines and wrap dots, captions, photo credits, report headers.
RAW_NEWS = Path(__file__).resolve().parent / "raw_news.jsonl"


@dataclass(frozen=True)
class Document:
    """One article with its human reference; `sentences` is what every ranker gets."""

    name: str
    group: str
    title: str
    text: str
    reference: tuple[str, ...]
    language: str = "en"
    sentences: tuple[str, ...] = field(default=())
    cleaned: tuple[str, ...] = field(default=())

    @classmethod
    def prepared(cls, name: str, group: str, title: str, text: str, reference: list[str]):
        language = detect_language(text)
        sentences = tuple(split_sentences(text, language))
        cleaned = tuple(split_sentences(clean_text(text), language))
        return cls(name, group, title, text, tuple(reference), language, sentences, cleaned)


def load_pairs(root: Path) -> list[Document]:
    """A folder laid out as article/<group>/<name>.txt with summary/<group>/<name>.txt.

    An article whose first line stands alone (followed by a blank line) and has no final
    punctuation starts with its title, as in the BBC News Summary data.
    """
    documents = []
    for article in sorted((root / "article").rglob("*.txt")):
        relative = article.relative_to(root / "article")
        summary = root / "summary" / relative
        if not summary.exists():
            continue
        title, body = split_title(article.read_text("utf-8", errors="replace"))
        reference = [line.strip() for line in summary.read_text("utf-8", errors="replace")
                     .splitlines() if line.strip()]
        group = relative.parts[0] if len(relative.parts) > 1 else root.name
        documents.append(Document.prepared(str(relative), group, title, body, reference))
    return documents


def split_title(text: str) -> tuple[str, str]:
    lines = text.strip().split("\n")
    if len(lines) > 2 and not lines[1].strip() and lines[0].strip()[-1:] not in ".!?…\"”»":
        return lines[0].strip(), "\n".join(lines[2:])
    return "", text


def load_jsonl(path: Path) -> list[Document]:
    """CNN/DailyMail-style lines of {"article", "highlights"} (highlights one per line)."""
    documents = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            highlights = record["highlights"]
            reference = [h.strip() for h in highlights.split("\n") if h.strip()]
            if len(reference) == 1:
                reference = split_sentences(reference[0])
            documents.append(Document.prepared(
                f"{path.name}:{number}", path.stem, record.get("title", ""),
                record["article"], reference,
            ))
    return documents
