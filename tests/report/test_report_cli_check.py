"""`harness check --format markdown|html --junit PATH` with the real scorers on the mini gold set."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from htmlscan import Scan
from report_samples import BAD, GOLDSET_DIR, GOOD

from harness.cli import main


@pytest.fixture
def briefs(tmp_path: Path) -> tuple[Path, Path]:
    good, bad = tmp_path / "good.md", tmp_path / "bad.md"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_text(BAD, encoding="utf-8")
    return good, bad


def test_check_markdown_and_junit(
    briefs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, bad = briefs
    junit = tmp_path / "junit.xml"
    code = main(["check", str(good), str(bad), "--goldset", str(GOLDSET_DIR), "--task", "brief",
                 "--format", "markdown", "--junit", str(junit)])  # fmt: skip
    assert code == 1  # the bad brief has errors
    out = capsys.readouterr().out
    assert out.startswith("## Faithfulness check: 2 summaries")
    assert f"| ✅ | {good} | brief | 0 |" in out.replace("\\_", "_")
    assert "**Invented quote** “a 50% chance of overtaking the US by 2027”" in out
    root = ET.parse(junit).getroot()
    cases = root.findall("testsuite/testcase")
    assert [c.get("name") for c in cases] == [f"{good} [brief]", f"{bad} [brief]"]
    assert cases[0].find("failure") is None
    failure = cases[1].find("failure")
    assert failure is not None and "invented_quote" in str(failure.get("message"))
    assert "a 50% chance of overtaking the US by 2027" in (failure.text or "")


def test_check_html_report_file(briefs: tuple[Path, Path], tmp_path: Path) -> None:
    _, bad = briefs
    out = tmp_path / "report.html"
    code = main(["check", str(bad), "--goldset", str(GOLDSET_DIR), "--task", "brief", "--format", "html",
                 "-o", str(out)])  # fmt: skip
    assert code == 1
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'class="hl sev-error' in page
    assert "&lt;script&gt;window.__pwned=" in page and "<script>window.__pwned" not in page
    assert len(Scan(page).find("script")) == 2
