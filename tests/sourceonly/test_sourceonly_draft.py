from pathlib import Path

import pytest
import yaml

from harness.cli import main
from harness.errors import HarnessError
from harness.goldset.load import load_goldset, validate_goldset
from harness.sourceonly.compare import compare_quotes
from harness.sourceonly.draft import write_draft

ROOT = Path(__file__).resolve().parents[2]
CURATED = ROOT / "goldsets" / "china-ai-gap-2026"


def test_draft_validates_and_is_marked_draft(articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "new-set"
    g = write_draft([articles], out)
    assert g.draft and g.id == "new-set"
    assert sorted(p.name for p in (out / "sources").iterdir()) == ["a.txt", "b.txt"]
    assert (out / "sources" / "a.txt").read_bytes() == (articles / "a.txt").read_bytes()
    raw = yaml.safe_load((out / "goldset.yaml").read_text(encoding="utf-8"))
    assert raw["draft"] is True
    # Anchors are exact text, never offsets.
    for q in raw["quotes"]:
        for a in q["anchors"]:
            assert set(a) <= {"source", "text", "occurrence"}
            assert a["text"] in (out / "sources" / f"{a['source']}.txt").read_text(encoding="utf-8")
    goldset, problems = validate_goldset(out)
    assert problems == [] and goldset is not None


def test_draft_refuses_to_overwrite_without_force(articles: Path, tmp_path: Path) -> None:
    write_draft([articles], tmp_path / "d")
    with pytest.raises(HarnessError, match="already exists"):
        write_draft([articles], tmp_path / "d")
    write_draft([articles], tmp_path / "d", force=True)


def test_cli_draft(articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            ["goldset", "draft", str(articles / "a.txt"), str(articles / "b.txt"), "-o", str(tmp_path / "x")]
        )
        == 0
    )
    assert "draft written" in capsys.readouterr().out
    assert main(["goldset", "validate", str(tmp_path / "x")]) == 0


@pytest.mark.skipif(not (CURATED / "goldset.yaml").exists(), reason="curated gold set not present")
def test_drafting_the_five_articles_agrees_with_the_curated_quotes(tmp_path: Path) -> None:
    """Issue #6: quotes and speakers agree with the curated gold set on at least 90% of quotes."""
    curated = load_goldset(CURATED)
    draft = write_draft([CURATED / s.path for s in curated.sources], tmp_path / "draft")
    agreement = compare_quotes(draft, curated)
    assert agreement.total == len(curated.quotes) >= 10
    assert agreement.rate >= 0.9, [m for m in agreement.matches if m.outcome != "agree"]
    assert agreement.anchor_rate >= 0.9
