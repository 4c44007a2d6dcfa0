"""`harness gate`: threshold parsing, the pure evaluation, config merging, exit codes, JUnit."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from harness.cli import main
from harness.gate import (
    GateInputError,
    Threshold,
    evaluate,
    merge,
    parse_flag,
    thresholds_from_config,
)

RUN = Path(__file__).resolve().parent / "fixtures" / "run-mini"
# Scores in the fixture run: human:reference 100, baseline:lead 54.4, local:smollm2 5.9;
# invented_quote per summary: 0, 0.5, 1.0; wrong_affiliation count: 0, 2, 4.


def card(score: float, invented: float = 0.0, count: int = 0, **metrics: Any) -> dict[str, Any]:
    return {
        "model": "m",
        "score": score,
        "findings": {
            "invented_quote": {"count": count, "per_summary": invented},
            "number_mismatch": {"count": 0, "per_summary": 0.0},
        },
        **metrics,
    }


# --- parsing -----------------------------------------------------------------------------------


def test_parse_flags() -> None:
    t = parse_flag("max_rate", "invented_quote=0")
    assert (t.rule, t.subject, t.model, t.limit) == ("max_rate", "invented_quote", "*", 0.0)
    t = parse_flag("max_rate", "invented_quote@local:smollm2=0.25")
    assert (t.subject, t.model, t.limit) == ("invented_quote", "local:smollm2", 0.25)
    t = parse_flag("min_score", "openai:gpt-4o@http://h/v1=80")  # model specs may hold ':', '@' and '/'
    assert (t.subject, t.model, t.limit) == ("score", "openai:gpt-4o@http://h/v1", 80.0)
    t = parse_flag("min", "quote_precision@baseline:lead=0.9")
    assert (t.subject, t.model, t.limit) == ("quote_precision", "baseline:lead", 0.9)
    assert parse_flag("max", "failures=0").describe() == "failures <= 0"
    assert parse_flag("min_score", "*=60").describe() == "score >= 60"


@pytest.mark.parametrize(
    ("rule", "spec", "message"),
    [
        ("max_rate", "invented_quote", "expected KIND[@MODEL]=NUMBER"),
        ("max_rate", "invented_quote=", "expected KIND[@MODEL]=NUMBER"),
        ("max_rate", "invented_quote=lots", "expected a number, got 'lots'"),
        ("max_rate", "invented_quote=nan", "expected a finite number"),
        ("max_rate", "invented=0", "unknown finding kind 'invented'"),
        ("max_rate", "invented_quote=-1", "cannot be negative"),
        ("max_count", "=1", "expected KIND[@MODEL]=NUMBER"),
        ("min_score", "=0.8", "expected MODEL=NUMBER"),
        ("min_score", "0.8", "expected MODEL=NUMBER"),
        ("min_score", "local:smollm2=0.8", "scores run from 0 to 100: did you mean 80?"),
        ("min", "@m=1", "expected METRIC[@MODEL]=NUMBER"),
    ],
)
def test_malformed_flags(rule: Any, spec: str, message: str) -> None:
    with pytest.raises(GateInputError, match=re.escape(message)) as info:
        parse_flag(rule, spec)
    assert str(info.value).startswith(f"--{rule.replace('_', '-')} {spec}: ")


def test_config_table() -> None:
    table = {
        "min_score": 60,
        "max_rate": {"invented_quote": 0, "number_mismatch@baseline:lead": 0.5},
        "min": {"quote_precision": 0.9},
    }
    ts = thresholds_from_config(table, "pyproject.toml [tool.harness.gate]")
    got = {(t.rule, t.subject, t.model, t.limit) for t in ts}
    assert got == {
        ("min_score", "score", "*", 60.0),
        ("max_rate", "invented_quote", "*", 0.0),
        ("max_rate", "number_mismatch", "baseline:lead", 0.5),
        ("min", "quote_precision", "*", 0.9),
    }
    assert any(t.origin == "pyproject.toml [tool.harness.gate] max_rate.invented_quote" for t in ts)
    assert thresholds_from_config({"min_score": {"*": 50, "m": 70}})[1].model == "m"


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"max_rates": {}}, "unknown gate setting"),
        ({"max_rate": 0}, "expected a table"),
        ({"min_score": "high"}, "expected a number"),
        ({"min_score": True}, "expected a number"),
        ({"max_rate": {"bogus": 1}}, "unknown finding kind 'bogus'"),
    ],
)
def test_bad_config_tables(table: dict[str, Any], message: str) -> None:
    with pytest.raises(GateInputError, match=message):
        thresholds_from_config(table)


def test_flags_replace_the_same_configured_threshold_only() -> None:
    configured = thresholds_from_config(
        {"max_rate": {"invented_quote": 0, "number_mismatch": 0}, "min_score": 60}
    )
    flags = [parse_flag("max_rate", "invented_quote=0.5"), parse_flag("min_score", "m=10")]
    merged = {(t.rule, t.subject, t.model): t.limit for t in merge(configured, flags)}
    assert merged == {
        ("max_rate", "invented_quote", "*"): 0.5,
        ("max_rate", "number_mismatch", "*"): 0.0,
        ("min_score", "score", "*"): 60.0,
        ("min_score", "score", "m"): 10.0,
    }


# --- evaluation ---------------------------------------------------------------------------------


def test_boundaries_hold_and_anything_past_them_fails() -> None:
    cards = {"a": card(80.0, invented=0.0), "b": card(79.99, invented=0.5, count=1)}
    r = evaluate(cards, [parse_flag("min_score", "*=80")])
    assert [(c.model, c.ok) for c in r.checks] == [("a", True), ("b", False)]
    assert r.exit_code == 1 and [c.model for c in r.failures] == ["b"]
    r = evaluate(cards, [parse_flag("max_rate", "invented_quote=0.5")])
    assert r.ok and r.exit_code == 0
    r = evaluate(cards, [parse_flag("max_rate", "invented_quote=0.49")])
    assert [c.model for c in r.failures] == ["b"] and r.failures[0].actual == 0.5
    r = evaluate(cards, [parse_flag("max_count", "invented_quote=0")])
    assert [c.model for c in r.failures] == ["b"]
    assert evaluate(cards, [parse_flag("max_rate", "invented_quote@a=0")]).ok  # only model a judged


def test_kinds_the_scorecard_omits_count_as_zero_and_missing_metrics_pass_as_na() -> None:
    cards = {"a": card(90, quote_precision=None, number_accuracy=0.5)}
    r = evaluate(
        cards,
        [
            parse_flag("max_rate", "wrong_affiliation=0"),
            parse_flag("min", "quote_precision=0.9"),
            parse_flag("min", "number_accuracy=0.9"),
        ],
    )
    assert [(c.threshold.subject, c.actual, c.ok) for c in r.checks] == [
        ("wrong_affiliation", 0.0, True),
        ("quote_precision", None, True),
        ("number_accuracy", 0.5, False),
    ]
    assert "n/a" in r.checks[1].line() and r.checks[2].line().startswith("FAIL a: number_accuracy >= 0.9")


@pytest.mark.parametrize(
    ("thresholds", "message"),
    [
        ([], "no thresholds"),
        ([parse_flag("min_score", "gpt-5=1")], "unknown model 'gpt-5' \\(models in this run: a\\)"),
        ([parse_flag("min", "bogus_metric=1")], "the scorecards have no a metric 'bogus_metric'"),
        ([parse_flag("max", "findings=1")], "is not a number"),
    ],
)
def test_bad_input_is_an_error_not_a_verdict(thresholds: list[Threshold], message: str) -> None:
    with pytest.raises(GateInputError, match=message):
        evaluate({"a": card(1)}, thresholds)
    with pytest.raises(GateInputError, match="no scorecards"):
        evaluate({}, [parse_flag("min_score", "*=1")])


def test_pydantic_scorecards_work_too() -> None:
    from harness.run.scorecard import Scorecard

    data = json.loads((RUN / "scorecards" / "local_smollm2.json").read_text())
    model = Scorecard.model_validate(data)
    r = evaluate(
        {"x": model}, [parse_flag("max_rate", "wrong_affiliation=1.5"), parse_flag("min_score", "*=5")]
    )
    assert [(c.actual, c.ok) for c in r.checks] == [(2.0, False), (5.9, True)]


# --- command line ---------------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project folder as cwd (so the repository's own pyproject.toml is not read)."""
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    monkeypatch.chdir(tmp_path)
    return tmp_path


def gate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["gate", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_exit_0_when_every_threshold_holds(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = gate(capsys, str(RUN), "--min-score", "*=5", "--max-rate", "invented_quote=1")
    assert code == 0
    assert out.strip().splitlines()[-1] == "gate passed: 6 threshold check(s) hold"


def test_exit_1_lists_each_failure(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = gate(
        capsys,
        str(RUN),
        "--min-score",
        "*=50",
        "--max-rate",
        "invented_quote=0.5",
        "--min-score",
        "human:reference=99",
    )
    assert code == 1
    assert "gate failed: 2 of 7 threshold check(s) do not hold:" in out
    failing = [line.strip() for line in out.split("do not hold:")[1].strip().splitlines()]
    assert failing == [
        "local:smollm2: score >= 50 (actual 5.9)",
        "local:smollm2: invented_quote rate <= 0.5 (actual 1)",
    ]
    assert "ok   human:reference: score >= 99 (actual 100; --min-score human:reference=99)" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{missing}", "--min-score", "*=1"], "no such run folder"),
        (["{run}", "--max-rate", "invented=0"], "unknown finding kind 'invented'"),
        (["{run}", "--max-rate", "invented_quote"], "expected KIND[@MODEL]=NUMBER"),
        (["{run}", "--min-score", "gpt-4o=80"], "unknown model 'gpt-4o'"),
        (["{run}"], "no thresholds"),
    ],
)
def test_exit_2_on_bad_input_with_one_clear_line(
    project: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    args = [a.format(run=RUN, missing=project / "results" / "nope") for a in args]
    code, out, err = gate(capsys, *args)
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("harness: error: ") and message in lines[0]


def test_thresholds_from_pyproject_and_flags_override(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.harness.gate]\nmin_score = 50\nmax_rate = { invented_quote = 0 }\n'
    )
    code, out, _ = gate(capsys, str(RUN))
    assert code == 1
    assert "FAIL local:smollm2: score >= 50" in out and "[tool.harness.gate] min_score)" in out
    assert "FAIL baseline:lead: invented_quote rate <= 0" in out
    code, out, _ = gate(capsys, str(RUN), "--min-score", "*=5", "--max-rate", "invented_quote=1")
    assert code == 0 and "[tool.harness.gate]" not in out
    code, out, _ = gate(capsys, str(RUN), "--no-config", "--min-score", "*=1")
    assert code == 0 and out.count("\n") == 4
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.harness.gate]\nmax_rate = 1\n')
    code, _, err = gate(capsys, str(RUN))
    assert code == 2 and "expected a table" in err


def test_gate_junit_and_markdown(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    summary = project / "summary.md"
    summary.write_text("# CI\n")
    junit = project / "gate.xml"
    code, _, _ = gate(
        capsys, str(RUN), "--min-score", "*=50", "--junit", str(junit), "--markdown", str(summary)
    )
    assert code == 1
    root = ET.parse(junit).getroot()
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert list(suites) == ["harness.gate", "faithfulness.baseline:lead", "faithfulness.human:reference",
                            "faithfulness.local:smollm2"]  # fmt: skip
    gate_cases = suites["harness.gate"].findall("testcase")
    assert len(gate_cases) == 3 and suites["harness.gate"].get("failures") == "1"
    failed = [c for c in gate_cases if c.find("failure") is not None]
    assert [c.get("name") for c in failed] == ["local:smollm2: score >= 50"]
    # Only thresholds fail: each summary's findings are listed, not failed (the failed request has no case).
    smol = suites["faithfulness.local:smollm2"]
    assert smol.get("tests") == "2" and smol.get("failures") == "0" and root.get("failures") == "1"
    listed = [c.findtext("system-out") or "" for c in smol.findall("testcase")]
    assert all("[error]" in out for out in listed)
    text = summary.read_text()
    assert text.startswith("# CI\n## Faithfulness gate: `20260115-100000-mini`")  # appended
    assert "| ❌ | local:smollm2 | score &gt;= 50 | 5.9 |" in text


def test_run_folder_without_scorecards_is_bad_input(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = project / "run"
    shutil.copytree(RUN, run)
    shutil.rmtree(run / "scorecards")
    code, _, err = gate(capsys, str(run), "--min-score", "*=1")
    assert code == 2 and "no scorecards" in err
