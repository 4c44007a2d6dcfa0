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

`read` goes further and gives the text the scorers read: soft breaks read
through, and markup blanked to plain spaces, again one character for one:
Markdown emphasis (`**Tang Jie**`, `*"..."*`), links (`[Zhipu AI](https://...)`
reads "Zhipu AI"), bare URLs, citation marks (`[1]`), block-quote markers, a
byte-order mark and unusual spaces (no-break, thin).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

_MARKDOWN_HEADING_RE = re.compile(r"^\s*(?:#{1,6}\s|\*\*[^*]+\*\*\s*:?\s*$|__[^_]+__\s*$)")
_BLOCK_START_RE = re.compile(r"[ \t]*(?:$|[-*+•–—][ \t]|\d{1,3}[.)](?:[ \t]|$)|#|>|\||```|~~~)")
_HEADING_END = (".", "?", "!", ":", ";", ",", '"', "”")


def is_heading_line(line: str) -> bool:
    """A Markdown heading or bold label line, or a short title-case line without end punctuation."""
    if _MARKDOWN_HEADING_RE.match(line):
        return True
    stripped = line.strip()
    if stripped.endswith(_HEADING_END):
        return False  # as most lines of prose: no need to count their words
    words = stripped.split(maxsplit=12)  # 13 parts: more than 12 words
    return 0 < len(words) <= 12 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def heading_lines(text: str) -> list[tuple[int, int]]:
    """[start, end) of each heading line of `text`."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line and is_heading_line(line):  # (blank lines, as between paragraphs, are not)
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def unwrap(text: str) -> str:
    """`text` with each soft line break (a wrap inside a paragraph) replaced by a space."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    if not any(map(_runs_on, lines, lines[1:])):
        return text  # every paragraph one line, as most summaries write them: no break to read through
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


# Markup around words: Markdown emphasis (not bullets, not inner underscores), links and
# their targets, bare URLs, citation marks ("[1]", "[^2]", "[1, 3]"). A mark that closes
# trades places with the punctuation or possessive after it, so "**Yao Shunyu**, Alibaba's"
# reads "Yao Shunyu,   Alibaba's": words keep their offsets and stay next to the commas
# and possessives the rules read (a full stop stays put: it may close a quotation).
_OPENING = (
    r"(?<![\w*])[*_]{1,3}(?=[\w\"“‘'«(\[])"
    r"|\[(?=[^\]\n]{1,200}\]\([^)\s]+\))"
    r"|\bhttps?://[^\s<>()\[\]\"“”]*[^\s<>()\[\]\"“”.,;:!?'’]"
)
_CLOSING = (
    r"(?<=[\w.,!?;:\"”’'»)%])[*_]{1,3}(?=[’'\s,.;:!?)\]]|$)"
    r"|\]\([^)\s]+(?:\s+\"[^\"\n]*\")?\)"
    r"|\[\^?\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]"
)
_MARKUP_RE = re.compile(rf"(?P<open>{_OPENING})|(?P<close>{_CLOSING})(?P<after>(?:[’']s?(?!\w)|[,;:)\]])*)")
# Markup only starts at one of these: `_unmarked` jumps from one to the next rather than
# trying the whole pattern at every character, and first looks for each with `in` (most
# texts have none).
_MARKUP_START_RE = re.compile(r"\*|_|\[|\]|https?://")
_MARKUP_STARTS = ("*", "_", "[", "]", "http")
_BLOCK_QUOTE_RE = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.MULTILINE)
_ODD_SPACES = "\ufeff\u00a0\u2007\u2009\u200a\u202f\u200b\u2060\u3000"
_ODD_SPACE_RE = re.compile(f"[{_ODD_SPACES}]")


@dataclass(frozen=True)
class Reading:
    """What the scorers read of a summary: `text` has the summary's length and offsets."""

    text: str
    headings: list[tuple[int, int]]  # heading lines, found before emphasis is blanked


def read(text: str) -> Reading:
    """The summary as the scorers read it (see the module docstring)."""
    plain = unwrap(_BLOCK_QUOTE_RE.sub(_blank, text) if ">" in text else text)
    headings = heading_lines(plain)
    plain = _unmarked(_plain_spaces(plain))
    return Reading(plain, headings)


def _plain_spaces(text: str) -> str:
    """`text` with each unusual space as a plain one. Most texts have none, and looking for
    each with `in` is much faster than a pattern's scan of every character."""
    if any(space in text for space in _ODD_SPACES):
        return _ODD_SPACE_RE.sub(" ", text)
    return text


def _unmarked(text: str) -> str:
    """`text` with its markup blanked (`_MARKUP_RE.sub(_unmark, text)`, without trying the
    pattern where no markup can start)."""
    if not any(mark in text for mark in _MARKUP_STARTS):
        return text  # `in` finds that far faster than a pattern's scan of every character
    out: list[str] = []
    pos = 0
    for candidate in _MARKUP_START_RE.finditer(text):
        at = candidate.start()
        if at < pos:
            continue  # inside the markup just blanked
        m = _MARKUP_RE.match(text, at)
        if m is not None:
            out += (text[pos:at], _unmark(m))
            pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _unmark(m: re.Match[str]) -> str:
    if m.group("open") is not None:
        return " " * len(m.group())
    return m.group("after") + " " * len(m.group("close"))
