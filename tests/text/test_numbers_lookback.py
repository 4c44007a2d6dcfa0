"""Qualifiers found by looking back from a number or a multiple ("no more than doubled").

The parser finds the number (or the verb) first and looks for its qualifier
just before it; these cases pin what a left-to-right scan would read.
"""

from __future__ import annotations

import pytest

from harness.text import parse_numbers

CASES = [
    ("sales more than doubled", "more than doubled", "more_than"),
    ("sales no  more\n than doubled", "no  more\n than doubled", "at_most"),
    ("costs nearly tripled", "nearly tripled", "about"),
    ("revenue doubled", "doubled", "exact"),
    ("an awesome doubling", "some doubling", "about"),  # no word boundary before a qualifier
    ("raised more than RMB5 billion", "more than RMB5 billion", "more_than"),
    ("raised more than US$3 billion", "more than US$3 billion", "more_than"),
    ("between US$3 and US$5", "between US$3 and US$5", "exact"),
    ("up to\nfive years", "up to\nfive years", "at_most"),
]


@pytest.mark.parametrize(("text", "surface", "qualifier"), CASES)
def test_qualifier_before_a_number(text: str, surface: str, qualifier: str) -> None:
    (n,) = parse_numbers(text)
    assert (n.text, n.qualifier) == (surface, qualifier)


def test_list_numbering_is_not_a_number_anywhere_in_the_text() -> None:
    text = "Intro line.\n1. First point with 30% growth\n  2) second"
    assert [n.text for n in parse_numbers(text)] == ["30%"]
