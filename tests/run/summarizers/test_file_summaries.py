"""file:<path>: summaries from JSONL, CSV or Parquet, read with `datasets`, columns mapped by flags."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import fake_check

from harness.config import FileColumns
from harness.errors import HarnessError
from harness.run.records import read_summaries
from harness.run.runner import RunSettings, run
from harness.run.summarizers.base import RunOptions

ROWS = [
    {"system": "acme", "task_id": "brief", "summary": 'Tang Jie said "The gap may actually be widening".'},
    {"system": "acme", "task_id": "single-alpha", "summary": 'Lin said the chance is "less than 20%".'},
    {"system": "other", "task_id": "single-alpha", "summary": "Not ours."},
]
COLUMNS = FileColumns(text="summary", task="task_id", model="system", model_value="acme")


def write(path: Path, rows: list[dict[str, str]]) -> Path:
    if path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    elif path.suffix == ".csv":
        import csv

        with open(path, "w", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    else:
        pq.write_table(pa.Table.from_pylist(rows), path)
    return path


def go(mini_dir: Path, tmp_path: Path, path: Path, columns: FileColumns = COLUMNS):  # type: ignore[no-untyped-def]
    return run(
        RunSettings(
            goldset=mini_dir,
            models=[f"file:{path}"],
            run_dir=tmp_path / "run",
            cache_dir=tmp_path / "cache",
            progress=False,
            options=RunOptions(file_columns=columns),
        ),
        fake_check,
    )


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_reads_each_format(
    mini_dir: Path, tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))  # anything written to the HF cache would land here
    path = write(tmp_path / f"summaries{suffix}", ROWS)
    out = go(mini_dir, tmp_path, path)
    records = {r.task: r for r in read_summaries(out.run_dir / "summaries.jsonl")}
    assert records["brief"].text == ROWS[0]["summary"]
    assert records["single-alpha"].text == ROWS[1]["summary"]  # the other system's row is skipped
    assert "no row for task 'single-beta'" in (records["single-beta"].error or "")
    assert not (tmp_path / "hf").exists()
    card = out.scorecards[0]
    assert (card.summaries, card.failures, card.quote_precision) == (3, 1, 1.0)


def test_several_rows_for_a_task_are_samples(mini_dir: Path, tmp_path: Path) -> None:
    rows = [{"task": "brief", "text": "one"}, {"task": "brief", "text": "two"}]
    out = go(mini_dir, tmp_path, write(tmp_path / "s.jsonl", rows), FileColumns())
    texts = sorted(r.text or "" for r in read_summaries(out.run_dir / "summaries.jsonl") if r.task == "brief")
    assert texts == ["one", "two"]


@pytest.mark.parametrize(
    ("rows", "columns", "message"),
    [
        (
            ROWS,
            FileColumns(),
            "no column 'text' (columns: system, task_id, summary); map it with --file-text-column",
        ),
        ([{"task": "nope", "text": "x"}], FileColumns(), "row 1: task: unknown task 'nope'"),
    ],
)
def test_bad_mapping_and_unknown_task(
    mini_dir: Path, tmp_path: Path, rows: list[dict[str, str]], columns: FileColumns, message: str
) -> None:
    with pytest.raises(HarnessError) as err:
        go(mini_dir, tmp_path, write(tmp_path / "s.jsonl", rows), columns)
    assert message in str(err.value)


def test_unknown_file_type(mini_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_text("x")
    with pytest.raises(HarnessError, match="unknown file type"):
        go(mini_dir, tmp_path, path)
