"""What run reports show: one leaderboard row per model, read from its scorecard.

Values the scorecard lacks are computed from the run's findings (counts and
rates per kind, errors per summary), so a report never shows less than the
findings support.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harness.findings import KINDS
from harness.gate import count_of, metric_of, rate_of, score_of
from harness.goldset.model import GoldSet
from harness.report.common import kind_sort_key
from harness.report.rundata import RunData


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    pct: bool = True


METRICS: tuple[Metric, ...] = (
    Metric("quote_precision", "Quotes verbatim"),
    Metric("attribution_accuracy", "Attributions right"),
    Metric("number_accuracy", "Numbers right"),
    Metric("key_fact_coverage", "Key facts covered"),
)


@dataclass
class Row:
    model: str
    score: float | None
    n_summaries: int
    failures: int
    errors_per_summary: float | None
    metrics: dict[str, float | None]
    kind_counts: dict[str, float] = field(default_factory=dict)
    kind_rates: dict[str, float] = field(default_factory=dict)
    card: dict[str, Any] = field(default_factory=dict)


@dataclass
class RunView:
    run: RunData
    rows: list[Row]
    goldset: GoldSet | None
    goldset_label: str | None

    def kinds_present(self) -> list[str]:
        present = {k for r in self.rows for k, v in r.kind_counts.items() if v}
        present |= {k for r in self.rows for k, v in r.kind_rates.items() if v}
        return sorted(present, key=kind_sort_key)


def build_view(run: RunData, goldset: GoldSet | None = None) -> RunView:
    rows = []
    for model, card in run.scorecards.items():
        results = run.results(model)
        n_card = card.get("summaries")
        n = int(n_card) if isinstance(n_card, int | float) and not isinstance(n_card, bool) else len(results)
        counts: dict[str, float] = {}
        rates: dict[str, float] = {}
        kinds = set(KINDS) | {f.kind for r in results for f in r.findings}
        for kind in kinds:
            c = count_of(card, kind)
            if c is None:
                c = float(sum(1 for r in results for f in r.findings if f.kind == kind))
            counts[kind] = c
            rate = rate_of(card, kind)
            if rate is None:
                rate = c / n if n else 0.0
            rates[kind] = rate
        failed = sum(1 for s in run.summaries if s.model == model and s.error is not None)
        has_failures, card_failures = metric_of(card, "failures")
        if has_failures and card_failures is not None:
            failed = int(card_failures)
        errors = sum(1 for r in results for f in r.findings if f.severity == "error")
        has_eps, eps = metric_of(card, "errors_per_summary")
        if not has_eps:
            eps = errors / len(results) if results else None
        metrics = {m.key: metric_of(card, m.key)[1] for m in METRICS}
        rows.append(Row(model, score_of(card), n, failed, eps, metrics, counts, rates, card))
    rows.sort(key=lambda r: (-(r.score if r.score is not None else float("-inf")), r.model))
    label = None
    g = run.manifest.get("goldset")
    if goldset is not None:
        label = goldset.id
    elif isinstance(g, dict):
        label = str(g.get("id") or g.get("path") or "") or None
    elif isinstance(g, str):
        label = Path(g).name
    return RunView(run, rows, goldset, label)
