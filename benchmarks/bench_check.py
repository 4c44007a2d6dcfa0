"""Benchmark `harness.check`: briefs per second, ms per 150-word brief, peak memory.

Loads the gold set once and warms its index, then scores two sets of
briefs on one core (the process pins itself to one CPU; `--cpu -1` leaves
affinity alone):

* the calibration briefs as they are, cycled (a realistic mix of clean and
  faulty text, ~70 words each): briefs per second and ms per brief;
* ~150-word briefs made by joining consecutive calibration briefs: ms per
  150-word brief is measured on these, not extrapolated from word counts.
  Calibration briefs are dense (each carries several quotes, names,
  numbers and planted errors), so this is the demanding figure;
* the gold set's human reference briefs, as a figure for ordinary prose.

Each set is timed `--repeats` times and the median is reported (the
machine may be shared). Peak memory is traced in a first, untimed pass.
No cache in the scorers is keyed on summary text, so cycling through the
same briefs does not flatter the figures.

    python benchmarks/bench_check.py [--n 3000] [--repeats 5] [--goldset goldsets/china-ai-gap-2026]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_WORDS = 150


def _pin_to_one_cpu(cpu: int | None) -> str:
    if (cpu is not None and cpu < 0) or not hasattr(os, "sched_setaffinity"):
        return "not pinned"
    allowed = sorted(os.sched_getaffinity(0))
    chosen = cpu if cpu is not None else allowed[0]
    os.sched_setaffinity(0, {chosen})
    return f"pinned to CPU {chosen}"


def _joined_briefs(calibration: list, word_count, target: int = TARGET_WORDS) -> list[tuple[str, str | None]]:
    """Briefs of about `target` words: consecutive calibration briefs joined as paragraphs."""
    out = []
    i, n = 0, len(calibration)
    while i < n:
        parts, words, task = [], 0, calibration[i].task
        while words < target - 10 and i < n:
            parts.append(calibration[i].text.strip())
            words += word_count(calibration[i].text)
            i += 1
        if abs(words - target) <= 40:
            out.append(("\n\n".join(parts) + "\n", task))
    return out


def _time_per_brief(check, goldset, briefs: list[tuple[str, str | None]], repeats: int) -> list[float]:
    """Seconds per brief for each of `repeats` passes over `briefs`."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for text, task in briefs:
            check(text, goldset, task)
        times.append((time.perf_counter() - start) / len(briefs))
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3000, help="calibration briefs to score per repeat")
    parser.add_argument("--repeats", type=int, default=5, help="timed passes per set (median reported)")
    parser.add_argument("--cpu", type=int, help="CPU to pin to (default: the first allowed; -1: do not pin)")
    parser.add_argument("--goldset", default=str(ROOT / "goldsets" / "china-ai-gap-2026"))
    args = parser.parse_args(argv)
    pinned = _pin_to_one_cpu(args.cpu)

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
    briefs = [(b.text, b.task) for b in (calibration[i % len(calibration)] for i in range(args.n))]
    words = sum(word_count(t) for t, _ in briefs) / len(briefs)
    joined = _joined_briefs(calibration, word_count)
    long_briefs = [joined[i % len(joined)] for i in range(max(len(joined), args.n * 70 // TARGET_WORDS))]
    long_words = sum(word_count(t) for t, _ in long_briefs) / len(long_briefs)

    # A first, traced pass (it also fills the word-level caches), then the timed passes.
    tracemalloc.start()
    findings = sum(len(check(t, goldset, task).findings) for t, task in briefs[: len(calibration)])
    for text, task in long_briefs[: len(joined)]:
        check(text, goldset, task)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    per_brief = statistics.median(_time_per_brief(check, goldset, briefs, args.repeats))
    long_times = _time_per_brief(check, goldset, long_briefs, args.repeats)
    per_long = statistics.median(long_times)

    references = [(t.reference, t.id) for t in goldset.tasks if t.reference]
    reference_words = sum(word_count(t) for t, _ in references)
    per_reference_pass = statistics.median(_time_per_brief(check, goldset, references * 20, args.repeats))
    per_reference_word = per_reference_pass * len(references) / reference_words if references else 0.0

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"gold set load: {1000 * (t1 - t0):.1f} ms; index build: {1000 * (t2 - t1):.1f} ms; {pinned}")
    print(
        f"calibration briefs: {len(briefs)} x {args.repeats} ({words:.0f} words on average), "
        f"findings per pass over the calibration set: {findings}"
    )
    print(f"briefs per second: {1 / per_brief:,.0f}")
    print(f"ms per brief: {1000 * per_brief:.3f}")
    print(
        f"~150-word briefs: {len(long_briefs)} x {args.repeats} ({long_words:.0f} words on average, "
        f"{len(joined)} distinct); ms per brief: {1000 * per_long:.3f} "
        f"(min {1000 * min(long_times):.3f}, max {1000 * max(long_times):.3f})"
    )
    print(f"ms per 150-word brief: {1000 * per_long * TARGET_WORDS / long_words:.3f}")
    if references:
        avg = reference_words / len(references)
        per_150 = 1000 * per_reference_word * TARGET_WORDS
        print(f"reference briefs: {len(references)} ({avg:.0f} words each), ms per 150 words: {per_150:.3f}")
    print(f"peak traced memory while scoring: {peak / 1e6:.2f} MB; max RSS: {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
