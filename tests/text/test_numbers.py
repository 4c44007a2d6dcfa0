"""Number parsing: values, ranges, units and qualifiers as news writes them."""

from __future__ import annotations

import pytest

from harness.text import parse_numbers

CASES = [
    ("a less than 20% chance", "less than 20%", "percent", 20, None, None, "less_than"),
    ("chances are below 20 percent", "below 20 percent", "percent", 20, None, None, "less_than"),
    ("less than a 20% chance", "less than a 20%", "percent", 20, None, None, "less_than"),
    ("in the next three to five years", "three to five years", "year", None, 3, 5, "exact"),
    ("over three to five years", "three to five years", "year", None, 3, 5, "exact"),
    ("3-5 years", "3-5 years", "year", None, 3, 5, "exact"),
    (
        "one to two orders of magnitude larger",
        "one to two orders of magnitude",
        "order_of_magnitude",
        None,
        1,
        2,
        "exact",
    ),
    ("an order of magnitude", "an order of magnitude", "order_of_magnitude", 1, None, None, "exact"),
    ("still 1–2 generations behind", "1–2 generations", "generation", None, 1, 2, "exact"),
    ("MiniMax shares more than doubled", "more than doubled", "times", 2, None, None, "more_than"),
    ("raised HK$4.35 billion", "HK$4.35 billion", "hkd", 4.35e9, None, None, "exact"),
    ("more than $1 billion", "more than $1 billion", "usd", 1e9, None, None, "more_than"),
    ("US$300m war chest", "US$300m", "usd", 3e8, None, None, "exact"),
    ("10 billion yuan", "10 billion yuan", "cny", 1e10, None, None, "exact"),
    ("over 400 open models", "over 400", "count", 400, None, None, "more_than"),
    ("by 2030", "2030", "calendar_year", 2030, None, None, "exact"),
    ("30 per cent or less", "30 per cent or less", "percent", 30, None, None, "at_most"),
    ("downloaded 1 billion times", "1 billion times", "count", 1e9, None, None, "exact"),
]


@pytest.mark.parametrize(("text", "surface", "unit", "value", "low", "high", "qualifier"), CASES)
def test_parse_numbers(
    text: str,
    surface: str,
    unit: str,
    value: float | None,
    low: float | None,
    high: float | None,
    qualifier: str,
) -> None:
    (n,) = parse_numbers(text)
    assert (n.text, n.unit, n.value, n.low, n.high, n.qualifier) == (
        surface,
        unit,
        value,
        low,
        high,
        qualifier,
    )
    assert text[n.start : n.end] == surface


@pytest.mark.parametrize(
    "text",
    ["Nvidia H100 and Ascend 910B", "GPT-4 and Qwen3", "in the 2030s", "one executive said", "January 12"],
)
def test_not_numbers(text: str) -> None:
    assert parse_numbers(text) == []


def test_year_then_percent_is_not_a_range() -> None:
    got = [(n.text, n.unit) for n in parse_numbers("from 1.2% in late 2024 to 30% last year")]
    assert got == [("1.2%", "percent"), ("2024", "calendar_year"), ("30%", "percent")]


def test_list_numbering_is_not_a_number() -> None:
    assert [n.text for n in parse_numbers("1. Lin spoke.\n2. Tang spoke about 36%.")] == ["about 36%"]


def test_shifted_moves_only_the_span() -> None:
    sentence = "Revenue grew more than 20% last year."
    n = parse_numbers(sentence)[0]
    moved = n.shifted(100)
    assert (moved.start, moved.end) == (n.start + 100, n.end + 100)
    assert (moved.text, moved.unit, moved.value, moved.qualifier) == (n.text, n.unit, n.value, n.qualifier)


def test_look_alike_letters_do_not_crash_the_multiples() -> None:
    # A dotless or dotted capital i folds to "i" for the pattern but not for the table.
    for text in ("Usage trıpled last year.", "Usage trİpled last year."):
        assert [n.text for n in parse_numbers(text)] == []
    assert [n.value for n in parse_numbers("Usage more than tripled.")] == [3.0]
