"""Benchmark `harness.check`: briefs per second, ms per 150-word brief, peak memory.

Builds N briefs from the calibration briefs (cycling through them, so the
mix of clean and faulty text is realistic), loads the gold set once, warms
the index, then scores them all on one core.

    python benchmarks/bench_check.py [--n 10000] [--goldset goldsets/china-ai-gap-2026]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="briefs to score")
    parser.add_argument("--goldset", default=str(ROOT / "goldsets" / "china-ai-gap-2026"))
    args = parser.parse_args(argv)

    from harness.calibration import load_briefs
    from harness.goldset.load import load_goldset
    from harness.scorers import check
    from harness.scorers.index import index_for
    from harness.text import word_count

    t0 = time.perf_counter()
    goldset = load_goldset(args.goldset)
    t1 = time.perf_counter()
    index_for(goldset)
    t2 = time.perf_counter()
    _, calibration = load_briefs(Path(args.goldset) / "calibration" / "briefs.yaml")
    briefs = [
        (calibration[i % len(calibration)].text, calibration[i % len(calibration)].task)
        for i in range(args.n)
    ]
    words = sum(word_count(t) for t, _ in briefs)

    tracemalloc.start()
    findings = 0
    start = time.perf_counter()
    for text, task in briefs:
        findings += len(check(text, goldset, task).findings)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # Timing without tracemalloc's overhead, on a slice.
    m = min(len(briefs), 2000)
    s2 = time.perf_counter()
    for text, task in briefs[:m]:
        check(text, goldset, task)
    clean_elapsed = (time.perf_counter() - s2) / m * len(briefs)

    per_brief = clean_elapsed / len(briefs)
    per_word = clean_elapsed / max(words, 1)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"gold set load: {1000 * (t1 - t0):.1f} ms; index build: {1000 * (t2 - t1):.1f} ms")
    print(f"briefs: {len(briefs)} ({words / len(briefs):.0f} words on average), findings: {findings}")
    print(f"briefs per second: {1 / per_brief:,.0f}")
    print(f"ms per brief: {1000 * per_brief:.3f}; ms per 150-word brief: {1000 * per_word * 150:.3f}")
    print(f"peak traced memory while scoring: {peak / 1e6:.1f} MB; max RSS: {rss:.0f} MB")
    print(f"(with tracemalloc on: {1000 * elapsed / len(briefs):.3f} ms per brief)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
