from harness.findings import KINDS
from harness.metaeval.labels import FRANK_MAP, MAPS, SUMMEDITS_MAP, predicted
from harness.metaeval.metrics import score_types


def test_scores_per_type() -> None:
    pairs = [
        ({"EntE": True}, {"EntE": True}),
        ({"EntE": True}, {"EntE": False}),
        ({"EntE": False}, {"EntE": True}),
        ({"EntE": False}, {"EntE": False}),
        ({"EntE": False}, {"EntE": False}),
    ]
    [s] = score_types(pairs, ["EntE"])
    assert (s.tp, s.fp, s.fn, s.tn) == (1, 1, 1, 2)
    assert s.precision == 0.5 and s.recall == 0.5
    assert s.balanced_accuracy == (0.5 + 2 / 3) / 2


def test_never_flagging_is_chance_and_precision_undefined() -> None:
    [s] = score_types([({"X": True}, {}), ({"X": False}, {})], ["X"])
    assert s.precision is None and s.recall == 0 and s.balanced_accuracy == 0.5


def test_mappings_use_only_real_kinds_and_info_never_counts() -> None:
    for mapping in MAPS.values():
        for kinds in mapping.values():
            assert set(kinds) <= set(KINDS)
            assert "unattributed_quote" not in kinds
    assert FRANK_MAP["RelE"] == () and SUMMEDITS_MAP["antonym_swap"] == ()


def test_prediction_from_finding_kinds() -> None:
    pred = predicted({"number_mismatch"}, FRANK_MAP)
    assert pred["CircE"] and pred["any_error"] and not pred["EntE"] and not pred["OutE"]
