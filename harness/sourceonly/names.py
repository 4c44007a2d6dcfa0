"""Proper-name mentions in news text, found by their capitals.

No tagger: a name is a run of capitalised words ("Lin Junyang", "Zhipu AI",
"Hong Kong Stock Exchange", "OpenAI", "H100"), minus sentence-initial
function words ("However", "The"), possessive endings ("Alibaba’s") and
headline lines, where every word is capitalised and capitals say nothing.
Each mention keeps its offsets so entities can be anchored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A capitalised word: Lin, OpenAI, AGI-Next, U.S., H100, McCormick, O’Hara.
_CAP = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z][A-Za-z0-9]*(?:[-’'][A-Z][A-Za-z0-9]*)*|[A-Z]{2,}[A-Za-z0-9&]*)"
# A word that may continue a name once it has started: 910B, R1, 2.0.
_CONT = rf"(?:{_CAP}|\d+[A-Za-z][A-Za-z0-9]*|\d+(?:\.\d+)?(?=[\s,.)]))"
# Lower-case particles inside names: Bank of America, Ludwig van Beethoven.
_PARTICLE = r"(?:of|de|da|del|della|van|von|der|du|la|le|al|bin|for)"
_NAME_RE = re.compile(
    rf"(?<![\w’'&-]){_CAP}(?:(?:[ \u00a0](?:{_PARTICLE}[ \u00a0])?{_CONT}))*",
)
_POSSESSIVE_RE = re.compile(r"[’']s?(?![A-Za-z])|[’']s(?=[a-z])")

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
    if len(words) < 2 or line.rstrip().endswith((".", "”", '"')):
        return False
    caps = sum(w[0].isupper() for w in words)
    return caps / len(words) >= 0.75


def _line_label_end(line: str) -> int:
    """Length of a bullet's Title-Case label ("Hardware Blockade:"), else 0."""
    m = re.match(r"^[\s•*\-–—\d.)]*([A-Z][\w&’'-]*(?:[ \u00a0]+(?:[A-Z][\w&’'-]*|of|and|the|in|for|to)){0,5}):", line)
    return m.end() if m else 0


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start]
    return start == 0 or bool(re.search(r"(?:^|[.!?:;…\n•*—–\"“”‘’])[\s\u00a0]*$", before))


def find_names(text: str, skip: list[tuple[int, int]] | None = None) -> list[NameMention]:
    """Proper-name mentions in text, outside the `skip` regions and headline lines."""
    skip = skip or []
    lowercase_words = {w for w in re.findall(r"\b[a-z][a-z’'-]+\b", text)}
    out: list[NameMention] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        line_start, pos = pos, pos + len(line)
        if _is_headline(line):
            continue
        label_end = line_start + _line_label_end(line)
        for m in _NAME_RE.finditer(text, label_end, line_start + len(line.rstrip("\n"))):
            start, end = m.start(), m.end()
            if any(a < end and start < b for a, b in skip):
                continue
            for mention in _clean(text, start, end, lowercase_words):
                out.append(mention)
    return out


def _clean(text: str, start: int, end: int, lowercase_words: set[str]) -> list[NameMention]:
    """Trim a raw capitalised run into zero or more name mentions."""
    raw = text[start:end]
    # Possessive inside the run ends the name: "Alibaba’s Qwen" -> "Alibaba" (+ "Qwen").
    pieces: list[tuple[int, int, bool]] = []
    cursor = start
    for pm in _POSSESSIVE_RE.finditer(raw):
        pieces.append((cursor, start + pm.start(), True))
        cursor = start + pm.end()
        while cursor < end and text[cursor] in " \u00a0":
            cursor += 1
    pieces.append((cursor, end, text.startswith(("’s", "'s"), end)))
    out = []
    for a, b, possessive in pieces:
        words = [(w.start() + a, w.end() + a) for w in re.finditer(r"\S+", text[a:b].replace("\u00a0", " "))]
        initial = _sentence_initial(text, a)
        # Drop leading grammar words ("The", "However", "In") and trailing particles.
        while words and (
            text[words[0][0] : words[0][1]].lower() in COMMON_CAPITALISED
            or (initial and text[words[0][0] : words[0][1]].lower() in lowercase_words)
            or not text[words[0][0]].isupper()
        ):
            words.pop(0)
            initial = False
        while words and not text[words[-1][0]].isupper() and not text[words[-1][0]].isdigit():
            words.pop()
        if not words:
            continue
        s, e = words[0][0], words[-1][1]
        name = text[s:e].rstrip(".’'") if not re.fullmatch(r"(?:[A-Z]\.)+", text[s:e]) else text[s:e]
        e = s + len(name)
        if len(name) < 2 or name.lower() in GENERIC_WORDS or name.lower() in COMMON_CAPITALISED:
            continue
        if name.isdigit() or text.startswith("$", e):
            continue  # "HK$4.35": a currency prefix, not a name
        out.append(NameMention(s, e, name, possessive and b == pieces[-1][1] or possessive, initial))
    return out
