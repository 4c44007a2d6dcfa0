"""The run's JSONL files: `summaries.jsonl` and `findings.jsonl`.

Each line is one JSON object whose first key is `schema_version`.
`summaries.jsonl` grows by whole-line appends, each flushed and fsynced
before the next summary is asked for; a reader drops (and truncates away) a
torn last line left by a killed run. A later record for the same item
(model, task, sample) replaces an earlier one: a resumed run re-asks failed
items and appends their new outcome.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from harness.errors import HarnessError
from harness.findings import SummaryResult

RECORD_SCHEMA_VERSION: Literal[1] = 1


class Usage(BaseModel):
    model_config = ConfigDict(extra="forbid")

    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    total_tokens: int | None = None


class SummaryRecord(BaseModel):
    """One line of summaries.jsonl: a summary (or the error that stopped it)."""

    model_config = ConfigDict(extra="forbid")

    schema_version: Literal[1] = RECORD_SCHEMA_VERSION
    model: str = Field(description="Model spec string, e.g. baseline:lead.")
    task: str
    sample: int = Field(ge=0)
    text: str | None = Field(description="The summary; null when it failed.")
    error: str | None = Field(default=None, description="Why there is no summary (after retries).")
    prompt_template: str | None = Field(
        default=None, description="Template id, e.g. multi_document_brief.v1."
    )
    prompt_hash: str | None = Field(default=None, description="sha256 of the rendered messages.")
    params: dict[str, Any] = Field(default_factory=dict, description="Generation parameters.")
    latency_s: float | None = Field(default=None, description="Seconds the summary took (as first made).")
    usage: Usage | None = None
    attempts: int = Field(default=1, description="Requests made for it (retries included).")
    cached: bool = Field(default=False, description="Served from the disk cache.")
    info: dict[str, Any] = Field(default_factory=dict, description="Kind-specific extras (finish_reason).")

    @property
    def item(self) -> tuple[str, str, int]:
        return (self.model, self.task, self.sample)


class FindingsRecord(BaseModel):
    """One line of findings.jsonl: the scorer's result for one summary."""

    model_config = ConfigDict(extra="forbid")

    schema_version: Literal[1] = RECORD_SCHEMA_VERSION
    model: str
    task: str
    sample: int
    result: SummaryResult


def dump_line(model: BaseModel) -> str:
    """One JSON line, schema_version first."""
    data = model.model_dump(mode="json")
    data = {"schema_version": data.pop("schema_version"), **data}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


class JsonlAppender:
    """Appends whole lines with O_APPEND, flush and fsync each."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def append(self, record: BaseModel) -> None:
        data = dump_line(record).encode()
        written = 0
        while written < len(data):
            written += os.write(self.fd, data[written:])
        os.fsync(self.fd)

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def read_summaries(path: Path, repair: bool = False) -> list[SummaryRecord]:
    """Every whole, valid record; with repair, truncate a torn last line off the file."""
    if not path.exists():
        return []
    raw = path.read_bytes()
    good_end = 0
    records = []
    pos = 0
    lineno = 0
    while pos < len(raw):
        nl = raw.find(b"\n", pos)
        if nl < 0:
            break  # torn last line: no newline
        lineno += 1
        line = raw[pos:nl]
        if line.strip():
            try:
                records.append(SummaryRecord.model_validate_json(line))
            except ValidationError as exc:
                if raw[nl + 1 :].strip():
                    raise HarnessError(
                        f"{path}: line {lineno}", f"not a summary record: {exc.errors()[0]['msg']}"
                    ) from None
                break  # a damaged final line
        pos = nl + 1
        good_end = pos
    if repair and good_end < len(raw):
        with open(path, "r+b") as fh:
            fh.truncate(good_end)
            fh.flush()
            os.fsync(fh.fileno())
    return records


def latest(records: list[SummaryRecord]) -> dict[tuple[str, str, int], SummaryRecord]:
    """The last record for each (model, task, sample)."""
    out: dict[tuple[str, str, int], SummaryRecord] = {}
    for rec in records:
        out[rec.item] = rec
    return out


def write_atomic(path: Path, text: str) -> None:
    """Write a whole file via a temp file + rename."""
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
