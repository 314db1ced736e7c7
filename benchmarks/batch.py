"""`briefbot digest` over 1,000 generated reports: wall time, reports per second, peak memory.

    python -m benchmarks.batch [--reports 1000] [--jobs 2]

Each report joins two different BBC sample articles (the first one's title leads), so all
reports are distinct and ~40 sentences long. The CLI runs as a subprocess exactly as a user
would call it; memory (PSS) is sampled from /proc for the whole process tree (the CLI's workers
included), as the sum of PSS and as the largest single process's peak RSS.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from .corpus import BBC_SAMPLE

REPO = Path(__file__).resolve().parents[1]


def write_reports(folder: Path, count: int) -> int:
    articles = sorted((BBC_SAMPLE / "article").rglob("*.txt"))
    texts = [a.read_text("utf-8", errors="replace").strip() for a in articles]
    for k in range(count):
        first = k % len(texts)
        second = (first + 1 + k // len(texts)) % len(texts)
        body = texts[second].split("\n", 1)[-1].strip()
        (folder / f"report_{k:04d}.txt").write_text(f"{texts[first]}\n\n{body}\n", "utf-8")
    return count


def tree_memory_kib(root: int) -> tuple[int, int]:
    """Memory of a process and all its descendants, from /proc.

    Returns (sum of PSS, largest single-process peak RSS). PSS (proportional set size)
    splits shared pages (the interpreter, numpy, scipy, forked copies) among the processes
    sharing them, so the sum is what the tree really occupies; summing RSS would count
    those pages once per worker.
    """
    total = largest = 0
    pending = [root]
    while pending:
        pid = pending.pop()
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            total += _field(rollup, "Pss:")
            largest = max(largest, _field(Path(f"/proc/{pid}/status").read_text(), "VmHWM:"))
            for task in Path(f"/proc/{pid}/task").iterdir():
                children = (task / "children").read_text().split()
                pending.extend(int(c) for c in children)
        except (OSError, StopIteration, ValueError):
            continue
    return total, largest


def _field(text: str, name: str) -> int:
    return next(int(line.split()[1]) for line in text.splitlines() if line.startswith(name))


def run_digest(folder: Path, jobs: int | None) -> tuple[float, int, int, int]:
    """Wall seconds, exit code, peak tree PSS KiB, largest process peak RSS KiB.

    getrusage(RUSAGE_CHILDREN) is not used: a child forked from a big benchmark process
    reports the parent's pages as its own maxrss.
    """
    command = [sys.executable, "-m", "bot", "digest", str(folder)]
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    peak = largest = 0
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, largest
        while not done.is_set():
            tree, single = tree_memory_kib(process.pid)
            peak, largest = max(peak, tree), max(largest, single)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    elapsed = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode:
        sys.stderr.write(stderr.decode("utf-8", "replace")[-2000:])
    return elapsed, process.returncode, peak, largest


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=None,
                        help="passed to `digest --jobs` (default: the CLI's own choice)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="briefbot-batch-") as tmp:
        folder = Path(tmp)
        count = write_reports(folder, args.reports)
        elapsed, code, tree_peak, child_peak = run_digest(folder, args.jobs)
    print("## Batch digest (`python -m bot digest <folder>`)\n")
    print("| reports | wall s | reports/s | peak memory, process tree (PSS) "
          "| largest process peak RSS (VmHWM) | exit |")
    print("|---:|---:|---:|---:|---:|---:|")
    print(f"| {count:,} | {elapsed:.1f} | {count / elapsed:.0f} | {tree_peak / 1024:.0f} MiB "
          f"| {child_peak / 1024:.0f} MiB | {code} |")
    print(f"\n{os.cpu_count()} CPUs visible.")


if __name__ == "__main__":
    main()
