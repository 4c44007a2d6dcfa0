"""A run killed with SIGKILL mid-run resumes without repeating work (requests counted at the server)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from conftest import fake_check
from fake_openai import FakeChatServer

from harness.run.records import read_summaries
from harness.run.runner import RunSettings, run
from harness.run.summarizers.base import RunOptions

HERE = Path(__file__).resolve().parent

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    sys.path.insert(0, {here!r})
    from conftest import fake_check
    from harness.run.runner import RunSettings, run
    from harness.run.summarizers.base import RunOptions
    run(RunSettings(goldset=Path({goldset!r}), models=[{spec!r}], samples=4, run_dir=Path({run_dir!r}),
                    cache_dir=Path({cache!r}), use_cache=False, progress=False,
                    options=RunOptions(concurrency=1, timeout=10)), fake_check)
    """
)


def test_sigkill_mid_run_then_resume(mini_dir: Path, tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    with FakeChatServer(latency=0.25) as server:
        spec = f"openai:fake@{server.base_url}"
        code = CHILD.format(
            here=str(HERE),
            goldset=str(mini_dir),
            spec=spec,
            run_dir=str(run_dir),
            cache=str(tmp_path / "cache"),
        )
        child = subprocess.Popen([sys.executable, "-c", code])
        summaries = run_dir / "summaries.jsonl"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if summaries.exists() and summaries.read_bytes().count(b"\n") >= 4:
                break
            time.sleep(0.02)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        assert child.returncode == -signal.SIGKILL
        before = read_summaries(summaries)
        assert 4 <= len(before) < 12
        # a torn last line, as a kill in the middle of a write would leave
        with open(summaries, "ab") as fh:
            fh.write(b'{"schema_version":1,"model":"openai:fake","task":"br')
        posts_before = server.posts

        out = run(
            RunSettings(
                goldset=mini_dir,
                models=[spec],
                samples=4,
                run_dir=run_dir,
                cache_dir=tmp_path / "cache",
                use_cache=False,
                progress=False,
                options=RunOptions(concurrency=1, timeout=10),
            ),
            fake_check,
        )
        asked_again = server.posts - posts_before

    after = read_summaries(summaries)
    assert asked_again == 12 - len(before)  # not one completed summary asked for again
    assert after[: len(before)] == before  # nothing lost or rewritten
    assert len({r.item for r in after}) == len(after) == 12
    assert out.scorecards[0].summaries == 12 and out.scorecards[0].failures == 0
    assert summaries.read_bytes().endswith(b"\n")
