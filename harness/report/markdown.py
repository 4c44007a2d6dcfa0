"""Markdown for a CI job summary or a PR comment (GitHub-flavoured).

Everything from summaries and sources is escaped for Markdown and for the raw
HTML GitHub accepts, so a summary holding `<script>` or `|` cannot break the
table or inject markup. Output is capped (`MAX_CHARS`, under GitHub's 65,536
character comment limit); findings past the cap are counted, not shown.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from harness.findings import CheckReport, Finding, SummaryResult
from harness.gate import GateResult
from harness.goldset.model import GoldSet
from harness.report.common import evidence_view, kind_label, severity_counts, sorted_findings
from harness.report.runview import METRICS, RunView

MAX_CHARS = 60_000
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#~>!{}])")
SEV_ICON = {"error": "❌", "warning": "⚠️", "info": "ℹ️"}


def md(text: object) -> str:
    """Escape text for inline Markdown (one line, no HTML, no table breaks)."""
    flat = re.sub(r"\s+", " ", str(text))
    return _MD_SPECIAL.sub(r"\\\1", html.escape(flat, quote=False))


def _clip(text: str, n: int = 160) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def finding_item(n: int, f: Finding, goldset: GoldSet | None) -> str:
    lines = [
        f"{n}. {SEV_ICON.get(f.severity, '')} **{md(kind_label(f.kind))}** “{md(_clip(f.text))}” — "
        f"{md(f.message)}"
    ]
    for ev in f.evidence:
        view = evidence_view(ev, goldset, max_context=120)
        src = md(view.source_id) + (f" ({md(view.reliability)} reliability)" if view.reliability else "")
        lines.append(f"   - {src}: …{md(view.before)}**{md(view.marked)}**{md(view.after)}…")
    if not f.evidence and f.severity == "error":
        lines.append("   - no source text supports it")
    return "\n".join(lines)


def summary_details(title: str, result: SummaryResult, goldset: GoldSet | None) -> str:
    findings = sorted_findings(result.findings)
    if not findings:
        return ""
    items = "\n".join(finding_item(i + 1, f, goldset) for i, f in enumerate(findings))
    summary = f"<summary>{html.escape(title)}: {len(findings)} finding(s)</summary>"
    return f"<details>{summary}\n\n{items}\n\n</details>\n"


def _cap(parts: Sequence[str], tail: str = "") -> str:
    out, used, dropped = [], 0, 0
    for part in parts:
        if dropped or used + len(part) > MAX_CHARS:
            dropped += 1
            continue
        out.append(part)
        used += len(part)
    if dropped:
        out.append(f"\n_{dropped} more section(s) left out to stay within the comment size limit._\n")
    return "".join(out) + tail


def _plural(n: int) -> str:
    return f"{n} summar{'y' if n == 1 else 'ies'}"


def status_icon(findings: Sequence[Finding]) -> str:
    c = severity_counts(findings)
    return "❌" if c["error"] else "⚠️" if c["warning"] else "✅"


def render_check_markdown(report: CheckReport, goldset: GoldSet | None = None) -> str:
    """A table of summaries with counts, then each summary's findings with evidence (collapsed)."""
    all_findings = [f for r in report.summaries for f in r.findings]
    total = severity_counts(all_findings)
    head = [
        f"## Faithfulness check: {_plural(len(report.summaries))}, "
        f"{total['error']} error(s), {total['warning']} warning(s), {total['info']} info\n\n",
        f"Gold set `{md(report.goldset)}` · scorer `{md(report.scorer)}`\n\n",
        "| | Summary | Task | Errors | Warnings | Info |\n|---|---|---|---:|---:|---:|\n",
    ]
    for r in report.summaries:
        c = severity_counts(r.findings)
        head.append(
            f"| {status_icon(r.findings)} | {md(r.path)} | {md(r.task or '')} | {c['error']} | "
            f"{c['warning']} | {c['info']} |\n"
        )
    head.append("\n")
    details = [summary_details(r.path, r, goldset) for r in report.summaries]
    return _cap([*head, *(d for d in details if d)])


def _fmt(value: float | None, pct: bool = False) -> str:
    if value is None:
        return "–"
    return f"{value * 100:.0f}%" if pct else f"{value:.3g}"


def gate_markdown(result: GateResult) -> str:
    status = "✅ passed" if result.ok else f"❌ failed ({len(result.failures)} threshold(s))"
    lines = [f"### Gate {status}\n\n| | Model | Threshold | Actual |\n|---|---|---|---:|\n"]
    for c in result.checks:
        lines.append(
            f"| {'✅' if c.ok else '❌'} | {md(c.model)} | {md(c.threshold.describe())} | "
            f"{_fmt(c.actual)} |\n"
        )
    return "".join(lines) + "\n"


def render_run_markdown(view: RunView, gate: GateResult | None = None) -> str:
    """Leaderboard, per-kind counts, optional gate results, then findings per summary (collapsed)."""
    run = view.run
    parts = [f"## Faithfulness run `{md(run.run_id)}`\n\n"]
    if view.goldset_label:
        parts.append(
            f"Gold set `{md(view.goldset_label)}` · {len(run.summaries)} summaries · "
            f"{len(view.rows)} model(s)\n\n"
        )
    metrics = [m for m in METRICS if any(row.metrics.get(m.key) is not None for row in view.rows)]
    header = (
        "| # | Model | Score | Summaries | Errors/summary | " + " | ".join(m.label for m in metrics) + " |"
    )
    parts.append(header + "\n|---|---|---:|---:|---:|" + "---:|" * len(metrics) + "\n")
    for i, row in enumerate(view.rows, 1):
        cells = " | ".join(_fmt(row.metrics.get(m.key), m.pct) for m in metrics)
        parts.append(
            f"| {i} | {md(row.model)} | {_fmt(row.score)} | {row.n_summaries} | "
            f"{_fmt(row.errors_per_summary)} | {cells} |\n"
        )
    parts.append("\n")
    if gate is not None:
        parts.append(gate_markdown(gate))
    kinds = view.kinds_present()
    if kinds:
        parts.append(
            "### Findings per summary, by kind\n\n| Kind | "
            + " | ".join(md(r.model) for r in view.rows)
            + " |\n|---|"
            + "---:|" * len(view.rows)
            + "\n"
        )
        for kind in kinds:
            parts.append(
                f"| {md(kind_label(kind))} | "
                + " | ".join(_fmt(r.kind_rates.get(kind, 0.0)) for r in view.rows)
                + " |\n"
            )
        parts.append("\n")
    details = [
        summary_details(f"{s.model} · {s.key}", s.result, view.goldset)
        for s in run.summaries
        if s.result.findings
    ]
    return _cap([*parts, *details])
