"""Command-line option types: every number range-checked, algorithms and languages by name.

argparse calls these while parsing, so a bad value is a usage error (exit 2) that says what
is accepted, before any file is read.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from bot.analysis.lang import codes
from bot.analysis.model import SummaryOptions
from bot.settings import Settings
from bot.settings.algorithms import algorithms, resolve_algorithm

ALL_QUOTES = 1_000_000  # "--quotes all": no report has this many
FORMATS = {"html": ".html", "pdf": ".pdf", "docx": ".docx", "text": ".txt", "md": ".md"}


def bounded_number(kind: type, noun: str, accept: Callable[[Any], bool], rule: str):
    """An argparse type: parse as `kind`, then check `accept(value)`, naming the rule if not."""

    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {noun}") from None
        if not accept(value):
            raise argparse.ArgumentTypeError(f"{rule}, got {text}")
        return value

    return parse


positive_int = bounded_number(int, "a whole number", lambda v: v >= 1, "must be at least 1")
non_negative_int = bounded_number(int, "a whole number", lambda v: v >= 0, "must not be negative")
ratio = bounded_number(float, "a number", lambda v: 0 < v <= 1, "must be above 0 and at most 1")
positive_seconds = bounded_number(float, "a number of seconds", lambda v: v > 0, "must be above 0")


def quote_count(text: str) -> int:
    """A number of quotes, or "all"."""
    if text.strip().lower() == "all":
        return ALL_QUOTES
    return non_negative_int(text)


def algorithm(text: str) -> str:
    name = resolve_algorithm(text)
    if name is None:
        raise argparse.ArgumentTypeError(
            f"unknown algorithm {text!r} (choose from {', '.join(algorithms())})")
    return name


def language(text: str) -> str:
    code = text.strip().lower()
    if code not in codes():
        raise argparse.ArgumentTypeError(
            f"unsupported language {text!r} (choose from {', '.join(codes())})")
    return code


def add_summary_options(parser: argparse.ArgumentParser) -> None:
    length = parser.add_mutually_exclusive_group()
    length.add_argument("--sentences", type=positive_int, default=None, metavar="N",
                        help="summary length in sentences")
    length.add_argument("--ratio", type=ratio, default=None, metavar="R",
                        help="summary length as a share of the report's sentences (0-1)")
    parser.add_argument("--algorithm", type=algorithm, default=None, metavar="NAME",
                        help="ranking algorithm: default, lexrank, textrank, lsa, luhn, ... and "
                             "sumy's spellings (lex-rank, text-rank, sum-basic); default: from "
                             "the settings")
    parser.add_argument("--figures", type=non_negative_int, default=None, metavar="N",
                        help="how many key figures to keep")
    parser.add_argument("--quotes", type=quote_count, default=None, metavar="N|all",
                        help="how many quotes to keep, or 'all'")
    parser.add_argument("--language", type=language, default=None, metavar="CODE",
                        help="report language instead of detecting it: " + ", ".join(codes()))


def summary_options(args: argparse.Namespace, settings: Settings) -> SummaryOptions:
    """The command line's choices, the settings (as the bot reads them) for the rest."""
    chosen = {"sentences": args.sentences, "ratio": args.ratio, "algorithm": args.algorithm,
              "figures": args.figures, "quotes": args.quotes}
    return replace(SummaryOptions.from_settings(settings.summary),
                   **{name: value for name, value in chosen.items() if value is not None})
