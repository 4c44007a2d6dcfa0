"""Calibration gates: per-kind precision/recall on labelled briefs, no false alarms on clean ones.

Two labelled sets, same thresholds:
- `calibration/briefs.yaml` (108 briefs): the scorers were written against it.
- `calibration/heldout.yaml` (40 briefs in the style of real LLM output), written apart
  from the first. Measured before any tuning on it (every other kind 1.00):

      invented_quote       P 1.00  R 0.80
      altered_quote        P 0.83  R 1.00
      misattributed_claim          R 0.80
      unknown_entity               R 0.80
      wrong_affiliation    P 0.83

  Its disagreements were then fixed with general rules ("in the words of X", ORG ROLE
  NAME, content-word closeness for short quotes, unknown organisations are unknown
  entities rather than wrong affiliations) and one gold-set fix (Tang Jie's open-source
  remark as a claim of his own), so it is no longer truly held out: a fresh set is needed
  to measure generalisation.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.calibration import CalibrationResult, evaluate, load_briefs
from harness.errors import HarnessError
from harness.findings import ERROR_KINDS
from harness.goldset.model import GoldSet

THRESHOLD = 0.9
# file -> the fewest briefs it must hold
BRIEF_SETS = {"briefs.yaml": 70, "heldout.yaml": 40}


@pytest.fixture(scope="module", params=sorted(BRIEF_SETS))
def result(request: pytest.FixtureRequest, goldset: GoldSet, goldset_dir: Path) -> CalibrationResult:
    gid, briefs = load_briefs(goldset_dir / "calibration" / request.param)
    assert gid == goldset.id
    assert len(briefs) >= BRIEF_SETS[request.param]
    return evaluate(briefs, goldset)


@pytest.mark.parametrize("kind", ERROR_KINDS)
def test_error_kinds_meet_threshold(result: CalibrationResult, kind: str) -> None:
    s = result.scores[kind]
    assert s.support > 0, f"no labelled {kind} in the briefs"
    assert s.precision >= THRESHOLD and s.recall >= THRESHOLD, result.table()


def test_no_false_alarms_on_clean_briefs(result: CalibrationResult) -> None:
    assert result.false_alarms == [], result.table()


def test_matching_rules(goldset: GoldSet, tmp_path: Path) -> None:
    p = tmp_path / "b.yaml"
    p.write_text(
        "schema_version: 1\ngoldset: china-ai-gap-2026\nbriefs:\n"
        "  - id: x\n    task: brief\n    clean: false\n"
        "    text: 'Tang Jie of Alibaba spoke. Rivals such as Baidu were absent.'\n"
        "    labels:\n      - {kind: wrong_affiliation, text: Alibaba}\n"
        "      - {kind: unknown_speaker, text: Baidu}\n",
        encoding="utf-8",
    )
    _, briefs = load_briefs(p)
    r = evaluate(briefs, goldset)
    assert (
        r.scores["wrong_affiliation"].tp,
        r.scores["unknown_speaker"].fn,
        r.scores["unknown_entity"].fp,
    ) == (1, 1, 1)


def test_label_not_in_brief_is_an_error(tmp_path: Path) -> None:
    p = tmp_path / "b.yaml"
    p.write_text(
        "schema_version: 1\ngoldset: g\nbriefs:\n  - id: x\n    text: abc\n    labels:\n"
        "      - {kind: invented_quote, text: zzz}\n",
        encoding="utf-8",
    )
    with pytest.raises(HarnessError, match=r"briefs\[0\]\.labels\[0\]\.text"):
        load_briefs(p)
