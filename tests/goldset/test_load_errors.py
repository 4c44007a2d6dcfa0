"""A broken gold set of each kind gives one exact, located error line."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.cli import main
from harness.goldset import load_goldset, validate_goldset

ARTICLE = (
    "Justin Lin, who leads Alibaba's Qwen team, spoke in Beijing.\n"
    '"Does innovation happen in the hands of the rich, or the poor?" Lin asked.\n'
    "Lin said the gap was real. Lin said it twice.\n"
    "Related Articles\nA teaser about something else.\n"
)

VALID = """\
schema_version: 1
id: tiny
title: Tiny gold set
sources:
  - id: s1
    file: sources/a.txt
    reliability: {level: high, reason: reported by a named outlet}
    excluded:
      - {start: "Related Articles", end: "<EOF>", reason: related-article teasers}
entities:
  - id: lin-junyang
    name: Lin Junyang
    kind: person
    aliases: [Justin Lin, Lin]
    affiliations:
      - org: alibaba
        role: Qwen lead
        anchors: [{source: s1, text: "Justin Lin, who leads Alibaba's Qwen team"}]
  - id: alibaba
    name: Alibaba
    kind: organisation
    anchors: [{source: s1, text: "Alibaba"}]
quotes:
  - id: q-rich-poor
    text: "Does innovation happen in the hands of the rich, or the poor?"
    speaker: lin-junyang
    status: verified
    anchors: [{source: s1, text: "Does innovation happen in the hands of the rich, or the poor?"}]
claims:
  - id: c-gap
    text: Lin said the gap was real.
    speaker: lin-junyang
    anchors: [{source: s1, text: "Lin said the gap was real."}]
tasks:
  - {id: brief, kind: multi_document_brief, sources: [s1], max_words: 100}
"""


def make_goldset(tmp_path: Path, yaml_text: str = VALID, article: bytes | None = None) -> Path:
    folder = tmp_path / "gs"
    (folder / "sources").mkdir(parents=True)
    (folder / "sources" / "a.txt").write_bytes(article if article is not None else ARTICLE.encode())
    (folder / "goldset.yaml").write_text(yaml_text, encoding="utf-8")
    return folder


def problems(folder: Path) -> list[str]:
    _, found = validate_goldset(folder)
    return [str(p) for p in found]


def test_valid_goldset_resolves_offsets(tmp_path: Path) -> None:
    goldset = load_goldset(make_goldset(tmp_path))
    source = goldset.source_by_id["s1"]
    anchor = goldset.quotes[0].anchors[0]
    assert source.text[anchor.start : anchor.end] == anchor.text
    assert source.excluded[0].end == len(source.text)
    assert source.text[source.excluded[0].start :].startswith("Related Articles")
    assert goldset.entities[0].affiliations[0].anchors[0].start == 0


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        pytest.param(
            lambda y: y.replace("title: Tiny gold set", "title: [unclosed"),
            ["goldset.yaml: line 4: invalid YAML: did not find expected ',' or ']'"],
            id="bad-yaml",
        ),
        pytest.param(
            lambda y: y.replace("status: verified", "status: confirmed"),
            ["goldset.yaml: quotes[0].status: input should be 'verified' or 'unverified'"],
            id="schema-violation",
        ),
        pytest.param(
            lambda y: y.replace("    kind: person\n", "    kind: person\n    nickname: JL\n"),
            ["goldset.yaml: entities[0].nickname: unknown field"],
            id="unknown-field",
        ),
        pytest.param(
            lambda y: y.replace("speaker: lin-junyang\n    status", "speaker: tang-jie\n    status"),
            ["goldset.yaml: quotes[0].speaker: unknown entity 'tang-jie'"],
            id="unknown-entity",
        ),
        pytest.param(
            lambda y: y.replace("text: Lin said the gap was real.\n", "text: x\n").replace(
                '"Lin said the gap was real."', '"Lin said the gap was huge."'
            ),
            ["goldset.yaml: claims[0].anchors[0]: text not found in source s1"],
            id="anchor-not-found",
        ),
        pytest.param(
            lambda y: y.replace(
                'anchors: [{source: s1, text: "Alibaba"}]', 'anchors: [{source: s1, text: "Lin said"}]'
            ),
            [
                "goldset.yaml: entities[1].anchors[0]: text is ambiguous: it occurs 2 times in source s1; "
                "add occurrence: 0-1"
            ],
            id="ambiguous-anchor",
        ),
        pytest.param(
            lambda y: y.replace(
                'anchors: [{source: s1, text: "Alibaba"}]', 'anchors: [{source: s1, text: "A teaser"}]'
            ),
            [
                "goldset.yaml: entities[1].anchors[0]: text falls in an excluded region of source s1 "
                "(related-article teasers)"
            ],
            id="anchor-in-excluded-region",
        ),
        pytest.param(
            lambda y: y.replace("file: sources/a.txt", "file: sources/missing.txt"),
            ["goldset.yaml: sources[0].file: file not found: {folder}/sources/missing.txt"],
            id="missing-source-file",
        ),
        pytest.param(
            lambda y: y.replace("status: verified", "status: unverified"),
            ["goldset.yaml: quotes[0].status_reason: required when status is unverified"],
            id="unverified-without-reason",
        ),
    ],
)
def test_broken_goldset_gives_exact_error(tmp_path: Path, edit, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    folder = make_goldset(tmp_path, edit(VALID))
    assert problems(folder) == [line.format(folder=folder) for line in expected]


def test_non_utf8_source(tmp_path: Path) -> None:
    folder = make_goldset(tmp_path, article=ARTICLE.encode().replace(b"Beijing", b"Beij\xefng"))
    assert problems(folder) == [
        "goldset.yaml: sources[0].file: a.txt is not valid UTF-8 (byte 0xef at offset 56)"
    ]


def test_every_problem_is_listed_not_just_the_first(tmp_path: Path) -> None:
    broken = VALID.replace('"Lin said the gap was real."', '"nowhere"').replace(
        "speaker: lin-junyang\n    status", "speaker: nobody\n    status"
    )
    assert problems(make_goldset(tmp_path, broken)) == [
        "goldset.yaml: quotes[0].speaker: unknown entity 'nobody'",
        "goldset.yaml: claims[0].anchors[0]: text not found in source s1",
    ]


def test_cli_validate_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = make_goldset(tmp_path)
    assert main(["goldset", "validate", str(good)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("tiny: ok: 1 sources, 2 entities, 1 quotes (0 unverified), 1 claims")

    (good / "goldset.yaml").write_text(VALID.replace("status: verified", "status: maybe"), encoding="utf-8")
    assert main(["goldset", "validate", str(good)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "goldset.yaml: quotes[0].status: input should be 'verified' or 'unverified'"
    assert err[-1] == f"1 problem(s) in {good}"


def test_cli_export_bad_goldset_is_one_line_not_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_goldset(tmp_path, VALID.replace("file: sources/a.txt", "file: sources/gone.txt"))
    assert main(["goldset", "export", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("harness: error: goldset.yaml: sources[0].file: file not found")
    assert "Traceback" not in err
