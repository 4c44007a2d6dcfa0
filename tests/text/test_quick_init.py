"""`quick_init`: the records made for every quote, name and number of a summary
behave exactly as the frozen dataclasses they are, only cheaper to make."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from harness.text.attribution import Attribution, ReportedSpeech
from harness.text.mentions import NameMention
from harness.text.numbers import NumberMention, parse_numbers
from harness.text.quotes import QuoteMention, extract_quotes
from harness.text.records import quick_init

RECORDS = [QuoteMention, NameMention, NumberMention, Attribution, ReportedSpeech]


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_init_takes_the_fields_in_order_with_their_defaults(cls):
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    assert [(p.name, p.default) for p in params] == [
        (f.name, inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default)
        for f in dataclasses.fields(cls)
    ]


def test_fields_and_defaults_are_set():
    n = NumberMention(3, 6, "20%", "percent", value=20.0)
    assert dataclasses.astuple(n) == (3, 6, "20%", "percent", 20.0, None, None, "exact", False, None)
    m = NameMention(4, 12, "Tang Jie", "tang-jie", "name")
    assert (m.possessive, m.gender) == (False, None)
    assert m == NameMention(4, 12, "Tang Jie", "tang-jie", "name", False, None)
    assert hash(m) == hash(NameMention(4, 12, "Tang Jie", "tang-jie", "name", possessive=False))


def test_records_from_real_text_compare_replace_and_stay_frozen():
    text = "Lin said the odds are “less than 20%” over three to five years."
    quote = extract_quotes(text)[0]
    assert quote == QuoteMention(
        quote.start, quote.end, "less than 20%", quote.open_start, quote.close_end, "“"
    )
    numbers = parse_numbers(text)
    assert [(n.text, n.value, n.low, n.high) for n in numbers] == [
        ("less than 20%", 20.0, None, None),
        ("three to five years", None, 3.0, 5.0),
    ]
    moved = numbers[0].shifted(10)
    assert (moved.start, moved.end) == (numbers[0].start + 10, numbers[0].end + 10)
    assert dataclasses.replace(moved, start=numbers[0].start, end=numbers[0].end) == numbers[0]
    for record in (quote, numbers[0]):
        with pytest.raises(dataclasses.FrozenInstanceError):
            record.start = 0  # type: ignore[misc]


def test_refuses_fields_it_cannot_set_plainly():
    with pytest.raises(TypeError, match="plain defaults"):

        @quick_init
        @dataclasses.dataclass(frozen=True, slots=True)
        class WithFactory:
            items: list[int] = dataclasses.field(default_factory=list)
