"""The bundled gold set: every anchor resolves, and it covers the story."""

from __future__ import annotations

import re

import pytest

from harness.goldset import GoldSet, load_goldset
from harness.goldset.export import export_goldset

# Quoted passages in the articles: straight or curly double quotes, on one line.
QUOTED = re.compile(r"“([^”\n]+)”|\"([^\"\n]+)\"")
# Digits that are a number, not part of a model or product name (R1, H100, 910B).
DIGITS = re.compile(r"(?<![\w.@#/])\d+(?:[.,]\d+)*(?![\w/])")
WRITTEN_RANGES = re.compile(r"\b(?:one|two|three|four|five) to (?:two|three|four|five|six)\b", re.I)

NAMED_IN_STORY = [
    # people, under every name the articles use
    "Lin Junyang",
    "Justin Lin",
    "Tang Jie",
    "Yao Shunyu",
    "Yang Zhilin",
    # organisations
    "Alibaba",
    "Zhipu AI",
    "Zhipu",
    "Tencent",
    "OpenAI",
    "Anthropic",
    "Google DeepMind",
    "MiniMax",
    "Moonshot AI",
    "DeepSeek",
    "Tsinghua University",
    "Huawei",
    "Biren",
    "NVIDIA",
    "Reuters",
    "OpenRouter",
]


def story_spans(goldset: GoldSet, pattern: re.Pattern[str]):  # type: ignore[no-untyped-def]
    """(source id, start, end, text) of each match outside excluded regions."""
    for source in goldset.sources:
        for start, end in source.story_regions():
            for m in pattern.finditer(source.text, start, end):
                yield source.id, m.start(), m.end(), m.group(0)


def test_every_anchor_resolves_to_its_text(goldset: GoldSet) -> None:
    spans = [a for q in goldset.quotes for a in q.anchors]
    spans += [a for c in goldset.claims for a in c.anchors]
    spans += [s for c in goldset.claims for n in c.numbers for s in n.spans]
    spans += [a for e in goldset.entities for a in e.anchors]
    spans += [a for e in goldset.entities for af in e.affiliations for a in af.anchors]
    assert len(spans) > 100
    for span in spans:
        source = goldset.source_by_id[span.source]
        assert source.text[span.start : span.end] == span.text
        assert not source.is_excluded(span.start, span.end)


def test_every_direct_quotation_is_a_gold_quote(goldset: GoldSet) -> None:
    anchors = [(a.source, a.start, a.end) for q in goldset.quotes for a in q.anchors]
    missing = [
        (sid, text)
        for sid, start, end, text in story_spans(goldset, QUOTED)
        if not any(s == sid and a_start <= start + 1 and end - 1 <= a_end for s, a_start, a_end in anchors)
    ]
    assert missing == []


def test_every_number_in_the_story_is_in_a_claim(goldset: GoldSet) -> None:
    number_spans = [(s.source, s.start, s.end) for c in goldset.claims for n in c.numbers for s in n.spans]
    uncovered = [
        (sid, text)
        for pattern in (DIGITS, WRITTEN_RANGES)
        for sid, start, end, text in story_spans(goldset, pattern)
        if not any(s == sid and a <= start and end <= b for s, a, b in number_spans)
    ]
    assert uncovered == []


@pytest.mark.parametrize("name", NAMED_IN_STORY)
def test_every_named_person_and_organisation_is_an_entity(goldset: GoldSet, name: str) -> None:
    assert any(name in entity.names for entity in goldset.entities), name


def test_anonymous_single_source_quotes_are_unverified(goldset: GoldSet) -> None:
    by_words = {q.anchors[0].text: q for q in goldset.quotes}
    rnd = next(q for t, q in by_words.items() if "double our R&D budget" in t)
    toolchain = next(q for t, q in by_words.items() if "entire toolchain" in t)
    for quote in (rnd, toolchain):
        assert quote.status == "unverified"
        assert quote.speaker == "unnamed"
        assert {a.source for a in quote.anchors} == {"s003"}
    named = [q for q in goldset.quotes if q.speaker != "unnamed"]
    assert named and all(q.status == "verified" for q in named)


def test_aliases_and_affiliations(goldset: GoldSet) -> None:
    lin = next(e for e in goldset.entities if "Justin Lin" in e.names)
    assert "Lin Junyang" in lin.names
    assert {a.org for a in lin.affiliations} == {"alibaba"}
    yao = next(e for e in goldset.entities if e.name == "Yao Shunyu")
    tenure = {(a.org, a.current) for a in yao.affiliations}
    assert ("tencent", True) in tenure
    assert ("openai", False) in tenure


def test_tasks_cover_a_brief_and_each_article(goldset: GoldSet) -> None:
    kinds = {t.kind for t in goldset.tasks}
    assert kinds == {"multi_document_brief", "single_article_summary"}
    singles = {t.sources for t in goldset.tasks if t.kind == "single_article_summary"}
    assert singles == {(s.id,) for s in goldset.sources}
    assert all(t.reference for t in goldset.tasks)


def test_export_has_stable_fields_and_offsets(goldset_dir) -> None:  # type: ignore[no-untyped-def]
    goldset = load_goldset(goldset_dir)
    data = export_goldset(goldset)
    assert list(data)[:3] == ["schema_version", "id", "title"]
    source = data["sources"][0]
    assert {"id", "path", "reliability", "excluded"} <= set(source)
    assert "text" not in source
    quote = data["quotes"][0]
    assert {"id", "text", "speaker", "status", "anchors"} <= set(quote)
    anchor = quote["anchors"][0]
    assert goldset.source_by_id[anchor["source"]].text[anchor["start"] : anchor["end"]] == anchor["text"]
    entity = next(e for e in data["entities"] if e["affiliations"])
    assert {"org", "role", "current"} <= set(entity["affiliations"][0])
    claim = next(c for c in data["claims"] if c["numbers"])
    assert {"id", "text", "speaker", "key", "numbers", "anchors"} <= set(claim)
