"""Findings: the typed result of checking one summary.

The kinds and their severities are a fixed vocabulary (the JSON contract of
`harness check --format json`, published as `schemas/check.schema.json`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

CHECK_SCHEMA_VERSION: Literal[1] = 1

Severity = Literal["error", "warning", "info"]
Kind = Literal[
    "invented_quote",
    "altered_quote",
    "unverified_quote",
    "quoted_narration",
    "misattributed_quote",
    "misattributed_claim",
    "unattributed_quote",
    "unknown_speaker",
    "unknown_entity",
    "wrong_affiliation",
    "number_mismatch",
    "unsupported_number",
]

SEVERITY: dict[str, Severity] = {
    "invented_quote": "error",
    "altered_quote": "error",
    "unverified_quote": "error",
    "quoted_narration": "warning",
    "misattributed_quote": "error",
    "misattributed_claim": "error",
    "unattributed_quote": "info",
    "unknown_speaker": "error",
    "unknown_entity": "warning",
    "wrong_affiliation": "error",
    "number_mismatch": "error",
    "unsupported_number": "warning",
}
KINDS: tuple[str, ...] = tuple(SEVERITY)
ERROR_KINDS: tuple[str, ...] = tuple(k for k, s in SEVERITY.items() if s == "error")


class Evidence(BaseModel):
    """Source text that shows what is right (or that nothing supports the summary)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str = Field(description="Source id.")
    start: int = Field(description="Offset into the source text.")
    end: int
    text: str


class Finding(BaseModel):
    """One faithfulness problem, located in the summary."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Kind
    severity: Severity
    start: int = Field(description="Offset into the summary text as read.")
    end: int
    text: str = Field(description="summary[start:end]")
    message: str = Field(description="What is wrong, in one sentence for an editor.")
    claimed_speaker: str | None = Field(
        default=None, description="Entity id (or the summary's words) the summary credits."
    )
    gold_speaker: str | None = Field(default=None, description="Entity id the gold set credits.")
    quote_id: str | None = Field(default=None, description="Gold quote involved, if any.")
    claim_id: str | None = Field(default=None, description="Gold claim involved, if any.")
    entity_id: str | None = Field(default=None, description="Gold entity involved, if any.")
    outside_task_sources: bool = Field(
        default=False,
        description="The supporting text exists only in sources the task does not name.",
    )
    evidence: tuple[Evidence, ...] = ()


class SummaryResult(BaseModel):
    """Findings and statistics for one summary."""

    model_config = ConfigDict(extra="forbid")

    path: str = Field(description="File the summary came from, or an id.")
    task: str | None = None
    findings: list[Finding] = Field(default_factory=list)
    stats: dict[str, float | int] = Field(
        default_factory=dict,
        description="Counts: words, quotes, quotes_verbatim, attributed_quotes, "
        "attributions_correct, numbers, numbers_correct, key_claims, key_claims_covered, "
        "plus one count per finding kind.",
    )

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)


class CheckReport(BaseModel):
    """The JSON document `harness check --format json` prints."""

    model_config = ConfigDict(extra="forbid")

    schema_version: Literal[1] = CHECK_SCHEMA_VERSION
    goldset: str
    scorer: str = Field(description="Versioned name of the scorer set that produced this.")
    summaries: list[SummaryResult]


def make_finding(kind: str, start: int, end: int, summary: str, message: str, **extra: object) -> Finding:
    """Build a finding with its severity and text filled in from the summary."""
    return Finding(
        kind=kind,  # type: ignore[arg-type]
        severity=SEVERITY[kind],
        start=start,
        end=end,
        text=summary[start:end],
        message=message,
        **extra,  # type: ignore[arg-type]
    )
