"""`harness check FILE... (--goldset DIR [--task ID] | --sources SRC...) [--format text|json|html] [-o PATH]`.

With `--sources` (article files, or folders of them) the inventory is built
on the fly from the raw articles (`harness.sourceonly`) and the same scorers
run with the same JSON contract; what needs curation is simply absent.

Exit 0 when no finding is an error, 1 when any is, 2 on bad input.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from typing import Any

from harness.errors import HarnessError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("check", help="check summaries against a gold set (exit 1 on errors)")
    parser.add_argument("files", nargs="+", metavar="FILE", help="summary files; '-' reads standard input")
    inventory = parser.add_mutually_exclusive_group(required=True)
    inventory.add_argument("--goldset", metavar="DIR", help="gold-set folder")
    inventory.add_argument(
        "--sources",
        nargs="+",
        metavar="SRC",
        help="check against raw articles instead of a gold set (files, or folders of .txt/.md files); "
        "put the summary files before this option",
    )
    parser.add_argument("--task", metavar="ID", help="task whose sources the summaries may draw on")
    parser.add_argument("--format", choices=("text", "json", "html", "markdown"), default="text")
    parser.add_argument("--junit", metavar="PATH", help="also write JUnit XML (one test case per summary)")
    parser.add_argument("-o", "--output", metavar="PATH", help="write the report here instead of stdout")
    parser.set_defaults(func=run_check)


def read_summary(path: str) -> str:
    """A summary as read: bytes decoded as UTF-8, no newline translation."""
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError:
            raise HarnessError(path, "file not found") from None
        except IsADirectoryError:
            raise HarnessError(path, "is a directory, not a summary file") from None
        except OSError as exc:
            raise HarnessError(path, f"cannot read: {exc.strerror}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HarnessError(
            path if path != "-" else "<stdin>",
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
        ) from None


def run_check(args: argparse.Namespace) -> int:
    from harness.findings import CheckReport
    from harness.goldset.load import load_goldset
    from harness.scorers import SCORER, check

    texts = {path: read_summary(path) for path in dict.fromkeys(args.files)}
    if args.sources:
        from harness.sourceonly import build_goldset_from_sources

        if args.task:
            raise HarnessError("--task", "not available with --sources (pass the articles the task uses)")
        goldset = build_goldset_from_sources(args.sources)
    else:
        goldset = load_goldset(args.goldset)
    try:
        goldset.task(args.task)
    except KeyError as exc:
        raise HarnessError("--task", str(exc.args[0])) from None
    results = [check(texts[p], goldset, args.task, path=p) for p in args.files]
    report = CheckReport(goldset=goldset.id, scorer=SCORER, summaries=results)
    out = render(report, goldset, texts, args.format)
    if args.junit:
        from harness.report.junit import write_junit

        write_junit(args.junit, "harness check", results)
    if args.output:
        try:
            Path(args.output).write_text(out, encoding="utf-8", newline="")
        except OSError as exc:
            raise HarnessError(args.output, f"cannot write: {exc.strerror}") from None
    else:
        sys.stdout.write(out)
    return 1 if any(r.has_errors for r in results) else 0


def render(report: Any, goldset: Any, texts: dict[str, str], fmt: str) -> str:
    if fmt == "json":
        return report.model_dump_json(indent=2) + "\n"
    if fmt == "html":
        if importlib.util.find_spec("harness.report.html") is None:
            raise HarnessError("--format html", "the HTML report is not available in this version")
        from harness.report.html import render_check_report

        return str(render_check_report(report, goldset, texts))
    if fmt == "markdown":
        from harness.report.markdown import render_check_markdown

        return render_check_markdown(report, goldset)
    from harness.report_text import render_text_report

    return render_text_report(report, texts)
