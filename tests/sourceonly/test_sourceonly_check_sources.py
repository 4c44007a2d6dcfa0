import json
from pathlib import Path

import pytest

from harness.cli import main
from harness.findings import CheckReport

BRIEF = (
    'Lena Hart of Vexa Labs said "we are far behind schedule." '
    'Omar Said said "Nobody expected it." '
    "Vexa Labs raised $5 billion last year.\n"
)


def _check(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, CheckReport]:
    code = main(args)
    return code, CheckReport.model_validate_json(capsys.readouterr().out)


def test_check_against_raw_articles(
    articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brief = tmp_path / "brief.md"
    brief.write_text(BRIEF, encoding="utf-8")
    code, report = _check(["check", str(brief), "--sources", str(articles), "--format", "json"], capsys)
    assert code == 1
    assert report.goldset == "source-only"
    kinds = {f.kind for f in report.summaries[0].findings}
    assert "misattributed_quote" in kinds  # Hart said it, not Said
    assert "number_mismatch" in kinds  # $2 billion, not $5 billion
    assert kinds & {"altered_quote", "invented_quote"}  # "far behind" is not what Hart said
    for f in report.summaries[0].findings:
        assert BRIEF[f.start : f.end] == f.text


def test_sources_may_be_files_and_json_matches_the_schema(
    articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from harness.schemas import schema_for

    jsonschema = pytest.importorskip("jsonschema")
    brief = tmp_path / "ok.md"
    brief.write_text('Lena Hart said "we are ahead of schedule."\n', encoding="utf-8")
    code = main(["check", str(brief), "--sources", str(articles / "a.txt"), "--format", "json"])
    out = capsys.readouterr().out
    assert code == 0
    jsonschema.validate(json.loads(out), schema_for("harness.findings:CheckReport"))


def test_task_is_refused_with_sources(
    articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brief = tmp_path / "b.md"
    brief.write_text("x\n", encoding="utf-8")
    assert main(["check", str(brief), "--sources", str(articles), "--task", "brief"]) == 2
    assert "--task" in capsys.readouterr().err


def test_goldset_and_sources_are_exclusive(articles: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main(["check", "b.md", "--goldset", str(tmp_path), "--sources", str(articles)])
