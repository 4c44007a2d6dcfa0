"""JUnit XML: one test case per summary, failing on error findings, with the findings as text."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from harness.findings import CheckReport, SummaryResult, make_finding
from harness.report.junit import JUnitCase, JUnitSuite, junit_xml, write_junit


def test_one_case_per_summary_failing_on_errors(
    check_sample: tuple[CheckReport, dict[str, str]], tmp_path: Path
) -> None:
    report, _ = check_sample
    info_only = SummaryResult(
        path="briefs/info.md",
        findings=[make_finding("unattributed_quote", 0, 4, '"Hi" said', "Quote without a speaker.")],
    )
    path = tmp_path / "out" / "junit.xml"
    write_junit(path, "harness check", [*report.summaries, info_only])
    root = ET.parse(path).getroot()
    assert root.tag == "testsuites" and root.get("tests") == "3" and root.get("failures") == "1"
    suite = root.find("testsuite")
    assert suite is not None and suite.get("name") == "harness check" and suite.get("failures") == "1"
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert set(cases) == {"briefs/good.md [brief]", "briefs/bad.md [brief]", "briefs/info.md"}
    assert cases["briefs/good.md [brief]"].find("failure") is None
    failure = cases["briefs/bad.md [brief]"].find("failure")
    assert failure is not None
    assert failure.get("message") == (
        "6 error finding(s): altered_quote, invented_quote, misattributed_quote, number_mismatch, "
        "wrong_affiliation"
    )
    text = failure.text or ""
    assert "[error] Number mismatch at" in text and "'50%': The sources give less than 20%, not 50%." in text
    assert "evidence alpha[" in text and "'less than 20%'" in text
    assert "[warning] Unknown entity" in text  # non-failing findings are listed too
    info = cases["briefs/info.md"]
    assert info.find("failure") is None
    assert "[info] Unattributed quote" in (info.findtext("system-out") or "")


def test_xml_is_escaped_cleaned_and_deterministic() -> None:
    case = JUnitCase('a<b>&"c"\x01', "k", "m<\x02>", "t</failure>&\x0b")
    xml = junit_xml([JUnitSuite("s]]>", [case])])
    root = ET.fromstring(xml)
    tc = root.find("testsuite/testcase")
    assert tc is not None and tc.get("name") == 'a<b>&"c"\ufffd'
    failure = tc.find("failure")
    assert (
        failure is not None and failure.text == "t</failure>&\ufffd" and failure.get("message") == "m<\ufffd>"
    )
    assert xml == junit_xml([JUnitSuite("s]]>", [case])])
    assert "timestamp" not in xml and "hostname" not in xml
