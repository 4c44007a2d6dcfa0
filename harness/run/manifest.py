"""`manifest.json`: what a run was (versions, gold set, models, settings) and when.

The only run file with times in it. Written when a run starts (status
`running`) and rewritten when it ends (`complete`, or `interrupted`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from harness.errors import HarnessError
from harness.run.records import write_atomic

MANIFEST_SCHEMA_VERSION: Literal[1] = 1


class GoldSetRef(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    path: str
    content_hash: str


class ModelEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    spec: str
    kind: str
    params: dict[str, Any] = Field(default_factory=dict)
    status: Literal["pending", "done", "skipped"] = "pending"
    reason: str | None = Field(default=None, description="Why it was skipped.")
    requests: int = Field(default=0, description="Requests sent to its endpoint in this run.")


class Counts(BaseModel):
    model_config = ConfigDict(extra="forbid")

    summaries: int = 0
    failures: int = 0
    cache_hits: int = 0
    resumed: int = Field(default=0, description="Summaries already on disk when this run started.")


class Manifest(BaseModel):
    """A run's manifest."""

    model_config = ConfigDict(extra="forbid")

    schema_version: Literal[1] = MANIFEST_SCHEMA_VERSION
    run_id: str
    harness_version: str
    status: Literal["running", "complete", "interrupted"]
    goldset: GoldSetRef
    tasks: list[str]
    models: list[ModelEntry]
    samples: int
    settings: dict[str, Any] = Field(description="Run settings (cache, concurrency, timeouts, retries).")
    started_at: str = Field(description="UTC, ISO 8601.")
    finished_at: str | None = None
    wall_seconds: float | None = None
    counts: Counts = Field(default_factory=Counts)
    platform: dict[str, str] = Field(default_factory=dict)


def write_manifest(manifest: Manifest, path: Path) -> None:
    data = manifest.model_dump(mode="json")
    data = {"schema_version": data.pop("schema_version"), **data}
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def read_manifest(path: Path) -> Manifest:
    try:
        return Manifest.model_validate_json(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise HarnessError(str(path), "no manifest: not a run folder") from None
    except ValidationError as exc:
        raise HarnessError(str(path), f"not a run manifest: {exc.errors()[0]['msg']}") from None
