"""`harness goldset validate|export DIR`, `harness goldset draft SOURCES... -o DIR`."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from harness.goldset.export import export_goldset
from harness.goldset.load import load_goldset, validate_goldset


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("goldset", help="validate, export or draft a gold set")
    sub = parser.add_subparsers(dest="goldset_command", metavar="ACTION", required=True)

    validate = sub.add_parser("validate", help="list every problem in a gold set (exit 2 if any)")
    validate.add_argument("folder", metavar="DIR")
    validate.set_defaults(func=run_validate)

    export = sub.add_parser("export", help="print the resolved gold set as JSON")
    export.add_argument("folder", metavar="DIR")
    export.set_defaults(func=run_export)

    draft = sub.add_parser(
        "draft", help="write a draft goldset.yaml + sources/ extracted from raw articles, for review"
    )
    draft.add_argument(
        "sources", nargs="+", metavar="SOURCES", help="article files, or folders of .txt/.md files"
    )
    draft.add_argument("-o", "--output", required=True, metavar="DIR", help="gold-set folder to create")
    draft.add_argument("--id", metavar="ID", help="gold-set id (default: the folder name)")
    draft.add_argument("--force", action="store_true", help="overwrite an existing goldset.yaml")
    draft.set_defaults(func=run_draft)


def run_validate(args: argparse.Namespace) -> int:
    goldset, problems = validate_goldset(args.folder)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem(s) in {args.folder}", file=sys.stderr)
        return 2
    assert goldset is not None
    unverified = sum(q.status == "unverified" for q in goldset.quotes)
    print(
        f"{goldset.id}: ok: {len(goldset.sources)} sources, {len(goldset.entities)} entities, "
        f"{len(goldset.quotes)} quotes ({unverified} unverified), {len(goldset.claims)} claims "
        f"({sum(c.key for c in goldset.claims)} key), {len(goldset.conflicts)} conflicts, "
        f"{len(goldset.tasks)} tasks"
    )
    return 0


def run_export(args: argparse.Namespace) -> int:
    goldset = load_goldset(args.folder)
    json.dump(export_goldset(goldset), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def run_draft(args: argparse.Namespace) -> int:
    from harness.sourceonly.draft import write_draft

    goldset = write_draft(args.sources, args.output, goldset_id=args.id, force=args.force)
    print(
        f"{goldset.id}: draft written to {args.output}: {len(goldset.sources)} sources, "
        f"{len(goldset.entities)} entities, {len(goldset.quotes)} quotes, {len(goldset.claims)} claims; "
        "review it (docs/goldsets.md), then remove `draft: true`"
    )
    return 0
