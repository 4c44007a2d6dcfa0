"""summaries.jsonl: whole-line appends; a torn last line is dropped and truncated away."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.errors import HarnessError
from harness.run.records import JsonlAppender, SummaryRecord, latest, read_summaries


def rec(task: str, text: str | None = "x", error: str | None = None) -> SummaryRecord:
    return SummaryRecord(model="baseline:lead", task=task, sample=0, text=text, error=error)


def test_append_read_and_repair_torn_line(tmp_path: Path) -> None:
    path = tmp_path / "summaries.jsonl"
    w = JsonlAppender(path)
    w.append(rec("a"))
    w.append(rec("b"))
    w.close()
    whole = path.read_bytes()
    path.write_bytes(whole + b'{"schema_version":1,"model":"baseline:lead","ta')
    assert [r.task for r in read_summaries(path)] == ["a", "b"]
    assert path.read_bytes() != whole  # without repair the file is left alone
    read_summaries(path, repair=True)
    assert path.read_bytes() == whole
    w = JsonlAppender(path)
    w.append(rec("c"))
    w.close()
    assert [r.task for r in read_summaries(path)] == ["a", "b", "c"]


def test_damaged_final_line_with_newline_is_dropped_but_a_damaged_middle_line_is_an_error(
    tmp_path: Path,
) -> None:
    path = tmp_path / "summaries.jsonl"
    good = rec("a").model_dump_json() + "\n"
    path.write_text(good + "{not json\n")
    assert len(read_summaries(path, repair=True)) == 1
    assert path.read_text() == good
    path.write_text(good + "{not json\n" + good)
    with pytest.raises(HarnessError, match="line 2"):
        read_summaries(path)


def test_latest_record_wins() -> None:
    failed, ok = rec("a", text=None, error="HTTP 500"), rec("a", text="fine")
    assert latest([failed, ok])[("baseline:lead", "a", 0)] is ok
