"""Calibration: run the checker on labelled briefs and measure it per kind.

A prediction matches a label when the kind is the same and the spans
overlap; each label and each prediction is used once. Precision, recall and
support are per finding kind; a false alarm is an error- or warning-severity
finding on a brief labelled clean.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from harness.errors import HarnessError, field_path
from harness.findings import KINDS, SEVERITY, Finding, Kind
from harness.goldset.model import GoldSet

CALIBRATION_FILE = Path("calibration") / "briefs.yaml"


class LabelSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Kind
    text: str = Field(min_length=1, description="Exact substring of the brief.")
    occurrence: int | None = Field(default=None, ge=0)
    note: str | None = None


class BriefSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    task: str | None = None
    style: str | None = None
    clean: bool = False
    text: str
    labels: list[LabelSpec] = Field(default_factory=list)


class CalibrationSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schema_version: int = 1
    goldset: str
    briefs: list[BriefSpec]


@dataclass(frozen=True)
class Label:
    kind: str
    start: int
    end: int
    text: str
    note: str | None = None


@dataclass
class Brief:
    id: str
    task: str | None
    clean: bool
    text: str
    labels: list[Label]


def load_briefs(path: str | Path) -> tuple[str, list[Brief]]:
    """(gold-set id, briefs) with every label resolved to a span; HarnessError on a bad file."""
    from harness.goldset.load import parse_yaml, read_text

    path = Path(path)
    raw = parse_yaml(read_text(path, str(path)), str(path))
    try:
        spec = CalibrationSpec.model_validate(raw)
    except ValidationError as exc:
        e = exc.errors()[0]
        raise HarnessError(f"{path}: {field_path(e['loc'])}", str(e["msg"])) from None
    briefs = []
    for i, b in enumerate(spec.briefs):
        labels = []
        for j, lab in enumerate(b.labels):
            start = _find(b.text, lab.text, lab.occurrence)
            if start < 0:
                raise HarnessError(f"{path}: briefs[{i}].labels[{j}].text", f"not found in brief {b.id!r}")
            labels.append(Label(lab.kind, start, start + len(lab.text), lab.text, lab.note))
        briefs.append(Brief(b.id, b.task, b.clean, b.text, labels))
    return spec.goldset, briefs


def _find(text: str, needle: str, occurrence: int | None) -> int:
    pos = -1
    for _ in range((occurrence or 0) + 1):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            return -1
    return pos


@dataclass
class KindScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.support if self.support else 1.0


@dataclass
class BriefOutcome:
    brief: Brief
    findings: list[Finding]
    missed: list[Label] = field(default_factory=list)
    spurious: list[Finding] = field(default_factory=list)


@dataclass
class CalibrationResult:
    scores: dict[str, KindScore]
    outcomes: list[BriefOutcome]

    @property
    def false_alarms(self) -> list[tuple[str, Finding]]:
        """Error/warning findings on briefs labelled clean."""
        return [
            (o.brief.id, f)
            for o in self.outcomes
            if o.brief.clean
            for f in o.findings
            if f.severity in ("error", "warning")
        ]

    def table(self) -> str:
        lines = [f"{'kind':22} {'sev':8} {'prec':>6} {'recall':>6} {'supp':>5} {'tp':>4} {'fp':>4} {'fn':>4}"]
        for kind in KINDS:
            s = self.scores[kind]
            lines.append(
                f"{kind:22} {SEVERITY[kind]:8} {s.precision:6.2f} {s.recall:6.2f} {s.support:5d} "
                f"{s.tp:4d} {s.fp:4d} {s.fn:4d}"
            )
        clean = sum(o.brief.clean for o in self.outcomes)
        lines.append(f"false alarms on {clean} clean briefs: {len(self.false_alarms)}")
        return "\n".join(lines)


def evaluate(briefs: list[Brief], goldset: GoldSet) -> CalibrationResult:
    from harness.scorers import check

    scores = {k: KindScore() for k in KINDS}
    outcomes = []
    for b in briefs:
        findings = check(b.text, goldset, b.task, path=b.id).findings
        outcome = BriefOutcome(b, findings)
        used: set[int] = set()
        for lab in b.labels:
            hit = next(
                (
                    i
                    for i, f in enumerate(findings)
                    if i not in used and f.kind == lab.kind and f.start < lab.end and lab.start < f.end
                ),
                None,
            )
            if hit is None:
                scores[lab.kind].fn += 1
                outcome.missed.append(lab)
            else:
                used.add(hit)
                scores[lab.kind].tp += 1
        for i, f in enumerate(findings):
            if i not in used:
                scores[f.kind].fp += 1
                outcome.spurious.append(f)
        outcomes.append(outcome)
    return CalibrationResult(scores, outcomes)


def run_calibration(goldset_dir: str | Path) -> CalibrationResult:
    from harness.goldset.load import load_goldset

    goldset = load_goldset(goldset_dir)
    _, briefs = load_briefs(Path(goldset_dir) / CALIBRATION_FILE)
    return evaluate(briefs, goldset)


def describe(result: CalibrationResult) -> str:
    """Every disagreement, brief by brief, for reading the briefs."""
    out: list[str] = []
    for o in result.outcomes:
        if not o.missed and not o.spurious:
            continue
        out.append(f"== {o.brief.id} (clean={o.brief.clean})")
        for lab in o.missed:
            out.append(f"  MISSED {lab.kind}: {lab.text!r}")
        for f in o.spurious:
            out.append(f"  EXTRA  {f.kind}: {f.text!r} -- {f.message}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    import sys

    args = sys.argv[1:] if argv is None else argv
    result = run_calibration(args[0] if args else "goldsets/china-ai-gap-2026")
    print(result.table())
    if "-v" in args:
        print(describe(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
