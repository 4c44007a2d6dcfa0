"""Deterministic scorers: check a summary against a gold set.

    check(text, goldset, task=None, path="-") -> SummaryResult

Pure: the gold set's index is built once and cached; each call parses the
summary once (`analysis`) and runs one scorer per concept (quotes,
attribution, affiliations, numbers, entities, coverage). No I/O, no network,
no model; the same inputs give the same findings in the same order.
"""

from __future__ import annotations

from collections import Counter

from harness.findings import KINDS, Finding, SummaryResult
from harness.goldset.model import GoldSet, Task
from harness.scorers.affiliations import score_affiliations
from harness.scorers.analysis import analyse
from harness.scorers.attribution import score_attribution
from harness.scorers.coverage import score_coverage
from harness.scorers.entities import score_entities
from harness.scorers.index import index_for
from harness.scorers.numbers import score_numbers
from harness.scorers.quotes import score_quotes
from harness.scorers.scope import Scope
from harness.text.layout import read

SCORER = "harness.scorers.v1"
"""Versioned name of this scorer set, recorded in every report."""


def check(text: str, goldset: GoldSet, task: str | Task | None = None, path: str = "-") -> SummaryResult:
    """Score one summary; `task` (an id or a Task) limits the sources it may draw on.

    Raises KeyError naming the known tasks for an unknown task id.
    """
    task_obj = goldset.task(task) if isinstance(task, str) else task
    idx = index_for(goldset)
    scope = Scope.of(goldset, task_obj)
    # Read through hard wraps and Markdown emphasis; offsets stay those of `text`.
    reading = read(text)
    an = analyse(reading.text, idx, reading.headings)
    quote_findings, matches = score_quotes(idx, an, scope)
    attribution_findings, attribution_stats = score_attribution(idx, an, matches, scope)
    number_findings, number_stats = score_numbers(idx, an, scope)
    findings = (
        quote_findings
        + attribution_findings
        + score_affiliations(idx, an)
        + number_findings
        + score_entities(an)
    )
    findings = [_as_written(f, text) for f in _dedupe(findings)]
    # A person credited with words is an unknown speaker, not also an unknown entity.
    speakers = {(f.start, f.end) for f in findings if f.kind == "unknown_speaker"}
    findings = [f for f in findings if not (f.kind == "unknown_entity" and (f.start, f.end) in speakers)]
    stats: dict[str, float | int] = {
        "words": an.word_count,
        "quotes": len(an.quotes),
        "quotes_verbatim": sum(m.status == "verified" for m in matches),
        **attribution_stats,
        **number_stats,
        **score_coverage(idx, an, scope),
    }
    per_kind: Counter[str] = Counter(f.kind for f in findings)
    for kind in KINDS:
        stats[kind] = per_kind[kind]
    return SummaryResult(path=path, task=task_obj.id if task_obj else None, findings=findings, stats=stats)


def _as_written(f: Finding, text: str) -> Finding:
    """The finding with its `text` as the summary has it (line breaks included)."""
    written = text[f.start : f.end]
    return f if f.text == written else f.model_copy(update={"text": written})


_KIND_ORDER = {kind: i for i, kind in enumerate(KINDS)}


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, int, int]] = set()
    out = []
    for f in sorted(findings, key=lambda f: (f.start, f.end, _KIND_ORDER[f.kind])):
        key = (f.kind, f.start, f.end)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


__all__ = ["SCORER", "check"]
