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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

MentionKind = Literal["name", "description", "pronoun", "unknown"]

# Words with an optional possessive; the possessive is split off so that
# "Alibaba's" matches the name "Alibaba".
_WORD_RE = re.compile(r"[^\W_]+(?:[’'][^\W_]+)*")
_POSSESSIVE_RE = re.compile(r"[’']s$|(?<=s)[’']$", re.IGNORECASE)
_APOS = str.maketrans({"’": "'", "‘": "'"})

PRONOUNS: dict[str, str | None] = {"he": "male", "she": "female", "him": "male", "her": "female"}


class Word(NamedTuple):
    """A word for name matching: `text[start:end]`, possessive split off.

    A named tuple: there is one per word of every text, so it must be cheap to make.
    """

    text: str
    start: int
    end: int
    possessive: bool = False


def name_words(text: str) -> list[Word]:
    """Words of `text` for name matching, with possessive "'s" removed."""
    # One pass makes every word; the few with an apostrophe are then redone.
    out = [Word(m.group(), m.start(), m.end(), False) for m in _WORD_RE.finditer(text)]
    if "'" in text or "’" in text:
        for i, word in enumerate(out):
            if "'" in word.text or "’" in word.text:
                out[i] = _apostrophe_word(word)
    return out


def _apostrophe_word(word: Word) -> Word:
    """A word with an apostrophe: typographic marks unified, possessive split off."""
    w = word.text.translate(_APOS)
    if len(w) > 2 and (w.endswith(("'s", "'S")) or (w[-1] == "'" and w[-2] in "sS")):
        cut = len(w) - (2 if w[-1] in "sS" else 1)
        return Word(w[:cut], word.start, word.start + cut, True)
    return Word(w, word.start, word.end, False)


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
    """Surface forms -> keys, matched as word sequences (build once, reuse)."""

    _names: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    _descriptions: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    max_len: int = 1

    def add(self, surface: str, key: str, description: bool = False) -> None:
        """Register a name (case-sensitive) or a description (case-insensitive)."""
        words = [w.text for w in name_words(surface)]
        if not words:
            return
        if words[0].casefold() in ("the", "a", "an") and len(words) > 1:
            words = words[1:]
        if description:
            seq = tuple(w.casefold() for w in words)
            self._descriptions.setdefault(seq[0], []).append((seq, key))
        else:
            seq = tuple(words)
            self._names.setdefault(seq[0], []).append((seq, key))
        self.max_len = max(self.max_len, len(seq))

    def finalize(self) -> AliasTable:
        """Sort candidates longest first so the longest match wins."""
        for table in (self._names, self._descriptions):
            for cands in table.values():
                cands.sort(key=lambda c: (-len(c[0]), c[1]))
        return self

    def match_at(self, texts: Sequence[str], i: int) -> tuple[int, str, MentionKind] | None:
        """(length in words, key, kind) of the longest entry starting at word `i`;
        `texts` are the words' texts."""
        best: tuple[int, str, MentionKind] | None = None
        for seq, key in self._names.get(texts[i], ()):
            if tuple(texts[i : i + len(seq)]) == seq:
                best = (len(seq), key, "name")
                break
        descriptions = self._descriptions.get(texts[i].casefold(), ())
        if descriptions:
            folded = tuple(t.casefold() for t in texts[i : i + self.max_len])
            for seq, key in descriptions:
                n = len(seq)
                if best is not None and best[0] >= n:
                    break
                if folded[:n] == seq:
                    best = (n, key, "description")
                    break
        return best


def find_mentions(text: str, table: AliasTable, words: list[Word] | None = None) -> list[NameMention]:
    """Known names, descriptions and he/she pronouns in `text`, in order."""
    words = name_words(text) if words is None else words
    texts = [w.text for w in words]
    out: list[NameMention] = []
    names, descriptions = table._names, table._descriptions
    # Most words start no entry and are no pronoun: pick out the others in one sweep.
    # (A table of names only, such as organisation names, needs no lower-casing.)
    if descriptions:
        stops = [
            i for i, t in enumerate(texts) if t in names or t.lower() in descriptions or t in _PRONOUN_FORMS
        ]
    else:
        stops = [i for i, t in enumerate(texts) if t in names or t in _PRONOUN_FORMS]
    resume = 0  # words before this are part of a mention already found
    for i in stops:
        if i < resume:
            continue
        w = words[i]
        if w.text not in names and w.text.lower() not in descriptions:
            out.append(NameMention(w.start, w.end, w.text, None, "pronoun", gender=PRONOUNS[w.text.lower()]))
            continue
        hit = table.match_at(texts, i)
        if hit is not None:
            n, key, kind = hit
            last = words[i + n - 1]
            end = last.end
            out.append(NameMention(w.start, end, text[w.start : end], key, kind, last.possessive))
            resume = i + n
            continue
        low = w.text.casefold()
        if low in ("he", "she"):
            out.append(NameMention(w.start, w.end, w.text, None, "pronoun", gender=PRONOUNS[low]))
    return out


_PRONOUN_FORMS = frozenset({"he", "she", "He", "She"})


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


def find_proper_names(text: str, words: list[Word] | None = None) -> list[NameCandidate]:
    """Runs of capitalised words ("Wang Jian", "Baidu", "Moonshot AI").

    Runs break at punctuation, line ends and possessives; "of" does not join
    runs ("Tang Jie of Alibaba" is a person and an organisation).
    """
    words = name_words(text) if words is None else words
    out: list[NameCandidate] = []
    capitalised = [not w.text.islower() and _is_capitalised(w.text) for w in words]  # most are lower
    resume = 0  # words before this belong to a run already found
    for i in [k for k, cap in enumerate(capitalised) if cap]:
        if i < resume:
            continue
        j = i
        while j + 1 < len(words) and not words[j].possessive:
            gap = text[words[j].end : words[j + 1].start]
            nxt = words[j + 1].text
            if gap in (" ", "\u00a0", "-") and capitalised[j + 1]:
                j += 1
                continue
            if (
                gap == " "
                and nxt in _LOWER_CONNECTORS
                and j + 2 < len(words)
                and text[words[j + 1].end : words[j + 2].start] == " "
                and capitalised[j + 2]
            ):
                j += 2
                continue
            break
        start, end = words[i].start, words[j].end
        out.append(
            NameCandidate(
                start,
                end,
                text[start:end],
                tuple(w.text for w in words[i : j + 1]),
                _starts_sentence(text, start),
                words[j].possessive,
            )
        )
        resume = j + 1
    return out


_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;…]|\n|^\s*[-*+•#>]+|\d+[.)])[\s\"“‘'«(*_#>\-•]*$")


def _starts_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 12) : start]
    if start == 0 or not before.strip(" \t\"“‘'«(*_#>-•"):
        # Only opening marks (or nothing) since the line began?
        line_start = text.rfind("\n", 0, start) + 1
        return not text[line_start:start].strip(" \t\"“‘'«(*_#>-•0123456789.)")
    return bool(_SENTENCE_START_RE.search(before))


def iter_pronouns(mentions: Iterable[NameMention]) -> Iterable[NameMention]:
    return (m for m in mentions if m.kind == "pronoun")
