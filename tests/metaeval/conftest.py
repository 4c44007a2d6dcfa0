"""Benchdata location for the meta-eval tests, and a tiny FRANK/SummEdits look-alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harness.metaeval.benchdata import benchdata_dir

SAMPLE = 30


@pytest.fixture(scope="session")
def benchdata() -> Path:
    folder = benchdata_dir()
    if not (folder / "frank" / "human_annotations.json").exists():
        pytest.skip(f"benchdata not found at {folder} (set HARNESS_BENCHDATA)")
    return folder


ARTICLE = (
    "Gary Locke will be confirmed as Kilmarnock's manager on Friday. "
    "\u2018I\u2019d be over the moon,\u2019 said Locke. The club paid \u00a3150,000 for the striker."
)


def _label_row(doc: str, model: str, **errors: float) -> dict[str, object]:
    row: dict[str, object] = {"hash": doc, "model_name": model, "dataset": "cnndm", "split": "test"}
    for t in ("EntE", "OutE", "CircE", "RelE", "CorefE", "LinkE", "GramE", "Other"):
        row[t] = errors.get(t, 1.0)
    row["Factuality"] = min([1.0, *errors.values()])
    return row


@pytest.fixture()
def mini_frank(tmp_path: Path) -> Path:
    folder = tmp_path / "frank"
    (folder / "articles").mkdir(parents=True)
    article = {
        "article": ARTICLE,
        "bart": "gary locke will be confirmed as kilmarnock 's manager on friday .",
        "pgn": "gary locke will be confirmed as celtic 's manager . the club paid \u00a3 900,000 .",
        "s2s": "`` i 'd be over the moon , '' said jim mann .",
    }
    (folder / "articles" / "h1.json").write_text(json.dumps(article), encoding="utf-8")
    # Another article of the corpus, where Jim Mann is named (the fallback for truecasing).
    other = {"article": "The chairman, Jim Mann, spoke. Later Jim Mann left.", "bart": "x"}
    (folder / "articles" / "h2.json").write_text(json.dumps(other), encoding="utf-8")
    rows = [
        _label_row("h1", "bart"),
        _label_row("h1", "pgn", EntE=0.0, CircE=0.6666666667),
        _label_row("h1", "s2s", EntE=0.0, OutE=0.6666666667),
    ]
    (folder / "human_annotations.json").write_text(json.dumps(rows), encoding="utf-8")
    return folder


@pytest.fixture()
def mini_summedits(tmp_path: Path) -> Path:
    doc = (
        "Send this page to someone via email\n\nAlice Ward, mayor of Lunden, said the bridge cost $4 million."
    )
    rows = [
        {
            "id": "1_og",
            "doc": doc,
            "summary": "Alice Ward said the bridge cost $4 million.",
            "label": 1,
            "original_summary": "",
            "edit_types": [],
            "split": "test",
        },
        {
            "id": "1_e1",
            "doc": doc,
            "summary": "Alice Ward said the bridge cost $9 million.",
            "label": 0,
            "original_summary": "",
            "edit_types": ["entity_modification"],
            "split": "test",
        },
        {
            "id": "1_e2",
            "doc": doc,
            "summary": "Alice Ward said the bridge was free.",
            "label": 0,
            "original_summary": "",
            "edit_types": ["antonym_swap"],
            "split": "test",
        },
    ]
    path = tmp_path / "summedits_news.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    return path
