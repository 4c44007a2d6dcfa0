"""Find direct quotations in news text.

Handles straight and curly double quotes, guillemets, low-9 quotes, and
single quotes without mistaking apostrophes ("China's", "firms' chips",
"'90s"). Quotes may span sentences but not lines (a line is a paragraph,
bullet or heading); single quotes nested
inside a double-quoted passage belong to it and are not reported on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import attrgetter

from harness.text.normalize import char_positions
from harness.text.records import quick_init

_DOUBLE_OPEN = {"“": "”", "«": "»", "„": "“", "‹": "›", "»": "«"}
_DOUBLE_CLOSE = {"”", "»", "“", "›", "«"}
_OPENING_CONTEXT = set(" \t\n\r([{*_-—–/:>") | {"\u00a0"}


@quick_init
@dataclass(frozen=True, slots=True)
class QuoteMention:
    """One quotation: `text[start:end]` is the words inside the marks.

    `open_start` is the offset of the opening mark and `close_end` the offset
    just after the closing mark.
    """

    start: int
    end: int
    text: str
    open_start: int
    close_end: int
    mark: str  # the opening mark: '"', '“', "'", '‘', '«', ...


def extract_quotes(text: str) -> list[QuoteMention]:
    """Every top-level quotation in `text`, in order of position."""
    # Quotes never span lines: lines are paragraphs or bullets.
    doubles = _double_quotes(text)
    singles = _single_quotes(text, doubles)
    # Double quotes are found in order (one closes before the next opens).
    quotes = sorted(doubles + singles, key=_open_start) if singles else doubles
    return [q for q in quotes if _ALNUM_RE.search(q.text)]  # some letter or digit inside


_ALNUM_RE = re.compile(r"[^\W_]")  # a character `str.isalnum` holds true of
_open_start = attrgetter("open_start")


def _crosses_break(text: str, a: int, b: int) -> bool:
    """Whether a line break lies strictly between `a` and `b`."""
    return text.find("\n", a + 1, b) >= 0


def _is_opening_position(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev in _OPENING_CONTEXT or prev in "\"“‘'") and not nxt.isspace()


def _mention(text: str, open_at: int, close_at: int) -> QuoteMention:
    start, end = open_at + 1, close_at
    # Trim whitespace inside the marks so the span is exactly the words.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteMention(start, end, text[start:end], open_at, close_at + 1, text[open_at])


def _double_quotes(text: str) -> list[QuoteMention]:
    out: list[QuoteMention] = []
    open_at: int | None = None
    open_mark = ""
    for i in char_positions(text, _DOUBLE_MARKS):  # every other character is ignored
        ch = text[i]
        if ch == '"':
            if open_at is None:
                if _is_opening_position(text, i):
                    open_at, open_mark = i, ch
            elif open_mark == '"' or not _is_opening_position(text, i):
                if _crosses_break(text, open_at, i):
                    open_at = i if _is_opening_position(text, i) else None
                    open_mark = ch
                    continue
                out.append(_mention(text, open_at, i))
                open_at = None
        elif (
            open_at is not None
            and ch in _DOUBLE_CLOSE
            and (_DOUBLE_OPEN.get(open_mark) == ch or (open_mark == '"' and ch in "”»"))
        ):
            if _crosses_break(text, open_at, i):
                open_at = None
                continue
            out.append(_mention(text, open_at, i))
            open_at = None
        elif ch in _DOUBLE_OPEN and (ch != "»" or _is_opening_position(text, i)):
            if ch == "“" and open_at is not None and open_mark == "„":
                continue  # handled above as the closing mark of „...“
            open_at, open_mark = i, ch
    return out


_SINGLE_OPENERS = "'‘‚"
_SINGLE_CLOSERS = "'’‘"
# Only these characters can open or close a quotation: the scanners jump from one to the next.
_DOUBLE_MARKS = "".join(dict.fromkeys('"' + "".join(_DOUBLE_OPEN) + "".join(_DOUBLE_CLOSE)))
_SINGLE_CLOSER_RE = re.compile("[" + re.escape(_SINGLE_CLOSERS) + "]")
_DECADE_RE = re.compile(r"['’‘]\d\d?s\b")


def _single_quotes(text: str, doubles: list[QuoteMention]) -> list[QuoteMention]:
    out: list[QuoteMention] = []
    resume = 0  # scanning resumes after the last closing mark
    for i in char_positions(text, _SINGLE_OPENERS):
        if i < resume or (i > 0 and text[i - 1].isalnum()):
            continue  # inside the last quote, or an apostrophe in a word ("China's": most marks)
        if _is_single_opener(text, i) and not any(q.open_start < i < q.close_end for q in doubles):
            close = _single_closer(text, i)
            if close is not None:
                out.append(_mention(text, i, close))
                resume = close + 1
    return out


def _is_single_opener(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isalnum() or not (nxt.isalnum() or nxt in "…["):
        return False
    if _DECADE_RE.match(text, i):
        return False
    return prev in _OPENING_CONTEXT or prev in '"“'


def _single_closer(text: str, open_at: int) -> int | None:
    """The closing single quote after `open_at`, skipping apostrophes.

    A closer follows a non-space and is not followed by a letter (that would
    be "don't"). A plural possessive ("firms' chips") looks like a closer;
    it is taken only if no better closer ends the same paragraph.
    """
    end = text.find("\n", open_at + 1)  # the end of the paragraph
    end = len(text) if end < 0 else end
    weak: int | None = None
    for mark in _SINGLE_CLOSER_RE.finditer(text, open_at + 1, end):
        j = mark.start()
        prev = text[j - 1]
        nxt = text[j + 1] if j + 1 < len(text) else " "
        if prev.isspace() or nxt.isalnum():
            continue
        possessive = prev in "sS" and nxt == " " and j + 2 < len(text) and text[j + 2].islower()
        if possessive and not _speech_follows(text, j + 2):
            if weak is None:
                weak = j
            continue
        return j
    return weak


_SPEECH_AFTER_RE = re.compile(r"(?:he|she|they|said|says|added|noted|asserted|warned|stated)\b")


def _speech_follows(text: str, i: int) -> bool:
    return bool(_SPEECH_AFTER_RE.match(text, i))
