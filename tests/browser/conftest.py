"""Fixtures for browser tests: the mini gold set, a sample check report, the sample run folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
if str(FIXTURES) not in sys.path:
    sys.path.insert(0, str(FIXTURES))

import report_samples  # noqa: E402

from harness.findings import CheckReport  # noqa: E402
from harness.goldset import GoldSet, load_goldset  # noqa: E402


@pytest.fixture(scope="session")
def mini_goldset() -> GoldSet:
    return load_goldset(report_samples.GOLDSET_DIR)


@pytest.fixture
def check_sample(mini_goldset: GoldSet) -> tuple[CheckReport, dict[str, str]]:
    return report_samples.sample_check_report(mini_goldset)


@pytest.fixture
def run_dir(tmp_path: Path) -> Path:
    """A fresh copy of the sample run (the gold set named by absolute path)."""
    return report_samples.write_run_dir(tmp_path / "run", goldset_ref=str(report_samples.GOLDSET_DIR))
