"""`harness report RUN_DIR [-o PATH] [--format html|markdown]`: a run's report for people."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from harness.errors import HarnessError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "report",
        help="write a run's report (self-contained HTML, or Markdown for a CI summary)",
        description="Write the report of a `harness run` results folder: leaderboard, scorecards, a per-kind "
        "chart and every summary with its findings highlighted.",
    )
    parser.add_argument("run_dir", metavar="RUN_DIR", help="a results/<run-id>/ folder")
    parser.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="where to write (default: RUN_DIR/report.html for html, stdout for markdown; '-': stdout)",
    )
    parser.add_argument("--format", choices=("html", "markdown"), default="html")
    parser.add_argument(
        "--goldset", metavar="DIR", help="gold-set folder (default: the one the manifest names)"
    )
    parser.set_defaults(func=run_report)


def load_view(run_dir: str, goldset_dir: str | None) -> Any:
    from harness.goldset.load import load_goldset
    from harness.report.rundata import load_run, resolve_goldset_dir
    from harness.report.runview import build_view

    run = load_run(run_dir)
    goldset = None
    if goldset_dir is not None:
        goldset = load_goldset(goldset_dir)
    else:
        found = resolve_goldset_dir(run)
        if found is None:
            ref = run.goldset_ref or "(none in the manifest)"
            print(
                f"harness: warning: gold set {ref} not found; evidence is shown without context",
                file=sys.stderr,
            )
        else:
            try:
                goldset = load_goldset(found)
            except HarnessError as exc:
                print(f"harness: warning: gold set {found} does not load: {exc}", file=sys.stderr)
    return build_view(run, goldset)


def write_output(text: str, output: str | None) -> None:
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    path = Path(output)
    if path.parent and not path.parent.is_dir():
        raise HarnessError(str(path), "folder does not exist")
    path.write_text(text, encoding="utf-8")


def run_report(args: argparse.Namespace) -> int:
    view = load_view(args.run_dir, args.goldset)
    if args.format == "markdown":
        from harness.report.markdown import render_run_markdown

        write_output(render_run_markdown(view), args.output)
        return 0
    from harness.report.html import render_run_report

    output = args.output or str(Path(args.run_dir) / "report.html")
    write_output(render_run_report(view), output)
    if output != "-":
        print(f"wrote {output}", file=sys.stderr)
    return 0
