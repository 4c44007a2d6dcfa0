"""`[tool.harness]` settings from the user's pyproject.toml.

`load_config(start_dir)` walks up from `start_dir` to the nearest
`pyproject.toml` and reads its `[tool.harness]` table. Command-line flags
override these values; these override the built-in defaults. The
`[tool.harness.gate]` table is kept as a plain dict for `harness gate`.

    [tool.harness]
    goldset = "goldsets/china-ai-gap-2026"
    models = ["human:reference", "baseline:lead", "local:smollm2"]
    out = "results"
    samples = 1
    concurrency = 4          # requests in flight per openai: model
    timeout = 120            # seconds per request
    max_retries = 3
    temperature = 0.0
    seed = 0
    max_tokens = 400
    cache_dir = ".harness-cache"
    api_key_env = "OPENAI_API_KEY"

    [tool.harness.file]      # column mapping for file: models
    text = "text"
    task = "task"

    [tool.harness.gate]      # read by `harness gate`
    min_score = 60
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from harness.errors import HarnessError, field_path

DEFAULT_MODELS = ("human:reference", "baseline:lead", "local:smollm2")
DEFAULT_GOLDSET = "goldsets/china-ai-gap-2026"


class FileColumns(BaseModel):
    """Which columns of a `file:` table hold what."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(default="text", description="Column with the summary text.")
    task: str = Field(default="task", description="Column naming the gold-set task id.")
    model: str | None = Field(
        default=None, description="Optional column naming the system; rows of other systems are skipped."
    )
    model_value: str | None = Field(
        default=None, description="Keep only rows whose model column equals this."
    )


class HarnessConfig(BaseModel):
    """The `[tool.harness]` table, with defaults filled in."""

    model_config = ConfigDict(extra="forbid")

    goldset: str = DEFAULT_GOLDSET
    models: list[str] = Field(default_factory=lambda: list(DEFAULT_MODELS))
    tasks: list[str] = Field(default_factory=list, description="Empty: every task of the gold set.")
    out: str = "results"
    samples: int = Field(default=1, ge=1)
    concurrency: int = Field(default=4, ge=1)
    timeout: float = Field(default=120.0, gt=0)
    max_retries: int = Field(default=3, ge=0)
    temperature: float = Field(default=0.0, ge=0)
    seed: int | None = 0
    max_tokens: int = Field(default=400, gt=0)
    cache_dir: str = ".harness-cache"
    api_key_env: str = "OPENAI_API_KEY"
    file: FileColumns = Field(default_factory=FileColumns)
    gate: dict[str, Any] = Field(default_factory=dict)
    source: str | None = Field(default=None, description="pyproject.toml this was read from, if any.")
    root: str = Field(default=".", description="Folder relative paths in the table are taken from.")

    def resolve(self, path: str) -> Path:
        """A path from the config, taken relative to the pyproject.toml's folder."""
        p = Path(path)
        return p if p.is_absolute() else Path(self.root) / p


def find_pyproject(start_dir: str | Path) -> Path | None:
    """The nearest pyproject.toml in start_dir or above it."""
    here = Path(start_dir).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(start_dir: str | Path = ".") -> HarnessConfig:
    """Read `[tool.harness]` from the nearest pyproject.toml; defaults when there is none."""
    path = find_pyproject(start_dir)
    if path is None:
        return HarnessConfig(root=str(Path(start_dir).resolve()))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise HarnessError(str(path), f"invalid TOML: {exc}") from None
    table = data.get("tool", {}).get("harness", {})
    if not isinstance(table, dict):
        raise HarnessError(f"{path}: tool.harness", "must be a table")
    try:
        return HarnessConfig.model_validate({**table, "source": str(path), "root": str(path.parent)})
    except ValidationError as exc:
        err = exc.errors()[0]
        where = field_path(err["loc"])
        msg = "unknown setting" if err["type"] == "extra_forbidden" else str(err["msg"])
        raise HarnessError(f"{path}: tool.harness.{where}", msg) from None
