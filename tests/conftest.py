"""Shared fixtures: the bundled gold set, and the report samples (mini gold set, runs)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDSET_DIR = ROOT / "goldsets" / "china-ai-gap-2026"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
if str(FIXTURES) not in sys.path:
    sys.path.insert(0, str(FIXTURES))  # report tests import `report_samples` from here


@pytest.fixture(scope="session")
def goldset_dir() -> Path:
    return GOLDSET_DIR


@pytest.fixture(scope="session")
def goldset():  # type: ignore[no-untyped-def]
    from harness.goldset import load_goldset

    return load_goldset(GOLDSET_DIR)


@pytest.fixture(scope="session")
def mini_goldset():  # type: ignore[no-untyped-def]
    """The small gold set the report and browser tests render (with injection bait)."""
    import report_samples

    from harness.goldset import load_goldset

    return load_goldset(report_samples.GOLDSET_DIR)


@pytest.fixture
def check_sample(mini_goldset):  # type: ignore[no-untyped-def]
    import report_samples

    return report_samples.sample_check_report(mini_goldset)


@pytest.fixture
def run_dir(tmp_path: Path) -> Path:
    """A fresh copy of the sample run (the gold set named by absolute path)."""
    import report_samples

    return report_samples.write_run_dir(tmp_path / "run", goldset_ref=str(report_samples.GOLDSET_DIR))
