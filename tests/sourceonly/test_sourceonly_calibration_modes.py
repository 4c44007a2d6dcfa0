"""Issue #6: on the calibration briefs, source-only recall is within 0.1 of gold-set recall."""

from pathlib import Path

import pytest

from harness.metaeval.calibration import HEADLINE_KINDS, compare_modes

GOLDSET = Path(__file__).resolve().parents[2] / "goldsets" / "china-ai-gap-2026"


@pytest.mark.skipif(
    not (GOLDSET / "calibration" / "briefs.yaml").exists(), reason="calibration briefs not present"
)
def test_source_only_recall_is_close_to_gold_set_recall() -> None:
    comparison = compare_modes(GOLDSET)
    for kind in HEADLINE_KINDS:
        curated, source_only = comparison.curated.scores[kind], comparison.source_only.scores[kind]
        assert curated.support >= 5, kind
        assert source_only.recall >= curated.recall - 0.1, (kind, curated.recall, source_only.recall)
    # Curation-only statuses are absent in source-only mode, by design.
    assert comparison.source_only.scores["unverified_quote"].tp == 0
