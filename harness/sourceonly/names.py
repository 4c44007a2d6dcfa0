"""Proper-name mentions in news text, found by their capitals.

Builds on `harness.text.mentions.find_proper_names` (runs of capitalised
words: "Lin Junyang", "Zhipu AI", "OpenAI") and removes what capitals do
not make a name in articles: sentence-initial function words ("However",
"The"), headline lines and bullet labels where every word is capitalised,
generic words ("Chinese", "CEOs") and currency prefixes ("HK$").
Each mention keeps its offsets so entities can be anchored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from harness.sourceonly.lexicon import PLACES
from harness.text.mentions import find_proper_names

_INNER_POSSESSIVE_RE = re.compile(r"[’']s(?=[a-z])")  # "Alibaba’sflagship": a missing space
_DOTTED_RE = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}(?![\w])")  # U.S., U.K.: split by the word tokeniser

# Words that are capitalised for grammar, not because they name something.
COMMON_CAPITALISED = frozenset(
    """
    a about above according across added additionally after again against all almost already also
    although am amid among an and another any april are as asked at august back be because been before
    being below besides between beyond both bottom breaking but by can click could currently december
    despite did do does down dr during each earlier eight either even every faced february few finally
    first five follow following for four friday from furthermore given gone had has have he her here him
    his how however i if image in indeed instead into is it its january july june just key last later
    let lets like listen live madam many march may maybe me meanwhile might mine monday more moreover
    most mr mrs ms much must my neither never nevertheless new next nine no none nonetheless nor not
    november now october of off old on once one only onto or other otherwise our ours out over overall
    per perhaps photo previously prof rather read recently said saturday say says second see september
    seven several shall share she should similarly since sir six so some source sources speaking still
    subscribe such sunday ten that the their them then there these they third this those though three
    through thursday thus to today together told tomorrow tonight top toward towards tuesday two under
    unless unlike until up update updated us via video was watch we wednesday were what whatever when
    where whereas whether which while who whoever whom whose why will with within without would yes
    yesterday yet you your yours
    """.split()  # noqa: SIM905
)
# Capitalised words that qualify a name but never stand for an entity alone.
GENERIC_WORDS = frozenset(
    """
    african agi ai am american arab asian british ceo cfo chief chinese christian coo cpu cpus cto
    democrat democrats eastern english european french gdp german government gpu gpus indian ipo islamic
    israeli japanese jewish king korean llm llms minister muslim northern ok pm president prince queen
    r&d republican republicans russian southern tech tv ukrainian western
    """.split()  # noqa: SIM905
)


@dataclass(frozen=True)
class NameMention:
    """text[start:end] is a proper name; `possessive` when "’s" follows it."""

    start: int
    end: int
    text: str
    possessive: bool
    sentence_initial: bool


_HEADLINE_PARTICLES = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "vs",
        "by",
        "from",
        "as",
        "is",
    ]
)


def _is_headline(line: str) -> bool:
    """A line whose words (particles aside) are nearly all capitalised, with no final full stop."""
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", line) if w.lower() not in _HEADLINE_PARTICLES]
    if len(words) < 2 or line.rstrip().endswith((".", ".”", '."')):
        return False
    caps = sum(w[0].isupper() for w in words)
    return caps / len(words) >= 0.75


def _line_label_end(line: str) -> int:
    """Length of a bullet's Title-Case label ("Hardware Blockade:"), else 0."""
    m = re.match(
        r"^[\s•*\-–—\d.)]*([A-Z][\w&’'-]*(?:[ \u00a0]+(?:[A-Z][\w&’'-]*|&|of|and|the|in|for|to)){0,5}):", line
    )
    return m.end() if m else 0


def find_names(text: str, skip: list[tuple[int, int]] | None = None) -> list[NameMention]:
    """Proper-name mentions in text, outside the `skip` regions, headline lines and bullet labels."""
    skip = list(skip or [])
    pos = 0
    for line in text.splitlines(keepends=True):
        line_start, pos = pos, pos + len(line)
        if _is_headline(line):
            skip.append((line_start, pos))
        elif label := _line_label_end(line):
            skip.append((line_start, line_start + label))
    lowercase_words = set(re.findall(r"\b[a-z][a-z’'-]+\b", text))
    out: list[NameMention] = []
    for cand in find_proper_names(text):
        if any(a < cand.end and cand.start < b for a, b in skip):
            continue
        out.extend(
            _clean(text, cand.start, cand.end, cand.sentence_initial, cand.possessive, lowercase_words)
        )
    for m in _DOTTED_RE.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b in skip):
            out.append(
                NameMention(m.start(), m.end(), m.group(), text.startswith(("’s", "'s"), m.end()), False)
            )
    out.sort(key=lambda n: n.start)
    return [n for i, n in enumerate(out) if i == 0 or n.start >= out[i - 1].end]


def _clean(
    text: str, start: int, end: int, initial: bool, possessive: bool, lowercase_words: set[str]
) -> list[NameMention]:
    """Trim a capitalised run into zero or more name mentions."""
    pieces: list[tuple[int, int, bool]] = []
    cursor = start
    for pm in _INNER_POSSESSIVE_RE.finditer(text, start, end):
        pieces.append((cursor, pm.start(), True))
        cursor = pm.end()
        while cursor < end and not text[cursor].isupper():
            cursor += 1  # "Alibaba’sflagship Qwen": skip the glued lower-case word
    pieces.append((cursor, end, possessive))
    out = []
    for a, b, is_possessive in pieces:
        words = [(m.start() + a, m.end() + a) for m in re.finditer(r"[^\s\u00a0]+", text[a:b])]
        first = initial and a == start
        while words:
            original = text[words[0][0] : words[0][1]]
            word = re.split(r"[’']", original.lower())[0]
            acronym = len(original) > 1 and original.isupper()  # "US" is not "us"
            grammar = word in COMMON_CAPITALISED or (first and word in lowercase_words)
            if (grammar and not acronym) or not word[:1].isalnum():
                words.pop(0)
                first = False
                continue
            break
        if not words:
            continue
        # "China AI gap", "US tech firms": a place qualified by generic words is just the place.
        while len(words) > 1 and text[words[-1][0] : words[-1][1]].lower() in GENERIC_WORDS:
            if text[words[0][0] : words[0][1]] not in PLACES:
                break
            words.pop()
        s, e = words[0][0], words[-1][1]
        name = text[s:e]
        lowered = [w.lower().rstrip("s") for w in name.split()]
        if len(name) < 2 or all(w in GENERIC_WORDS or w + "s" in GENERIC_WORDS for w in lowered):
            continue
        if name.isdigit() or text.startswith("$", e):
            continue  # "HK$4.35": a currency prefix, not a name
        out.append(NameMention(s, e, name, is_possessive, first and s == a))
    return out
