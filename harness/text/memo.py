"""A memo for facts about single words, read for every word of a summary."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class WordMemo(dict[str, T]):
    """`memo[word]` is `compute(word)`, worked out the first time a word is asked about.

    Mapping `memo.__getitem__` over a text's words is a plain dictionary lookup
    per word, faster than calling a `functools.lru_cache` function. Keys are
    single words (or a word with its punctuation), never texts, so a memo
    never replays a summary; it is emptied when it holds `limit` words.
    """

    def __init__(self, compute: Callable[[str], T], limit: int = 65536) -> None:
        super().__init__()
        self._compute = compute
        self._limit = limit

    def __missing__(self, word: str) -> T:
        if len(self) >= self._limit:
            self.clear()
        value = self[word] = self._compute(word)
        return value
