"""Normalisation and word tokens with offsets.

Quote checking allows differences of case, punctuation, typographic quotes
and dashes, and marked elisions; everything else is a word change. So a
quote is compared as a sequence of normalised word tokens, each keeping its
character span in the original text so findings and evidence can point at
the exact characters.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

from harness.text.memo import WordMemo

# Apostrophe-like marks inside words ("there’s", "China's") become "'".
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})

# A word: letters/digits, possibly with inner apostrophes ("don't") or
# decimal/thousands separators ("1.2", "4,000"); "%" is a word of its own
# ("percent"), so "20%" and "20 percent" tokenise alike.
_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+(?:['’][^\W_]+)*|%")

ELISION_RE = re.compile(r"\[\s*(?:\.\s*\.\s*\.|…)\s*\]|\.\s?\.\s?\.|…|\[[^\]\n]{0,60}\]")
"""Marked elisions (`...`, `…`, `[...]`) and editorial insertions (`[the US]`)."""

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "as",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "do",
        "does",
        "did",
        "has",
        "have",
        "had",
        "having",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "it's",
        "they",
        "them",
        "their",
        "there",
        "here",
        "then",
        "than",
        "so",
        "such",
        "not",
        "no",
        "yes",
        "if",
        "while",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "why",
        "how",
        "also",
        "just",
        "very",
        "we",
        "our",
        "us",
        "i",
        "me",
        "my",
        "you",
        "your",
        "he",
        "him",
        "his",
        "she",
        "her",
        "one",
        "some",
        "any",
        "all",
        "each",
        "more",
        "most",
        "much",
        "many",
        "own",
        "only",
        "even",
        "still",
        "yet",
        "up",
        "out",
        "off",
        "again",
        "further",
        "once",
        "both",
        "few",
        "other",
        "same",
        "too",
        "s",
        "t",
        "said",
        "says",
        "say",
        "told",
        "according",
    ]
)
"""Function words ignored when comparing content (never when checking verbatim)."""


class Token(NamedTuple):
    """A normalised word and where it stands: text[start:end]."""

    norm: str
    start: int
    end: int


@lru_cache(maxsize=65536)
def normalize_word(word: str) -> str:
    """Casefold, unify apostrophes, drop thousands separators; '%' -> 'percent'."""
    if word == "%":
        return "percent"
    w = word.translate(_APOSTROPHES).casefold()
    if w[:1].isdigit() and "," in w:
        w = w.replace(",", "")
    return w


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Normalised word tokens of text[start:end], offsets into `text`."""
    end = len(text) if end is None else end
    return [
        Token(normalize_word(m.group()), m.start(), m.end()) for m in _TOKEN_RE.finditer(text, start, end)
    ]


# A word (a `_TOKEN_RE` match) starts and ends with a letter, a digit or '%' and never spans
# white space. So a chunk of text between spaces that is all letters once these marks (none
# a letter, digit or '%') are stripped from its ends is exactly one word: the common case,
# read without running the word pattern.
_AROUND_WORDS = "\"“”‘’'.,;:!?()[]{}<>—–-…*/«»"


def words(text: str) -> list[str]:
    """Just the normalised words of a text (as `_TOKEN_RE` finds them)."""
    return list(chain.from_iterable(map(_CHUNK_WORDS.__getitem__, text.split())))


def _chunk_words(chunk: str) -> tuple[str, ...]:
    """The normalised words of one chunk of text between spaces (a word as written, with
    the punctuation around it). Memoised (`_CHUNK_WORDS`): texts reuse the same written words."""
    if chunk.isalpha():
        return (normalize_word(chunk),)
    core = chunk.strip(_AROUND_WORDS)
    if core.isalpha():
        return (normalize_word(core),)
    return tuple(map(normalize_word, _TOKEN_RE.findall(chunk)))


_CHUNK_WORDS = WordMemo(_chunk_words)


def content_words(text: str) -> list[str]:
    """Normalised words minus function words, lightly stemmed (see `stem`)."""
    return [stem(w) for w in words(text) if w not in STOPWORDS]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude, deterministic stem so 'models'~'model', 'estimated'~'estimate'.

    Good enough for overlap scores; never used for verbatim comparison.
    """
    w = word.replace("'s", "")
    if len(w) > 4:
        for suffix in (
            "ations",
            "ation",
            "ments",
            "ment",
            "ings",
            "ing",
            "edly",
            "ies",
            "ied",
            "ed",
            "es",
            "s",
            "ly",
        ):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                w = w[: -len(suffix)]
                break
    return w


def char_positions(text: str, chars: str) -> list[int]:
    """Where each of `chars` (distinct characters) stands in `text`, in order. Found with
    `str.find`, which skips ahead far faster than a pattern tries every character."""
    found = []
    for ch in chars:
        i = text.find(ch)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1)
    found.sort()
    return found


def may_hold_elisions(text: str) -> bool:
    """Whether `text` may hold a marked elision: each one holds '…', '[' or three full
    stops, and most texts (quotes) have none, found without running `ELISION_RE`."""
    return "…" in text or "[" in text or text.count(".") >= 3


def split_elisions(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The [start, end) stretches of text[start:end] between marked elisions."""
    end = len(text) if end is None else end
    if not may_hold_elisions(text[start:end]):  # the common case, found without the pattern
        return [(start, end)] if _TOKEN_RE.search(text, start, end) else []
    parts, pos = [], start
    for m in ELISION_RE.finditer(text, start, end):
        if m.start() > pos:
            parts.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        parts.append((pos, end))
    return [(a, b) for a, b in parts if _TOKEN_RE.search(text, a, b)]


def word_count(text: str) -> int:
    """Words as an editor counts them (numbers count, punctuation does not)."""
    return len(_TOKEN_RE.findall(text)) - text.count("%")  # every '%' is a token of its own
