"""Find who and what a text names: known names from an alias table, pronouns,
and capitalised names nobody has listed.

`AliasTable` maps surface forms (names, aliases, descriptive phrases such
as "Alibaba's Qwen lead") to keys (entity ids). Names match case-sensitively
("US" the country, not "us" the pronoun); descriptions match regardless of
case. The longest match wins. `find_proper_names` finds capitalised name
candidates without any table, for source-only extraction and for spotting
names no source mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate, compress, count
from typing import Literal, NamedTuple

MentionKind = Literal["name", "description", "pronoun", "unknown"]

# Words with an optional possessive; the possessive is split off so that
# "Alibaba's" matches the name "Alibaba".
_WORD_RE = re.compile(r"[^\W_]+(?:[’'][^\W_]+)*")
_WORD_SPLIT_RE = re.compile(f"({_WORD_RE.pattern})")  # keeps the words between the gaps
_ASCII_WORD_SPLIT_RE = re.compile(r"([A-Za-z0-9]+(?:'[A-Za-z0-9]+)*)")  # the same, faster on ASCII text
_POSSESSIVE_RE = re.compile(r"[’']s$|(?<=s)[’']$", re.IGNORECASE)
_APOS = str.maketrans({"’": "'", "‘": "'"})

PRONOUNS: dict[str, str | None] = {"he": "male", "she": "female", "him": "male", "her": "female"}
_PRONOUN_FORMS = frozenset({"he", "she", "He", "She"})  # the forms `find_mentions` looks for


class Word(NamedTuple):
    """A word for name matching: `text[start:end]`, possessive split off."""

    text: str
    start: int
    end: int
    possessive: bool = False


@dataclass(slots=True)
class TextWords:
    """The words of a text for name matching, as parallel lists indexed by word:
    word k is `texts[k]`, at `starts[k]:ends[k]` (apostrophes unified, possessive
    "'s" split off and flagged in `possessive[k]`).

    Cheaper to make than a `Word` per word: the matchers only look closely at
    the few words that can start a name, and read their neighbours by index.
    """

    texts: list[str]
    starts: list[int]
    ends: list[int]
    possessive: list[bool]

    @classmethod
    def of(cls, text: str) -> TextWords:
        # Splitting at the words gives gap, word, gap, ..., word, gap; the running
        # total of the parts' lengths is where each part starts.
        parts = (_ASCII_WORD_SPLIT_RE if text.isascii() else _WORD_SPLIT_RE).split(text)
        bounds = list(accumulate(map(len, parts), initial=0))
        words = cls(parts[1::2], bounds[1:-1:2], bounds[2::2], [False] * (len(parts) // 2))
        for k in words._with_apostrophe(text):
            words._unify_apostrophes(k)
        return words

    def __len__(self) -> int:
        return len(self.texts)

    def word(self, k: int) -> Word:
        return Word(self.texts[k], self.starts[k], self.ends[k], self.possessive[k])

    def _with_apostrophe(self, text: str) -> list[int]:
        """Indices of the words with an apostrophe (found from the few marks in `text`)."""
        found = set()
        for mark in "'’":
            pos = text.find(mark)
            while pos >= 0:
                k = bisect_right(self.starts, pos) - 1
                if k >= 0 and pos < self.ends[k]:
                    found.add(k)
                pos = text.find(mark, pos + 1)
        return sorted(found)

    def _unify_apostrophes(self, k: int) -> None:
        """Word k has an apostrophe: unify typographic marks, split off a possessive."""
        w = self.texts[k].translate(_APOS)
        if len(w) > 2 and (w.endswith(("'s", "'S")) or (w[-1] == "'" and w[-2] in "sS")):
            cut = len(w) - (2 if w[-1] in "sS" else 1)
            w = w[:cut]
            self.ends[k] = self.starts[k] + cut
            self.possessive[k] = True
        self.texts[k] = w


def name_words(text: str) -> list[Word]:
    """Words of `text` for name matching, with possessive "'s" removed."""
    words = TextWords.of(text)
    return list(map(Word, words.texts, words.starts, words.ends, words.possessive))


@dataclass(frozen=True, slots=True)
class NameMention:
    """A reference to someone or something: `text[start:end]`.

    `key` is the entity id it resolves to (None for an unknown name or an
    unresolved pronoun); `kind` says how it was found; `possessive` is True
    for "Alibaba's".
    """

    start: int
    end: int
    text: str
    key: str | None
    kind: MentionKind
    possessive: bool = False
    gender: str | None = None


@dataclass
class AliasTable:
    """Surface forms -> keys, matched as word sequences (build once, reuse).

    Names are filed under their first word, descriptions (casefolded) under
    their first two: many words start a description ("AI", "Chinese"), few
    start one together with the word after them.
    """

    _names: dict[str, list[tuple[list[str], str]]] = field(default_factory=dict)
    _descriptions: dict[tuple[str, ...], list[tuple[list[str], str]]] = field(default_factory=dict)
    _description_firsts: set[str] = field(default_factory=set)

    def add(self, surface: str, key: str, description: bool = False) -> None:
        """Register a name (case-sensitive) or a description (case-insensitive)."""
        words = [w.text for w in name_words(surface)]
        if not words:
            return
        if words[0].casefold() in ("the", "a", "an") and len(words) > 1:
            words = words[1:]
        if description:
            seq = [w.casefold() for w in words]
            self._descriptions.setdefault(tuple(seq[:2]), []).append((seq, key))
            self._description_firsts.add(seq[0])
        else:
            self._names.setdefault(words[0], []).append((words, key))

    def finalize(self) -> AliasTable:
        """Sort candidates longest first so the longest match wins."""
        for table in (self._names, self._descriptions):
            for cands in table.values():
                cands.sort(key=lambda c: (-len(c[0]), c[1]))
        return self

    def match_at(self, texts: list[str], i: int) -> tuple[int, str, MentionKind] | None:
        """(length in words, key, kind) of the longest entry starting at word `i`
        (a name rather than a description as long); `texts` are the words' texts."""
        name = self._name_at(texts, i)
        description = self._description_at(texts, i)
        if description is not None and (name is None or description[0] > name[0]):
            return description
        return name

    def _name_at(self, texts: list[str], i: int) -> tuple[int, str, MentionKind] | None:
        for seq, key in self._names.get(texts[i], ()):
            if texts[i : i + len(seq)] == seq:
                return len(seq), key, "name"
        return None

    def _description_at(self, texts: list[str], i: int) -> tuple[int, str, MentionKind] | None:
        first = texts[i].casefold()
        if first not in self._description_firsts:
            return None
        entries = self._descriptions.get((first, texts[i + 1].casefold())) if i + 1 < len(texts) else None
        if entries:
            # The words after the pair, casefolded once for all entries (the first is the longest).
            rest = [t.casefold() for t in texts[i + 2 : i + len(entries[0][0])]]
            for seq, key in entries:
                if rest[: len(seq) - 2] == seq[2:]:
                    return len(seq), key, "description"
        one_word = self._descriptions.get((first,))
        return (1, one_word[0][1], "description") if one_word else None

    def _starts(self, texts: list[str], pronouns: bool) -> list[int]:
        """Indices of the words that may start an entry (or are he/she when `pronouns`):
        most words are neither, and are passed over in this one sweep."""
        firsts = self._names.keys() | _PRONOUN_FORMS if pronouns else self._names.keys()
        description_firsts = self._description_firsts
        if not description_firsts:  # a table of names only needs no lower-casing
            return [i for i, t in enumerate(texts) if t in firsts]
        return [i for i, t in enumerate(texts) if t in firsts or t.lower() in description_firsts]


def find_mentions(
    text: str, table: AliasTable, words: TextWords | None = None, pronouns: bool = True
) -> list[NameMention]:
    """Known names, descriptions and (when `pronouns`) he/she pronouns in `text`, in order."""
    words = TextWords.of(text) if words is None else words
    texts, starts, ends = words.texts, words.starts, words.ends
    names, description_firsts = table._names, table._description_firsts
    out: list[NameMention] = []
    resume = 0  # words before this are part of a mention already found
    for i in table._starts(texts, pronouns):
        if i < resume:
            continue
        t = texts[i]
        if t not in names and t.lower() not in description_firsts:  # he or she, and no more
            out.append(NameMention(starts[i], ends[i], t, None, "pronoun", gender=PRONOUNS[t.lower()]))
            continue
        hit = table.match_at(texts, i)
        if hit is not None:
            n, key, kind = hit
            last = i + n - 1
            start, end = starts[i], ends[last]
            out.append(NameMention(start, end, text[start:end], key, kind, words.possessive[last]))
            resume = i + n
            continue
        low = t.casefold()
        if pronouns and low in ("he", "she"):
            out.append(NameMention(starts[i], ends[i], t, None, "pronoun", gender=PRONOUNS[low]))
    return out


_LOWER_CONNECTORS = frozenset({"de", "van", "von", "bin", "al", "la", "le", "du", "del"})


@dataclass(frozen=True, slots=True)
class NameCandidate:
    """A run of capitalised words that may be a name (`text[start:end]`).

    `sentence_initial` is True when the run starts a sentence, line, bullet
    or quotation, where capitals prove nothing.
    """

    start: int
    end: int
    text: str
    words: tuple[str, ...]
    sentence_initial: bool
    possessive: bool = False


def _is_capitalised(word: str) -> bool:
    # "Baidu", "AI", and camel-case names such as "iFlytek" or "eBay".
    return word[:1].isupper() or (
        len(word) > 1 and not word.islower() and any(c.isupper() for c in word[1:3])
    )


def find_proper_names(text: str, words: TextWords | None = None) -> list[NameCandidate]:
    """Runs of capitalised words ("Wang Jian", "Baidu", "Moonshot AI").

    Runs break at punctuation, line ends and possessives; "of" does not join
    runs ("Tang Jie of Alibaba" is a person and an organisation).
    """
    words = TextWords.of(text) if words is None else words
    out = []
    for first, last in proper_name_runs(text, words):
        start, end = words.starts[first], words.ends[last]
        run_words = tuple(words.texts[first : last + 1])
        out.append(
            NameCandidate(
                start, end, text[start:end], run_words, starts_sentence(text, start), words.possessive[last]
            )
        )
    return out


def proper_name_runs(text: str, words: TextWords) -> list[tuple[int, int]]:
    """(first, last) word index of each run `find_proper_names` finds."""
    texts, starts, ends, possessive = words.texts, words.starts, words.ends, words.possessive
    n = len(texts)
    capitalised = [not t.islower() and _is_capitalised(t) for t in texts]  # most are lower
    out = []
    resume = 0  # words before this belong to a run already found
    for i in compress(count(), capitalised):
        if i < resume:
            continue
        j = i
        while j + 1 < n and not possessive[j]:
            gap = text[ends[j] : starts[j + 1]]
            if gap in (" ", "\u00a0", "-") and capitalised[j + 1]:
                j += 1
                continue
            if (
                gap == " "
                and texts[j + 1] in _LOWER_CONNECTORS
                and j + 2 < n
                and text[ends[j + 1] : starts[j + 2]] == " "
                and capitalised[j + 2]
            ):
                j += 2
                continue
            break
        out.append((i, j))
        resume = j + 1
    return out


_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;…]|\n|^\s*[-*+•#>]+|\d+[.)])[\s\"“‘'«(*_#>\-•]*$")


def starts_sentence(text: str, start: int) -> bool:
    """Does `text[start:]` begin a sentence, line, bullet or quotation?"""
    before = text[max(0, start - 12) : start]
    if start == 0 or not before.strip(" \t\"“‘'«(*_#>-•"):
        # Only opening marks (or nothing) since the line began?
        line_start = text.rfind("\n", 0, start) + 1
        return not text[line_start:start].strip(" \t\"“‘'«(*_#>-•0123456789.)")
    return bool(_SENTENCE_START_RE.search(before))


def iter_pronouns(mentions: Iterable[NameMention]) -> Iterable[NameMention]:
    return (m for m in mentions if m.kind == "pronoun")
