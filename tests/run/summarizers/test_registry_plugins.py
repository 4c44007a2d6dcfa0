"""The `harness.summarizers` entry-point group, exercised through a real dist-info on sys.path."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import fake_check

from harness.errors import HarnessError
from harness.run.records import read_summaries
from harness.run.runner import RunSettings, run
from harness.run.summarizers import registry
from harness.run.summarizers.base import RunOptions, parse_spec

PLUGIN = """
from harness.run.summarizers.base import Output, Summarizer


class Shout(Summarizer):
    def params(self):
        return {"volume": self.spec.arg}

    async def summarize(self, request):
        source = request.goldset.source_by_id[request.task.sources[0]]
        first = source.text.splitlines()[1]
        return Output(text=first.upper() if self.spec.arg == "loud" else first)


def factory(spec, options):
    return Shout(spec, options)
"""


@pytest.fixture
def plugin_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An installed distribution `harness-shout` (package + dist-info) in a site folder on sys.path."""
    site = tmp_path / "site"
    (site / "harness_shout").mkdir(parents=True)
    (site / "harness_shout" / "__init__.py").write_text(PLUGIN)
    info = site / "harness_shout-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: harness-shout\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(
        textwrap.dedent(
            """
            [harness.summarizers]
            shout = harness_shout:factory
            lead = harness_shout:factory
            """
        )
    )
    monkeypatch.syspath_prepend(str(site))
    return site


def test_plugin_kind_runs_end_to_end(plugin_path: Path, mini_dir: Path, tmp_path: Path) -> None:
    assert "shout" in registry.known_kinds()
    out = run(
        RunSettings(
            goldset=mini_dir,
            models=["shout:loud"],
            tasks=["single-alpha"],
            run_dir=tmp_path / "run",
            cache_dir=tmp_path / "c",
            progress=False,
        ),
        fake_check,
    )
    (rec,) = read_summaries(out.run_dir / "summaries.jsonl")
    assert (
        rec.text
        == 'LIN JUNYANG OF ALIBABA SAID THE CHANCE OF OVERTAKING US LABS IS "LESS THAN 20%" IN FIVE YEARS.'
    )
    assert rec.params == {"volume": "loud"}
    assert out.scorecards[0].model == "shout:loud"


def test_plugin_cannot_shadow_a_builtin_and_unknown_kinds_list_plugins(plugin_path: Path) -> None:
    assert "lead" in registry.known_kinds()  # a new kind named lead is fine...
    summ = registry.create(parse_spec("baseline:lead"), RunOptions())
    assert type(summ).__module__ == "harness.run.summarizers.baseline"  # ...built-ins stay built-in
    with pytest.raises(HarnessError, match="known: baseline, file, human, lead, local, openai, shout"):
        registry.create(parse_spec("whisper:x"), RunOptions())


def test_plugin_found_by_a_fresh_interpreter(plugin_path: Path) -> None:
    code = "from harness.run.summarizers.registry import plugin_kinds; print(sorted(plugin_kinds()))"
    env_path = str(plugin_path)
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"},
    )
    assert out.stdout.strip() == "['lead', 'shout']"
