"""`python -m benchmarks`: quality, then speed, then the batch digest, one Markdown report.

Arguments go to the quality benchmark (--pairs DIR, --jsonl FILE, --fixed N, --methods).
"""

from __future__ import annotations

import sys

from . import batch, quality, speed

quality.main(sys.argv[1:])
print()
speed.main([])
print()
batch.main([])
