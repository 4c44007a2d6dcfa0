"""pytest plugin (entry point `pytest11`): faithfulness checks as ordinary tests.

    def test_brief(faithfulness):
        faithfulness.assert_faithful(text, goldset="goldsets/china-ai-gap-2026", task="brief")

    @pytest.mark.parametrize("summary", run_summaries("results/latest"))
    def test_run(faithfulness, summary):
        faithfulness.assert_faithful(summary)

A failing check raises `FaithfulnessError` (an AssertionError) whose message
lists every failing finding with its words, its message and the source
evidence. Settings (ini or command line): `faithfulness_goldset` /
`--faithfulness-goldset` (default gold set), `faithfulness_fail_on` /
`--faithfulness-fail-on` (error | warning | info: the least severe severity that fails).

This module imports only pytest and the standard library at load time, so it
costs nothing in test sessions that do not use it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from harness.findings import Finding, SummaryResult
    from harness.goldset.model import GoldSet

FAIL_LEVELS = {"error": ("error",), "warning": ("error", "warning"), "info": ("error", "warning", "info")}
_GOLDSETS: dict[Path, GoldSet] = {}


class FaithfulnessError(AssertionError):
    """A summary has findings at or above the failing severity."""

    def __init__(self, message: str, result: SummaryResult) -> None:
        super().__init__(message)
        self.result = result


@dataclass(frozen=True)
class RunItem:
    """One summary of a `harness run` folder, as a test parameter."""

    key: str  # model/task/sample
    model: str
    task: str | None
    text: str | None
    goldset: Path | None  # the run's gold-set folder, when found
    result: SummaryResult  # the findings recorded by the run
    error: str | None = None

    def __str__(self) -> str:
        return self.key


def load_goldset_cached(folder: str | Path) -> GoldSet:
    from harness.goldset.load import load_goldset

    key = Path(folder).resolve()
    if key not in _GOLDSETS:
        _GOLDSETS[key] = load_goldset(key)
    return _GOLDSETS[key]


def format_finding(n: int, f: Finding, goldset: GoldSet | None) -> str:
    from harness.report.common import evidence_view, finding_facts, kind_label

    lines = [
        f"  {n}. [{f.severity}] {kind_label(f.kind)} at {f.start}-{f.end}: {f.text!r}",
        f"     {f.message}",
    ]
    facts = finding_facts(f, goldset)
    if facts:
        lines.append("     " + "; ".join(f"{k}: {v}" for k, v in facts))
    for ev in f.evidence:
        view = evidence_view(ev, goldset, max_context=160)
        where = view.source_id + (f" ({view.reliability} reliability)" if view.reliability else "")
        context = f"{view.before}«{view.marked}»{view.after}".replace("\n", " ")
        lines.append(f"     evidence {where}: {context}")
    if not f.evidence:
        lines.append("     evidence: no source text supports it")
    return "\n".join(lines)


def failure_message(
    label: str, result: SummaryResult, failing: list[Finding], goldset: GoldSet | None, fail_on: str
) -> str:
    from harness.report.common import severity_counts, sorted_findings

    failing = sorted_findings(failing)
    kinds = ", ".join(sorted({f.kind for f in failing}))
    head = f"{label} is not faithful: {len(failing)} finding(s) at severity {fail_on} or worse ({kinds})"
    body = [format_finding(i + 1, f, goldset) for i, f in enumerate(failing)]
    rest = [f for f in result.findings if f not in failing]
    tail = []
    if rest:
        c = severity_counts(rest)
        tail.append(
            f"  also {len(rest)} finding(s) that do not fail: "
            + ", ".join(f"{v} {k}" for k, v in c.items() if v)
        )
    return "\n".join([head, *body, *tail])


class Faithfulness:
    """The `faithfulness` fixture: check summaries against a gold set inside tests."""

    def __init__(
        self, default_goldset: str | None = None, fail_on: str = "error", rootpath: Path | None = None
    ):
        self.default_goldset = default_goldset
        self.fail_on = fail_on
        self.rootpath = rootpath or Path.cwd()

    def goldset(self, goldset: GoldSet | str | Path | None = None) -> GoldSet:
        """A GoldSet from an object, a folder, or the configured default."""
        from harness.goldset.model import GoldSet

        if isinstance(goldset, GoldSet):
            return goldset
        ref = goldset if goldset is not None else self.default_goldset
        if ref is None:
            raise pytest.UsageError(
                "faithfulness: no gold set: pass goldset=... or set faithfulness_goldset in the pytest ini"
            )
        path = Path(ref)
        if not path.is_absolute() and not path.exists():
            path = self.rootpath / path
        return load_goldset_cached(path)

    def check(
        self, text: str, goldset: GoldSet | str | Path | None = None, task: str | None = None, path: str = "-"
    ) -> SummaryResult:
        """Findings for one summary (never fails the test)."""
        from harness.scorers import check

        return check(text, self.goldset(goldset), task=task, path=path)

    def assert_faithful(
        self,
        text: str | RunItem,
        goldset: GoldSet | str | Path | None = None,
        *,
        task: str | None = None,
        fail_on: str | None = None,
        allow: Iterable[str] = (),
        path: str | None = None,
    ) -> SummaryResult:
        """Fail the test when the summary has findings at `fail_on` severity or worse.

        `allow` names finding kinds that never fail. A `RunItem` (from `run_summaries`)
        brings its own text, task and gold set. Returns the result when it passes.
        """
        __tracebackhide__ = True
        level = fail_on or self.fail_on
        if level not in FAIL_LEVELS:
            raise pytest.UsageError(
                f"faithfulness: fail_on must be one of {', '.join(FAIL_LEVELS)}, not {level!r}"
            )
        if isinstance(text, RunItem):
            item = text
            if item.text is None:
                pytest.fail(f"{item.key}: no summary ({item.error or 'missing text'})", pytrace=False)
            text = item.text or ""
            task = task or item.task
            goldset = goldset if goldset is not None else item.goldset
            path = path or item.key
        gs = self.goldset(goldset)
        label = path or "summary"
        result = self.check(text, gs, task=task, path=label)
        allowed = set(allow)
        from harness.findings import KINDS

        unknown = allowed - set(KINDS)
        if unknown:
            raise pytest.UsageError(
                f"faithfulness: unknown finding kind(s) in allow: {', '.join(sorted(unknown))}"
            )
        failing = [f for f in result.findings if f.severity in FAIL_LEVELS[level] and f.kind not in allowed]
        if failing:
            raise FaithfulnessError(failure_message(label, result, failing, gs, level), result)
        return result


def run_summaries(
    run_dir: str | Path,
    *,
    model: str | Iterable[str] | None = None,
    task: str | None = None,
    missing_ok: bool = False,
) -> list[Any]:
    """`pytest.param`s, one per summary of a run (id `model/task/sample`), for parametrize.

    Summaries whose request failed are skipped with the error as reason. A missing run
    folder is an error at collection, or, with missing_ok, one skipped parameter.
    """
    from harness.errors import HarnessError
    from harness.report.rundata import load_run, resolve_goldset_dir

    if missing_ok and not Path(run_dir).is_dir():
        return [pytest.param(None, id="no-run", marks=pytest.mark.skip(reason=f"no run folder {run_dir}"))]
    try:
        run = load_run(run_dir, require_scorecards=False)
    except HarnessError as exc:
        raise pytest.UsageError(f"run_summaries: {exc}") from None
    models = {model} if isinstance(model, str) else set(model) if model is not None else None
    goldset = resolve_goldset_dir(run)
    params = []
    for s in run.summaries:
        if (models is not None and s.model not in models) or (task is not None and s.task != task):
            continue
        item = RunItem(s.key, s.model, s.task, s.text, goldset, s.result, s.error)
        marks = [pytest.mark.skip(reason=f"no summary: {s.error}")] if s.error else []
        params.append(pytest.param(item, id=s.key, marks=marks))
    return params


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("faithfulness", "faithfulness checks (harness)")
    group.addoption(
        "--faithfulness-goldset",
        metavar="DIR",
        default=None,
        help="default gold-set folder for assert_faithful",
    )
    group.addoption(
        "--faithfulness-fail-on",
        choices=tuple(FAIL_LEVELS),
        default=None,
        help="least severe finding severity that fails (default error)",
    )
    parser.addini(
        "faithfulness_goldset", "default gold-set folder for faithfulness.assert_faithful", default=""
    )
    parser.addini("faithfulness_fail_on", "error | warning | info (default error)", default="error")


@pytest.fixture
def faithfulness(request: pytest.FixtureRequest) -> Faithfulness:
    """Check summaries against a gold set: `faithfulness.assert_faithful(text, goldset=...)`."""
    config = request.config
    goldset = config.getoption("faithfulness_goldset") or config.getini("faithfulness_goldset") or None
    fail_on = config.getoption("faithfulness_fail_on") or config.getini("faithfulness_fail_on") or "error"
    if fail_on not in FAIL_LEVELS:
        raise pytest.UsageError(
            f"faithfulness_fail_on must be one of {', '.join(FAIL_LEVELS)}, not {fail_on!r}"
        )
    return Faithfulness(str(goldset) if goldset else None, str(fail_on), Path(config.rootpath))
