"""`python -m benchmarks`: quality, speed, the batch digest and the bot under load, one report.

Arguments go to the quality benchmark (--pairs DIR, --jsonl FILE, --fixed N, --methods).
"""

from __future__ import annotations

import sys

from . import batch, load, quality, speed

quality.main(sys.argv[1:])
print()
speed.main([])
print()
batch.main([])
print()
load.main([])
