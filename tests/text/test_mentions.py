"""`NameMention`: its hand-written fast `__init__` must stay a frozen dataclass's."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from harness.text.mentions import NameMention


def test_init_takes_every_field_in_order():
    params = list(inspect.signature(NameMention.__init__).parameters)[1:]
    assert params == [f.name for f in dataclasses.fields(NameMention)]


def test_init_sets_every_field_and_defaults():
    m = NameMention(4, 12, "Tang Jie", "tang-jie", "name")
    assert (m.start, m.end, m.text, m.key, m.kind, m.possessive, m.gender) == (
        4,
        12,
        "Tang Jie",
        "tang-jie",
        "name",
        False,
        None,
    )
    assert m == NameMention(4, 12, "Tang Jie", "tang-jie", "name", False, None)
    assert hash(m) == hash(NameMention(4, 12, "Tang Jie", "tang-jie", "name"))
    assert dataclasses.replace(m, possessive=True).possessive is True


def test_still_frozen():
    m = NameMention(0, 2, "He", None, "pronoun", gender="m")
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.start = 1  # type: ignore[misc]
