import json
from pathlib import Path

import pytest

from harness.cli import main
from harness.metaeval.frank import load_frank
from harness.metaeval.labels import FRANK_MAP
from harness.metaeval.run import render_table, run_metaeval

SAMPLE = 30  # labelled summaries in the real-data samples


def test_run_on_the_look_alike(mini_frank: Path) -> None:
    result = run_metaeval("frank", load_frank(mini_frank), FRANK_MAP)
    by_id = {o.item.id: o for o in result.outcomes}
    assert not by_id["h1/bart"].kinds  # faithful summary: no error/warning finding
    assert by_id["h1/pgn"].predicted["CircE"]  # £900,000 vs £150,000
    assert (
        by_id["h1/pgn"].predicted["EntE"] or by_id["h1/pgn"].predicted["OutE"]
    )  # Celtic is not in the article
    assert by_id["h1/s2s"].predicted["EntE"]  # the quote was Locke's, not Jim Mann's (or Mann is unknown)
    assert result.documents == 1 and result.items == 3
    table = render_table(result)
    assert "| CircE |" in table and "summaries/s" in table


def test_cli_look_alike(mini_summedits: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["meta-eval", "summedits", "--data", str(mini_summedits), "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    rows = {r["error_type"]: r for r in payload["types"]}
    assert payload["items"] == 3
    assert rows["entity_modification"]["tp"] == 1  # $9 million vs $4 million
    assert rows["antonym_swap"]["flagged"] == 0


def test_cli_missing_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["meta-eval", "frank", "--data", str(tmp_path / "nope")]) == 2
    assert "not found" in capsys.readouterr().err


def test_cli_on_a_real_sample(benchdata: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for dataset, data in (("frank", benchdata / "frank"), ("summedits", benchdata / "summedits")):
        assert main(["meta-eval", dataset, "--data", str(data), "--limit", str(SAMPLE)]) == 0
        out = capsys.readouterr().out
        assert f"{SAMPLE} summaries" in out and "balanced acc." in out
    assert main(["meta-eval", "frank", "--frank-subset", "bbc", "--limit", "10", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["items"] == 10
