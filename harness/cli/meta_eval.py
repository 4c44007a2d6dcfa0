"""`harness meta-eval DATASET [--data PATH] [--limit N] [--format markdown|json]`.

Runs the scorers in source-only mode on a human-labelled dataset and prints,
per error type, precision, recall and balanced accuracy against the human
labels, plus scoring speed. The data is read from local files only.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from harness.errors import HarnessError

DATASETS = ("frank", "summedits")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "meta-eval", help="measure the scorers against human labels (FRANK, SummEdits) in source-only mode"
    )
    parser.add_argument("dataset", choices=DATASETS, metavar="DATASET", help=f"one of: {', '.join(DATASETS)}")
    parser.add_argument(
        "--data",
        metavar="PATH",
        help="FRANK folder (human_annotations.json + articles/) or SummEdits summedits_news.json; "
        "default: under $HARNESS_BENCHDATA or ../shared/benchdata",
    )
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N labelled summaries")
    parser.add_argument(
        "--frank-labels",
        choices=("any", "majority"),
        default="any",
        help="FRANK: an error type is present when any annotator (default) or at least half found it",
    )
    parser.add_argument(
        "--frank-subset",
        choices=("cnndm", "bbc"),
        help="FRANK: only the CNN/DM or only the XSum (bbc) summaries",
    )
    parser.add_argument(
        "--raw-case",
        action="store_true",
        help="FRANK: check the lower-cased, tokenised summaries as shipped "
        "(default: detokenise and truecase)",
    )
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown")
    parser.set_defaults(func=run_meta_eval)


def run_meta_eval(args: argparse.Namespace) -> int:
    import gc
    from pathlib import Path

    from harness.metaeval.benchdata import default_data_path
    from harness.metaeval.labels import MAPS
    from harness.metaeval.run import render_kind_counts, render_table, run_metaeval

    if args.limit is not None and args.limit <= 0:
        raise HarnessError("--limit", "must be a positive number")
    data = Path(args.data) if args.data else default_data_path(args.dataset)
    if not data.exists():
        raise HarnessError(str(data), f"{args.dataset} data not found (give --data PATH)")
    if args.dataset == "frank":
        from harness.metaeval.frank import load_frank

        items = load_frank(
            data,
            limit=None if args.frank_subset else args.limit,
            restore_case=not args.raw_case,
            label_rule=args.frank_labels,
        )
        if args.frank_subset:  # filter first, then take the first N of the subset
            items = [i for i in items if i.meta.get("dataset") == args.frank_subset][: args.limit]
    else:
        from harness.metaeval.summedits import load_summedits

        items = load_summedits(data, limit=args.limit)
    if not items:
        raise HarnessError(str(data), "no labelled items")
    # The labelled items live through the run: keep the garbage collector from scanning
    # them again at every collection (about a tenth of a FRANK run).
    gc.freeze()
    try:
        result = run_metaeval(args.dataset, items, MAPS[args.dataset])
    finally:
        gc.unfreeze()
    if args.format == "json":
        payload = {
            "dataset": args.dataset,
            "items": result.items,
            "documents": result.documents,
            "types": [
                {
                    "error_type": s.error_type,
                    "kinds": list(result.mapping[s.error_type]),
                    "support": s.support,
                    "flagged": s.flagged,
                    "tp": s.tp,
                    "fp": s.fp,
                    "fn": s.fn,
                    "tn": s.tn,
                    "precision": s.precision,
                    "recall": s.recall,
                    "balanced_accuracy": s.balanced_accuracy,
                }
                for s in result.scores
            ],
            "finding_counts": dict(sorted(result.kind_counts.items())),
            "seconds": {"build": result.build_seconds, "check": result.check_seconds},
        }
        json.dump(payload, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print(f"## {args.dataset}: {result.items} summaries, source-only mode\n")
        print(render_table(result))
        print(render_kind_counts(result))
    return 0
