"""Per-model scorecards: what the findings of a model's summaries add up to.

Deterministic given the same records and findings: no timestamps, keys
sorted (schema_version first), floats rounded. Validated against the
published `schemas/scorecard.schema.json` before it is written.

Headline faithfulness score (0-100), also in docs/run.md:

    per attempted summary s (failed summaries score 0, empty ones too):
      faith_s = 1 / (1 + E_s + 0.5 * W_s)     E_s errors, W_s warnings among its findings
      cov_s   = covered key claims / task key claims   (1 when the task has none)
      len_s   = min(1, max_words / words_s)
      F_s     = faith_s * (0.5 + 0.5 * cov_s) * len_s
    score = 100 * mean(F_s)
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from harness.findings import KINDS, SEVERITY, SummaryResult
from harness.goldset.model import GoldSet
from harness.run.records import SummaryRecord

SCORECARD_SCHEMA_VERSION: Literal[1] = 1
SCORE_FORMULA = "faithfulness-v1: 100 * mean_s[ 1/(1+E+0.5W) * (0.5+0.5*coverage) * min(1, max_words/words) ]"
ROUND = 4


class KindStats(BaseModel):
    model_config = ConfigDict(extra="forbid")

    count: int
    per_summary: float = Field(description="count / summaries scored")
    per_100_quotes: float | None = Field(
        description="100 * count / quotes in the summaries; null without quotes"
    )


class LengthStats(BaseModel):
    model_config = ConfigDict(extra="forbid")

    words_mean: float | None
    words_min: int | None
    words_max: int | None
    over_limit: int = Field(description="Summaries longer than their task's max_words.")


class Failure(BaseModel):
    model_config = ConfigDict(extra="forbid")

    task: str
    sample: int
    error: str


class TaskScore(BaseModel):
    model_config = ConfigDict(extra="forbid")

    summaries: int
    failures: int
    score: float
    key_fact_coverage: float | None
    errors: int
    words_mean: float | None


class Scorecard(BaseModel):
    """One model's results over a gold set's tasks."""

    model_config = ConfigDict(extra="forbid")

    schema_version: Literal[1] = SCORECARD_SCHEMA_VERSION
    model: str = Field(description="Model spec string.")
    goldset: str
    goldset_hash: str
    tasks: list[str]
    params: dict[str, Any] = Field(description="Generation parameters recorded with the summaries.")
    prompt_templates: list[str]
    summaries: int = Field(description="Summaries attempted (scored + failed).")
    scored: int
    failures: int
    failed: list[Failure]
    score: float = Field(description="Headline faithfulness score, 0-100 (see score_formula).")
    score_formula: str
    findings: dict[str, KindStats] = Field(description="Per finding kind.")
    errors: int = Field(description="Findings of severity error.")
    warnings: int
    errors_per_summary: float | None
    quotes: int
    quotes_verbatim: int
    quote_precision: float | None = Field(description="Verbatim-correct quotes / all quotes.")
    attributed_quotes: int
    attributions_correct: int
    attribution_accuracy: float | None
    numbers: int
    numbers_correct: int
    number_accuracy: float | None
    key_claims: int
    key_claims_covered: int
    key_fact_coverage: float | None = Field(description="Key claims stated / key claims of the tasks.")
    length: LengthStats
    usage: dict[str, int] = Field(description="Token totals over the summaries, where reported.")
    per_task: dict[str, TaskScore] = Field(description="Score, coverage and errors per task.")


def _ratio(num: float, den: float) -> float | None:
    return round(num / den, ROUND) if den else None


def _stat(result: SummaryResult, key: str) -> int:
    return int(result.stats.get(key, 0) or 0)


def summary_score(result: SummaryResult, words: int, max_words: int) -> float:
    """F_s of the headline formula for one scored summary."""
    if words <= 0:
        return 0.0
    errors = sum(f.severity == "error" for f in result.findings)
    warnings = sum(f.severity == "warning" for f in result.findings)
    faith = 1.0 / (1.0 + errors + 0.5 * warnings)
    key = _stat(result, "key_claims")
    coverage = _stat(result, "key_claims_covered") / key if key else 1.0
    length = min(1.0, max_words / words)
    return faith * (0.5 + 0.5 * min(1.0, coverage)) * length


def words_of(record: SummaryRecord, result: SummaryResult) -> int:
    if "words" in result.stats:
        return int(result.stats["words"])
    return len((record.text or "").split())


def build_scorecard(
    model: str,
    goldset: GoldSet,
    tasks: list[str],
    items: Iterable[tuple[SummaryRecord, SummaryResult | None]],
) -> Scorecard:
    """Aggregate one model's (record, result) pairs; result is None for a failed summary."""
    pairs = sorted(items, key=lambda p: (p[0].task, p[0].sample))
    scored = [(r, res) for r, res in pairs if res is not None]
    failed = [r for r, res in pairs if res is None]
    n = len(scored)
    counts = dict.fromkeys(KINDS, 0)
    for _, res in scored:
        for f in res.findings:
            counts[f.kind] = counts.get(f.kind, 0) + 1
    totals = {
        k: sum(_stat(res, k) for _, res in scored)
        for k in (
            "quotes", "quotes_verbatim", "attributed_quotes", "attributions_correct",
            "numbers", "numbers_correct", "key_claims", "key_claims_covered",
        )
    }  # fmt: skip
    words = [words_of(r, res) for r, res in scored]
    max_words = {t.id: t.max_words for t in goldset.tasks}
    over = sum(w > max_words.get(r.task, w) for w, (r, _) in zip(words, scored, strict=True))
    per_summary = [
        summary_score(res, w, max_words.get(r.task, max(w, 1)))
        for w, (r, res) in zip(words, scored, strict=True)
    ]
    attempted = len(pairs)
    score = round(100 * sum(per_summary) / attempted, 1) if attempted else 0.0
    usage: dict[str, int] = {}
    for r, _ in pairs:
        if r.usage is not None:
            for k, v in r.usage.model_dump(exclude_none=True).items():
                usage[k] = usage.get(k, 0) + int(v)
    per_task: dict[str, TaskScore] = {}
    for task in sorted({r.task for r, _ in pairs}):
        t_pairs = [(r, res) for r, res in pairs if r.task == task]
        t_scored = [(r, res) for r, res in t_pairs if res is not None]
        t_words = [words_of(r, res) for r, res in t_scored]
        t_scores = [
            summary_score(res, w, max_words.get(task, max(w, 1)))
            for w, (_, res) in zip(t_words, t_scored, strict=True)
        ]
        key = sum(_stat(res, "key_claims") for _, res in t_scored)
        per_task[task] = TaskScore(
            summaries=len(t_pairs),
            failures=len(t_pairs) - len(t_scored),
            score=round(100 * sum(t_scores) / len(t_pairs), 1),
            key_fact_coverage=_ratio(sum(_stat(res, "key_claims_covered") for _, res in t_scored), key),
            errors=sum(f.severity == "error" for _, res in t_scored for f in res.findings),
            words_mean=round(sum(t_words) / len(t_words), 1) if t_words else None,
        )
    params = pairs[0][0].params if pairs else {}
    return Scorecard(
        model=model,
        goldset=goldset.id,
        goldset_hash=goldset.content_hash,
        tasks=sorted(tasks),
        params=params,
        prompt_templates=sorted({r.prompt_template for r, _ in pairs if r.prompt_template}),
        summaries=attempted,
        scored=n,
        failures=len(failed),
        failed=[Failure(task=r.task, sample=r.sample, error=r.error or "no summary") for r in failed],
        score=score,
        score_formula=SCORE_FORMULA,
        findings={
            k: KindStats(
                count=c,
                per_summary=round(c / n, ROUND) if n else 0.0,
                per_100_quotes=_ratio(100 * c, totals["quotes"]),
            )
            for k, c in sorted(counts.items())
        },
        errors=sum(c for k, c in counts.items() if SEVERITY.get(k) == "error"),
        warnings=sum(c for k, c in counts.items() if SEVERITY.get(k) == "warning"),
        errors_per_summary=_ratio(sum(c for k, c in counts.items() if SEVERITY.get(k) == "error"), n),
        quote_precision=_ratio(totals["quotes_verbatim"], totals["quotes"]),
        attribution_accuracy=_ratio(totals["attributions_correct"], totals["attributed_quotes"]),
        number_accuracy=_ratio(totals["numbers_correct"], totals["numbers"]),
        key_fact_coverage=_ratio(totals["key_claims_covered"], totals["key_claims"]),
        length=LengthStats(
            words_mean=round(sum(words) / n, 1) if n else None,
            words_min=min(words) if words else None,
            words_max=max(words) if words else None,
            over_limit=over,
        ),
        usage=dict(sorted(usage.items())),
        per_task=per_task,
        **totals,
    )


@cache
def _validator() -> Any:
    import jsonschema

    from harness.schemas import schema_for

    schema = schema_for("harness.run.scorecard:Scorecard")
    return jsonschema.Draft202012Validator(schema)


def _sorted(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _sorted(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        return [_sorted(v) for v in value]
    return value


def render_scorecard(card: Scorecard) -> str:
    """JSON text: schema_version first, every other key sorted; validated against the schema."""
    data = card.model_dump(mode="json")
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.path))
    if errors:
        where = "/".join(str(p) for p in errors[0].path) or "(top)"
        raise ValueError(
            f"scorecard for {card.model} does not match its schema at {where}: {errors[0].message}"
        )
    version = data.pop("schema_version")
    return json.dumps({"schema_version": version, **_sorted(data)}, ensure_ascii=False, indent=2) + "\n"


def write_scorecard(card: Scorecard, path: Path) -> None:
    from harness.run.records import write_atomic

    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, render_scorecard(card))
