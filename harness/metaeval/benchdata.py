"""Where the external labelled data lives (never inside the repository)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

ENV_VAR = "HARNESS_BENCHDATA"
REPO_ROOT = Path(__file__).resolve().parent.parent.parent


def benchdata_dir() -> Path:
    """`$HARNESS_BENCHDATA`, else `../shared/benchdata` next to the repository root."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    return REPO_ROOT.parent / "shared" / "benchdata"


def default_data_path(dataset: str) -> Path:
    """The usual location of a dataset's copy under the benchdata folder."""
    base = benchdata_dir()
    if dataset == "frank":
        return base / "frank"
    if dataset == "summedits":
        return base / "summedits" / "summedits_news.json"
    raise ValueError(f"unknown dataset {dataset!r}")


def load_json_records(path: Path) -> list[dict[str, Any]]:
    """Rows of a local JSON file (a list of objects) through `datasets`, offline.

    `datasets` is imported here, not at module level, so the CLI starts fast;
    HF_DATASETS_OFFLINE keeps it from ever reaching the network.
    """
    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import datasets

    datasets.disable_progress_bars()
    datasets.logging.set_verbosity_error()
    ds = datasets.load_dataset("json", data_files=str(path), split="train")
    return [dict(row) for row in ds]
