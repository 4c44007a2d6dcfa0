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

from harness.text.mentions import find_proper_names

_INNER_POSSESSIVE_RE = re.compile(r"[’']s(?=[a-z])")  # "Alibaba’sflagship": a missing space
_DOTTED_RE = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}(?![\w])")  # U.S., U.K.: split by the word tokeniser

# Words that are capitalised for grammar, not because they name something.
COMMON_CAPITALISED = frozenset(
    """a an the this that these those there here then thus so and but or nor yet for if when while whereas
    although though because since as after before until unless once despite however meanwhile moreover
    furthermore instead still also even only just indeed yes no not never now today yesterday tomorrow
    in on at by to from with without into onto over under about above below between among across through
    during within beyond against toward towards per via of off up down out
    i we you he she it they me us him her them my our your his its their mine ours yours
    who whom whose what which where why how whatever whoever
    all any each every some many much more most few several both either neither none other another such
    one two three four five six seven eight nine ten first second third last next new old
    is are was were be been being am do does did have has had will would shall should can could may might must
    let lets said says say told asked added according read see click share follow subscribe watch listen
    mr mrs ms dr prof sir madam
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    key why how what top bottom breaking update updated live photo video image source sources
    unlike like given amid following speaking asked faced gone whether perhaps maybe overall finally
    currently recently previously additionally similarly nevertheless nonetheless otherwise besides
    tonight together back earlier later already again almost rather instead here meanwhile
    """.split()
)
# Capitalised words that qualify a name but never stand for an entity alone.
GENERIC_WORDS = frozenset(
    """chinese american british european western eastern northern southern asian african english french
    german japanese korean indian russian ukrainian israeli arab islamic christian muslim jewish
    democrats republicans democrat republican government president minister chief king queen prince
    ai ceo cfo cto coo gdp ipo gpu gpus cpu cpus agi llm llms r&d eu un nato uk us usa tv pm am ok
    """.split()
)


@dataclass(frozen=True)
class NameMention:
    """text[start:end] is a proper name; `possessive` when "’s" follows it."""

    start: int
    end: int
    text: str
    possessive: bool
    sentence_initial: bool


_HEADLINE_PARTICLES = frozenset("a an the of and or in on at to for with vs by from as is".split())


def _is_headline(line: str) -> bool:
    """A line whose words (particles aside) are nearly all capitalised, with no final full stop."""
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", line) if w.lower() not in _HEADLINE_PARTICLES]
    if len(words) < 2 or line.rstrip().endswith((".", ".”", '."')):
        return False
    caps = sum(w[0].isupper() for w in words)
    return caps / len(words) >= 0.75


def _line_label_end(line: str) -> int:
    """Length of a bullet's Title-Case label ("Hardware Blockade:"), else 0."""
    m = re.match(r"^[\s•*\-–—\d.)]*([A-Z][\w&’'-]*(?:[ \u00a0]+(?:[A-Z][\w&’'-]*|&|of|and|the|in|for|to)){0,5}):", line)
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
        out.extend(_clean(text, cand.start, cand.end, cand.sentence_initial, cand.possessive, lowercase_words))
    for m in _DOTTED_RE.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b in skip):
            out.append(NameMention(m.start(), m.end(), m.group(), text.startswith(("’s", "'s"), m.end()), False))
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
            word = re.split(r"[’']", text[words[0][0] : words[0][1]].lower())[0]
            if word in COMMON_CAPITALISED or (first and word in lowercase_words) or not word[:1].isalnum():
                words.pop(0)
                first = False
                continue
            break
        if not words:
            continue
        s, e = words[0][0], words[-1][1]
        name = text[s:e]
        lowered = [w.lower().rstrip("s") for w in name.split()]
        if len(name) < 2 or all(w in GENERIC_WORDS or w + "s" in GENERIC_WORDS for w in lowered):
            continue
        if name.isdigit() or text.startswith("$", e):
            continue  # "HK$4.35": a currency prefix, not a name
        out.append(NameMention(s, e, name, is_possessive, first and s == a))
    return out
