"""`harness gate RUN_DIR [thresholds]`: pass or fail a build on a run's faithfulness.

Exit 0 when every threshold holds, 1 when any fails (each failure listed),
2 on bad input (missing run folder, malformed threshold, unknown kind or model).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from harness.gate import FLAGS, RULES, Rule


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "gate",
        help="exit 1 when a run breaks a faithfulness threshold (for CI)",
        description="Check a run's scorecards against thresholds from the command line and "
        "[tool.harness.gate] in pyproject.toml (the command line wins). Exit 0: all hold; 1: some fail; "
        "2: bad input.",
    )
    parser.add_argument("run_dir", metavar="RUN_DIR", help="a results/<run-id>/ folder")
    parser.add_argument(
        "--min-score",
        action="append",
        default=[],
        metavar="MODEL=X",
        help="headline score of MODEL at least X; MODEL '*' means every model",
    )
    parser.add_argument(
        "--max-rate",
        action="append",
        default=[],
        metavar="KIND[@MODEL]=X",
        help="findings of KIND per summary at most X (every model, or MODEL)",
    )
    parser.add_argument(
        "--max-count",
        action="append",
        default=[],
        metavar="KIND[@MODEL]=X",
        help="number of KIND findings at most X",
    )
    parser.add_argument(
        "--min",
        action="append",
        default=[],
        metavar="METRIC[@MODEL]=X",
        dest="min_metric",
        help="another scorecard metric at least X, e.g. quote_precision=0.9",
    )
    parser.add_argument(
        "--max",
        action="append",
        default=[],
        metavar="METRIC[@MODEL]=X",
        dest="max_metric",
        help="another scorecard metric at most X, e.g. failures=0",
    )
    parser.add_argument("--no-config", action="store_true", help="ignore [tool.harness.gate]")
    parser.add_argument(
        "--junit",
        metavar="PATH",
        help="also write JUnit XML (thresholds fail; summaries list their findings)",
    )
    parser.add_argument(
        "--markdown", metavar="PATH", help="append a Markdown summary to PATH (e.g. $GITHUB_STEP_SUMMARY)"
    )
    parser.set_defaults(func=run_gate)


def collect_thresholds(args: argparse.Namespace) -> list[Any]:
    from harness.gate import merge, parse_flag, thresholds_from_config

    values: dict[Rule, list[str]] = {
        "min_score": args.min_score,
        "max_rate": args.max_rate,
        "max_count": args.max_count,
        "min": args.min_metric,
        "max": args.max_metric,
    }
    flags = [parse_flag(rule, spec) for rule in RULES for spec in values[rule]]
    configured = []
    if not args.no_config:
        from harness.config import load_config

        config = load_config(".")
        if config.gate:
            configured = thresholds_from_config(config.gate, f"{config.source} [tool.harness.gate]")
    return merge(configured, flags)


def run_gate(args: argparse.Namespace) -> int:
    from harness.gate import evaluate
    from harness.report.rundata import load_run

    thresholds = collect_thresholds(args)
    run = load_run(args.run_dir)
    result = evaluate(run.scorecards, thresholds)
    for check in result.checks:
        print(check.line())
    failures = result.failures
    if failures:
        print(f"gate failed: {len(failures)} of {len(result.checks)} threshold check(s) do not hold:")
        for check in failures:
            print(f"  {check.name} (actual {check.actual:.4g})")
    else:
        print(f"gate passed: {len(result.checks)} threshold check(s) hold")
    if args.junit:
        from harness.report.junit import JUnitCase, JUnitSuite, results_suite, write_suites

        gate_suite = JUnitSuite(
            "harness.gate",
            [
                JUnitCase(
                    c.name,
                    "harness.gate",
                    None if c.ok else f"{c.name}: actual {c.actual:.4g}",
                    "" if c.ok else c.line(),
                    c.line() if c.ok else "",
                )
                for c in result.checks
            ],
        )
        # Only thresholds fail the gate; each summary's findings are listed for reading.
        suites = [gate_suite] + [
            results_suite(f"faithfulness.{m}", run.results(m), fail_on_errors=False) for m in run.models
        ]
        write_suites(args.junit, suites)
    if args.markdown:
        from harness.report.markdown import gate_markdown

        with Path(args.markdown).open("a", encoding="utf-8") as fh:
            fh.write(f"## Faithfulness gate: `{run.run_id}`\n\n" + gate_markdown(result))
    return result.exit_code


__all__ = ["FLAGS", "register"]
