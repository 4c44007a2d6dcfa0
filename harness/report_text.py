"""Plain-text check report for editors: each finding with the summary
excerpt, what is wrong, and the source evidence."""

from __future__ import annotations

from harness.findings import CheckReport, Finding, SummaryResult

_CONTEXT = 40


def _excerpt(text: str, start: int, end: int, width: int = _CONTEXT) -> str:
    """The finding's words in [brackets] with a little context, on one line."""
    a, b = max(0, start - width), min(len(text), end + width)
    out = (
        ("…" if a > 0 else "")
        + text[a:start]
        + "["
        + text[start:end]
        + "]"
        + text[end:b]
        + ("…" if b < len(text) else "")
    )
    return " ".join(out.split())


def _one_line(s: str, limit: int = 160) -> str:
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def render_finding(f: Finding, text: str) -> list[str]:
    line, col = _line_col(text, f.start)
    lines = [
        f"  {line}:{col} {f.severity} {f.kind}: {f.message}",
        f"      summary: {_excerpt(text, f.start, f.end)}",
    ]
    lines += [f"      source {e.source}@{e.start}: “{_one_line(e.text)}”" for e in f.evidence]
    return lines


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def render_summary(result: SummaryResult, text: str) -> str:
    head = f"{result.path}" + (f" (task {result.task})" if result.task else "")
    counts = {s: sum(f.severity == s for f in result.findings) for s in ("error", "warning", "info")}
    st = result.stats
    lines = [
        f"{head}: {counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} note(s)",
        f"  {st.get('words', 0)} words; "
        f"quotes {st.get('quotes_verbatim', 0)}/{st.get('quotes', 0)} verbatim; "
        f"attributions {st.get('attributions_correct', 0)}/{st.get('attributed_quotes', 0)} correct; "
        f"numbers {st.get('numbers_correct', 0)}/{st.get('numbers', 0)} correct; "
        f"key facts {st.get('key_claims_covered', 0)}/{st.get('key_claims', 0)} covered",
    ]
    for f in result.findings:
        lines += render_finding(f, text)
    return "\n".join(lines) + "\n"


def render_text_report(report: CheckReport, texts: dict[str, str]) -> str:
    """The whole report: one block per summary, then a one-line total."""
    blocks = [render_summary(r, texts.get(r.path, "")) for r in report.summaries]
    errors = sum(r.has_errors for r in report.summaries)
    blocks.append(
        f"{len(report.summaries)} summary(ies) checked against {report.goldset} with {report.scorer}: "
        f"{errors} with errors\n"
    )
    return "\n".join(blocks)
