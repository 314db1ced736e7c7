"""Exit codes of every briefbot command (documented in docs/cli.md).

0: everything asked for was done. 1: some inputs failed (the rest were printed), a check
found a problem, the bot is unhealthy, or an unexpected error stopped a command.
2: usage or settings errors: nothing was attempted.
"""

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
