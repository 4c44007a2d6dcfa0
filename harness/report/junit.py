"""JUnit XML for CI dashboards: one test case per summary, findings as failure messages.

A summary fails when it has an error-severity finding; its warnings and info
findings are listed in the failure text too, and in <system-out> when it passes.
Output is deterministic (no timestamps, no host names).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from harness.findings import Finding, SummaryResult
from harness.report.common import kind_label, sorted_findings

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    """Drop characters XML 1.0 cannot carry at all (escaping is left to ElementTree)."""
    return _ILLEGAL_XML.sub("\ufffd", text)


@dataclass
class JUnitCase:
    name: str
    classname: str
    failure_message: str | None = None  # None: passed
    failure_text: str = ""
    system_out: str = ""


@dataclass
class JUnitSuite:
    name: str
    cases: list[JUnitCase] = field(default_factory=list)


def finding_line(f: Finding) -> str:
    """One line for a finding: severity, kind, where, what, and the evidence."""
    line = f"[{f.severity}] {kind_label(f.kind)} at {f.start}-{f.end} {f.text!r}: {f.message}"
    for ev in f.evidence:
        line += f"\n    evidence {ev.source}[{ev.start}:{ev.end}]: {ev.text!r}"
    if not f.evidence and f.severity == "error":
        line += "\n    no source text supports it"
    return line


def summary_case(result: SummaryResult, classname: str, fail_on_errors: bool = True) -> JUnitCase:
    """A summary's test case; with `fail_on_errors` False its findings are only listed
    (the gate judges thresholds over all summaries, not each summary)."""
    findings = sorted_findings(result.findings)
    errors = [f for f in findings if f.severity == "error"]
    text = "\n".join(finding_line(f) for f in findings)
    name = result.path if not result.task else f"{result.path} [{result.task}]"
    if errors and fail_on_errors:
        kinds = sorted({f.kind for f in errors})
        message = f"{len(errors)} error finding(s): {', '.join(kinds)}"
        return JUnitCase(name, classname, message, text)
    return JUnitCase(name, classname, None, "", text)


def results_suite(
    suite_name: str, results: Sequence[SummaryResult], fail_on_errors: bool = True
) -> JUnitSuite:
    return JUnitSuite(suite_name, [summary_case(r, suite_name, fail_on_errors) for r in results])


def junit_xml(suites: Sequence[JUnitSuite]) -> str:
    root = ET.Element("testsuites")
    total = failures = 0
    for suite in suites:
        s_fail = sum(1 for c in suite.cases if c.failure_message is not None)
        total += len(suite.cases)
        failures += s_fail
        el = ET.SubElement(
            root,
            "testsuite",
            name=clean(suite.name),
            tests=str(len(suite.cases)),
            failures=str(s_fail),
            errors="0",
            skipped="0",
            time="0",
        )
        for case in suite.cases:
            c = ET.SubElement(
                el, "testcase", name=clean(case.name), classname=clean(case.classname), time="0"
            )
            if case.failure_message is not None:
                fail = ET.SubElement(c, "failure", message=clean(case.failure_message), type="faithfulness")
                fail.text = clean(case.failure_text)
            if case.system_out:
                ET.SubElement(c, "system-out").text = clean(case.system_out)
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write_suites(path: str | Path, suites: Sequence[JUnitSuite]) -> None:
    out = Path(path)
    if out.parent and not out.parent.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(junit_xml(suites), encoding="utf-8")


def write_junit(path: str | Path, suite_name: str, results: list[SummaryResult]) -> None:
    """Write JUnit XML with one test case per summary (failed when it has error findings)."""
    write_suites(path, [results_suite(suite_name, results)])
