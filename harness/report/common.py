"""Helpers shared by the report formats: labels, evidence context, segmenting overlapping spans."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from harness.findings import KINDS, Evidence, Finding
from harness.goldset.model import GoldSet, Source

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}

KIND_LABELS: dict[str, str] = {
    "invented_quote": "Invented quote",
    "altered_quote": "Altered quote",
    "unverified_quote": "Unverified quote",
    "quoted_narration": "Narration in quote marks",
    "misattributed_quote": "Misattributed quote",
    "misattributed_claim": "Misattributed claim",
    "unattributed_quote": "Unattributed quote",
    "unknown_speaker": "Unknown speaker",
    "unknown_entity": "Unknown entity",
    "wrong_affiliation": "Wrong affiliation",
    "number_mismatch": "Number mismatch",
    "unsupported_number": "Unsupported number",
}


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())


def kind_sort_key(kind: str) -> tuple[int, str]:
    """Kinds in the vocabulary's order; unknown kinds last, alphabetically."""
    return (KINDS.index(kind), kind) if kind in KINDS else (len(KINDS), kind)


def sorted_findings(findings: Sequence[Finding]) -> list[Finding]:
    """Reading order: by position, then severity, then kind (stable for equal keys)."""
    return sorted(findings, key=lambda f: (f.start, f.end, SEVERITY_ORDER.get(f.severity, 9), f.kind))


def severity_counts(findings: Sequence[Finding]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    return counts


def worst_severity(findings: Sequence[Finding]) -> str | None:
    if not findings:
        return None
    return min((f.severity for f in findings), key=lambda s: SEVERITY_ORDER.get(s, 9))


# --- segments ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A stretch [start, end) of the summary and the findings (indices) covering all of it.

    Zero-width findings yield a segment with start == end (a pin between characters).
    """

    start: int
    end: int
    findings: tuple[int, ...]


def segment(length: int, spans: Sequence[tuple[int, int]]) -> list[Segment]:
    """Split [0, length) at every span boundary; each piece lists every span covering it.

    Spans are clamped to the text. A stretch no span covers is a segment with no findings.
    Zero-width spans become pins placed before any text segment starting at the same offset.
    """
    clamped = [(max(0, min(s, length)), max(0, min(e, length))) for s, e in spans]
    bounds = {0, length}
    for s, e in clamped:
        bounds.add(s)
        bounds.add(max(s, e))
    cuts = sorted(bounds)
    pins: dict[int, list[int]] = {}
    for i, (s, e) in enumerate(clamped):
        if e <= s:
            pins.setdefault(s, []).append(i)
    out: list[Segment] = []
    for a, b in zip(cuts, [*cuts[1:], None], strict=True):
        if a in pins:
            out.append(Segment(a, a, tuple(pins[a])))
        if b is None:
            break
        covering = tuple(i for i, (s, e) in enumerate(clamped) if s <= a and b <= e and s < e)
        out.append(Segment(a, b, covering))
    return out


# --- evidence ---------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?。！？]['\"”’)\]]*(?=\s)|\n")


@dataclass(frozen=True)
class EvidenceView:
    """What an editor sees for one piece of evidence."""

    source_id: str
    title: str | None
    outlet: str | None
    reliability: str | None
    reliability_reason: str | None
    before: str
    marked: str
    after: str
    located: bool  # False when the offsets could not be checked against the source text


def sentence_bounds(text: str, start: int, end: int, max_context: int = 280) -> tuple[int, int]:
    """The sentence(s) around [start, end): from the previous sentence end to the next one."""
    left = 0
    for m in _SENTENCE_END.finditer(text, max(0, start - max_context), start):
        left = m.end()
    if start - left > max_context:
        left = start - max_context
    while left < start and text[left].isspace():
        left += 1
    found = _SENTENCE_END.search(text, end if end > start else start)
    right = found.end() if found else len(text)
    if text[right - 1 : right] == "\n":
        right -= 1
    right = max(right, end)
    if right - end > max_context:
        right = end + max_context
    return left, right


def _trim(text: str, left: bool) -> str:
    """Cut a context stretch at a word boundary when it was shortened."""
    if left:
        cut = text.find(" ")
        return "…" + text[cut + 1 :] if 0 <= cut < 40 else "…" + text
    cut = text.rfind(" ")
    return text[:cut] + "…" if cut > len(text) - 40 else text + "…"


def evidence_view(ev: Evidence, goldset: GoldSet | None, max_context: int = 280) -> EvidenceView:
    source: Source | None = goldset.source_by_id.get(ev.source) if goldset is not None else None
    if source is None:
        return EvidenceView(ev.source, None, None, None, None, "", ev.text, "", False)
    text = source.text
    start, end = ev.start, ev.end
    located = 0 <= start <= end <= len(text) and text[start:end] == ev.text
    if not located and ev.text:
        found = text.find(ev.text)
        if found >= 0:
            start, end, located = found, found + len(ev.text), True
    if not located:
        return _source_view(source, "", ev.text, "", False)
    left, right = sentence_bounds(text, start, end, max_context)
    before, after = text[left:start], text[end:right]
    if left > 0 and left == start - max_context:
        before = _trim(before, left=True)
    if right < len(text) and right == end + max_context:
        after = _trim(after, left=False)
    return _source_view(source, before, text[start:end], after, True)


def _source_view(source: Source, before: str, marked: str, after: str, located: bool) -> EvidenceView:
    reliability = source.reliability
    return EvidenceView(
        source.id,
        source.title,
        source.outlet,
        reliability.level,
        reliability.reason,
        before,
        marked,
        after,
        located,
    )


def entity_name(entity_id: str | None, goldset: GoldSet | None) -> str | None:
    """Canonical name for an entity id; the value itself when it is not an id (summary words)."""
    if entity_id is None:
        return None
    if goldset is not None:
        entity = goldset.entity_by_id.get(entity_id)
        if entity is not None:
            return entity.name
    return entity_id


def finding_facts(f: Finding, goldset: GoldSet | None) -> list[tuple[str, str]]:
    """Label/value pairs worth showing beside a finding's message."""
    facts: list[tuple[str, str]] = []
    if f.claimed_speaker:
        facts.append(("Summary credits", entity_name(f.claimed_speaker, goldset) or f.claimed_speaker))
    if f.gold_speaker:
        facts.append(("Sources credit", entity_name(f.gold_speaker, goldset) or f.gold_speaker))
    if f.entity_id and f.entity_id not in (f.claimed_speaker, f.gold_speaker):
        facts.append(("Entity", entity_name(f.entity_id, goldset) or f.entity_id))
    if f.quote_id:
        facts.append(("Gold quote", f.quote_id))
    if f.claim_id:
        facts.append(("Gold claim", f.claim_id))
    if f.outside_task_sources:
        facts.append(("Note", "supported only by sources outside this task"))
    return facts
