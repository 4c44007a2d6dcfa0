"""Markdown for CI job summaries and PR comments."""

from __future__ import annotations

from pathlib import Path

from report_samples import INJECT_SCRIPT

from harness.findings import CheckReport, SummaryResult, make_finding
from harness.gate import evaluate, parse_flag
from harness.goldset import GoldSet
from harness.report import markdown
from harness.report.markdown import md, render_check_markdown, render_run_markdown
from harness.report.rundata import load_run
from harness.report.runview import build_view


def test_check_markdown_has_a_row_per_summary_and_findings_with_evidence(
    check_sample: tuple[CheckReport, dict[str, str]], mini_goldset: GoldSet
) -> None:
    report, _ = check_sample
    out = render_check_markdown(report, mini_goldset)
    assert out.startswith("## Faithfulness check: 2 summaries, 6 error(s), 1 warning(s), 1 info")
    assert "| ✅ | briefs/good.md | brief | 0 | 0 | 0 |" in out
    assert "| ❌ | briefs/bad.md | brief | 6 | 1 | 1 |" in out
    assert "<details><summary>briefs/bad.md: 8 finding(s)</summary>" in out
    assert "**Number mismatch** “50%” — The sources give less than 20%, not 50%." in out
    assert "alpha (high reliability): …Lin Junyang, technical lead" in out and "**less than 20%**" in out
    assert out.count("\n1. ") == 1  # only the bad summary has a list


def test_markdown_escapes_html_and_table_breakers(
    check_sample: tuple[CheckReport, dict[str, str]], mini_goldset: GoldSet
) -> None:
    report, _ = check_sample
    out = render_check_markdown(report, mini_goldset)
    assert INJECT_SCRIPT not in out and "<img" not in out and "<script" not in out
    assert "&lt;img src=x onerror=window.\\_\\_pwned=4&gt;" in out
    assert md("a|b <i>x</i> *y*\nz") == "a\\|b &lt;i&gt;x&lt;/i&gt; \\*y\\* z"
    evil = CheckReport(goldset="g", scorer="s", summaries=[SummaryResult(path="x|y</td>")])
    row = next(line for line in render_check_markdown(evil).splitlines() if line.startswith("| ✅"))
    assert row == "| ✅ | x\\|y&lt;/td&gt; |  | 0 | 0 | 0 |"


def test_long_reports_are_capped_under_the_comment_limit(monkeypatch: object) -> None:
    text = "word " * 400
    results = [
        SummaryResult(
            path=f"s{i}.md",
            findings=[make_finding("invented_quote", j * 5, j * 5 + 4, text, "x" * 200) for j in range(30)],
        )
        for i in range(40)
    ]
    out = render_check_markdown(CheckReport(goldset="g", scorer="s", summaries=results))
    assert len(out) <= markdown.MAX_CHARS + 200
    assert "more section(s) left out" in out
    assert out.count("| ❌ | s") == 40  # the table is always whole


def test_run_markdown_has_leaderboard_kinds_and_gate(run_dir: Path, mini_goldset: GoldSet) -> None:
    run = load_run(run_dir)
    view = build_view(run, mini_goldset)
    gate = evaluate(run.scorecards, [parse_flag("min_score", "*=50")])
    out = render_run_markdown(view, gate)
    lines = out.splitlines()
    board = [
        line
        for line in lines
        if line.startswith("| 1 |") or line.startswith("| 2 |") or line.startswith("| 3 |")
    ]
    assert [b.split(" | ")[1] for b in board] == ["human:reference", "baseline:lead", "local:smollm2"]
    assert "| Wrong affiliation | 0 | 1 | 2 |" in out
    assert "### Gate ❌ failed (1 threshold(s))" in out
    assert "| ❌ | local:smollm2 | score &gt;= 50 | 5.9 |" in out
    assert "<details><summary>local:smollm2 · local:smollm2/brief/0: 8 finding(s)</summary>" in out
