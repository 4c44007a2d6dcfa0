"""`harness run` on the command line: exit codes, one-line errors, outputs, lazy imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from harness.cli import main


def test_baselines_and_reference_with_the_real_scorer(
    mini_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "run"
    junit = tmp_path / "junit.xml"
    code = main(
        [
            "run",
            "--goldset",
            str(mini_dir),
            "--model",
            "baseline:lead",
            "--model",
            "human:reference",
            "--out",
            str(out),
            "--cache-dir",
            str(tmp_path / "c"),
            "--no-progress",
            "--junit",
            str(junit),
        ]
    )
    assert code == 0
    printed = capsys.readouterr().out
    assert f"run {out}" in printed and "baseline:lead" in printed and "human:reference" in printed
    names = sorted(p.name for p in out.iterdir())
    assert names == ["findings.jsonl", "leaderboard.md", "manifest.json", "scorecards", "summaries.jsonl"]
    lead = json.loads((out / "scorecards" / "baseline_lead.json").read_text())
    assert lead["summaries"] == 3 and lead["failures"] == 0 and lead["key_claims"] >= 1
    human = json.loads((out / "scorecards" / "human_reference.json").read_text())
    assert human["failures"] == 1  # single-beta ships no reference: recorded, not dropped
    assert junit.read_text().startswith("<?xml")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--model", "lead"], "harness: error: --model 'lead': not a model spec"),
        (["--task", "nope", "--model", "baseline:lead"], "harness: error: --task 'nope': unknown task"),
        (["--model", "file:missing.csv"], "file not found: missing.csv"),
        (
            ["--model", "baseline:lead", "--file-text-column", "body", "--model", "nope:x"],
            "unknown summarizer kind",
        ),
        (["--samples", "0"], "--samples: must be greater than 0"),
    ],
)
def test_user_errors_exit_2_with_one_line(
    mini_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code = main(["run", "--goldset", str(mini_dir), "--out", str(tmp_path / "r"), *argv])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and err.count("\n") == 1


def test_missing_goldset_and_bad_resume(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--goldset", str(tmp_path / "nope"), "--model", "baseline:lead"]) == 2
    assert "not a gold-set folder" in capsys.readouterr().err
    assert main(["run", "--resume", str(tmp_path)]) == 2
    assert "no manifest: not a run folder" in capsys.readouterr().err


def test_resume_reuses_recorded_settings(
    mini_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "run"
    args = ["--goldset", str(mini_dir), "--model", "baseline:centroid", "--task", "brief", "--no-progress"]
    assert main(["run", *args, "--out", str(out), "--cache-dir", str(tmp_path / "c")]) == 0
    before = (out / "summaries.jsonl").read_text()
    assert main(["run", "--resume", str(out), "--cache-dir", str(tmp_path / "c"), "--no-progress"]) == 0
    assert (out / "summaries.jsonl").read_text() == before  # nothing asked again
    assert "baseline:centroid" in capsys.readouterr().out
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["tasks"] == ["brief"] and manifest["counts"]["resumed"] == 1


def test_cli_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys, harness.cli; harness.cli.build_parser(); "
        "print(sorted(m for m in ('openai', 'datasets', 'llama_cpp') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
