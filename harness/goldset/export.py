"""The resolved gold set as plain JSON (`harness goldset export`)."""

from __future__ import annotations

from typing import Any

from harness.goldset.model import GoldSet

EXPORT_VERSION = 1


def export_goldset(goldset: GoldSet) -> dict[str, Any]:
    """Stable, JSON-ready dict of the resolved gold set (offsets into sources as read)."""
    data = goldset.model_dump(mode="json")
    data = {"schema_version": EXPORT_VERSION, **data}
    for task in data["tasks"]:
        task["has_reference"] = task.pop("reference") is not None
    return data
