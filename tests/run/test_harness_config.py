"""`[tool.harness]` in the user's pyproject.toml, and flags over it (harness/config.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from harness.cli import build_parser
from harness.cli.run import build_settings
from harness.config import DEFAULT_MODELS, load_config
from harness.errors import HarnessError

PYPROJECT = """
[project]
name = "my-newsroom"

[tool.harness]
goldset = "gold/story"
models = ["baseline:lead", "openai:gpt-4o-mini"]
samples = 3
concurrency = 8
temperature = 0.7

[tool.harness.file]
text = "summary"

[tool.harness.gate]
min_score = 60
max_failures = 0
"""


def test_reads_table_from_nearest_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    cfg = load_config(sub)
    assert cfg.models == ["baseline:lead", "openai:gpt-4o-mini"]
    assert (cfg.samples, cfg.concurrency, cfg.temperature) == (3, 8, 0.7)
    assert cfg.file.text == "summary" and cfg.file.task == "task"
    assert cfg.gate == {"min_score": 60, "max_failures": 0}
    assert cfg.resolve(cfg.goldset) == tmp_path / "gold" / "story"


def test_defaults_without_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    cfg = load_config(tmp_path)
    assert tuple(cfg.models) == DEFAULT_MODELS and cfg.gate == {} and cfg.samples == 1


@pytest.mark.parametrize(
    ("table", "where"),
    [("modles = []", "tool.harness.modles: unknown setting"), ("samples = 0", "tool.harness.samples:")],
)
def test_bad_settings_are_one_line_errors(tmp_path: Path, table: str, where: str) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.harness]\n{table}\n")
    with pytest.raises(HarnessError) as err:
        load_config(tmp_path)
    assert where in str(err.value) and "pyproject.toml" in str(err.value) and "\n" not in str(err.value)


def test_flags_override_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    monkeypatch.chdir(tmp_path)

    def parse(*argv: str) -> argparse.Namespace:
        return build_parser().parse_args(["run", *argv])

    s = build_settings(parse())
    assert s.models == ["baseline:lead", "openai:gpt-4o-mini"] and s.samples == 3
    assert s.options.temperature == 0.7 and s.options.concurrency == 8
    assert s.goldset == tmp_path / "gold" / "story" and s.results_root == tmp_path / "results"
    s = build_settings(
        parse(
            "--model",
            "baseline:lead",
            "--samples",
            "1",
            "--temperature",
            "0",
            "--file-text-column",
            "body",
            "--no-cache",
            "--out",
            "r1",
        )
    )
    assert s.models == ["baseline:lead"] and s.samples == 1 and s.options.temperature == 0
    assert s.options.file_columns.text == "body" and not s.use_cache and s.run_dir == Path("r1")
    with pytest.raises(HarnessError, match="--samples"):
        build_settings(parse("--samples", "0"))
