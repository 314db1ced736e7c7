"""The `briefbot` command: offline `digest` and `summarize`, and `run` for the Telegram bot.

Exit codes: 0 when every input was summarized, 2 for bad arguments or settings and when
any input could not be read (the others are still printed).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TextIO

from .analysis.loaders import MIB, iter_paths, load_bytes, load_report
from .analysis.model import Analysis, ReportError, SummaryOptions
from .analysis.pipeline import analyze
from .analysis.ranking import ALGORITHMS
from .digest.build import build_digest
from .digest.render_text import render_text
from .settings import Settings, SettingsError, load_settings

EXIT_OK, EXIT_USAGE = 0, 2
PARALLEL_FROM = 16  # below this many files, starting worker processes costs more than it saves


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    for library in ("pypdf", "trafilatura"):  # a bad file is reported once, by us
        logging.getLogger(library).setLevel(logging.ERROR)
    try:
        settings = load_settings(args.config)
    except SettingsError as exc:
        print(f"briefbot: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return args.handler(args, settings)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefbot",
        description="Extractive briefing digests: summaries, key figures and quotes.",
    )
    parser.add_argument("--config", type=Path, default=None,
                        help="settings file (default: config/briefbot.toml if present)")
    # Accepted after the command too ("briefbot run --config x.toml"); SUPPRESS keeps the
    # top-level value when the command does not repeat it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    digest = commands.add_parser("digest", parents=[common], help="print the digest of reports (offline)")
    digest.add_argument("paths", nargs="*", type=Path,
                        help="files or folders (default: the inbox from the settings)")
    _add_summary_options(digest)
    digest.add_argument("--jobs", type=int, default=None,
                        help="worker processes (default: the number of cores)")
    digest.set_defaults(handler=_digest)

    summarize = commands.add_parser("summarize", parents=[common], help="summarize reports (offline)")
    summarize.add_argument("paths", nargs="+", help="files, or - for standard input")
    _add_summary_options(summarize)
    summarize.add_argument("--json", action="store_true",
                           help="one JSON object per report and per line")
    summarize.set_defaults(handler=_summarize)

    run = commands.add_parser("run", parents=[common], help="start the Telegram bot (needs BOT_TOKEN)")
    run.set_defaults(handler=_run)
    return parser


def _add_summary_options(parser: argparse.ArgumentParser) -> None:
    length = parser.add_mutually_exclusive_group()
    length.add_argument("--sentences", type=_positive_int, default=None, metavar="N",
                        help="summary length in sentences")
    length.add_argument("--ratio", type=_ratio, default=None, metavar="R",
                        help="summary length as a share of the report's sentences (0-1)")
    parser.add_argument("--algorithm", choices=ALGORITHMS, default=None,
                        help="ranking algorithm (default: from the settings)")
    parser.add_argument("--figures", type=_non_negative_int, default=None, metavar="N",
                        help="how many key figures to keep")


def _bounded_number(kind: type, noun: str, accept, rule: str):
    """An argparse type: parse as `kind`, then check `accept(value)`, naming the rule if not."""

    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {noun}") from None
        if not accept(value):
            raise argparse.ArgumentTypeError(rule)
        return value

    return parse


_positive_int = _bounded_number(int, "a whole number", lambda v: v >= 1, "must be at least 1")
_non_negative_int = _bounded_number(int, "a whole number", lambda v: v >= 0,
                                    "must not be negative")
_ratio = _bounded_number(float, "a number", lambda v: 0 < v <= 1, "must be above 0 and at most 1")


def _options(args: argparse.Namespace, settings: Settings) -> SummaryOptions:
    summary = settings.summary
    return SummaryOptions(
        sentences=args.sentences or summary.sentences,
        ratio=args.ratio,
        algorithm=args.algorithm or summary.algorithm,
        figures=summary.figures if args.figures is None else args.figures,
        quotes=summary.quotes,
    )


def analyze_file(path: Path, options: SummaryOptions, max_bytes: int) -> Analysis:
    """Load and analyze one file; module-level so worker processes can run it."""
    return analyze(load_report(path, max_bytes=max_bytes), options)


def _analyze_or_error(job: tuple[Path, SummaryOptions, int]) -> Analysis | str:
    path, options, max_bytes = job
    try:
        return analyze_file(path, options, max_bytes)
    except ReportError as exc:
        return str(exc)
    except Exception as exc:  # a library bug on one odd file must not sink the whole digest
        return f"{path}: unexpected {type(exc).__name__}: {exc}"


def _digest(args: argparse.Namespace, settings: Settings) -> int:
    roots = args.paths or [settings.inbox]
    missing = [str(p) for p in roots if not p.exists()]
    if missing:
        print(f"briefbot digest: {missing[0]}: no such file or folder", file=sys.stderr)
        return EXIT_USAGE
    paths = iter_paths(roots)
    options, max_bytes = _options(args, settings), int(settings.max_file_mb * MIB)
    analyses: list[Analysis] = []
    failures: list[str] = []
    results = _analyze_all([(p, options, max_bytes) for p in paths], args.jobs)
    for result in _progress(results, len(paths), sys.stderr):
        if isinstance(result, str):
            failures.append(result)
            print(f"briefbot digest: skipped {result}", file=sys.stderr)
        else:
            analyses.append(result)
    threshold = settings.sources.merge_threshold or None  # 0 in the settings: never merge
    digest = build_digest(analyses, failures=failures, merge_threshold=threshold)
    sys.stdout.write(render_text(digest, language=settings.telegram.language))
    return EXIT_USAGE if failures else EXIT_OK


def _analyze_all(
    jobs: list[tuple[Path, SummaryOptions, int]], workers: int | None
) -> Iterator[Analysis | str]:
    """Results in input order; many files are spread over worker processes."""
    workers = workers or os.cpu_count() or 1
    if workers <= 1 or len(jobs) < PARALLEL_FROM:
        yield from map(_analyze_or_error, jobs)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_analyze_or_error, jobs, chunksize=8)


def _progress(items: Iterator[Analysis | str], total: int, stream: TextIO):
    """A progress bar on a terminal for long runs; silent when piped or short."""
    show = total >= PARALLEL_FROM and stream.isatty()
    for done, item in enumerate(items, start=1):
        if show:
            filled = 30 * done // total
            stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total} reports")
            stream.flush()
        yield item
    if show:
        stream.write("\n")


def _summarize(args: argparse.Namespace, settings: Settings) -> int:
    options, max_bytes = _options(args, settings), int(settings.max_file_mb * MIB)
    failed = False
    for name in args.paths:
        try:
            analysis = _summarize_one(name, options, max_bytes)
        except ReportError as exc:
            failed = True
            if args.json:
                print(json.dumps({"path": name, "error": exc.reason}, ensure_ascii=False))
            else:
                print(f"briefbot summarize: {exc}", file=sys.stderr)
            continue
        if args.json:
            print(json.dumps({"path": name, **analysis.to_json()}, ensure_ascii=False))
        else:
            sys.stdout.write(render_text(build_digest([analysis]), with_header=False))
    return EXIT_USAGE if failed else EXIT_OK


def _summarize_one(name: str, options: SummaryOptions, max_bytes: int) -> Analysis:
    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise ReportError("-", f"standard input is over the {max_bytes // MIB} MB limit")
        return analyze(load_bytes(data, "stdin.txt", source="-"), options)
    return analyze_file(Path(name), options, max_bytes)


def _run(args: argparse.Namespace, settings: Settings) -> int:
    from .chat.app import run  # Telegram is imported only when the bot really runs
    from .settings import require_token

    try:
        require_token(settings)
        run(settings)
    except SettingsError as exc:
        print(f"briefbot run: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
