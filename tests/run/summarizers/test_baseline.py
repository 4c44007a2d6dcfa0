"""baseline:lead and baseline:centroid: extractive, deterministic, story text only."""

from __future__ import annotations

import asyncio

from harness.goldset.model import GoldSet
from harness.run.summarizers.base import Request, RunOptions, parse_spec
from harness.run.summarizers.baseline import centroid, factory, lead, sentences


def test_sentences_skip_teasers_and_subheads(mini: GoldSet) -> None:
    alpha = sentences(mini.source_by_id["alpha"])
    assert alpha[0] == "Chinese labs see a widening gap."
    assert alpha[1].startswith("Lin Junyang of Alibaba said")
    assert not any("gadgets" in s or "Celebrity" in s for s in alpha)
    assert sentences(mini.source_by_id["alpha"], headline=False)[0].startswith("Lin Junyang")


def test_lead_single_and_round_robin(mini: GoldSet) -> None:
    alpha, beta = mini.source_by_id["alpha"], mini.source_by_id["beta"]
    one = lead([alpha], 40)
    assert one.startswith("Chinese labs see a widening gap. Lin Junyang")
    assert len(one.split()) <= 40
    both = lead([alpha, beta], 60).split(". ")
    assert both[0].startswith("Lin Junyang") and both[1].startswith("Tang Jie")  # round robin
    assert lead([alpha], 3) == ""  # nothing fits: no sentence is cut


def test_centroid_is_deterministic_and_within_limit(mini: GoldSet) -> None:
    srcs = [mini.source_by_id["alpha"], mini.source_by_id["beta"]]
    text = centroid(srcs, 30)
    assert text == centroid(srcs, 30) and 0 < len(text.split()) <= 30
    assert "Celebrity" not in text


def test_baseline_summarizer_on_real_goldset(goldset: GoldSet) -> None:
    summ = factory(parse_spec("baseline:lead"), RunOptions())
    for task in goldset.tasks:
        out = asyncio.run(summ.summarize(Request(goldset=goldset, task=task, sample=0, prompt=None)))
        assert 0 < len(out.text.split()) <= task.max_words
        for sid in task.sources:
            src = goldset.source_by_id[sid]
            for region in src.excluded:
                teaser = src.text[region.start : region.end].strip().splitlines()[0]
                assert teaser not in out.text


def test_quote_style_subheading_is_a_heading() -> None:
    from harness.run.summarizers.baseline import _is_heading

    assert _is_heading("The Admission: “We’re Falling Behind”")
    assert not _is_heading("He said “we are falling behind.”")
    assert not _is_heading("Can Chinese AI firms catch up?")
