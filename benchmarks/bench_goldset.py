"""How long loading and validating the bundled gold set takes.

Usage: python benchmarks/bench_goldset.py [GOLDSET_DIR] [--repeat N]
Prints the median and best wall time of `load_goldset` (parse YAML, read
sources, resolve every anchor) over N runs, and the time of a cold
`harness goldset validate` subprocess (interpreter start included).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("goldset", nargs="?", default=str(ROOT / "goldsets" / "china-ai-gap-2026"))
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    t0 = time.perf_counter()
    from harness.goldset import load_goldset

    import_ms = (time.perf_counter() - t0) * 1000
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        goldset = load_goldset(args.goldset)
        times.append((time.perf_counter() - start) * 1000)
    anchors = sum(len(q.anchors) for q in goldset.quotes) + sum(len(c.anchors) for c in goldset.claims)
    anchors += sum(len(e.anchors) + sum(len(a.anchors) for a in e.affiliations) for e in goldset.entities)
    print(f"gold set: {goldset.id}: {anchors} anchors resolved")
    print(f"import harness.goldset: {import_ms:.1f} ms")
    median, best = statistics.median(times), min(times)
    print(f"load+validate: median {median:.1f} ms, best {best:.1f} ms ({args.repeat} runs)")

    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "harness", "goldset", "validate", args.goldset],
        check=True,
        capture_output=True,
    )
    print(
        f"`harness goldset validate` end to end (new process): {(time.perf_counter() - start) * 1000:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
