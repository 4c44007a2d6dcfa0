"""Calibration gate: per-kind precision/recall on the labelled briefs, no false alarms on clean ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.calibration import CalibrationResult, evaluate, load_briefs
from harness.errors import HarnessError
from harness.findings import ERROR_KINDS
from harness.goldset.model import GoldSet

THRESHOLD = 0.9


@pytest.fixture(scope="module")
def result(goldset: GoldSet, goldset_dir: Path) -> CalibrationResult:
    gid, briefs = load_briefs(goldset_dir / "calibration" / "briefs.yaml")
    assert gid == goldset.id
    assert len(briefs) >= 70
    return evaluate(briefs, goldset)


@pytest.mark.parametrize("kind", ERROR_KINDS)
def test_error_kinds_meet_threshold(result: CalibrationResult, kind: str) -> None:
    s = result.scores[kind]
    assert s.support > 0, f"no labelled {kind} in the calibration briefs"
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
