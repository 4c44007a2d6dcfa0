"""Quote extraction on the kinds of text real summaries contain."""

from __future__ import annotations

import pytest

from harness.text import extract_quotes

CASES = [
    ('Lin said "we are stretched thin" today.', ["we are stretched thin"]),
    ("Tang warned that “the gap may actually be widening.”", ["the gap may actually be widening."]),
    ("He called it 'highly optimistic' while China's firms' chips lag.", ["highly optimistic"]),
    (
        "Tang: «Meaningless internal competition serves no purpose».",
        ["Meaningless internal competition serves no purpose"],
    ),
    (
        '"We just released models," he said. "But the gap may be widening."',
        ["We just released models,", "But the gap may be widening."],
    ),
    ('"A. B," he said.', ["A. B,"]),
    (
        "- **Tang Jie:** “Meaningless internal competition serves no purpose.”",
        ["Meaningless internal competition serves no purpose."],
    ),
    ("It's the '90s all over again, isn't it?", []),
    ("The firms' chips and the companies' models are behind.", []),
    ("Tang said 'the firms' chips are weak' on Saturday.", ["the firms' chips are weak"]),
    ('Lin said "unclosed quote\nNext line "closed one" here.', ["closed one"]),
    ("“He said ‘widening’ twice,” Lin noted.", ["He said ‘widening’ twice,"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_extract_quotes(text: str, expected: list[str]) -> None:
    assert [q.text for q in extract_quotes(text)] == expected


def test_spans_are_offsets_into_the_text() -> None:
    text = "Yao saw a “high likelihood” of success."
    (q,) = extract_quotes(text)
    assert text[q.start : q.end] == "high likelihood"
    assert text[q.open_start] == "“" and text[q.close_end - 1] == "”"
