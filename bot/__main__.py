"""`python -m bot` is the same as the `briefbot` command."""

from .cli import main

raise SystemExit(main())
