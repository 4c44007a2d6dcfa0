"""Speaker resolution and reported speech on realistic sentences."""

from __future__ import annotations

import pytest

from harness.text import (
    AliasTable,
    NameMention,
    extract_quotes,
    find_attributions,
    find_mentions,
    find_reported_speech,
)

PEOPLE = {"lin", "tang", "yao"}


def _table() -> AliasTable:
    t = AliasTable()
    for surface, key in [
        ("Lin Junyang", "lin"),
        ("Justin Lin", "lin"),
        ("Lin", "lin"),
        ("Tang Jie", "tang"),
        ("Tang", "tang"),
        ("Yao Shunyu", "yao"),
        ("Zhipu AI", "zhipu"),
        ("Alibaba", "alibaba"),
        ("Tencent", "tencent"),
    ]:
        t.add(surface, key)
    t.add("Alibaba's Qwen lead", "lin", description=True)
    return t.finalize()


def _is_person(m: NameMention) -> bool:
    return m.key in PEOPLE or m.kind in ("pronoun", "unknown")


def speakers(text: str) -> list[str | None]:
    quotes = extract_quotes(text)
    mentions = find_mentions(text, _table())
    return [
        a.resolved.key if a.resolved else None for a in find_attributions(text, quotes, mentions, _is_person)
    ]


CASES = [
    ('Tang said "the gap may be widening".', ["tang"]),
    ('"The gap may be widening," Tang said.', ["tang"]),
    ('"Meaningless internal competition serves no purpose," said Tang Jie.', ["tang"]),
    ('Tang Jie, founder of Zhipu AI, warned that "the gap may be widening."', ["tang"]),
    ('Zhipu AI\'s Tang Jie said "we should represent China".', ["tang"]),
    ('Alibaba\'s Qwen lead called the estimate "highly optimistic".', ["lin"]),
    ('Lin put the odds under 20%. He called that "highly optimistic".', ["lin"]),
    ('**Yao Shunyu:** "Currently, we have a significant advantage."', ["yao"]),
    ('According to Lin, "we are stretched thin".', ["lin"]),
    ('"We just released models," Tang said. "But the gap may be widening."', ["tang", "tang"]),
    ('Tang warned that "A" and that "B".', ["tang", "tang"]),
    ('Tang warned that "A," even as Tencent\'s Yao Shunyu urged focus.', ["tang"]),
    ('Lin saw compute gaps; "the gap may be widening" was the mood.', [None]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_attributions(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


def test_reported_speech_forms() -> None:
    text = (
        "Lin estimated that the chance is below 20%, while Tang warned that the gap may be widening. "
        "Compute is scarce, Yao Shunyu said."
    )
    got = [
        (r.speaker.key, r.text)
        for r in find_reported_speech(text, extract_quotes(text), find_mentions(text, _table()), _is_person)
    ]
    assert got == [
        ("lin", "the chance is below 20%"),
        ("tang", "the gap may be widening"),
        ("yao", "Compute is scarce"),
    ]
