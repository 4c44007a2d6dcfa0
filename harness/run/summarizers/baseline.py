"""`baseline:lead` and `baseline:centroid`: extractive, deterministic, no network.

Both take whole sentences from the story text of the task's sources
(headlines and story only: excluded regions such as related-article teasers
never contribute) and stop before the task's word limit.

- lead: for one source, its headline then its sentences in order; for several,
  round-robin over story sentences (first sentence of each source, then the
  second of each, ...). Sub-headings are left out.
- centroid: the sentences closest to the sources' word-frequency centroid,
  printed in source order.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from harness.errors import HarnessError
from harness.goldset.model import Source, Task
from harness.run.summarizers.base import ModelSpec, Output, Request, RunOptions, Summarizer, SummaryFailed
from harness.text.normalize import word_count

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_WORD = re.compile(r"\w[\w'’-]*")
_STOPWORDS = (
    "a an and are as at be by for from has have in is it its of on or that the this to was were will with "
    "said says than more not but he she they their his her we our"
)
_STOP = frozenset(_STOPWORDS.split())
STRATEGIES = ("lead", "centroid")


def words(text: str) -> int:
    """Words as the scorers count them (so a baseline never runs over the limit they check)."""
    return word_count(text)


_ABBREVIATIONS = (
    "vs.",
    "Mr.",
    "Ms.",
    "Mrs.",
    "Dr.",
    "U.S.",
    "U.K.",
    "St.",
    "Inc.",
    "Co.",
    "Corp.",
    "e.g.",
    "i.e.",
)


def _split(line: str) -> list[str]:
    pieces: list[str] = []
    for piece in _SENTENCE_END.split(line):
        if pieces and pieces[-1].endswith(_ABBREVIATIONS):
            pieces[-1] += " " + piece
        else:
            pieces.append(piece)
    return [p.strip() for p in pieces if p.strip()]


def _is_heading(line: str) -> bool:
    """A headline or sub-heading: a line without closing punctuation."""
    return line.rstrip('"”’)]').rstrip()[-1:] not in (".", "!", "?")


def sentences(source: Source, headline: bool = True) -> list[str]:
    """Story sentences of a source, in order, without sub-headings.

    With `headline`, the source's first line comes first when it is a heading
    (it gets a full stop). Excluded regions never contribute.
    """
    out: list[str] = []
    first = True
    for start, end in source.story_regions():
        for line in source.text[start:end].splitlines():
            line = line.strip()
            if not line:
                continue
            if _is_heading(line):
                if first and headline:
                    out.append(line + ".")
            else:
                out.extend(_split(line))
            first = False
    return out


def _fit(candidates: list[tuple[int, int, str]], max_words: int) -> list[tuple[int, int, str]]:
    """Take candidates in the given order while they fit the word budget; skip repeats."""
    chosen, seen, used = [], set(), 0
    for cand in candidates:
        key = " ".join(_WORD.findall(cand[2].lower()))
        n = words(cand[2])
        if key in seen or used + n > max_words:
            continue
        chosen.append(cand)
        seen.add(key)
        used += n
    return chosen


def lead(sources: list[Source], max_words: int) -> str:
    per_source = [sentences(s, headline=len(sources) == 1) for s in sources]
    order = [
        (si, i, sent)
        for i in range(max((len(p) for p in per_source), default=0))
        for si, p in enumerate(per_source)
        if i < len(p)
        for sent in (p[i],)
    ]
    return " ".join(c[2] for c in _fit(order, max_words))


def centroid(sources: list[Source], max_words: int) -> str:
    per_source = [sentences(s, headline=False) for s in sources]

    def terms(text: str) -> Counter[str]:
        return Counter(w for w in _WORD.findall(text.lower()) if w not in _STOP)

    total: Counter[str] = Counter()
    for p in per_source:
        for sent in p:
            total.update(terms(sent))
    norm_total = math.sqrt(sum(v * v for v in total.values())) or 1.0

    def similarity(sent: str) -> float:
        t = terms(sent)
        norm = math.sqrt(sum(v * v for v in t.values())) or 1.0
        return sum(v * total[w] for w, v in t.items()) / (norm * norm_total)

    cands = [(si, i, sent) for si, p in enumerate(per_source) for i, sent in enumerate(p)]
    ranked = sorted(cands, key=lambda c: (-similarity(c[2]), c[0], c[1]))
    chosen = _fit(ranked, max_words)
    return " ".join(c[2] for c in sorted(chosen, key=lambda c: (c[0], c[1])))


class BaselineSummarizer(Summarizer):
    def __init__(self, spec: ModelSpec, options: RunOptions) -> None:
        super().__init__(spec, options)
        if spec.arg not in STRATEGIES:
            raise HarnessError(
                f"--model {spec.raw!r}", f"unknown baseline {spec.arg!r} (known: {', '.join(STRATEGIES)})"
            )

    def params(self) -> dict[str, object]:
        return {"strategy": self.spec.arg}

    async def summarize(self, request: Request) -> Output:
        task: Task = request.task
        sources = [request.goldset.source_by_id[s] for s in task.sources]
        fn = lead if self.spec.arg == "lead" else centroid
        text = fn(sources, task.max_words)
        if not text:
            raise SummaryFailed(f"no sentence of the sources fits in {task.max_words} words")
        return Output(text=text)


def factory(spec: ModelSpec, options: RunOptions) -> Summarizer:
    return BaselineSummarizer(spec, options)
