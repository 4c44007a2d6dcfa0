from pathlib import Path

import pytest

from harness.errors import HarnessError
from harness.goldset.model import UNNAMED
from harness.sourceonly import build_goldset_from_sources, build_goldset_from_texts


def test_inventory_from_a_folder(articles: Path) -> None:
    g = build_goldset_from_sources([articles])
    assert [s.id for s in g.sources] == ["a", "b"]
    assert all(s.reliability.level == "medium" and s.reliability.reason == "not curated" for s in g.sources)
    assert g.draft and not g.conflicts
    [task] = g.tasks
    assert task.sources == ("a", "b") and task.kind == "multi_document_brief"
    assert {q.status for q in g.quotes} == {"verified"}


def test_boilerplate_is_excluded_and_supports_nothing(articles: Path) -> None:
    g = build_goldset_from_sources([articles / "a.txt", articles / "b.txt"])
    a = g.source_by_id["a"]
    [region] = a.excluded
    assert a.text[region.start :].startswith("Related Articles")
    assert all(not a.is_excluded(s.start, s.end) for q in g.quotes for s in q.anchors)
    assert "quote" not in {q.text for q in g.quotes}


def test_quotes_speakers_affiliations_and_numbers(articles: Path) -> None:
    g = build_goldset_from_sources([articles])
    speaker = {q.text.rstrip(",."): g.entity_by_id.get(q.speaker) for q in g.quotes}
    assert speaker["We are ahead of schedule"].name == "Lena Hart"  # type: ignore[union-attr]
    assert speaker["The numbers do not add up"].name == "Omar Said"  # type: ignore[union-attr]
    for q in g.quotes:  # anchors are exact source text with offsets
        for s in q.anchors:
            assert g.source_by_id[s.source].text[s.start : s.end] == s.text
    hart = next(e for e in g.entities if e.name == "Lena Hart")
    assert [g.entity_by_id[a.org].name for a in hart.affiliations] == ["Vexa Labs"]
    said = next(e for e in g.entities if e.name == "Omar Said")
    # "a former Vexa engineer now at Corta Systems": "Vexa" is Vexa Labs' short form.
    assert {(g.entity_by_id[a.org].name, a.current) for a in said.affiliations} == {
        ("Vexa Labs", False),
        ("Corta Systems", True),
    }
    numbers = {(n.text, n.value, n.unit) for c in g.claims for n in c.numbers}
    assert ("$2 billion", 2e9, "usd") in numbers
    assert ("15%", 15, "percent") in numbers
    recover = next(c for c in g.claims if "recover by 2027" in c.text)
    assert g.entity_by_id[recover.speaker or UNNAMED].name == "Lena Hart"


def test_in_memory_texts_and_single_source_task() -> None:
    g = build_goldset_from_texts([("Doc 1", 'Ann Lee said: "It works."\n')])
    assert [s.id for s in g.sources] == ["doc-1"]
    assert g.tasks[0].kind == "single_article_summary"


def test_bad_inputs_are_reported(tmp_path: Path) -> None:
    with pytest.raises(HarnessError, match="no such file"):
        build_goldset_from_sources([tmp_path / "missing.txt"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(HarnessError, match=r"no \.txt or \.md"):
        build_goldset_from_sources([tmp_path / "empty"])
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9")
    with pytest.raises(HarnessError, match="not valid UTF-8"):
        build_goldset_from_sources([tmp_path / "bad.txt"])
