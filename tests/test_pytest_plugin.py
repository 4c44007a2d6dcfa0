"""The pytest plugin: `faithfulness` fixture, failure messages, `run_summaries` parametrization."""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDSET = FIXTURES / "goldset-mini"
RUN = FIXTURES / "run-mini"

HEADER = f"""
import sys
sys.path.insert(0, {str(FIXTURES)!r})
import pytest
from report_samples import BAD, GOOD
from harness.pytest_plugin import FaithfulnessError, run_summaries
GOLDSET = {str(GOLDSET)!r}
"""


def test_registered_as_a_pytest11_entry_point() -> None:
    eps = [e for e in entry_points(group="pytest11") if e.value == "harness.pytest_plugin"]
    assert len(eps) == 1, "reinstall the package: pip install -e ."
    assert eps[0].load().faithfulness is not None


def test_passes_a_faithful_brief_and_fails_a_bad_one_listing_findings_and_evidence(
    pytester: pytest.Pytester,
) -> None:
    pytester.makepyfile(
        HEADER
        + """
def test_good(faithfulness):
    result = faithfulness.assert_faithful(GOOD, goldset=GOLDSET, task="brief")
    assert result.findings == []

def test_bad(faithfulness):
    faithfulness.assert_faithful(BAD, goldset=GOLDSET, task="brief", path="briefs/bad.md")
"""
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    out = result.stdout.str()
    result.stdout.fnmatch_lines(
        [
            "*FaithfulnessError: briefs/bad.md is not faithful: * finding(s) at severity error or worse "
            "(*invented_quote*wrong_affiliation*)",
            "*1. [[]error[]] Wrong affiliation at 0-*: '*Alibaba*'",
            "*evidence alpha (high reliability): *«chief AI scientist at Zhipu AI»*",
            "*[[]error[]] Invented quote at *: 'a 50% chance of overtaking the US by 2027'",
            "*evidence: no source text supports it",
            "*also * finding(s) that do not fail:*",
        ]
    )
    assert "def assert_faithful" not in out  # the plugin's frames are hidden


def test_allow_fail_on_and_the_ini_default_gold_set(pytester: pytest.Pytester) -> None:
    pytester.makeini(f"[pytest]\nfaithfulness_goldset = {GOLDSET}\n")
    pytester.makepyfile(
        HEADER
        + """
from harness.findings import ERROR_KINDS

def test_allowed_kinds_pass(faithfulness):
    faithfulness.assert_faithful(BAD, task="brief", allow=ERROR_KINDS)

def test_lesser_severities_fail_when_asked(faithfulness):
    with pytest.raises(FaithfulnessError) as info:
        faithfulness.assert_faithful(BAD, task="brief", allow=ERROR_KINDS, fail_on="info")
    result = info.value.result
    rest = [f for f in result.findings if f.kind not in ERROR_KINDS]
    assert rest and len(result.findings) > len(rest)
    message = str(info.value)
    assert f"summary is not faithful: {len(rest)} finding(s) at severity info or worse" in message
    assert "[error]" not in message and all(f.text in message for f in rest)

def test_unknown_allowed_kind_is_a_usage_error(faithfulness):
    with pytest.raises(pytest.UsageError, match="unknown finding kind"):
        faithfulness.assert_faithful(GOOD, allow=["invented"])

def test_check_returns_findings_without_failing(faithfulness):
    assert {f.kind for f in faithfulness.check(BAD, task="brief").findings} >= {"invented_quote"}
"""
    )
    pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=4)


def test_command_line_fail_on(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        HEADER
        + """
from harness.findings import ERROR_KINDS

def test_bad_without_errors(faithfulness):
    faithfulness.assert_faithful(BAD, goldset=GOLDSET, task="brief", allow=ERROR_KINDS)
"""
    )
    pytester.runpytest_subprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--faithfulness-fail-on=info")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*summary is not faithful: * finding(s) at severity info or worse*"])


def test_no_gold_set_is_a_clear_error(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(HEADER + "\ndef test_x(faithfulness):\n    faithfulness.assert_faithful(GOOD)\n")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(errors=0, failed=1)
    result.stdout.fnmatch_lines(["*no gold set: pass goldset=... or set faithfulness_goldset*"])


def test_parametrize_over_a_runs_summaries(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        HEADER
        + f"""
@pytest.mark.parametrize("summary", run_summaries({str(RUN)!r}))
def test_run(faithfulness, summary):
    faithfulness.assert_faithful(summary, goldset=GOLDSET)

@pytest.mark.parametrize("summary", run_summaries({str(RUN)!r}, model="baseline:lead"))
def test_one_model(summary):
    assert summary.model == "baseline:lead" and summary.task == "brief"

@pytest.mark.parametrize("summary", run_summaries("no/such/run", missing_ok=True))
def test_missing_ok(summary):
    raise AssertionError("never runs")
"""
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-v", "-rs")
    # 2 good summaries pass, 3 bad fail, the failed request and the missing run are skipped
    result.assert_outcomes(passed=4, failed=3, skipped=2)
    result.stdout.fnmatch_lines(
        [
            "*test_run?human:reference/brief/0? PASSED*",
            "*test_run?local:smollm2/brief/0? FAILED*",
            "*SKIPPED*no summary: timed out after 3 retries*",
            "*SKIPPED*no run folder no/such/run*",
        ]
    )
    result.stdout.fnmatch_lines(["*local:smollm2/brief/1 is not faithful*"])


def test_missing_run_folder_fails_collection_clearly(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        HEADER
        + """
@pytest.mark.parametrize("summary", run_summaries("no/such/run"))
def test_run(summary):
    pass
"""
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*run_summaries: no/such/run: no such run folder*"])
