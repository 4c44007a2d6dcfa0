"""Shared fixtures: the bundled gold set, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDSET_DIR = ROOT / "goldsets" / "china-ai-gap-2026"


@pytest.fixture(scope="session")
def goldset_dir() -> Path:
    return GOLDSET_DIR


@pytest.fixture(scope="session")
def goldset():  # type: ignore[no-untyped-def]
    from harness.goldset import load_goldset

    return load_goldset(GOLDSET_DIR)
