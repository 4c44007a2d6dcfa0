"""Source-only versus gold-set mode on the labelled calibration briefs.

Each brief is checked twice with the same scorers: against the curated gold
set (with the brief's task), and against an inventory built on the fly from
the raw articles that task draws on (source-only mode, no task). Both runs
are scored by `harness.calibration.evaluate`, so the per-kind recall of the
two modes is directly comparable.

    python -m harness.metaeval.calibration goldsets/china-ai-gap-2026
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from harness.calibration import CALIBRATION_FILE, Brief, CalibrationResult, KindScore, evaluate, load_briefs
from harness.findings import KINDS, SEVERITY
from harness.goldset.load import load_goldset
from harness.goldset.model import GoldSet

# The kinds the acceptance criterion names: what source-only mode must still find.
HEADLINE_KINDS = ("invented_quote", "misattributed_quote", "number_mismatch")
# Kinds that need curation and are absent in source-only mode by design.
CURATION_ONLY = ("unverified_quote",)


@dataclass
class ModeComparison:
    curated: CalibrationResult
    source_only: CalibrationResult

    def rows(self) -> list[tuple[str, KindScore, KindScore]]:
        return [(k, self.curated.scores[k], self.source_only.scores[k]) for k in KINDS]

    def recall_gap(self, kind: str) -> float:
        return self.curated.scores[kind].recall - self.source_only.scores[kind].recall

    def table(self) -> str:
        lines = [
            "| kind | severity | support | gold-set P | gold-set R | source-only P | source-only R |",
            "|---|---|---:|---:|---:|---:|---:|",
        ]
        for kind, cur, so in self.rows():
            note = " (curation only)" if kind in CURATION_ONLY else ""
            lines.append(
                f"| {kind}{note} | {SEVERITY[kind]} | {cur.support} | "
                f"{_precision(cur)} | {cur.recall:.2f} | {_precision(so)} | {so.recall:.2f} |"
            )
        for name, result in (("gold-set", self.curated), ("source-only", self.source_only)):
            clean = sum(o.brief.clean for o in result.outcomes)
            lines.append("")
            lines.append(f"{name}: {len(result.false_alarms)} error/warning findings on {clean} clean briefs")
        return "\n".join(lines)


def _precision(score: KindScore) -> str:
    """Precision, or "n/a" when the kind was never predicted."""
    return f"{score.precision:.2f}" if score.tp + score.fp else "n/a"


def source_only_goldsets(
    curated: GoldSet, folder: Path, briefs: Sequence[Brief]
) -> dict[str | None, GoldSet]:
    """One source-only inventory per task the briefs use, from that task's raw source files."""
    from harness.sourceonly.build import build_goldset_from_sources

    out: dict[str | None, GoldSet] = {}
    for task_id in {b.task for b in briefs}:
        task = curated.task(task_id)
        ids = task.sources if task else tuple(s.id for s in curated.sources)
        paths = [folder / curated.source_by_id[i].path for i in ids]
        out[task_id] = build_goldset_from_sources(paths)
    return out


def compare_modes(goldset_dir: str | Path) -> ModeComparison:
    folder = Path(goldset_dir)
    curated = load_goldset(folder)
    _, briefs = load_briefs(folder / CALIBRATION_FILE)
    curated_result = evaluate(briefs, curated)
    inventories = source_only_goldsets(curated, folder, briefs)
    merged: CalibrationResult | None = None
    for task_id, goldset in sorted(inventories.items(), key=lambda kv: str(kv[0])):
        group = [Brief(b.id, None, b.clean, b.text, b.labels) for b in briefs if b.task == task_id]
        part = evaluate(group, goldset)
        merged = part if merged is None else _merge(merged, part)
    assert merged is not None
    # Keep the briefs' original order in the outcomes.
    order = {b.id: i for i, b in enumerate(briefs)}
    merged.outcomes.sort(key=lambda o: order[o.brief.id])
    return ModeComparison(curated_result, merged)


def _merge(a: CalibrationResult, b: CalibrationResult) -> CalibrationResult:
    scores = {
        k: KindScore(
            a.scores[k].tp + b.scores[k].tp, a.scores[k].fp + b.scores[k].fp, a.scores[k].fn + b.scores[k].fn
        )
        for k in KINDS
    }
    return CalibrationResult(scores, a.outcomes + b.outcomes)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    comparison = compare_modes(args[0] if args else "goldsets/china-ai-gap-2026")
    print(comparison.table())
    if verbose:
        from harness.calibration import describe

        print("\n== source-only disagreements")
        print(describe(comparison.source_only))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
