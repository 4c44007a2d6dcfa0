"""The run end to end against a misbehaving loopback server: failures recorded, nothing lost."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import fake_check
from fake_openai import FakeChatServer

from harness.errors import HarnessError
from harness.run.records import read_summaries
from harness.run.runner import RunSettings, run
from harness.run.summarizers.base import RunOptions, parse_spec

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


def settings(goldset: Path, tmp: Path, models: list[str], **kw: Any) -> RunSettings:
    opts = kw.pop("options", RunOptions(concurrency=1, max_retries=2, timeout=0.5, backoff_base=0.01))
    return RunSettings(
        goldset=goldset,
        models=models,
        run_dir=kw.pop("run_dir", tmp / "run"),
        cache_dir=tmp / "cache",
        options=opts,
        progress=False,
        **kw,
    )


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_misbehaving_server_run_completes_and_records_failures(mini_dir: Path, tmp_path: Path) -> None:
    # items in order (concurrency 1): brief#0, brief#1, single-alpha#0, single-alpha#1, single-beta#0, #1
    script = ["ok", ("429", 1), "ok", "500", "500", "500", "malformed", "hang", "ok", "ok"]
    with FakeChatServer(script=script, hang_seconds=2) as server:
        spec = f"openai:fake@{server.base_url}"
        out = run(
            settings(mini_dir, tmp_path, [spec, "baseline:lead", "human:reference"], samples=2), fake_check
        )
    assert server.posts == 10
    run_dir = out.run_dir
    records = read_summaries(run_dir / "summaries.jsonl")
    by_item = {(r.model, r.task, r.sample): r for r in records}
    assert len(records) == len(by_item) == 6 + 3 + 3
    assert by_item[(spec, "brief", 1)].attempts == 2 and by_item[(spec, "brief", 1)].error is None
    assert "HTTP 500" in (by_item[(spec, "single-alpha", 0)].error or "")
    assert "malformed" in (by_item[(spec, "single-alpha", 1)].error or "")
    assert by_item[(spec, "single-beta", 0)].attempts == 2 and by_item[(spec, "single-beta", 0)].text
    assert "no reference" in (by_item[("human:reference", "single-beta", 0)].error or "")
    rec = by_item[(spec, "brief", 0)]
    assert (
        rec.prompt_template == "multi_document_brief.v1"
        and rec.prompt_hash
        and rec.prompt_hash.startswith("sha256:")
    )
    assert rec.params["temperature"] == 0.0 and rec.latency_s is not None and rec.usage is not None

    cards = {c.model: c for c in out.scorecards}
    assert (cards[spec].summaries, cards[spec].scored, cards[spec].failures) == (6, 4, 2)
    assert {f.task for f in cards[spec].failed} == {"single-alpha"}
    assert (cards["human:reference"].failures, cards["baseline:lead"].failures) == (1, 0)
    assert cards["baseline:lead"].score > 0

    # every file: schema_version first; scorecards valid against the published schema
    for name in ("summaries.jsonl", "findings.jsonl"):
        for raw in (run_dir / name).read_text().splitlines():
            assert raw.startswith('{"schema_version":1,')
    schema = json.loads((SCHEMAS / "scorecard.schema.json").read_text())
    files = sorted((run_dir / "scorecards").glob("*.json"))
    assert {f.name for f in files} == {
        "baseline_lead.json",
        "human_reference.json",
        f"{parse_spec(spec).slug}.json",
    }
    for f in files:
        text = f.read_text()
        assert text.startswith('{\n  "schema_version": 1,')
        jsonschema.validate(json.loads(text), schema)
    manifest = json.loads((run_dir / "manifest.json").read_text())
    jsonschema.validate(manifest, json.loads((SCHEMAS / "manifest.schema.json").read_text()))
    assert manifest["status"] == "complete" and manifest["counts"]["failures"] == 3
    assert manifest["goldset"]["content_hash"] and manifest["harness_version"]
    board = (run_dir / "leaderboard.md").read_text()
    assert board.startswith("<!-- schema_version: 1 -->") and "`baseline:lead`" in board


def test_rerun_uses_cache_and_no_cache_asks_again(mini_dir: Path, tmp_path: Path) -> None:
    with FakeChatServer() as server:
        spec = f"openai:fake@{server.base_url}"
        first = run(settings(mini_dir, tmp_path, [spec], run_dir=tmp_path / "a"), fake_check)
        assert server.posts == 3
        second = run(settings(mini_dir, tmp_path, [spec], run_dir=tmp_path / "b"), fake_check)
        assert server.posts == 3  # nothing asked again
        assert all(r.cached for r in read_summaries(second.run_dir / "summaries.jsonl"))
        assert second.manifest.counts.cache_hits == 3
        run(settings(mini_dir, tmp_path, [spec], run_dir=tmp_path / "c", use_cache=False), fake_check)
        assert server.posts == 6
    # scorecards are a function of the summaries: byte-identical from the cache
    for card in (first.run_dir / "scorecards").iterdir():
        assert card.read_bytes() == (second.run_dir / "scorecards" / card.name).read_bytes()


def test_same_out_resumes_and_retries_only_failures(mini_dir: Path, tmp_path: Path) -> None:
    with FakeChatServer(script=["ok", "500", "500", "500"]) as server:
        spec = f"openai:fake@{server.base_url}"
        s = settings(mini_dir, tmp_path, [spec], use_cache=False)
        first = run(s, fake_check)
        assert server.posts == 1 + 3 + 1 and first.scorecards[0].failures == 1
        second = run(s, fake_check)
        assert server.posts == 5 + 1  # only the failed item is asked again
        assert second.scorecards[0].failures == 0 and second.manifest.counts.resumed == 2
        third = run(s, fake_check)
        assert server.posts == 6 and third.scorecards[0].summaries == 3


def test_concurrency_limit_is_respected(mini_dir: Path, tmp_path: Path) -> None:
    opts = RunOptions(concurrency=3, timeout=5)
    with FakeChatServer(latency=0.3) as server:
        spec = f"openai:fake@{server.base_url}"
        run(settings(mini_dir, tmp_path, [spec], samples=4, options=opts), fake_check)
    assert server.posts == 12 and server.max_in_flight == 3


def test_resume_refuses_a_changed_goldset(mini_dir: Path, tmp_path: Path) -> None:
    s = settings(mini_dir, tmp_path, ["baseline:lead"])
    run(s, fake_check)
    (mini_dir / "sources" / "beta.txt").write_text(
        (mini_dir / "sources" / "beta.txt").read_text() + "More.\n"
    )
    with pytest.raises(HarnessError, match="gold set now hashes"):
        run(s, fake_check)


@pytest.mark.parametrize(
    ("models", "tasks", "message"),
    [
        (["baseline:lead"], ["nope"], "unknown task"),
        (["lead"], [], "not a model spec"),
        (["magic:x"], [], "unknown summarizer kind 'magic'"),
        (["baseline:random"], [], "unknown baseline"),
        (["file:/no/such.jsonl"], [], "file not found"),
    ],
)
def test_user_errors_are_one_line(
    mini_dir: Path, tmp_path: Path, models: list[str], tasks: list[str], message: str
) -> None:
    with pytest.raises(HarnessError, match=message) as err:
        run(settings(mini_dir, tmp_path, models, tasks=tasks), fake_check)
    assert "\n" not in str(err.value)
    assert not (tmp_path / "run").exists()  # nothing started
