"""`file:<path>`: summaries written elsewhere, from JSONL, CSV or Parquet.

Loaded with `datasets` (imported lazily, offline: no hub calls). Columns are
mapped by `--file-text-column` / `--file-task-column` (default `text` and
`task`), optionally filtered by `--file-model-column` + `--file-model-value`.
Each row names its task; several rows for one task are several samples.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from harness.errors import HarnessError
from harness.goldset.model import GoldSet, Task
from harness.run.summarizers.base import ModelSpec, Output, Request, RunOptions, Summarizer, SummaryFailed

FORMATS = {".jsonl": "json", ".json": "json", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}


def load_rows(path: Path) -> tuple[list[str], list[dict[str, Any]]]:
    """(column names, rows) of a JSONL/CSV/Parquet file, read with `datasets`, offline."""
    builder = FORMATS.get(path.suffix.lower())
    if builder is None:
        raise HarnessError(str(path), f"unknown file type {path.suffix!r} (use .jsonl, .csv or .parquet)")
    os.environ["HF_DATASETS_OFFLINE"] = "1"  # never the hub: local files only
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ.setdefault("HF_DATASETS_DISABLE_PROGRESS_BARS", "1")
    import datasets  # lazy: slow to import

    datasets.disable_progress_bars()
    datasets.logging.set_verbosity_error()
    # A private, throw-away cache: no stale Arrow copies of a file that changed, nothing left behind.
    with tempfile.TemporaryDirectory(prefix="harness-datasets-") as cache_dir:
        try:
            table = datasets.load_dataset(
                builder, data_files=str(path), split="train", cache_dir=cache_dir, keep_in_memory=True
            )
        except Exception as exc:  # datasets raises many types for unreadable input
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise HarnessError(str(path), f"cannot read as {path.suffix.lstrip('.')}: {first}") from None
        return list(table.column_names), [dict(row) for row in table]


class FileSummaries(Summarizer):
    def __init__(self, spec: ModelSpec, options: RunOptions) -> None:
        super().__init__(spec, options)
        self.path = Path(spec.arg).expanduser()
        if not self.path.is_file():
            raise HarnessError(f"--model {spec.raw!r}", f"file not found: {self.path}")
        self.rows: dict[str, list[str]] = {}
        self._loaded = False

    def params(self) -> dict[str, Any]:
        cols = self.options.file_columns
        return {"path": str(self.path), **cols.model_dump(exclude_none=True)}

    def prepare(self, goldset: GoldSet) -> None:
        self.load(set(goldset.task_by_id))

    def load(self, known_tasks: set[str]) -> None:
        """Read the file and group texts by task; raise HarnessError on bad columns or tasks."""
        cols = self.options.file_columns
        names, rows = load_rows(self.path)
        for flag, column in (("--file-text-column", cols.text), ("--file-task-column", cols.task)) + (
            (("--file-model-column", cols.model),) if cols.model else ()
        ):
            if column not in names:
                raise HarnessError(
                    str(self.path), f"no column {column!r} (columns: {', '.join(names)}); map it with {flag}"
                )
        grouped: dict[str, list[str]] = defaultdict(list)
        for i, row in enumerate(rows, 1):
            if cols.model and cols.model_value is not None and str(row[cols.model]) != cols.model_value:
                continue
            task = row[cols.task]
            if task not in known_tasks:
                raise HarnessError(
                    f"{self.path}: row {i}: {cols.task}",
                    f"unknown task {task!r} (gold set tasks: {', '.join(sorted(known_tasks))})",
                )
            text = row[cols.text]
            grouped[str(task)].append("" if text is None else str(text))
        self.rows = dict(grouped)
        self._loaded = True

    def samples_for(self, task: Task, requested: int) -> int:
        return max(1, len(self.rows.get(task.id, ())))

    async def summarize(self, request: Request) -> Output:
        if not self._loaded:
            await asyncio.to_thread(self.load, set(request.goldset.task_by_id))
        texts = self.rows.get(request.task.id, [])
        if request.sample >= len(texts):
            raise SummaryFailed(f"{self.path} has no row for task {request.task.id!r}")
        return Output(text=texts[request.sample].strip())


def factory(spec: ModelSpec, options: RunOptions) -> Summarizer:
    return FileSummaries(spec, options)
