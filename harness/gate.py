"""CI gate: thresholds over a run's scorecards, as a pure function.

Threshold rules (command line, or the `[tool.harness.gate]` table):

    --min-score MODEL=X        headline score of MODEL at least X (MODEL `*`: every model)
    --max-rate KIND=X          rate of finding KIND at most X, for every model
    --max-rate KIND@MODEL=X    ... for one model
    --max-count KIND[@MODEL]=X number of KIND findings at most X
    --min METRIC[@MODEL]=X     another scorecard metric (quote_precision, attribution_accuracy,
                               number_accuracy, key_fact_coverage, ...) at least X
    --max METRIC[@MODEL]=X     another scorecard metric (errors_per_summary, failures, ...) at most X

Rates are findings per scored summary (the scorecard's `findings.<kind>.per_summary`);
scores are the scorecard's headline `score` (0-100).

    [tool.harness.gate]
    min_score = 60                                  # every model
    # min_score = { "*" = 60, "openai:gpt-4o" = 75 }
    max_rate = { invented_quote = 0, "misattributed_quote@baseline:lead" = 0.5 }
    max_count = { wrong_affiliation = 0 }
    min = { quote_precision = 0.9 }
    max = { failures = 0 }

A command-line threshold replaces a configured one with the same rule, subject and model.
`evaluate` raises `GateInputError` (exit 2) for an unknown model or kind or a metric no
scorecard has; it never decides pass/fail on bad input.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from harness.errors import HarnessError
from harness.findings import KINDS

Rule = Literal["min_score", "max_rate", "max_count", "min", "max"]
RULES: tuple[Rule, ...] = ("min_score", "max_rate", "max_count", "min", "max")
FLAGS: dict[Rule, str] = {
    "min_score": "--min-score",
    "max_rate": "--max-rate",
    "max_count": "--max-count",
    "min": "--min",
    "max": "--max",
}
ALL = "*"
EPS = 1e-9


class GateInputError(HarnessError):
    """A threshold or run the gate cannot judge (exit 2)."""


@dataclass(frozen=True)
class Threshold:
    rule: Rule
    subject: str  # "score" for min_score, a finding kind for max_rate/max_count, a metric name for min
    model: str  # a model name or "*"
    limit: float
    origin: str  # where it came from, for messages

    @property
    def identity(self) -> tuple[str, str, str]:
        return (self.rule, self.subject, self.model)

    @property
    def is_min(self) -> bool:
        return self.rule in ("min_score", "min")

    def describe(self) -> str:
        what = {
            "min_score": "score",
            "max_rate": f"{self.subject} rate",
            "max_count": f"{self.subject} count",
            "min": self.subject,
            "max": self.subject,
        }[self.rule]
        return f"{what} {'>=' if self.is_min else '<='} {_fmt(self.limit)}"


@dataclass(frozen=True)
class Check:
    threshold: Threshold
    model: str
    actual: float | None  # None: the scorecard has no value (not applicable), which passes

    @property
    def ok(self) -> bool:
        if self.actual is None:
            return True
        if self.threshold.is_min:
            return self.actual >= self.threshold.limit - EPS
        return self.actual <= self.threshold.limit + EPS

    @property
    def name(self) -> str:
        return f"{self.model}: {self.threshold.describe()}"

    def line(self) -> str:
        actual = "n/a" if self.actual is None else _fmt(self.actual)
        status = "ok  " if self.ok else "FAIL"
        return (
            f"{status} {self.model}: {self.threshold.describe()} (actual {actual}; {self.threshold.origin})"
        )


@dataclass(frozen=True)
class GateResult:
    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    @property
    def failures(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1


def _fmt(x: float) -> str:
    return f"{x:.4g}"


# --- parsing --------------------------------------------------------------------------------


def parse_number(value: object, origin: str) -> float:
    if isinstance(value, bool):
        raise GateInputError(origin, f"expected a number, got {value!r}")
    if isinstance(value, int | float):
        number = float(value)
    else:
        try:
            number = float(str(value).strip())
        except ValueError:
            raise GateInputError(origin, f"expected a number, got {value!r}") from None
    if not math.isfinite(number):
        raise GateInputError(origin, f"expected a finite number, got {value!r}")
    return number


def _shape(rule: Rule) -> str:
    if rule == "min_score":
        return "MODEL=NUMBER (MODEL may be '*' for every model)"
    return ("KIND" if rule in ("max_rate", "max_count") else "METRIC") + "[@MODEL]=NUMBER"


def make_threshold(rule: Rule, key: str, value: object, origin: str) -> Threshold:
    """Build one threshold from `key` (MODEL for min_score; SUBJECT[@MODEL] otherwise) and a limit."""
    key = key.strip()
    limit = parse_number(value, origin)
    if rule == "min_score":
        if not key:
            raise GateInputError(origin, f"expected {_shape(rule)}")
        if 0 < limit < 1:
            # The headline score runs 0-100; 0.8 is almost surely meant as 80.
            raise GateInputError(origin, f"scores run from 0 to 100: did you mean {_fmt(limit * 100)}?")
        return Threshold(rule, "score", key, limit, origin)
    subject, _, model = key.partition("@")
    subject, model = subject.strip(), model.strip() or ALL
    if not subject:
        raise GateInputError(origin, f"expected {_shape(rule)}")
    if rule in ("max_rate", "max_count"):
        if subject not in KINDS:
            raise GateInputError(origin, f"unknown finding kind {subject!r} (known: {', '.join(KINDS)})")
        if limit < 0:
            raise GateInputError(origin, f"a maximum {rule[4:]} cannot be negative ({_fmt(limit)})")
    return Threshold(rule, subject, model, limit, origin)


def parse_flag(rule: Rule, spec: str) -> Threshold:
    """Parse one command-line threshold such as `invented_quote=0` or `local:smollm2=0.8`."""
    origin = f"{FLAGS[rule]} {spec}"
    key, sep, value = spec.rpartition("=")
    if not sep or not value.strip():
        raise GateInputError(origin, f"expected {_shape(rule)}")
    return make_threshold(rule, key, value, origin)


def thresholds_from_config(table: Mapping[str, Any], source: str = "[tool.harness.gate]") -> list[Threshold]:
    """Thresholds from a `[tool.harness.gate]` table (see the module docstring)."""
    out: list[Threshold] = []
    for rule_name in sorted(table):
        value = table[rule_name]
        if rule_name not in RULES:
            raise GateInputError(f"{source} {rule_name}", f"unknown gate setting (known: {', '.join(RULES)})")
        rule: Rule = rule_name  # type: ignore[assignment]
        if isinstance(value, Mapping):
            for key in sorted(value):
                out.append(make_threshold(rule, str(key), value[key], f"{source} {rule}.{key}"))
        elif rule == "min_score":
            out.append(make_threshold(rule, ALL, value, f"{source} {rule}"))
        else:
            raise GateInputError(f"{source} {rule}", "expected a table such as { invented_quote = 0 }")
    return out


def merge(configured: Iterable[Threshold], flags: Iterable[Threshold]) -> list[Threshold]:
    """Configured thresholds, with any the command line restates replaced by the flag."""
    merged: dict[tuple[str, str, str], Threshold] = {t.identity: t for t in configured}
    for t in flags:
        merged[t.identity] = t
    return list(merged.values())


# --- scorecard access -------------------------------------------------------------------------


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    return None


def _get(card: Any, key: str) -> Any:
    if isinstance(card, Mapping):
        return card.get(key)
    return getattr(card, key, None)


def score_of(card: Any) -> float | None:
    """The headline score of a scorecard (a dict or a pydantic Scorecard)."""
    return _number(_get(card, "score"))


def _per_kind(card: Any, kind: str, what: str) -> tuple[bool, float | None]:
    """(the card has per-kind figures, value) for a per-kind rate (per summary) or count.

    Reads a Scorecard's `findings: {kind: {count, per_summary}}`; a kind it omits has none.
    """
    table = _get(card, "findings")
    if isinstance(table, Mapping):
        entry = table.get(kind)
        if entry is None:
            return True, 0.0
        return True, _number(_get(entry, "per_summary" if what == "rate" else "count"))
    flat = _get(card, "rates" if what == "rate" else "counts")
    if isinstance(flat, Mapping):
        return True, _number(flat.get(kind, 0))
    return False, None


def rate_of(card: Any, kind: str) -> float | None:
    return _per_kind(card, kind, "rate")[1]


def count_of(card: Any, kind: str) -> float | None:
    return _per_kind(card, kind, "count")[1]


def metric_of(card: Any, name: str) -> tuple[bool, float | None]:
    """(the scorecard has this metric at all, its value or None when not applicable).

    Raises GateInputError when the field exists but is not a number (e.g. a table).
    """
    has = name in card if isinstance(card, Mapping) else hasattr(card, name)
    if not has:
        return False, None
    raw = _get(card, name)
    value = _number(raw)
    if value is None and raw is not None:
        raise GateInputError(f"metric {name!r}", "is not a number in the scorecards")
    return True, value


def actual_value(card: Any, t: Threshold) -> tuple[bool, float | None]:
    if t.rule == "min_score":
        value = score_of(card)
        return value is not None, value
    if t.rule == "max_rate":
        return _per_kind(card, t.subject, "rate")
    if t.rule == "max_count":
        return _per_kind(card, t.subject, "count")
    return metric_of(card, t.subject)


# --- evaluation --------------------------------------------------------------------------------


def evaluate(scorecards: Mapping[str, Any], thresholds: Iterable[Threshold]) -> GateResult:
    """Judge every threshold against every model it names; pure, no I/O.

    Raises GateInputError for no thresholds, no scorecards, an unknown model, or a
    metric the scorecards do not carry.
    """
    thresholds = list(thresholds)
    if not thresholds:
        raise GateInputError(
            "",
            "no thresholds: give --min-score, --max-rate, --max-count, --min or --max, "
            "or set [tool.harness.gate]",
        )
    if not scorecards:
        raise GateInputError("", "the run has no scorecards")
    models = sorted(scorecards)
    checks: list[Check] = []
    for t in thresholds:
        if t.model != ALL and t.model not in scorecards:
            raise GateInputError(
                t.origin, f"unknown model {t.model!r} (models in this run: {', '.join(models)})"
            )
        targets = models if t.model == ALL else [t.model]
        found_any = False
        for model in targets:
            found, value = actual_value(scorecards[model], t)
            found_any = found_any or found
            checks.append(Check(t, model, value if found else None))
        if not found_any:
            what = (
                "a headline score"
                if t.rule == "min_score"
                else f"{t.rule[4:]} per kind"
                if t.rule in ("max_rate", "max_count")
                else f"a metric {t.subject!r}"
            )
            raise GateInputError(t.origin, f"the scorecards have no {what}")
    return GateResult(tuple(checks))
