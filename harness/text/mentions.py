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
from functools import lru_cache
from itertools import accumulate, compress, count
from typing import Literal, NamedTuple

from harness.text.memo import WordMemo
from harness.text.records import quick_init

MentionKind = Literal["name", "description", "pronoun", "unknown"]

# Words with an optional possessive; the possessive is split off so that
# "Alibaba's" matches the name "Alibaba".
# (`++` and `*+` never give back what they took, as a word never needs to: saying so
# spares the regex engine keeping track of how it could.)
_WORD_RE = re.compile(r"[^\W_]++(?:[’'][^\W_]++)*+")
_WORD_SPLIT_RE = re.compile(f"({_WORD_RE.pattern})")  # keeps the words between the gaps
_ASCII_WORD_SPLIT_RE = re.compile(r"([A-Za-z0-9]++(?:'[A-Za-z0-9]++)*+)")  # the same, faster on ASCII text
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
        w, possessive = _without_possessive(self.texts[k])
        if possessive:
            self.ends[k] = self.starts[k] + len(w)
            self.possessive[k] = True
        self.texts[k] = w


@lru_cache(maxsize=65536)
def _without_possessive(word: str) -> tuple[str, bool]:
    """`word` (which has an apostrophe) with typographic marks unified and a possessive
    "'s" or "s'" cut off, and whether one was. Cached: such words recur ("China's")."""
    w = word.translate(_APOS)
    if len(w) > 2 and (w.endswith(("'s", "'S")) or (w[-1] == "'" and w[-2] in "sS")):
        return w[: len(w) - (2 if w[-1] in "sS" else 1)], True
    return w, False


def name_words(text: str) -> list[Word]:
    """Words of `text` for name matching, with possessive "'s" removed."""
    words = TextWords.of(text)
    return list(map(Word, words.texts, words.starts, words.ends, words.possessive))


@quick_init
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


Hit = tuple[int, str, MentionKind]
"""A table entry found at a word: (length in words, key, kind)."""


@dataclass(frozen=True, slots=True)
class _EntriesFrom:
    """What a table can find starting at one word (worked out once per word, see
    `AliasTable._entries_from`): the match at a word then only compares the words after it.

    `names` are the names of two words or more starting with the word, longest first, each
    as (the words after the first, hit); `one_word_name` is the hit of the word as a name on
    its own. `descriptions` (None: no description starts with the word) are those of two
    words or more by their second word (casefolded), each as (the longest one's length, and
    (the casefolded words after the second, hit) longest first); `one_word_description` is
    the hit of the word as a description on its own. `pronoun` is the gender of the word if
    it is he or she (a pronoun where no entry matches).
    """

    names: list[tuple[list[str], Hit]]
    one_word_name: Hit | None
    descriptions: dict[str, tuple[int, list[tuple[list[str], Hit]]]] | None
    one_word_description: Hit | None
    pronoun: str | None

    def match(self, texts: list[str], i: int) -> Hit | None:
        """The longest entry at word `i` (`texts[i]` being this word), a name rather than
        a description as long."""
        name = self.one_word_name
        for after, hit in self.names:
            if texts[i + 1 : i + 1 + len(after)] == after:
                name = hit
                break
        if self.descriptions is None:  # as for most words
            return name
        description = self.one_word_description
        if i + 1 < len(texts):
            by_second = self.descriptions.get(texts[i + 1].casefold())
            if by_second is not None:
                longest, entries = by_second
                # The words after the pair, casefolded once for all entries.
                rest = [t.casefold() for t in texts[i + 2 : i + longest]]
                for after, hit in entries:
                    if rest[: len(after)] == after:
                        description = hit
                        break
        if description is not None and (name is None or description[0] > name[0]):
            return description
        return name


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
    # Word -> what can start there (None: nothing), worked out once per word.
    _starts: WordMemo[_EntriesFrom | None] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._starts = WordMemo(self._entries_from)

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
        self._starts.clear()

    def finalize(self) -> AliasTable:
        """Sort candidates longest first so the longest match wins."""
        for table in (self._names, self._descriptions):
            for cands in table.values():
                cands.sort(key=lambda c: (-len(c[0]), c[1]))
        self._starts.clear()
        return self

    def match_at(self, texts: list[str], i: int) -> Hit | None:
        """(length in words, key, kind) of the longest entry starting at word `i`
        (a name rather than a description as long); `texts` are the words' texts. Only
        words that `_entries_from` says start entries are looked at, as `find_mentions` does."""
        entries = self._starts[texts[i]]
        return None if entries is None else entries.match(texts, i)

    def _entries_from(self, word: str) -> _EntriesFrom | None:
        """The entries starting with `word` (a name's first word as written, or a
        description's in any case), or None when there are none and it is no he/she."""
        if word not in self._names and word.lower() not in self._description_firsts:
            return _PRONOUN_ONLY[word] if word in _PRONOUN_FORMS else None
        names: list[tuple[list[str], Hit]] = []
        one_word_name: Hit | None = None
        for seq, key in self._names.get(word, ()):
            if len(seq) == 1:
                one_word_name = (1, key, "name")
                break  # shorter entries never win
            names.append((seq[1:], (len(seq), key, "name")))
        first = word.casefold()
        descriptions: dict[str, tuple[int, list[tuple[list[str], Hit]]]] | None = None
        one_word_description: Hit | None = None
        if first in self._description_firsts:
            descriptions = {}
            for pair, entries in self._descriptions.items():
                if len(pair) == 2 and pair[0] == first:
                    hits: list[tuple[list[str], Hit]] = [
                        (seq[2:], (len(seq), key, "description")) for seq, key in entries
                    ]
                    descriptions[pair[1]] = (len(entries[0][0]), hits)  # the first is the longest
            one_word = self._descriptions.get((first,))
            if one_word:
                one_word_description = (1, one_word[0][1], "description")
        pronoun = PRONOUNS[first] if first in ("he", "she") else None
        return _EntriesFrom(names, one_word_name, descriptions, one_word_description, pronoun)


# He and she, written as `find_mentions` looks for them when no entry starts with them.
_PRONOUN_ONLY = {form: _EntriesFrom([], None, None, None, PRONOUNS[form.lower()]) for form in _PRONOUN_FORMS}
_NO_ENTRIES = AliasTable()


def find_mentions(
    text: str, table: AliasTable, words: TextWords | None = None, pronouns: bool = True
) -> list[NameMention]:
    """Known names, descriptions and (when `pronouns`) he/she pronouns in `text`, in order."""
    return find_mentions_and_names(text, table, _NO_ENTRIES, words, pronouns)[0]


def find_mentions_and_names(
    text: str, table: AliasTable, names: AliasTable, words: TextWords | None = None, pronouns: bool = True
) -> tuple[list[NameMention], list[NameMention]]:
    """`find_mentions(text, table, words, pronouns)` and `find_mentions(text, names, words,
    pronouns=False)` in one sweep of the words. `names` is a smaller table (organisation names,
    say) whose matches are found even inside the first's mentions ("Alibaba" in "Alibaba's Qwen
    lead"); a match both find (most of the second's) is made once, as one object."""
    words = TextWords.of(text) if words is None else words
    texts, starts, ends, possessive = words.texts, words.starts, words.ends, words.possessive

    def mention(i: int, hit: Hit) -> NameMention:
        n, key, kind = hit
        start, end = starts[i], ends[i + n - 1]
        return NameMention(start, end, text[start:end], key, kind, possessive[i + n - 1])

    table_entries = list(map(table._starts.__getitem__, texts))
    names_starts = names._starts
    known: list[NameMention] = []
    found_names: list[NameMention] = []
    resume = names_resume = 0  # words before these are part of a mention already found
    for i in _candidates(texts, table, table_entries, names):
        hit = None
        if i >= resume:
            entries = table_entries[i]
            if entries is not None:
                hit = entries.match(texts, i)
                if hit is not None:
                    n, key, kind = hit  # `mention(i, hit)`, written out: most matches are here
                    start, end = starts[i], ends[i + n - 1]
                    known.append(NameMention(start, end, text[start:end], key, kind, possessive[i + n - 1]))
                    resume = i + n
                elif pronouns and entries.pronoun is not None:
                    known.append(
                        NameMention(starts[i], ends[i], texts[i], None, "pronoun", gender=entries.pronoun)
                    )
        if i >= names_resume:
            entries = names_starts[texts[i]]
            if entries is not None:
                name_hit = entries.match(texts, i)
                if name_hit is not None:
                    found_names.append(known[-1] if name_hit == hit else mention(i, name_hit))
                    names_resume = i + name_hit[0]
    return known, found_names


def _candidates(
    texts: list[str], table: AliasTable, table_entries: list[_EntriesFrom | None], names: AliasTable
) -> Iterable[int]:
    """Indices of the words that may start an entry of a table or be he/she (`table_entries`
    are the first table's entries from each word): most words are none of these, and are
    passed over in this one sweep."""
    found = compress(count(), table_entries)
    if names._names.keys() <= table._names.keys() and names._description_firsts <= table._description_firsts:
        return found  # the names' entries start where the table's do, as when they are in it too
    return sorted(set(found).union(compress(count(), map(names._starts.__getitem__, texts))))


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


_CAPITALISED = WordMemo(_is_capitalised)


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
    capitalised = list(map(_CAPITALISED.__getitem__, texts))
    out = []
    resume = 0  # words before this belong to a run already found
    for i in compress(count(), capitalised):
        if i < resume:
            continue
        j = i
        while j + 1 < n and not possessive[j]:
            if capitalised[j + 1]:  # joined by a space or a hyphen
                if text[ends[j] : starts[j + 1]] not in (" ", "\u00a0", "-"):
                    break
                j += 1
            elif (  # joined by a connector between spaces ("Ludwig van Beethoven")
                texts[j + 1] in _LOWER_CONNECTORS
                and j + 2 < n
                and capitalised[j + 2]
                and text[ends[j] : starts[j + 1]] == " "
                and text[ends[j + 1] : starts[j + 2]] == " "
            ):
                j += 2
            else:
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
