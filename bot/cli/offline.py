"""`briefbot digest` and `briefbot summarize`: the offline commands, one report per input.

Every input is isolated: any exception while reading or analysing one file is reported for
that file and the others are still printed (exit 1). Large folders are spread over worker
processes; a progress bar shows on a terminal. `digest` then runs the bot's own briefing
workflow (bot.briefing) against a temporary store, with the terminal as its one destination
(terminal.py), so the CLI and the bot cannot drift apart.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bot.analysis.loaders import MIB, load_report
from bot.analysis.model import Analysis, ReportError, SummaryOptions
from bot.analysis.pipeline import analyze
from bot.digest.build import build_digest
from bot.digest.render_text import render_text

from .exits import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from .inputs import SUPPORTED_HINT, read_input, report_files
from .options import summary_options

if TYPE_CHECKING:
    from bot.settings import Settings

    from .terminal import TerminalDigest

PARALLEL_FROM = 16  # below this many files, starting worker processes costs more than it saves
Job = tuple[Path, SummaryOptions, int, str | None]


def analyze_file(path: Path, options: SummaryOptions, max_bytes: int,
                 language: str | None = None) -> Analysis:
    """Load and analyze one file; module-level so worker processes can run it."""
    report = load_report(path, max_bytes=max_bytes)
    return analyze(replace(report, language=language) if language else report, options)


def _analyze_or_error(job: Job) -> Analysis | str:
    path = job[0]
    try:
        return analyze_file(*job)
    except ReportError as exc:
        return str(exc)
    except Exception as exc:  # a library bug on one odd file must not sink the whole digest
        return f"{path}: unexpected {type(exc).__name__}: {exc}"


def digest(args: argparse.Namespace, settings: Settings) -> int:
    roots = args.paths or [settings.inbox]
    missing = [str(p) for p in roots if not p.exists()]
    if missing:
        print(f"briefbot digest: {missing[0]}: no such file or folder", file=sys.stderr)
        return EXIT_USAGE
    paths, unsupported = report_files(roots)
    for path in unsupported:
        print(f"briefbot digest: skipped {path}: unsupported file type ({SUPPORTED_HINT})",
              file=sys.stderr)
    import asyncio  # the workflow and the store: digest only (summarize starts without them)

    from .terminal import TerminalDigest

    options, max_bytes = summary_options(args, settings), int(settings.max_file_mb * MIB)
    analyses: list[Analysis] = []
    failures: list[str] = []
    results = _analyze_all([(p, options, max_bytes, args.language) for p in paths], args.jobs)
    for result in _progress(results, len(paths), sys.stderr):
        if isinstance(result, str):
            failures.append(result)
            print(f"briefbot digest: skipped {result}", file=sys.stderr)
        else:
            analyses.append(result)
    view = TerminalDigest(args.json, failures, _sources(analyses))
    failed = asyncio.run(_deliver(analyses, view, options, settings))
    return EXIT_FAILED if failures or failed else EXIT_OK


async def _deliver(analyses: list[Analysis], view: TerminalDigest, options: SummaryOptions,
                   settings: Settings) -> bool:
    """The bot's workflow for one terminal: the analyses (made in parallel above) go into a
    temporary store through the intake and its analysis cache, then out as one digest.
    Every report is printed (no backfill bound). True when a report failed on the way."""
    import tempfile

    from bot.briefing.intake import store_report
    from bot.briefing.workflow import BriefingWorkflow, WorkflowConfig
    from bot.store.aio import AsyncStore
    from bot.store.store import Store

    from .terminal import TERMINAL, TerminalSender

    config = WorkflowConfig(options=options, language=settings.telegram.language,
                            merge_threshold=settings.sources.merge_threshold or None,
                            backfill=max(1, len(analyses)), max_reports=max(1, len(analyses)))
    with tempfile.TemporaryDirectory(prefix="briefbot-digest-") as folder:
        store = AsyncStore(Store(f"sqlite:///{Path(folder) / 'digest.db'}"))
        try:
            workflow = BriefingWorkflow(store, config, render=view.render)
            for analysis in analyses:
                if await store_report(store, analysis.report, "inbox"):
                    await store.save_analysis(workflow.key, analysis)
            outcome = await workflow.deliver_new(TERMINAL, TerminalSender(sys.stdout), kind="cli")
        finally:
            await store.close()
    if outcome.empty:  # nothing to print from the store: the header and what failed
        sys.stdout.write(view.text(build_digest([], created=datetime.now(UTC)),
                                   settings.telegram.language))
    for failure in outcome.failures:
        print(f"briefbot digest: skipped {failure}", file=sys.stderr)
    return bool(outcome.failures) or outcome.error is not None


def _sources(analyses: list[Analysis]) -> dict[str, list[str]]:
    """Report id -> every file that held its text, in input order."""
    sources: dict[str, list[str]] = {}
    for analysis in analyses:
        names = sources.setdefault(analysis.report.id, [])
        if analysis.report.source not in names:
            names.append(analysis.report.source)
    return sources


def _analyze_all(jobs: list[Job], workers: int | None) -> Iterator[Analysis | str]:
    """Results in input order; many files are spread over worker processes."""
    workers = workers or os.cpu_count() or 1
    if workers <= 1 or len(jobs) < PARALLEL_FROM:
        yield from map(_analyze_or_error, jobs)
        return
    from concurrent.futures import ProcessPoolExecutor  # worker processes: big folders only

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


def summarize(args: argparse.Namespace, settings: Settings) -> int:
    options = summary_options(args, settings)
    failed = False
    for name in args.inputs:
        try:
            analysis = analyze(read_input(name, settings, fmt=args.format, language=args.language),
                               options)
        except ReportError as exc:
            failed = True
            _print_failure(args, name, exc.reason, str(exc))
            continue
        except Exception as exc:  # one odd input must not hide the others' summaries
            failed = True
            reason = f"unexpected {type(exc).__name__}: {exc}"
            _print_failure(args, name, reason, f"{name}: {reason}")
            continue
        if args.json:
            print(json.dumps({"path": name, **analysis.to_json()}, ensure_ascii=False))
        else:
            sys.stdout.write(render_text(build_digest([analysis]), with_header=False))
    return EXIT_FAILED if failed else EXIT_OK


def _print_failure(args: argparse.Namespace, name: str, reason: str, line: str) -> None:
    if args.json:
        print(json.dumps({"path": name, "error": reason}, ensure_ascii=False))
    else:
        print(f"briefbot summarize: {line}", file=sys.stderr)
