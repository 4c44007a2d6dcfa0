from pathlib import Path

import pytest

from harness.errors import HarnessError
from harness.metaeval.frank import FRANK_TYPES, load_frank
from harness.metaeval.summedits import SUMMEDITS_TYPES, load_summedits

SAMPLE = 30  # labelled summaries in the real-data samples


def test_frank_loader_joins_labels_and_articles(mini_frank: Path) -> None:
    items = load_frank(mini_frank)
    assert [i.id for i in items] == ["h1/bart", "h1/pgn", "h1/s2s"]
    assert items[0].summary == "Gary Locke will be confirmed as Kilmarnock's manager on Friday."
    assert not any(items[0].errors.values())
    assert items[1].errors["EntE"] and items[1].errors["CircE"] and items[1].errors["any_error"]
    assert items[2].summary.startswith("\u201cI'd be over the moon,\u201d said")
    majority = load_frank(mini_frank, label_rule="majority")
    assert majority[1].errors["EntE"] and not majority[1].errors["CircE"]  # 2 of 3 annotators saw no CircE
    raw = load_frank(mini_frank, restore_case=False, limit=1)
    assert len(raw) == 1 and raw[0].summary.startswith("gary locke")


def test_summedits_loader(mini_summedits: Path) -> None:
    items = load_summedits(mini_summedits.parent)
    assert [i.errors["any_error"] for i in items] == [False, True, True]
    assert items[1].errors["entity_modification"] and not items[1].errors["antonym_swap"]
    assert len({i.document_id for i in items}) == 1


def test_missing_data_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(HarnessError, match="not a FRANK folder"):
        load_frank(tmp_path)
    with pytest.raises(HarnessError, match="SummEdits file not found"):
        load_summedits(tmp_path)


def test_real_frank_sample(benchdata: Path) -> None:
    items = load_frank(benchdata / "frank", limit=SAMPLE)
    assert len(items) == SAMPLE
    assert all(i.document and i.summary for i in items)
    assert set(items[0].errors) == {*FRANK_TYPES, "any_error"}
    # Restored case: most summaries now carry capitals for names.
    assert sum(any(c.isupper() for c in i.summary) for i in items) >= SAMPLE * 0.8


def test_real_summedits_sample(benchdata: Path) -> None:
    items = load_summedits(benchdata / "summedits" / "summedits_news.json", limit=SAMPLE)
    assert len(items) == SAMPLE
    assert set(items[0].errors) == {*SUMMEDITS_TYPES, "any_error"}


def test_benchdata_location_is_overridable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from harness.metaeval.benchdata import REPO_ROOT, benchdata_dir, default_data_path

    monkeypatch.delenv("HARNESS_BENCHDATA", raising=False)
    assert benchdata_dir() == REPO_ROOT.parent / "shared" / "benchdata"
    monkeypatch.setenv("HARNESS_BENCHDATA", str(tmp_path))
    assert default_data_path("summedits") == tmp_path / "summedits" / "summedits_news.json"
