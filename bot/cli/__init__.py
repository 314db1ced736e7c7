"""The `briefbot` command: offline `digest` and `summarize`, `run` for the Telegram bot, and
`check` and `health` for operators.

Exit codes (bot/cli/exits.py): 0 all good; 1 some inputs failed (the others are printed), a
check found problems, the bot is unhealthy, or a command failed unexpectedly; 2 usage or
settings errors. An unexpected error is one line on stderr with the bot token masked; its
traceback (masked too) only at --log-level DEBUG.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from bot.logs import configure_logging, mask, quiet_batch_libraries
from bot.settings import Settings, SettingsError, load_settings, require_token
from bot.settings.fields import LOG_LEVELS

from . import feeds, figures, who  # parsers only: each imports its work when it runs
from .exits import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from .options import FORMATS, add_summary_options, positive_int, positive_seconds

log = logging.getLogger("bot.cli")
BATCH_LEVEL = "WARNING"  # offline commands: only problems, unless --log-level says otherwise


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    token = os.environ.get("BOT_TOKEN", "").strip()
    level = _log_level_for(args, None)
    configure_logging(token, level)
    try:
        try:
            settings = load_settings(args.config)
        except SettingsError as exc:
            print(f"briefbot: {exc}", file=sys.stderr)
            return args.settings_failure
        settings = _with_log_level(settings, args)
        level = _log_level_for(args, settings)
        configure_logging(settings.token or token, level, settings.logging.format)
        if args.batch:
            quiet_batch_libraries()
        return args.handler(args, settings)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last line of defence: one masked line, never the token
        return report_unexpected(args.command, exc, token, debug=level == "DEBUG")


def report_unexpected(command: str, exc: BaseException, token: str, *, debug: bool) -> int:
    """Print an unexpected error as one masked line (+ masked traceback when debugging)."""
    print(mask(f"briefbot {command}: unexpected {type(exc).__name__}: {exc}", token),
          file=sys.stderr)
    if debug:
        print(mask("".join(traceback.format_exception(exc)), token), file=sys.stderr, end="")
    else:
        print(f"briefbot {command}: run with --log-level DEBUG for the traceback", file=sys.stderr)
    return EXIT_FAILED


def _log_level_for(args: argparse.Namespace, settings: Settings | None) -> str:
    """--log-level, else WARNING for the offline commands, else logging.level (INFO unread)."""
    if args.log_level:
        return args.log_level
    if args.batch:
        return BATCH_LEVEL
    return settings.logging.level if settings else "INFO"


def _with_log_level(settings: Settings, args: argparse.Namespace) -> Settings:
    """--log-level wins over logging.level, for the bot's own configure_logging too."""
    if not args.log_level:
        return settings
    return replace(settings, logging=replace(settings.logging, level=args.log_level))


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # scans site-packages: slow

    try:
        return version("briefbot")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "unknown"


class _VersionAction(argparse.Action):
    """--version that looks the version up only when asked (every command parses the line)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="show program's version number and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"briefbot {package_version()}")
        parser.exit()


def _log_level(text: str) -> str:
    level = text.upper()
    if level not in LOG_LEVELS:
        raise argparse.ArgumentTypeError(f"choose from {', '.join(LOG_LEVELS)}")
    return level


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefbot",
        description="Extractive briefing digests: summaries, key figures and quotes.",
        epilog="Exit codes: 0 all good; 1 some inputs failed (the rest were printed), a check "
               "or health probe failed, or an unexpected error; 2 usage or settings errors.",
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument("--config", type=Path, default=None,
                        help="settings file (default: $BRIEFBOT_CONFIG, else config/briefbot.toml "
                             "if present)")
    parser.add_argument("--log-level", type=_log_level, default=None, metavar="LEVEL",
                        help="DEBUG, INFO, WARNING, ERROR (default: logging.level for run, "
                             "check and health; WARNING for digest and summarize)")
    # Accepted after the command too ("briefbot run --config x.toml"); SUPPRESS keeps the
    # top-level value when the command does not repeat it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    common.add_argument("--log-level", type=_log_level, default=argparse.SUPPRESS,
                        help=argparse.SUPPRESS)
    parser.set_defaults(settings_failure=EXIT_USAGE)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    digest = commands.add_parser("digest", parents=[common], help="print the digest of reports (offline)")
    digest.add_argument("paths", nargs="*", type=Path,
                        help="files or folders (default: the inbox from the settings)")
    add_summary_options(digest)
    digest.add_argument("--jobs", type=positive_int, default=None, metavar="N",
                        help="worker processes (default: the number of cores)")
    digest.add_argument("--json", action="store_true",
                        help="one JSON object per digest item and per line")
    digest.set_defaults(handler=_digest, batch=True)

    summarize = commands.add_parser("summarize", parents=[common], help="summarize reports (offline)")
    summarize.add_argument("inputs", nargs="+", metavar="INPUT",
                           help="files, http(s) URLs, or - for standard input")
    add_summary_options(summarize)
    summarize.add_argument("--format", choices=tuple(FORMATS), default=None,
                           help="read inputs as this format (default: by file extension; "
                                "standard input: recognised from its content)")
    summarize.add_argument("--json", action="store_true",
                           help="one JSON object per report and per line")
    summarize.set_defaults(handler=_summarize, batch=True)

    run = commands.add_parser("run", parents=[common], help="start the Telegram bot (needs BOT_TOKEN)")
    run.set_defaults(handler=_run, batch=False)

    check = commands.add_parser("check", parents=[common],
                                help="check settings, database, inbox, schedules and access")
    check.add_argument("--online", action="store_true",
                       help="also ask Telegram whether the bot may post to each target")
    check.add_argument("--now", type=_instant, default=None, help=argparse.SUPPRESS)
    check.set_defaults(handler=_check, batch=False)

    health = commands.add_parser("health", parents=[common],
                                 help="exit 0 when the running bot polled and ran its schedule "
                                      "recently (for Docker HEALTHCHECK and systemd)")
    health.add_argument("--max-age", type=positive_seconds, default=None, metavar="SECONDS",
                        help="oldest acceptable heartbeat (default: 300)")
    health.add_argument("--now", type=_instant, default=None, help=argparse.SUPPRESS)
    # Docker reserves HEALTHCHECK exit code 2: any failure of `health` is 1 (unhealthy).
    health.set_defaults(handler=_health, batch=False, settings_failure=EXIT_FAILED)
    who.register(commands, common)
    figures.register(commands, common)
    feeds.register(commands, common)
    return parser


def _instant(text: str):
    """A fixed clock for tests: an ISO 8601 time with its zone (e.g. 2026-01-05T06:00:00Z)."""
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO 8601 time") from None
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError(f"{text!r} has no time zone (add Z or +00:00)")
    return moment


# Each command imports its module when it runs: `briefbot health` (every minute in Docker)
# and --help should not load the analysis stack.

def _digest(args: argparse.Namespace, settings: Settings) -> int:
    from . import offline

    return offline.digest(args, settings)


def _summarize(args: argparse.Namespace, settings: Settings) -> int:
    from . import offline

    return offline.summarize(args, settings)


def _check(args: argparse.Namespace, settings: Settings) -> int:
    from .check import run_check

    return run_check(settings, config=args.config, online=args.online, now=args.now)


def _health(args: argparse.Namespace, settings: Settings) -> int:
    from .health import DEFAULT_MAX_AGE, run_health

    return run_health(settings, max_age=args.max_age or DEFAULT_MAX_AGE, now=args.now)


def _run(args: argparse.Namespace, settings: Settings) -> int:
    from bot.chat.app import run  # Telegram is imported only when the bot really runs

    try:
        require_token(settings)
    except SettingsError as exc:
        print(f"briefbot run: {exc}", file=sys.stderr)
        return EXIT_USAGE
    log.info("briefbot %s starting: %s mode, %d target(s), %d feed(s), log format %s",
             package_version(), settings.telegram.mode, len(settings.targets), len(settings.feeds),
             settings.logging.format)
    try:
        run(settings)
    except SettingsError as exc:
        print(f"briefbot run: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]


if __name__ == "__main__":
    raise SystemExit(main())
