"""Speed-up from concurrency: `harness run` against an OpenAI-compatible server with fixed latency.

Starts the test suite's loopback chat server (standard library, fixed latency
per request), runs every task of the bundled gold set with --samples N through
the real openai: code path at several concurrency limits (cache off), and
prints wall time, throughput and speed-up over one request in flight. Scoring
is stubbed out so the numbers measure the requests, not the scorer.

    .venv/bin/python benchmarks/bench_concurrency.py [--latency 0.5] [--samples 4] [--levels 1 2 4 8]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "run"))

from fake_openai import FakeChatServer  # noqa: E402

from harness.findings import SummaryResult  # noqa: E402
from harness.goldset.model import GoldSet  # noqa: E402
from harness.run.runner import RunSettings, run  # noqa: E402
from harness.run.summarizers.base import RunOptions  # noqa: E402


def no_score(text: str, goldset: GoldSet, task: str | None = None, path: str = "-") -> SummaryResult:
    return SummaryResult(path=path, task=task, stats={"words": len(text.split())})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.5, help="seconds the server takes per request")
    parser.add_argument("--samples", type=int, default=4, help="samples per task (6 tasks)")
    parser.add_argument("--levels", type=int, nargs="+", default=[1, 2, 4, 8])
    parser.add_argument("--goldset", default=str(ROOT / "goldsets" / "china-ai-gap-2026"))
    args = parser.parse_args()

    import openai  # noqa: F401  (warm the import so the first level does not pay for it)

    print(f"fixed server latency {args.latency:.2f}s; cache off; scoring stubbed")
    print(f"{'in flight':>9} {'summaries':>9} {'wall s':>8} {'per s':>7} {'speed-up':>8} {'max seen':>8}")
    base = None
    with tempfile.TemporaryDirectory() as tmp:
        for level in args.levels:
            with FakeChatServer(latency=args.latency) as server:
                settings = RunSettings(
                    goldset=Path(args.goldset),
                    models=[f"openai:bench@{server.base_url}"],
                    samples=args.samples,
                    run_dir=Path(tmp) / f"run-{level}",
                    cache_dir=Path(tmp) / "cache",
                    use_cache=False,
                    progress=False,
                    options=RunOptions(concurrency=level, timeout=30),
                )
                t0 = time.perf_counter()
                out = run(settings, no_score, log=lambda _m: None)
                wall = time.perf_counter() - t0
                n = out.scorecards[0].summaries
                assert out.scorecards[0].failures == 0 and server.posts == n
                base = base or wall
                row = f"{level:>9} {n:>9} {wall:>8.2f} {n / wall:>7.2f} {base / wall:>7.2f}x"
                print(f"{row} {server.max_in_flight:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
