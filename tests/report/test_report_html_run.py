"""Run reports: reading a run folder, leaderboard, chart, scorecards, and `harness report`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from htmlscan import Scan, element, highlights
from report_samples import BAD, GOOD, MODELS

from harness.cli import main
from harness.errors import HarnessError
from harness.goldset import GoldSet
from harness.report.html import render_run_report
from harness.report.rundata import load_run, resolve_goldset_dir
from harness.report.runview import build_view


def render(run_dir: Path, goldset: GoldSet | None) -> str:
    return render_run_report(build_view(load_run(run_dir), goldset), generated_at="t")


def test_load_run_reads_summaries_findings_and_scorecards(run_dir: Path) -> None:
    run = load_run(run_dir)
    assert run.run_id == "20260115-100000-mini"
    assert sorted(run.scorecards) == sorted(MODELS)
    keys = [s.key for s in run.summaries]
    assert keys == sorted(keys) and len(keys) == 6
    failed = [s for s in run.summaries if s.error]
    assert [s.key for s in failed] == ["local:smollm2/brief/2"] and failed[0].text is None
    smol = next(s for s in run.summaries if s.key == "local:smollm2/brief/0")
    assert smol.text == BAD and len(smol.result.findings) == 8
    assert len(run.results("local:smollm2")) == 2  # the failed one has no result
    assert resolve_goldset_dir(run) is not None


def test_a_later_record_for_the_same_summary_wins(run_dir: Path) -> None:
    line = json.loads((run_dir / "findings.jsonl").read_text().splitlines()[0])
    line["result"]["findings"] = []
    with (run_dir / "findings.jsonl").open("a") as fh:
        fh.write(json.dumps(line) + "\n")
    run = load_run(run_dir)
    key = f"{line['model']}/{line['task']}/{line['sample']}"
    assert [s.result.findings for s in run.summaries if s.key == key] == [[]]


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: (d / "findings.jsonl").write_text('{"model": "x"}\n'), "findings.jsonl: line 1: task"),
        (
            lambda d: (d / "findings.jsonl").write_text('{"schema_version": 1}\n{oops\n'),
            "findings.jsonl: line 2",
        ),
        (lambda d: [p.unlink() for p in (d / "scorecards").glob("*.json")], "no scorecards"),
        (lambda d: (d / "scorecards" / "local_smollm2.json").write_text("{"), "local_smollm2.json: line 1"),
    ],
)
def test_broken_run_folders_are_reported_with_file_and_line(
    run_dir: Path, damage: object, message: str
) -> None:
    damage(run_dir)  # type: ignore[operator]
    with pytest.raises(HarnessError, match=re.escape(message)):
        load_run(run_dir)


def test_missing_run_folder(tmp_path: Path) -> None:
    with pytest.raises(HarnessError, match="no such run folder"):
        load_run(tmp_path / "nope")


def test_leaderboard_is_ranked_by_score_and_sortable(run_dir: Path, mini_goldset: GoldSet) -> None:
    page = render(run_dir, mini_goldset)
    table = element(page, "leaderboard")
    rows = re.findall(r'<th scope="row" class="l" data-v="([^"]+)">', table)
    cards = {
        m: json.loads(p.read_text())["score"]
        for m, p in ((json.loads(p.read_text())["model"], p) for p in (run_dir / "scorecards").glob("*.json"))
    }
    assert rows == sorted(cards, key=lambda m: -cards[m])
    assert 'class="sortable"' in table and table.count('<button type="button">') >= 8
    assert 'aria-sort="descending"' in table  # the score column, as sorted
    scores = [float(v) for v in re.findall(r'<td data-v="([0-9.]+)"><b>', table)]
    assert scores == sorted(scores, reverse=True) and scores[0] == 100.0
    assert "Failed" in table  # local:smollm2 had a failed request


def test_chart_has_one_bar_per_kind_and_model_scaled_to_the_rates(
    run_dir: Path, mini_goldset: GoldSet
) -> None:
    view = build_view(load_run(run_dir), mini_goldset)
    page = render_run_report(view, generated_at="t")
    svg = page[page.index("<svg") : page.index("</svg>")]
    bars = re.findall(
        r'<rect class="bar" x="\d+" y="\d+" width="([0-9.]+)" height="\d+" fill="[^"]+" '
        r'data-model="([^"]+)" data-kind="([^"]+)" data-rate="([^"]+)"',
        svg,
    )
    kinds = view.kinds_present()
    assert len(bars) == len(kinds) * len(MODELS)
    assert {k for *_, k, _ in bars} == set(kinds)
    by = {(m, k): (float(w), float(r)) for w, m, k, r in bars}
    # human:reference wrote a faithful summary: zero-width bars
    assert all(by[("human:reference", k)] == (0.0, 0.0) for k in kinds)
    # widths are proportional to rates
    w1, r1 = by[("local:smollm2", "wrong_affiliation")]
    w2, r2 = by[("baseline:lead", "wrong_affiliation")]
    assert r1 == 2.0 and r2 == 1.0 and w1 == pytest.approx(2 * w2, abs=0.2)
    assert "<title>local:smollm2: Wrong affiliation, 2 per summary (4 findings)</title>" in svg


def test_scorecards_and_annotated_summaries(run_dir: Path, mini_goldset: GoldSet) -> None:
    page = render(run_dir, mini_goldset)
    for i, model in enumerate(["human:reference", "baseline:lead", "local:smollm2"], 1):
        card = element(page, f"m-{i}")
        assert f">{model}</h3>" in card
    assert "Key facts covered" in element(page, "m-2")
    sections = re.findall(r'<section class="card summary" id="(s\d+)"', page)
    assert len(sections) == 6
    # ordered by leaderboard rank; the failed summary says why
    assert "No summary: timed out after 3 retries" in page
    bad_sections = [s for s in sections if highlights(page, s)]
    assert len(bad_sections) == 3
    for s in bad_sections:
        assert all(h["text"] == BAD[int(h["start"]) : int(h["end"])] for h in highlights(page, s))
    assert GOOD.split("\n")[1].replace("'", "&#x27;") in page
    assert "<mark>chief AI scientist at Zhipu AI</mark>" in page  # evidence with the gold set found


def test_run_report_without_gold_set_still_renders_evidence_words(run_dir: Path) -> None:
    page = render(run_dir, None)
    assert "gold set not found" in page
    assert "<mark>chief AI scientist at Zhipu AI</mark>" in page


def test_model_names_and_run_ids_are_escaped(run_dir: Path, mini_goldset: GoldSet) -> None:
    path = run_dir / "scorecards" / "baseline_lead.json"
    card = json.loads(path.read_text())
    card["model"] = 'evil"><img src=x onerror=alert(1)>'
    path.write_text(json.dumps(card))
    manifest = json.loads((run_dir / "manifest.json").read_text())
    manifest["run_id"] = "<script>alert(2)</script>"
    (run_dir / "manifest.json").write_text(json.dumps(manifest))
    page = render(run_dir, mini_goldset)
    scan = Scan(page)
    assert not scan.find("img") and len(scan.find("script")) == 2
    assert all(not any(n.startswith("on") for n in a) for _, a in scan.tags)
    assert "evil&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in page


def test_harness_report_cli_writes_html_and_markdown(
    run_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(run_dir)]) == 0
    default = run_dir / "report.html"
    assert default.is_file() and "Leaderboard" in default.read_text()
    out = tmp_path / "r.html"
    assert main(["report", str(run_dir), "-o", str(out)]) == 0
    assert out.read_text().startswith("<!DOCTYPE html>")
    capsys.readouterr()
    assert main(["report", str(run_dir), "--format", "markdown"]) == 0
    md = capsys.readouterr().out
    assert md.startswith("## Faithfulness run `20260115-100000-mini`")
    assert "| 1 | human:reference | 100 |" in md


def test_harness_report_cli_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no such run folder" in err[0]
    (tmp_path / "empty").mkdir()
    assert main(["report", str(tmp_path / "empty")]) == 2
    assert "no scorecards" in capsys.readouterr().err


def test_harness_report_warns_when_the_gold_set_is_gone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from report_samples import write_run_dir

    run = write_run_dir(tmp_path / "run", goldset_ref="no/such/goldset")
    assert main(["report", str(run), "-o", str(tmp_path / "x.html")]) == 0
    assert "gold set no/such/goldset not found" in capsys.readouterr().err
