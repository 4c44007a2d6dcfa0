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

PEOPLE = {"lin", "tang", "yao", "hart"}
GENDERS = {"lin": "male", "tang": "male", "yao": "male", "hart": "female"}


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
        ("Lena Hart", "hart"),
        ("Hart", "hart"),
    ]:
        t.add(surface, key)
    t.add("Alibaba's Qwen lead", "lin", description=True)
    return t.finalize()


def _is_person(m: NameMention) -> bool:
    return m.key in PEOPLE or m.kind in ("pronoun", "unknown")


def _gender_of(m: NameMention) -> str | None:
    return GENDERS.get(m.key or "")


def speakers(text: str) -> list[str | None]:
    quotes = extract_quotes(text)
    mentions = find_mentions(text, _table())
    return [
        a.resolved.key if a.resolved else None
        for a in find_attributions(text, quotes, mentions, _is_person, _gender_of)
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


# A quote cited from someone: "in the words of X", "in X's words", "as X put it", "to quote X".
CITED = [
    ('In the words of Alibaba\'s Justin Lin, "we are stretched thin."', ["lin"]),
    ('In the words of Zhipu AI founder Tang Jie, "the gap may actually be widening."', ["tang"]),
    ('In Lin\u2019s own words, "we are stretched thin."', ["lin"]),
    ('To quote Tang, "meaningless internal competition serves no purpose."', ["tang"]),
    ('As Tencent\'s Yao Shunyu put it, "we have a significant advantage."', ["yao"]),
    ('Lin put it this way: "we are stretched thin."', ["lin"]),
    ('"We are stretched thin," as Lin put it.', ["lin"]),
    ('"We are stretched thin," as Lin put it bluntly.', ["lin"]),
    ('"We are stretched thin," in the words of Lin Junyang.', ["lin"]),
    ('"The gap may actually be widening," in Tang\'s words.', ["tang"]),
    ('Lena Hart was blunt. In her own words, "this will fail."', ["hart"]),
    ('Tang Jie met Lin. In the words of Lin, "we are stretched thin."', ["lin"]),
    # Not cited: another speaker's verb comes between, or "as" starts a new clause.
    ('To quote Tang, Lin said "we are stretched thin."', ["lin"]),
    ('"The gap may be widening," as Yao Shunyu urged focus.', [None]),
]


@pytest.mark.parametrize(("text", "expected"), CITED)
def test_cited_constructions(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


# he/she: the speaker or subject of the sentence before, not the nearest name (often an object).
PRONOUNS = [
    ('Lin disagreed with Tang. "The gap is real," he asserted.', ["lin"]),
    ('Tang Jie spoke after Lin. As he put it, "the gap may be widening."', ["tang"]),
    ('Unlike Tang, Lin is pessimistic. "We are stretched thin," he said.', ["lin"]),
    ('After meeting Lin, Tang said China must focus. "The gap is real," he added.', ["tang"]),
    ('Tang praised Lin. Lin said compute is scarce. "We are stretched thin," he added.', ["lin"]),
    ('Lin spoke first. He said compute is scarce. "We are stretched thin," he added.', ["lin"]),
    ('Lin interviewed Lena Hart. "This will fail," she said.', ["hart"]),
    ('Lena Hart, who interviewed Lin, was blunt. "This will fail," she said.', ["hart"]),
    ('Tang warned that compute is scarce, and he called it "a real gap".', ["tang"]),
]


@pytest.mark.parametrize(("text", "expected"), PRONOUNS)
def test_pronoun_resolution(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


def reported(text: str) -> list[tuple[str | None, str]]:
    found = find_reported_speech(
        text, extract_quotes(text), find_mentions(text, _table()), _is_person, _gender_of
    )
    return [(r.resolved.key if r.resolved else None, r.text) for r in found]


# Short content after the verb is content, not a trailing attribution; the words after the
# verb (nothing, an inverted subject, an audience, an adverbial) decide, not their number.
REPORTED = [
    ("Lin said demand would recover by 2027.", [("lin", "demand would recover by 2027")]),
    ("Tang warned the gap may be widening.", [("tang", "the gap may be widening")]),
    ("Lin told reporters demand would recover.", [("lin", "demand would recover")]),
    ("Lin said this year demand would recover.", [("lin", "this year demand would recover")]),
    ("Lin said in an interview that demand would recover.", [("lin", "demand would recover")]),
    ("Lin said, however, that demand would recover.", [("lin", "demand would recover")]),
    ("Compute is scarce, Lin said.", [("lin", "Compute is scarce")]),
    ("Compute is scarce, said Lin.", [("lin", "Compute is scarce")]),
    ("Compute is scarce, Lin said on Tuesday.", [("lin", "Compute is scarce")]),
    ("Compute is scarce, Lin told reporters at the summit.", [("lin", "Compute is scarce")]),
    ("Compute is scarce, said Lin Junyang, technical lead of the Qwen team.", [("lin", "Compute is scarce")]),
    (
        "Compute is scarce, Lin said, adding that the odds are low.",
        [("lin", "Compute is scarce"), ("lin", "the odds are low")],
    ),
    ("Lin Junyang disagreed with Tang. He said demand would recover.", [("lin", "demand would recover")]),
    ("Lin agreed.", []),
    ("Lin said so.", []),
]


@pytest.mark.parametrize(("text", "expected"), REPORTED)
def test_reported_speech_content(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert reported(text) == expected


def test_clause_verbs_are_speech_verbs() -> None:
    """One list of speech verbs: the clause verbs are those not limited to a quoted phrase."""
    from harness.text.attribution import _CLAUSE_VERBS, _PHRASE_ONLY_VERBS, SPEECH_VERBS

    assert set(SPEECH_VERBS) == _CLAUSE_VERBS | _PHRASE_ONLY_VERBS
    assert not _CLAUSE_VERBS & _PHRASE_ONLY_VERBS
    assert {"said", "estimated", "warned", "according to"} & _CLAUSE_VERBS == {"said", "estimated", "warned"}
    assert not {"called", "described", "dubbed"} & _CLAUSE_VERBS
