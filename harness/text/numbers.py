"""Find numbers in news text and read them as structured values.

"less than 20%", "below 20 percent", "three to five years", "1–2
generations", "one to two orders of magnitude", "more than doubled",
"HK$4.35 billion", "over 400 models", "by 2030": each becomes a
`NumberMention` with a value or a low/high range, a unit from
`harness.goldset.spec.Unit`, a qualifier, and its span.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from harness.goldset.spec import Qualifier, Unit
from harness.text.patterns import word_trie
from harness.text.records import quick_init

_SMALL = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
WORD_VALUES: dict[str, int] = (
    {w: i for i, w in enumerate(_SMALL)} | _TENS | {"hundred": 100, "a hundred": 100}
)
"""Spelled-out numbers this parser reads (compounds like 'twenty-five' too)."""

_WORDNUM = (
    r"(?:" + word_trie(_TENS) + r"(?:[-\s]" + word_trie(_SMALL[1:10]) + r")?"
    r"|a\s+hundred|hundred|" + word_trie(_SMALL) + r")"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_NUM = rf"(?:{_DIGITS}|\b{_WORDNUM}\b)"
_CUR = r"(?:us\$|hk\$|rmb\s?|cn¥|¥|\$|€|£)"
_SCALE = r"(?:\s?(?:million|billion|trillion|thousand|bn|mn|m|b|k)\b)"

QUALIFIER_WORDS: dict[str, Qualifier] = {
    "less than": "less_than",
    "fewer than": "less_than",
    "lower than": "less_than",
    "under": "less_than",
    "below": "less_than",
    "just under": "less_than",
    "no more than": "at_most",
    "not more than": "at_most",
    "at most": "at_most",
    "up to": "at_most",
    "as many as": "at_most",
    "as much as": "at_most",
    "more than": "more_than",
    "over": "more_than",
    "above": "more_than",
    "greater than": "more_than",
    "higher than": "more_than",
    "exceeding": "more_than",
    "in excess of": "more_than",
    "well over": "more_than",
    "just over": "more_than",
    "upwards of": "more_than",
    "at least": "at_least",
    "no less than": "at_least",
    "no fewer than": "at_least",
    "about": "about",
    "around": "about",
    "roughly": "about",
    "approximately": "about",
    "nearly": "about",
    "almost": "about",
    "close to": "about",
    "some": "about",
    "an estimated": "about",
    "~": "about",
}
"""Words before a number and the qualifier they give it."""

_QUAL = word_trie(QUALIFIER_WORDS)

_UNIT_WORDS: list[tuple[str, Unit]] = [
    (r"percentage\s+points?", "percent"),
    (r"per\s?cent", "percent"),
    (r"orders?\s+of\s+magnitude", "order_of_magnitude"),
    (r"generations?", "generation"),
    (r"years?", "year"),
    (r"months?", "month"),
    (r"days?", "day"),
    (r"times", "times"),
    (r"fold", "times"),
    (r"yuan", "cny"),
    (r"renminbi", "cny"),
    (r"(?:us\s+|u\.s\.\s+)?dollars", "usd"),
    (r"hong\s+kong\s+dollars", "hkd"),
]
_UNIT = "|".join(pat for pat, _ in _UNIT_WORDS)
_UNIT_WORD_PATTERNS = [(re.compile(pat, re.IGNORECASE), unit) for pat, unit in _UNIT_WORDS]

# In lower case: compiled case-insensitively it reads any text, and compiled as it is
# a `_Lowered` text (see `_Patterns`).
_NUMBER = rf"""
    (?<![\w.@#/])(?<![a-z]-)
    (?:(?P<qual>{_QUAL})\s+(?:a\s+)?)?
    (?:between\s+)?
    (?P<cur1>{_CUR})?(?P<n1>{_NUM})(?P<scale1>{_SCALE})?(?P<pct1>\s?%)?
    (?:
        (?P<rsep>\s?[-–—]\s?(?!\w+\s+(?:years?|months?)\s+old)|\s?-?to-?\s?|\s+and\s+|\s+or\s+)
        (?P<cur2>{_CUR})?(?P<n2>{_NUM})(?P<scale2>{_SCALE})?
    )?
    (?:
        (?P<pct>\s?%)
        | (?P<x>x\b)
        | [\s-](?P<unit>{_UNIT})\b
    )?
    (?P<plus>\+)?
    (?:\s+(?P<post>or\s+(?:less|fewer|more|so)))?
    (?![\w/])
    """

# "(more than) doubled": the verb is found first and its qualifier looked
# for just before it (trying the qualifiers at every position is slow).
_MULTIPLE_VERB_RE = re.compile(
    r"\b(?=[dhqt])(?:doubled|doubling|tripled|tripling|quadrupled|halved|double|triple)\b", re.IGNORECASE
)
_MULTIPLE_VERB_STEMS = ("doubl", "tripl", "quadrupl", "halved")  # every verb starts with one
_QUAL_THEN_SPACE_RE = re.compile(rf"(?:{_QUAL})\s+$", re.IGNORECASE)
_QUAL_MAX_WORDS = max(len(q.split()) for q in QUALIFIER_WORDS)
_MULTIPLES = {"doubl": 2.0, "doubled": 2.0, "tripl": 3.0, "quadrupl": 4.0, "halved": 0.5}
_ORDER_RE = re.compile(r"\b(?:an|one)\s+order\s+of\s+magnitude\b", re.IGNORECASE)
_MONTH_BEFORE_RE = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$", re.IGNORECASE
)
_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
}
_CURRENCIES: dict[str, Unit] = {
    "us$": "usd",
    "$": "usd",
    "hk$": "hkd",
    "rmb": "cny",
    "¥": "cny",
    "cn¥": "cny",
}


@quick_init
@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number as written (`text[start:end]`) and what it says.

    A point value has `value`; a range has `low` and `high`. `written` is
    True when it is spelled out in words ("three"); `noun` is the word that
    follows a bare count ("400 models" -> "models").
    """

    start: int
    end: int
    text: str
    unit: Unit
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier = "exact"
    written: bool = False
    noun: str | None = None

    @property
    def is_range(self) -> bool:
        return self.value is None

    def shifted(self, offset: int) -> NumberMention:
        """The same mention with its span moved by `offset` (from a slice to the whole text)."""
        return replace(self, start=self.start + offset, end=self.end + offset)


@lru_cache(maxsize=4096)
def word_value(word: str) -> float | None:
    """The value of a numeral in digits or words ('4,000', 'twenty-five'); None if not one."""
    w = re.sub(r"\s+", " ", word.strip().casefold()).replace(",", "")
    try:
        return float(w)
    except ValueError:
        pass
    if w in WORD_VALUES:
        return float(WORD_VALUES[w])
    parts = re.split(r"[-\s]", w)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in WORD_VALUES:
        return float(_TENS[parts[0]] + WORD_VALUES[parts[1]])
    return None


def parse_numbers(text: str) -> list[NumberMention]:
    """Every number in `text` with its unit, value or range, and qualifier."""
    found: list[NumberMention] = []
    taken: list[tuple[int, int]] = []
    lowered = _Lowered.of(text)
    for mention in _multiples(text, lowered):
        found.append(mention)
        taken.append((mention.start, mention.end))
    for m in _orders_of_magnitude(text, lowered):
        found.append(
            NumberMention(m.start(), m.end(), m.group(), "order_of_magnitude", value=1.0, written=True)
        )
        taken.append((m.start(), m.end()))
    # The full pattern is slow to try at every position: jump to places where
    # a number can begin (a digit, a currency sign, a number word or qualifier).
    pos = 0
    # (Searched for in lower case when that finds the same places.)
    searched, patterns = (lowered.text, _LOWER_CASE) if lowered.exact else (text, _ANY_CASE)
    reversed_searched = searched[::-1]
    number_pattern = patterns.number
    while (hint := _next_hint(searched, pos, patterns)) is not None:
        found_at: re.Match[str] | None = None
        for back in _starts_before(searched, hint[0], reversed_searched, patterns):
            if back < pos:
                continue
            found_at = number_pattern.match(searched, back)
            if found_at is not None:
                break
        if found_at is None:
            pos = hint[1]
            continue
        start, end = found_at.span()
        pos = end if end > start else start + 1
        if taken and any(start < b and a < end for a, b in taken):
            continue
        number = _mention(text, found_at)
        if number is not None:
            found.append(number)
            pos = max(number.end, start + 1)
    if taken:  # (the numbers the loop finds come in order, after those found first)
        found.sort(key=_START)
    return found


_START = attrgetter("start")


# What `str.lower()` makes of the letters that match an ASCII letter case-insensitively
# without lowering to it: 'ı' and 'ſ' stay as they are, 'İ' becomes 'i' and a combining
# dot. (Any other such letter, like the Kelvin sign, lowers to its ASCII letter.)
_OTHER_CASE_FORMS = ("ı", "ſ", "\u0307")


@dataclass(frozen=True, slots=True)
class _Lowered:
    """A text in lower case: case-sensitive searches and substring tests in it are
    much faster than case-insensitive searches in the original.

    `exact`: a case-insensitive pattern (of ASCII letters) matches the original
    exactly where its lower-case form matches this text case-sensitively, as
    lowering moved no character and left no letter of `_OTHER_CASE_FORMS`.
    """

    text: str
    exact: bool

    @classmethod
    def of(cls, text: str) -> _Lowered:
        lowered = text.lower()
        exact = len(lowered) == len(text) and not any(c in lowered for c in _OTHER_CASE_FORMS)
        return cls(lowered, exact)

    def may_hold(self, literals: tuple[str, ...]) -> bool:
        """Whether a case-insensitive pattern whose every match holds one of `literals`
        (in lower case) can match: a quick test that spares most texts a scan with a
        pattern tried at every position."""
        return not self.exact or any(w in self.text for w in literals)

    def places(self, literal: str) -> list[int]:
        """Where `literal` (in lower case) occurs in this text."""
        found = []
        at = self.text.find(literal)
        while at >= 0:
            found.append(at)
            at = self.text.find(literal, at + 1)
        return found


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """What `pattern.finditer(text)` finds, when every match of `pattern` in `text`
    starts at one of `starts` (in order): only those places are tried."""
    found: list[re.Match[str]] = []
    end = 0
    for start in starts:
        if start >= end and (m := pattern.match(text, start)) is not None:
            found.append(m)
            end = m.end()
    return found


def _orders_of_magnitude(text: str, lowered: _Lowered) -> Iterable[re.Match[str]]:
    """The matches of `_ORDER_RE`.

    A match starts with 'an' or 'one' and the white space before its 'order', so it
    starts 2 or 3 characters before the white space that ends at an 'order'.
    """
    if not lowered.may_hold(("magnitude",)):
        return ()
    if not lowered.exact:  # the places differ
        return _ORDER_RE.finditer(text)
    word_ends = [len(text[:at].rstrip()) for at in lowered.places("order")]
    return _matches_at(_ORDER_RE, text, sorted({s for e in word_ends for s in (e - 3, e - 2) if s >= 0}))


def _multiple_verbs(text: str, lowered: _Lowered) -> Iterable[re.Match[str]]:
    """The matches of `_MULTIPLE_VERB_RE`: each starts with one of `_MULTIPLE_VERB_STEMS`."""
    if not lowered.exact:  # the places differ
        return _MULTIPLE_VERB_RE.finditer(text)
    return _matches_at(
        _MULTIPLE_VERB_RE, text, sorted(at for stem in _MULTIPLE_VERB_STEMS for at in lowered.places(stem))
    )


def _multiples(text: str, lowered: _Lowered) -> list[NumberMention]:
    """'doubled', 'more than tripled': each verb, with the qualifier written just before it."""
    out: list[NumberMention] = []
    pos = 0
    for m in _multiple_verbs(text, lowered):
        verb = m.group().casefold()
        value = next((v for k, v in _MULTIPLES.items() if verb.startswith(k)), None)
        if value is None:
            continue  # "trıpled": the pattern's case folding admits letters the table does not
        start = m.start()
        qual: Qualifier = "exact"
        lo = max(pos, _words_back(text, m.start(), _QUAL_MAX_WORDS))
        q = _QUAL_THEN_SPACE_RE.search(text, lo, m.start())
        if q is not None:
            start = q.start()
            qual = QUALIFIER_WORDS.get(_norm_qual(text[start : m.start()].rstrip()), "exact")
        out.append(
            NumberMention(
                start, m.end(), text[start : m.end()], "times", value=value, qualifier=qual, written=True
            )
        )
        pos = m.end()
    return out


def _at_line_start(text: str, at: int) -> bool:
    """Only spaces or tabs between the start of the line and `at`."""
    return not text[text.rfind("\n", 0, at) + 1 : at].strip(" \t")


def _words_back(text: str, end: int, n: int) -> int:
    """Start of the `n`-th whitespace-separated chunk before `end` (0 if fewer)."""
    i = end
    for _ in range(n):
        while i > 0 and text[i - 1].isspace():
            i -= 1
        while i > 0 and not text[i - 1].isspace():
            i -= 1
    return i


def _single(text: str, m: re.Match[str], v1: float, written: bool) -> NumberMention:
    """The first number of a false range, alone (a year)."""
    a, b = m.start("n1"), m.end("n1")
    return NumberMention(a, b, text[a:b], "calendar_year", value=v1, written=written)


# Where a number can begin: a digit, a currency sign, or a number word ('\b' before it).
# The lookahead (first letters of the number words) spares trying every word, and the `\b`,
# at every position.
_HINT_WORD = r"(?=[aefhnostz])\b(?:" + _WORDNUM + r"|an?\s+hundred)\b"
# The same found from the character before a number word (one that is no word character):
# a pattern that starts with a set of characters is searched for much faster, and fastest
# when the set has no category like \W (each is looked up per character). `[^a-z_]` holds
# every character of `[\W\d]` (in any case: a lowered text has no capitals), and at the
# others (letters) neither branch matches: no digit, and no `\b` before the next letter.
_HINT_AFTER = r"[^a-z_](?:(?<=[\d$€£¥])|(?P<word>" + _HINT_WORD + r"))"
# A qualifier can only start at one of its first letters (the lookahead spares trying it elsewhere).
_QUAL_FIRST = "[" + re.escape("".join(sorted({q[0] for q in QUALIFIER_WORDS}))) + "]"
_QUAL_BEFORE = rf"(?={_QUAL_FIRST})(?:{_QUAL})\s+(?:a\s+)?(?:between\s+)?(?:us|hk|rmb\s?|cn)?$"
_PREFIX_BEFORE = r"(?:between\s+)?(?:us|hk|rmb\s?|cn)?$"
# `_QUAL_BEFORE` read backwards from the number (one match on the reversed text instead of
# a search tried at 40 places): its match there ends where the leftmost match of
# `_QUAL_BEFORE` starts. It is the longest, as only one way through it can match: the
# words after the qualifier end no qualifier, and the trie of the reversed qualifiers
# takes the longer of two that share an end ("well over", "over").
_QUAL_REVERSED = word_trie(q[::-1] for q in QUALIFIER_WORDS)
_QUAL_BEFORE_REVERSED = r"\n?(?:su|kh|\s?bmr|nc)?(?:\s+neewteb)?(?:\s+a)?\s+" + _QUAL_REVERSED
assert not {"a", "between", "us", "hk", "rmb", "cn"} & {q.split()[-1] for q in QUALIFIER_WORDS}
# What `_PREFIX_BEFORE` needs to find anything before the number (a prefix, 'between '
# or a line break): one cheap match, on the reversed text, rules out most places before
# the search runs.
_PREFIX_BEFORE_REVERSED = r"\n|su|kh|\s?bmr|nc|\s+neewteb"


class _Patterns(NamedTuple):
    """The patterns that find numbers, compiled for one kind of text.

    Their sources are in lower case: compiled case-insensitively they read any
    text; compiled as they are, they read a `_Lowered` text (much faster, and the
    same matches, with groups of the same case folding, when the lowering is exact).
    """

    hint_at_word: re.Pattern[str]
    hint_after: re.Pattern[str]
    qual_before: re.Pattern[str]
    qual_before_reversed: re.Pattern[str]
    prefix_before: re.Pattern[str]
    prefix_before_reversed: re.Pattern[str]
    number: re.Pattern[str]

    @classmethod
    def compiled(cls, flags: re.RegexFlag) -> _Patterns:
        return cls(
            hint_at_word=re.compile(_HINT_WORD, flags),
            hint_after=re.compile(_HINT_AFTER, flags),
            qual_before=re.compile(_QUAL_BEFORE, flags),
            qual_before_reversed=re.compile(_QUAL_BEFORE_REVERSED, flags),
            prefix_before=re.compile(_PREFIX_BEFORE, flags),
            prefix_before_reversed=re.compile(_PREFIX_BEFORE_REVERSED, flags),
            number=re.compile(_NUMBER, flags | re.VERBOSE),
        )


_ANY_CASE = _Patterns.compiled(re.IGNORECASE)
_LOWER_CASE = _Patterns.compiled(re.NOFLAG)
# Numbers of groups of `_NUMBER` that `_mention` reads the span of.
_N1, _PCT1, _POST = (_LOWER_CASE.number.groupindex[g] for g in ("n1", "pct1", "post"))


def _next_hint(text: str, pos: int, patterns: _Patterns) -> tuple[int, int] | None:
    """The span of the first hint (a digit, a currency sign or a number word) at or
    after `pos`.

    A number word after `pos` is found from the character before it, which is no
    word character; one right at `pos` is tried first. A digit or a sign is found
    at its own place (before a number word that may follow a sign).
    """
    m = patterns.hint_at_word.match(text, pos)
    if m is not None:
        return m.span()
    m = patterns.hint_after.search(text, pos)
    if m is None:
        return None
    return m.span("word") if m.group("word") is not None else m.span()


def _starts_before(text: str, at: int, reversed_text: str, patterns: _Patterns) -> list[int]:
    """Where a number found at `at` may start: with its qualifier, its prefix, or right there.

    `reversed_text` is `text[::-1]`; `patterns` are those compiled for `text`.
    """
    lo = max(0, at - 40)
    from_end = len(text) - at  # (where `at` is in `reversed_text`)
    out = []
    if (q := patterns.qual_before_reversed.match(reversed_text, from_end)) is not None:
        if (start := len(text) - q.end()) >= lo:
            out.append(start)
        elif (q_ahead := patterns.qual_before.search(text, lo, at)) is not None:
            out.append(q_ahead.start())  # (a shorter one, more than 40 characters back)
    if patterns.prefix_before_reversed.match(reversed_text, from_end):
        p = patterns.prefix_before.search(text, max(lo, _words_back(text, at, 2)), at)  # at most two words
        if p is not None and p.start() < at:
            out.append(p.start())
    out.append(at)
    return out


_SPACES_RE = re.compile(r"\s+")
_LIST_MARKER_RE = re.compile(r"[.)]\s")  # "1. ", "2) ": a list item's number
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
# The plural noun a bare count qualifies, up to two words on ("400 open models").
_COUNT_NOUN_RE = re.compile(r"\s+(?:[a-z-]+\s+){0,2}?([a-z]+s)\b")


@lru_cache(maxsize=1024)
def _norm_qual(q: str) -> str:
    return _SPACES_RE.sub(" ", q.casefold())


@lru_cache(maxsize=256)
def _unit_of(words: str) -> Unit:
    """The unit that unit words matched by `_NUMBER` name ('per cent' -> 'percent').

    The first of `_UNIT_WORDS` to match them all is the alternative the pattern took.
    """
    return next(unit for pat, unit in _UNIT_WORD_PATTERNS if pat.fullmatch(words))


def _mention(text: str, m: re.Match[str]) -> NumberMention | None:
    """The `NumberMention` a match of `_NUMBER` (in `text` or its `_Lowered` form)
    stands for (None: not a figure)."""
    # The groups of `_NUMBER` in order, read at once (a lookup by name is slow).
    groups = m.groups()
    (qual_text, cur1, n1, scale1_text, pct1, rsep_text, cur2, n2, scale2_text) = groups[:9]
    (pct, x, unit_text, plus, post_text) = groups[9:]
    v1, v2 = word_value(n1), word_value(n2) if n2 else None
    if v1 is None:
        return None
    written = not n1[0].isdigit()
    unit: Unit | None = _unit_of(unit_text) if unit_text else None
    if pct or pct1:
        unit = "percent"
    elif x:
        unit = "times"
    cur = (cur1 or cur2 or "").casefold().strip()
    if cur:
        unit = _CURRENCIES.get(cur, "usd")
    start, end = m.span()
    if not n2:
        n1_end = m.end(_N1)
        # "1. " numbering a list item (the test of the character spares most numbers the pattern).
        if (
            text.startswith((".", ")"), n1_end)
            and _LIST_MARKER_RE.match(text, n1_end)
            and _at_line_start(text, start)
        ):
            return None
    elif _YEAR_RE.fullmatch(n1) and not _YEAR_RE.fullmatch(n2):
        return _single(text, m, v1, written)  # "late 2024 to 30%" is not a range
    if post_text:
        end = m.start(_POST) + len(post_text)
    # "three or four" is a range only before a unit; "Lin and two others" is not a range.
    if (
        n2
        and unit is None
        and rsep_text.strip().casefold() in ("and", "or")
        and "between" not in m.group().casefold()
    ):
        n2, v2 = None, None
        end = m.end(_N1) + len(scale1_text or "")
        if pct1:
            end = m.end(_PCT1)
    scale1_word = scale1_text.strip().casefold() if scale1_text else ""  # ' Billion' -> 'billion'
    scale2_word = scale2_text.strip().casefold() if scale2_text else ""
    scale = _SCALES.get(scale1_word or scale2_word, 1.0)
    if scale1_word in {"m", "b", "k"} and not cur and unit is None:
        return None  # "5 m" is more likely metres than millions without a currency
    if unit is None:
        if not n2 and not written and _YEAR_RE.fullmatch(n1) and scale == 1.0:
            unit = "calendar_year"
        elif not written and _MONTH_BEFORE_RE.search(text, max(0, start - 12), start):
            return None  # a day of the month
        else:
            unit = "count"
    if unit == "times" and scale > 1.0:
        unit = "count"  # "downloaded 1 billion times" counts downloads
    if written and unit == "count" and v1 <= 1 and not n2:
        return None  # "one of the", "one executive": not a figure worth checking
    qual: Qualifier = "exact"
    if qual_text:
        qual_words = _norm_qual(qual_text)
        qual = QUALIFIER_WORDS.get(qual_words, "exact")
        if qual_words == "over" and unit in ("year", "month", "day") and n2:
            # "over three to five years" is a period, not "more than".
            qual = "exact"
            start = m.start() + len(qual_text) + 1
            while text[start].isspace():
                start += 1
    if post_text:
        post = post_text.casefold()
        if post.endswith(("less", "fewer")):
            qual = "at_most"
        elif post.endswith("more"):
            qual = "at_least"
        elif post.endswith("so"):
            qual = "about"
    if plus:
        qual = "more_than"
    # The scale of the second number applies to the first ("3 to 5 billion").
    scale1 = _SCALES.get(scale1_word, 0.0) or scale
    scale2 = _SCALES.get(scale2_word, 0.0) or scale
    noun = None
    if unit == "count":
        nm = _COUNT_NOUN_RE.match(text, end, end + 40)  # (as in `text[end : end + 40]`)
        noun = nm.group(1) if nm else None
    surface = text[start:end].rstrip()
    end = start + len(surface)
    # (Fields given in order, not by name: a little faster.)
    if n2 and v2 is not None:
        return NumberMention(start, end, surface, unit, None, v1 * scale1, v2 * scale2, qual, written, noun)
    return NumberMention(start, end, surface, unit, v1 * scale1, None, None, qual, written, noun)
