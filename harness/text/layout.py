"""Line layout of a summary: heading lines, and soft line breaks to read through.

Summaries kept as Markdown are often hard-wrapped: a paragraph's lines end
near column 72, in the middle of a sentence, a name or a quotation. Markdown
renders such a break as a space, and the checker must read it as one too, or
a quotation cut by a wrap loses its speaker. `unwrap` turns each soft break
into a space, one character for one, so every offset into the result is an
offset into the text as written.

A break is soft inside a paragraph (no blank line, bullet, numbered item,
heading, block quote, table row or code fence next) when the next line goes
on in lower case, or when the paragraph is hard-wrapped (its lines run
close to one width) and the next line's first word would not have fitted on
the line: a wrapper moved it. Lines of a list written without bullets stay
apart: their next words would have fitted.
"""

from __future__ import annotations

import re
from itertools import pairwise

_MARKDOWN_HEADING_RE = re.compile(r"^\s*(?:#{1,6}\s|\*\*[^*]+\*\*\s*:?\s*$|__[^_]+__\s*$)")
_BLOCK_START_RE = re.compile(r"[ \t]*(?:$|[-*+•–—][ \t]|\d{1,3}[.)](?:[ \t]|$)|#|>|\||```|~~~)")
_HEADING_END = (".", "?", "!", ":", ";", ",", '"', "”")


def is_heading_line(line: str) -> bool:
    """A Markdown heading or bold label line, or a short title-case line without end punctuation."""
    if _MARKDOWN_HEADING_RE.match(line):
        return True
    stripped = line.strip()
    words = stripped.split()
    return (
        0 < len(words) <= 12
        and not stripped.endswith(_HEADING_END)
        and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)
    )


def heading_lines(text: str) -> list[tuple[int, int]]:
    """[start, end) of each heading line of `text`."""
    out, pos = [], 0
    for line in text.split("\n"):
        if is_heading_line(line):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def unwrap(text: str) -> str:
    """`text` with each soft line break (a wrap inside a paragraph) replaced by a space."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    out = [lines[0]]
    start = 0  # first line of the current block
    while start < len(lines):
        end = start  # the block's lines run on from one to the next (no blank line or block start)
        while end + 1 < len(lines) and _runs_on(lines[end], lines[end + 1]):
            end += 1
        width = _wrap_width(lines[start : end + 1])
        for line, following in pairwise(lines[start : end + 1]):
            out.append(" " if _soft_break(line, following, width) else "\n")
            out.append(following)
        if end + 1 < len(lines):
            out.append("\n")
            out.append(lines[end + 1])
        start = end + 1
    return "".join(out)


def _runs_on(line: str, following: str) -> bool:
    """Whether `following` may continue `line`'s paragraph."""
    if not line.strip() or not following.strip() or _MARKDOWN_HEADING_RE.match(line):
        return False
    return not _BLOCK_START_RE.match(following)


def _wrap_width(block: list[str]) -> int | None:
    """The column a hard-wrapped block was wrapped at (its longest line), or None when it
    does not look wrapped: most lines but the last run close to one width of at most 100."""
    if len(block) < 2:
        return None
    widths = [len(line.rstrip()) for line in block]
    width = max(widths)
    full = sum(w >= 0.7 * width for w in widths[:-1])
    return width if width <= 100 and full >= 0.75 * (len(block) - 1) else None


def _soft_break(line: str, following: str, width: int | None) -> bool:
    """A wrap, not a break: the next line starts in lower case, or, in a wrapped block,
    its first word would not have fitted on this line (so a wrapper moved it)."""
    nxt = following.lstrip()
    if nxt[:1].islower():
        return True
    return width is not None and len(line.rstrip()) + 1 + len(nxt.split()[0]) > width
