"""The store behind `briefbot who` and `briefbot figures`, with its index brought up to date.

The index is filled when a report is analysed; a store that only the inbox filled (no digest
yet) has reports without analyses, so those are analysed first: the newest ANALYSE_LIMIT at
most per run, each one on its own (a report that fails is counted, the others go on).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from bot.settings import Settings

from .exits import EXIT_FAILED, EXIT_OK
from .options import positive_int

ANALYSE_LIMIT = 200
DEFAULT_LIMIT = 10


def analyse_pending(store, settings: Settings, limit: int = ANALYSE_LIMIT) -> tuple[int, int]:
    """Analyse (and so index) stored reports that have no analysis; (analysed, failed)."""
    import asyncio

    from bot.analysis.model import SummaryOptions
    from bot.briefing import BriefingWorkflow, WorkflowConfig
    from bot.store.aio import AsyncStore

    quarantine = settings.delivery.quarantine_after
    pending = store.unanalysed(limit, quarantine_after=quarantine)
    if not pending:
        return 0, 0
    workflow = BriefingWorkflow(AsyncStore(store), WorkflowConfig(
        options=SummaryOptions.from_settings(settings.summary), quarantine_after=quarantine))
    analyses, failures = asyncio.run(workflow.analyse(pending))
    return len(analyses), len(failures)


@dataclass(frozen=True)
class IndexQuery:
    """One index command: `briefbot <command> WORDS... [--limit N] [--json]`."""

    command: str
    help: str
    argument: str
    argument_help: str
    method: str                        # the Store method taking (words, limit)
    line: Callable[[Any], str]         # one row as text
    nothing: str                       # said on stderr when nothing matches; {!r} is the words

    def register(self, commands: argparse._SubParsersAction,
                 common: argparse.ArgumentParser) -> None:
        parser = commands.add_parser(self.command, parents=[common], help=self.help)
        parser.add_argument(self.argument, nargs="+", help=self.argument_help)
        parser.add_argument("--limit", type=positive_int, default=DEFAULT_LIMIT, metavar="N",
                            help=f"at most N, newest report first (default: {DEFAULT_LIMIT})")
        parser.add_argument("--json", action="store_true", help="one JSON object per line")
        parser.set_defaults(handler=self.run, batch=True)

    def run(self, args: argparse.Namespace, settings: Settings) -> int:
        """Open the store, index what is pending, print the matches (text or JSON lines)."""
        from .database import NoDatabase, open_existing_store

        words = " ".join(getattr(args, self.argument))
        try:
            store = open_existing_store(settings.database_url)
        except NoDatabase as exc:
            print(f"briefbot {self.command}: {exc}", file=sys.stderr)
            return EXIT_FAILED
        try:
            _, failed = analyse_pending(store, settings)
            if failed:
                print(f"briefbot {self.command}: {failed} report(s) could not be analysed; "
                      "the others were searched", file=sys.stderr)
            rows = getattr(store, self.method)(words, args.limit)
        finally:
            store.close()
        if not rows:
            print(f"briefbot {self.command}: {self.nothing.format(words)}", file=sys.stderr)
        for row in rows:
            print(json.dumps(asdict(row), ensure_ascii=False, default=_iso) if args.json
                  else self.line(row))
        return EXIT_OK


def _iso(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(type(value).__name__)
