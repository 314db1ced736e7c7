"""`briefbot feeds list|import FILE.opml|export`: the feeds the bot polls, as OPML in and out.

Imported feeds are saved in the store exactly like /addfeed, so the running bot polls them after
its next start (or at once when imported by sending the file to the bot); importing the same
file again adds nothing. The list is the settings' [[feeds]] plus those added in chat, minus
those removed in chat.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.settings import Settings

from .exits import EXIT_FAILED, EXIT_OK, EXIT_USAGE


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("feeds", parents=[common],
                                 help="list the feeds, import an OPML file, export OPML")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("list", parents=[common], help="the feeds polled now: URL and name")
    imported = actions.add_parser("import", parents=[common],
                                  help="add the feeds of an OPML file (like /addfeed)")
    imported.add_argument("file", type=Path, help="an .opml file (- for standard input)")
    actions.add_parser("export", parents=[common], help="print the feeds as OPML 2.0")
    parser.set_defaults(handler=run, batch=True)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from bot.sources.registry import FeedRegistry
    from bot.store.db import Store

    data = None
    if args.action == "import":
        data = _read(args.file)
        if data is None:
            return EXIT_USAGE
    store = Store(settings.database_url)
    try:
        registry = FeedRegistry(settings.feeds, settings.sources.feed_interval, store)
        if args.action == "import":
            return _import(registry, data, str(args.file))
        if args.action == "export":
            from bot.sources.opml import export_opml

            sys.stdout.write(export_opml(registry.current()).decode("utf-8"))
            return EXIT_OK
        for feed in registry.current():
            print(f"{feed.url}\t{feed.name}")
        return EXIT_OK
    finally:
        store.close()


def _read(file: Path) -> bytes | None:
    from bot.sources.opml import MAX_OPML_BYTES

    try:
        if str(file) == "-":
            return sys.stdin.buffer.read(MAX_OPML_BYTES + 1)
        with file.open("rb") as handle:  # read one byte past the cap: a huge file stays unread
            return handle.read(MAX_OPML_BYTES + 1)
    except OSError as exc:
        print(f"briefbot feeds import: cannot read {file}: {exc.strerror or exc}", file=sys.stderr)
        return None


def _import(registry, data: bytes, source: str) -> int:
    from bot.errors import BriefbotError
    from bot.sources.opml import import_feeds, parse_opml

    try:
        feeds = parse_opml(data, source)
    except BriefbotError as exc:
        print(f"briefbot feeds import: {exc}", file=sys.stderr)
        return EXIT_FAILED
    result = import_feeds(registry, feeds)
    for url in result.invalid:
        print(f"briefbot feeds import: not a usable feed URL: {url}", file=sys.stderr)
    print(f"{len(result.added)} added, {result.unchanged} unchanged, "
          f"{len(result.invalid)} refused")
    return EXIT_FAILED if result.invalid else EXIT_OK
