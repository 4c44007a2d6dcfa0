"""Regular expressions for long word lists, as tries.

Python's `re` tries the branches of `a|b|c` one after another, so a list
of fifty words costs fifty tests at every position a search visits. The
same list written as a trie ("s(?:a(?:id|ys?)|tate[ds])") costs one test
per letter. The trie prefers longer words where words share a prefix, as a
longest-first alternation does, so it matches what such an alternation
matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def word_trie(words: Iterable[str], space: str = r"\s+") -> str:
    """A non-capturing pattern matching any of `words` (longest first where they share a prefix).

    A space inside a word matches `space`; every other character matches itself.
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _pattern(tree, space) or "(?!)"


def _pattern(node: dict[str, dict], space: str) -> str:
    branches = [
        (space if ch == " " else re.escape(ch)) + _pattern(child, space)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
