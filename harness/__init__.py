"""Faithfulness harness: check summaries against a gold set of source-anchored facts.

Public API (imported lazily so `harness` starts fast):
    load_goldset(folder) -> GoldSet
    check(text, goldset, task=None) -> SummaryResult
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_LAZY = {
    "load_goldset": "harness.goldset.load",
    "validate_goldset": "harness.goldset.load",
    "GoldSet": "harness.goldset.model",
    "Finding": "harness.findings",
    "SummaryResult": "harness.findings",
    "CheckReport": "harness.findings",
    "HarnessError": "harness.errors",
    "check": "harness.scorers",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'harness' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
