"""Scorecards: the documented headline formula, rates, failures, schema validation, determinism."""

from __future__ import annotations

import json

import pytest

from harness.findings import SummaryResult, make_finding
from harness.goldset.model import GoldSet
from harness.run.leaderboard import render_leaderboard
from harness.run.records import SummaryRecord
from harness.run.scorecard import build_scorecard, render_scorecard, summary_score


def result(text: str, errors: int = 0, warnings: int = 0, **stats: int) -> SummaryResult:
    findings = [make_finding("invented_quote", 0, 1, text, "x") for _ in range(errors)]
    findings += [make_finding("unsupported_number", 0, 1, text, "x") for _ in range(warnings)]
    return SummaryResult(path="-", findings=findings, stats={"words": len(text.split()), **stats})


def record(task: str, text: str | None, sample: int = 0, error: str | None = None) -> SummaryRecord:
    return SummaryRecord(model="m:x", task=task, sample=sample, text=text, error=error)


def test_summary_score_formula() -> None:
    clean = result("a b c d", key_claims=2, key_claims_covered=2)
    assert summary_score(clean, 4, 10) == 1.0
    assert summary_score(result("a b c d", key_claims=2, key_claims_covered=0), 4, 10) == 0.5
    assert summary_score(result("a b", errors=1), 2, 10) == 0.5  # no key claims: coverage 1
    assert summary_score(result("a b", errors=1, warnings=2), 2, 10) == pytest.approx(1 / 3)
    assert summary_score(clean, 20, 10) == 0.5  # twice the limit
    assert summary_score(result(""), 0, 10) == 0.0


def test_build_scorecard_counts_rates_and_failures(mini: GoldSet) -> None:
    items = [
        (
            record("brief", "one two three"),
            result(
                "one two three", errors=1, quotes=2, quotes_verbatim=1, key_claims=2, key_claims_covered=1
            ),
        ),
        (
            record("single-alpha", " ".join(["w"] * 50)),
            result(" ".join(["w"] * 50), quotes=2, quotes_verbatim=2, numbers=4, numbers_correct=3),
        ),
        (record("single-beta", None, error="HTTP 500 (after 4 attempts)"), None),
    ]
    card = build_scorecard("m:x", mini, ["brief", "single-alpha", "single-beta"], items)
    assert (card.summaries, card.scored, card.failures) == (3, 2, 1)
    assert card.failed[0].error.startswith("HTTP 500")
    assert card.quote_precision == 0.75 and card.number_accuracy == 0.75 and card.attribution_accuracy is None
    assert card.key_fact_coverage == 0.5
    assert card.findings["invented_quote"].count == 1
    assert card.findings["invented_quote"].per_summary == 0.5
    assert card.findings["invented_quote"].per_100_quotes == 25.0
    assert (card.length.words_min, card.length.words_max, card.length.over_limit) == (3, 50, 1)
    # brief: 1/(1+1) * (0.5+0.5*0.5) = 0.375; single-alpha: 1 * 1 * 40/50 = 0.8; failure 0
    assert card.score == round(100 * (0.375 + 0.8 + 0) / 3, 1)
    assert card.per_task["single-beta"].failures == 1 and card.per_task["single-beta"].score == 0


@pytest.mark.filterwarnings("ignore::UserWarning")  # pydantic warns when serialising the broken field
def test_render_is_deterministic_sorted_and_validated(mini: GoldSet) -> None:
    items = [(record("brief", "a b"), result("a b"))]
    card = build_scorecard("m:x", mini, ["brief"], items)
    text = render_scorecard(card)
    assert text == render_scorecard(build_scorecard("m:x", mini, ["brief"], list(reversed(items))))
    keys = list(json.loads(text))
    assert keys[0] == "schema_version" and keys[1:] == sorted(keys[1:])
    assert "_at" not in text  # no timestamps inside scorecards
    card.scored = "many"  # type: ignore[assignment]
    with pytest.raises(ValueError, match="does not match its schema"):
        render_scorecard(card)


def test_leaderboard_ranks_by_score(mini: GoldSet) -> None:
    good = build_scorecard("a:good", mini, ["brief"], [(record("brief", "a b"), result("a b"))])
    bad = build_scorecard("b:bad", mini, ["brief"], [(record("brief", "a b"), result("a b", errors=3))])
    board = render_leaderboard([bad, good], mini.id, mini.content_hash)
    assert board.index("`a:good`") < board.index("`b:bad`")
    assert "| 1 | `a:good` | 100.0 |" in board
