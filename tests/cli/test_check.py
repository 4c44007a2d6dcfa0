"""`harness check`: exit codes, formats, offsets, and one-line errors for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from harness.cli import main

ROOT = Path(__file__).resolve().parents[2]
GOLDSET = str(ROOT / "goldsets" / "china-ai-gap-2026")
BAD = 'Tang Jie of Alibaba said "the gap is widening fast".\r\nZhipu raised HK$5 billion.\n'


@pytest.fixture
def bad_brief(tmp_path: Path) -> Path:
    p = tmp_path / "bad.md"
    p.write_bytes(BAD.encode())
    return p


def test_clean_brief_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    ref = str(ROOT / "goldsets" / "china-ai-gap-2026" / "references" / "brief.md")
    assert main(["check", ref, "--goldset", GOLDSET, "--task", "brief"]) == 0
    assert "0 error(s)" in capsys.readouterr().out


def test_errors_exit_1_and_text_names_evidence(bad_brief: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(bad_brief), "--goldset", GOLDSET]) == 1
    out = capsys.readouterr().out
    assert "wrong_affiliation" in out and "[Alibaba]" in out
    assert "source s001@" in out  # evidence with source id and excerpt


def test_json_matches_schema_and_offsets(bad_brief: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(bad_brief), "--goldset", GOLDSET, "--format", "json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    schema = json.loads((ROOT / "schemas" / "check.schema.json").read_text())
    jsonschema.validate(doc, schema)
    assert doc["scorer"] == "harness.scorers.v1" and doc["schema_version"] == 1
    (summary,) = doc["summaries"]
    kinds = {f["kind"] for f in summary["findings"]}
    assert {"wrong_affiliation", "altered_quote", "number_mismatch"} <= kinds
    for f in summary["findings"]:
        assert BAD[f["start"] : f["end"]] == f["text"]  # offsets into the file as read (CRLF kept)
    assert summary["stats"]["wrong_affiliation"] == 1


def test_json_is_byte_identical_across_runs(bad_brief: Path, tmp_path: Path) -> None:
    outs = []
    for i in range(2):
        out = tmp_path / f"r{i}.json"
        assert main(["check", str(bad_brief), "--goldset", GOLDSET, "--format", "json", "-o", str(out)]) == 1
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    class FakeStdin:
        buffer = __import__("io").BytesIO(b'Yao Shunyu said "the gap may actually be widening."')

    monkeypatch.setattr(sys, "stdin", FakeStdin)
    assert main(["check", "-", "--goldset", GOLDSET, "--format", "json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["summaries"][0]["path"] == "-"
    assert doc["summaries"][0]["findings"][0]["kind"] == "misattributed_quote"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.md"], "missing.md: file not found"),
        (["NONUTF8"], "not valid UTF-8 (byte 0xff at offset 3)"),
        (["OK", "--task", "nope"], "--task: unknown task 'nope'"),
        (["OK", "--goldset", "/nonexistent"], "/nonexistent: not a gold-set folder"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    (tmp_path / "bad.txt").write_bytes(b"abc\xff")
    (tmp_path / "ok.txt").write_text("fine")
    args = [
        str(tmp_path / "bad.txt") if a == "NONUTF8" else str(tmp_path / "ok.txt") if a == "OK" else a
        for a in args
    ]
    if "--goldset" not in args:
        args += ["--goldset", GOLDSET]
    assert main(["check", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("harness: error: ") and message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_html_format(bad_brief: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(bad_brief), "--goldset", GOLDSET, "--format", "html"]) == 1
    assert "<html" in capsys.readouterr().out


def test_check_path_stays_light_and_fast() -> None:
    code = (
        f"import sys; from harness.cli import main; main(['check', '-', '--goldset', {GOLDSET!r}]); "
        "bad = [m for m in ('datasets', 'openai', 'tqdm') if m in sys.modules]; print('HEAVY', bad)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], input=b"Lin said hello.", capture_output=True, check=False, timeout=30
    )
    assert b"HEAVY []" in out.stdout, out.stdout + out.stderr
