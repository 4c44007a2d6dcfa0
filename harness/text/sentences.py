"""Sentence and line boundaries that respect quotations and abbreviations.

A quotation that spans sentences stays in one unit with its attribution, so
`"A. B," he said.` is one sentence for speaker resolution.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import pairwise

from harness.text.normalize import char_positions
from harness.text.quotes import QuoteMention

_BOUNDARY_RE = re.compile(r"(?<=[.!?…])[\"”’'»)*_]*\s+(?=[\"“‘'«(*_#\-•]*[A-Z0-9])|\n+")
# A boundary starts just after sentence-ending punctuation or at a line break: `_boundaries`
# jumps from one of these to the next rather than trying the pattern at every character.
_BOUNDARY_HINTS = ".!?…\n"
_ABBREVIATIONS = frozenset(
    [
        "u.s",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "no",
        "vs",
        "e.g",
        "i.e",
        "inc",
        "corp",
        "ltd",
        "co",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)


def sentence_spans(text: str, quotes: Sequence[QuoteMention] = ()) -> list[tuple[int, int]]:
    """[start, end) of each sentence; never splits inside a quotation or at 'U.S.'."""
    cuts = [0]
    # Boundaries come in order, so the quotes opened before one are a growing prefix of
    # `inside` (each as where it opens and where its closing mark stands): a boundary is
    # inside a quotation when the furthest of their closing marks is past it.
    inside = sorted((q.open_start, q.close_end - 1) for q in quotes)
    opened, furthest_close = 0, -1
    for m in _boundaries(text):
        if "\n" not in m.group():
            at = m.start()
            while opened < len(inside) and inside[opened][0] < at:
                furthest_close = max(furthest_close, inside[opened][1])
                opened += 1
            if at < furthest_close or _after_abbreviation(text, at):
                continue
        cuts.append(m.end())
    cuts.append(len(text))
    spans = []
    for a, b in pairwise(cuts):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
    return spans


def _boundaries(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_BOUNDARY_RE.finditer(text)`, found without a match attempt at
    every character."""
    end = 0
    for hint in char_positions(text, _BOUNDARY_HINTS):
        at = hint if text[hint] == "\n" else hint + 1
        if at < end:
            continue  # inside the boundary just found
        m = _BOUNDARY_RE.match(text, at)
        if m is not None:
            yield m
            end = m.end()


def _after_abbreviation(text: str, at: int) -> bool:
    """True when the full stop before `at` ends an abbreviation like 'U.S.' or 'Mr.'."""
    j = at
    while j > 0 and text[j - 1] in "\"”’'»)*_":
        j -= 1
    if j == 0 or text[j - 1] != ".":
        return False
    # The word before the full stop starts after the last space; and when it is printable, no
    # other white space (all of it unprintable: a line break, a tab) cuts it shorter.
    word = text[text.rfind(" ", 0, j - 1) + 1 : j - 1]
    if not word.isprintable():
        k = j - 1
        while k > 0 and not text[k - 1].isspace():
            k -= 1
        word = text[k : j - 1]
    word = word.lstrip("(\"“'‘").casefold()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def line_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each non-empty line."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out
