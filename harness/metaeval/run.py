"""Run the scorers in source-only mode over human-labelled items and score them.

Each document's inventory is built once (`build_goldset_from_texts`) and
every summary of it is checked against that inventory with the ordinary
`check`. A summary "predicts" an error type when any finding kind mapped to
that type (`harness.metaeval.labels`) occurs; predictions are scored against
the human labels per type (`harness.metaeval.metrics`). Timings are wall
clock, split into building inventories and checking summaries.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from harness.findings import SEVERITY
from harness.goldset.model import GoldSet
from harness.metaeval.items import MetaItem
from harness.metaeval.labels import predicted
from harness.metaeval.metrics import TypeScore, score_types


@dataclass
class ItemOutcome:
    item: MetaItem
    kinds: set[str]  # finding kinds (error or warning severity) on the summary
    predicted: dict[str, bool]


@dataclass
class MetaEvalResult:
    dataset: str
    outcomes: list[ItemOutcome]
    scores: list[TypeScore]
    mapping: dict[str, tuple[str, ...]]
    documents: int
    build_seconds: float
    check_seconds: float
    kind_counts: Counter[str] = field(default_factory=Counter)

    @property
    def items(self) -> int:
        return len(self.outcomes)

    @property
    def total_seconds(self) -> float:
        return self.build_seconds + self.check_seconds

    @property
    def items_per_second(self) -> float:
        return self.items / self.total_seconds if self.total_seconds else 0.0


def run_metaeval(
    dataset: str,
    items: Sequence[MetaItem],
    mapping: dict[str, tuple[str, ...]],
    progress: Callable[[int, int], None] | None = None,
) -> MetaEvalResult:
    """Check every item's summary against its document's source-only inventory."""
    from harness.scorers import check
    from harness.sourceonly.build import build_goldset_from_texts

    # Group by document (first-seen order) so each inventory is built, and indexed, once.
    first_seen: dict[str, int] = {}
    for i, item in enumerate(items):
        first_seen.setdefault(item.document_id, i)
    ordered = sorted(items, key=lambda it: first_seen[it.document_id])
    current: tuple[str, GoldSet] | None = None
    build_s = check_s = 0.0
    outcomes = []
    counts: Counter[str] = Counter()
    for n, item in enumerate(ordered):
        if current is None or current[0] != item.document_id:
            t0 = time.perf_counter()
            current = (
                item.document_id,
                build_goldset_from_texts([("article", item.document)], goldset_id="meta-eval"),
            )
            build_s += time.perf_counter() - t0
        goldset = current[1]
        t0 = time.perf_counter()
        result = check(item.summary, goldset, None, path=item.id)
        check_s += time.perf_counter() - t0
        kinds: set[str] = {str(f.kind) for f in result.findings if SEVERITY[f.kind] != "info"}
        counts.update(f.kind for f in result.findings)
        outcomes.append(ItemOutcome(item, kinds, predicted(kinds, mapping)))
        if progress is not None:
            progress(n + 1, len(items))
    error_types = list(mapping)
    scores = score_types([(o.item.errors, o.predicted) for o in outcomes], error_types)
    documents = len({i.document_id for i in items})
    return MetaEvalResult(dataset, outcomes, scores, mapping, documents, build_s, check_s, counts)


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def render_table(result: MetaEvalResult) -> str:
    """Markdown: one row per error type, then the speed line."""
    lines = [
        "| error type | our kinds that count | human-labelled | flagged | TP "
        "| precision | recall | balanced acc. |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for s in result.scores:
        kinds = result.mapping[s.error_type]
        kinds_text = (
            "any error/warning kind" if s.error_type == "any_error" else (", ".join(kinds) or "(none)")
        )
        lines.append(
            f"| {s.error_type} | {kinds_text} | {s.support} | {s.flagged} | {s.tp} | {_fmt(s.precision)} | "
            f"{_fmt(s.recall)} | {_fmt(s.balanced_accuracy)} |"
        )
    lines.append("")
    lines.append(render_speed(result))
    return "\n".join(lines)


def render_speed(result: MetaEvalResult) -> str:
    per_doc = 1000 * result.build_seconds / result.documents if result.documents else 0.0
    per_item = 1000 * result.check_seconds / result.items if result.items else 0.0
    return (
        f"{result.items} summaries of {result.documents} documents in {result.total_seconds:.1f} s "
        f"({result.items_per_second:.1f} summaries/s): building inventories {result.build_seconds:.1f} s "
        f"({per_doc:.1f} ms/document), checking {result.check_seconds:.1f} s ({per_item:.1f} ms/summary)"
    )


def render_kind_counts(result: MetaEvalResult) -> str:
    """How often each finding kind fired (all severities)."""
    parts = [f"{k}={n}" for k, n in sorted(result.kind_counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return "findings by kind: " + (", ".join(parts) if parts else "none")
