"""Quotes: invented, altered, unverified, quoted narration.

A summary quote is compared with the sources as a sequence of normalised
words (case, punctuation, typographic quotes and dashes ignored; marked
elisions split it into pieces that must appear in order). Where it is found
decides what it is: inside a gold quote wording (verified or unverified),
inside quote marks the gold set does not list (a faithful quote of
something the source quotes), or in the reporter's prose (quoted
narration). Not found verbatim, it is altered when close to a gold quote
wording, quoted narration when close to prose, invented otherwise.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise

from harness.findings import Evidence, Finding, make_finding
from harness.goldset.model import Quote, Span
from harness.scorers.analysis import SummaryAnalysis
from harness.scorers.index import GoldIndex, QuoteAnchor, SourceTokens
from harness.scorers.scope import Scope
from harness.text.normalize import STOPWORDS, split_elisions, tokenize, words
from harness.text.quotes import QuoteMention

ALTERED_MIN_SIMILARITY = 0.6
"""Share of the summary quote's words found, in order, in a gold wording."""
ALTERED_MIN_CONTENT = 0.5
"""Share of its content words an altered quote must share, in order, with the gold wording."""
NARRATION_MIN_SIMILARITY = 0.8
MAX_ELISION_GAP = 80  # tokens between the pieces of an elided quote


@dataclass
class QuoteMatch:
    """What one summary quote turned out to be."""

    mention: QuoteMention
    status: str  # verified | unverified | source_quote | narration | altered | invented | outside
    quote: Quote | None = None
    evidence: list[Span] = field(default_factory=list)
    outside_sources: tuple[str, ...] = ()

    @property
    def gold_speaker(self) -> str | None:
        return self.quote.speaker if self.quote else None


def _segments(q: QuoteMention) -> list[tuple[str, ...]]:
    """The quote's words, in the pieces its marked elisions leave (most quotes: one)."""
    quoted = q.text
    return [tuple(words(quoted[a:b])) for a, b in split_elisions(quoted)]


@dataclass(frozen=True)
class _SourceWords:
    """Where each run of one to three words stands in one source's story tokens, and the
    source's quote wordings: a quote's words are looked up, not searched for through the text."""

    norms: tuple[str, ...]
    positions: dict[tuple[str, ...], list[int]]  # (w1,), (w1, w2), (w1, w2, w3) -> token indices
    # token index -> the quote wordings (in gold-set order) it stands in: a run of tokens is
    # inside a wording only if its first token is.
    covering: dict[int, tuple[QuoteAnchor, ...]]


@dataclass(frozen=True)
class _QuoteTables:
    """What summary quotes are looked up in, built once per gold set (see `GoldIndex.derived`)."""

    source_words: dict[str, _SourceWords]  # of each source
    # The sources (in gold-set order) in whose story text each run of one to three words
    # stands: a quote is searched for only in the sources its first words are in.
    sources_with: dict[tuple[str, ...], tuple[str, ...]]


def _quote_tables(idx: GoldIndex) -> _QuoteTables:
    return idx.derived("quotes.tables", _build_quote_tables)


def _build_quote_tables(idx: GoldIndex) -> _QuoteTables:
    tables = {}
    for sid, st in idx.sources.items():
        norms = tuple(t.norm for t in st.tokens)
        positions: dict[tuple[str, ...], list[int]] = {}
        for n in (1, 2, 3):
            for i in range(len(norms) - n + 1):
                positions.setdefault(norms[i : i + n], []).append(i)
        covering: dict[int, list[QuoteAnchor]] = {}
        for qa in idx.quote_anchors:  # in gold-set order
            for k in range(qa.i, qa.j) if qa.span.source == sid else ():
                covering.setdefault(k, []).append(qa)
        tables[sid] = _SourceWords(norms, positions, {k: tuple(qas) for k, qas in covering.items()})
    found: dict[tuple[str, ...], list[str]] = {}
    for sid, sw in tables.items():
        for run in sw.positions:
            found.setdefault(run, []).append(sid)
    return _QuoteTables(tables, {run: tuple(sids) for run, sids in found.items()})


def _occurrences(sw: _SourceWords, seq: tuple[str, ...], start: int = 0) -> Iterator[int]:
    """Token indices (ascending, from `start`) where the words `seq` stand in a row."""
    positions = sw.positions.get(seq[:3], [])
    for i in positions[bisect_left(positions, start) :]:
        if sw.norms[i : i + len(seq)] == seq:
            yield i


def _find_verbatim(
    st: SourceTokens, sw: _SourceWords, segments: list[tuple[str, ...]]
) -> list[list[tuple[int, int]]]:
    """Occurrences of the segments, in order, in a source's story text (at most 8)."""
    first, rest = segments[0], segments[1:]
    positions = sw.positions.get(first[:3])
    if positions is None:
        return []  # its first words are not in this source
    n, norms, excluded = len(first), sw.norms, st.excluded
    if not rest:  # a quote without elisions, as most are (the table has runs of up to three
        # words: the rest of a longer one must follow)
        return [
            [(i, i + n)]
            for i in positions
            if (n <= 3 or norms[i : i + n] == first) and True not in excluded[i : i + n]
        ][:8]
    if n > 3:
        positions = [i for i in positions if norms[i : i + n] == first]
    out: list[list[tuple[int, int]]] = []
    for i in positions:
        if len(out) >= 8:
            break
        ranges = [(i, i + n)]
        for seg in rest:
            prev_end = ranges[-1][1]
            k = next(_occurrences(sw, seg, prev_end), None)
            if k is None or k - prev_end > MAX_ELISION_GAP:
                break
            ranges.append((k, k + len(seg)))
        else:
            if not any(True in excluded[a:b] for a, b in ranges):
                out.append(ranges)
    return out


def _anchor_containing(sw: _SourceWords, a: int, b: int) -> list[QuoteAnchor]:
    """The quote wordings tokens [a, b) (not empty) stand in, in gold-set order."""
    return [qa for qa in sw.covering.get(a, ()) if b <= qa.j]


@dataclass(frozen=True)
class _BitWords:
    """A word list as `_lcs` reads it: each word's positions as the bits of an int."""

    masks: dict[str, int]  # word -> bit mask of its positions
    length: int

    @classmethod
    def of(cls, words: tuple[str, ...] | list[str]) -> _BitWords:
        masks: dict[str, int] = {}
        for j, y in enumerate(words):
            masks[y] = masks.get(y, 0) | (1 << j)
        return cls(masks, len(words))


def _lcs(a: list[str], b: tuple[str, ...] | list[str] | _BitWords) -> int:
    """Longest common subsequence length of two word lists (`b` may be prepared once as
    `_BitWords`, as each gold wording is: see `_wordings`).

    Bit-parallel (Allison-Dix, Hyyrö): one row of the dynamic-programming
    table is a bit vector over `b`, updated with a few integer operations
    per word of `a` instead of a Python loop over `b`.
    """
    bits = b if isinstance(b, _BitWords) else _BitWords.of(b)
    if not a or not bits.length:
        return 0
    masks = bits.masks
    full = (1 << bits.length) - 1
    row = full
    for x in a:
        matches = row & masks.get(x, 0)
        row = ((row + matches) | (row - matches)) & full
    return bits.length - row.bit_count()


@dataclass(frozen=True)
class _Wording:
    """A gold quote wording prepared for `_lcs`: all its words, and its content words."""

    words: _BitWords
    content: _BitWords  # its words that are not STOPWORDS


def _wordings(idx: GoldIndex) -> tuple[_Wording, ...]:
    """`_Wording` of each of `idx.quote_anchors` (built once per gold set, see `GoldIndex.derived`)."""
    return idx.derived("quotes.wordings", _build_wordings)


def _build_wordings(idx: GoldIndex) -> tuple[_Wording, ...]:
    return tuple(
        _Wording(_BitWords.of(qa.norms), _BitWords.of([t for t in qa.norms if t not in STOPWORDS]))
        for qa in idx.quote_anchors
    )


def match_quote(idx: GoldIndex, text: str, q: QuoteMention, scope: Scope) -> QuoteMatch:
    segments = _segments(q)
    if not segments:
        return QuoteMatch(q, "verified")
    gold: list[QuoteAnchor] = []  # the gold wordings it stands in, in any source
    in_scope_gold: list[QuoteAnchor] = []  # those in a source the summary may draw on
    # Verbatim outside any gold wording, inside the source's quote marks or in its prose:
    # (in scope, source, first token, end token); a span is made only for the one reported.
    quoted: list[tuple[bool, SourceTokens, int, int]] = []
    prose: list[tuple[bool, SourceTokens, int, int]] = []
    tables = _quote_tables(idx)
    for sid in tables.sources_with.get(segments[0][:3], ()):
        st, sw = idx.sources[sid], tables.source_words[sid]
        inside = scope.covers(sid)
        for ranges in _find_verbatim(st, sw, segments):
            a, b = ranges[0][0], ranges[-1][1]
            anchors = _anchor_containing(sw, a, b)
            if not anchors and len(ranges) > 1:
                # Each piece inside some gold wording of the same quote (elided across anchors)?
                per = [_anchor_containing(sw, x, y) for x, y in ranges]
                if all(per) and len({p[0].quote.id for p in per}) == 1:
                    anchors = per[0]
            if anchors:
                gold += anchors
                if inside:
                    in_scope_gold += anchors
            elif all(False not in st.quoted[x:y] for x, y in ranges):
                quoted.append((inside, st, a, b))
            else:
                prose.append((inside, st, a, b))
    if in_scope_gold:
        qa = in_scope_gold[0] if len(in_scope_gold) == 1 else min(in_scope_gold, key=_preference)
        return QuoteMatch(q, qa.quote.status, qa.quote, [qa.span])
    for status, found in (("source_quote", quoted), ("narration", prose)):
        for inside, st, a, b in found:
            if inside:
                return QuoteMatch(q, status, None, [st.span(a, b)])
    if len(segments) == 1 and not gold and not quoted and not prose:
        joined = _rejoined(idx, text, q, scope)
        if joined is not None:
            return joined
    if gold or quoted or prose:
        st_hits = quoted + prose
        first = gold[0].span if gold else st_hits[0][1].span(st_hits[0][2], st_hits[0][3])
        sources = {qa.span.source for qa in gold} | {st.source.id for _, st, _, _ in st_hits}
        quote = gold[0].quote if gold else None
        return QuoteMatch(q, "outside", quote, [first], tuple(sorted(sources)))
    return _fuzzy(idx, q, [w for seg in segments for w in seg], scope)


def _preference(qa: QuoteAnchor) -> tuple[bool, str]:
    """Order of preference among gold wordings a quote is found in: verified ones first, then
    by source id (the first of the least wins)."""
    return qa.quote.status != "verified", qa.span.source


_SENTENCE_IN_QUOTE_RE = re.compile(r"(?<=[.!?…])\s+(?=[A-Z])")


def _rejoined(idx: GoldIndex, text: str, q: QuoteMention, scope: Scope) -> QuoteMatch | None:
    """A quote that runs two quoted sentences together (`"A. B."` for
    `"A," he said. "B."`) is verbatim when each sentence is a wording of the
    same speaker, in order, in one source."""
    cuts = [m.start() for m in _SENTENCE_IN_QUOTE_RE.finditer(text, q.start, q.end)]
    if not cuts:
        return None
    bounds = [q.start, *cuts, q.end]
    pieces = [tuple(t.norm for t in tokenize(text, a, b)) for a, b in pairwise(bounds)]
    pieces = [p for p in pieces if p]
    tables = _quote_tables(idx).source_words
    for sid, st in idx.sources.items():
        if not scope.covers(sid):
            continue
        sw = tables[sid]
        for ranges in _find_verbatim(st, sw, pieces):
            per = [_anchor_containing(sw, x, y) for x, y in ranges]
            if all(per) and len({p[0].quote.speaker for p in per}) == 1:
                qa = per[0][0]
                status = "verified" if all(p[0].quote.status == "verified" for p in per) else "unverified"
                return QuoteMatch(q, status, qa.quote, [p[0].span for p in per])
    return None


def _longest_run(a: list[str], b: tuple[str, ...]) -> int:
    """Longest run of consecutive words the two lists share."""
    best = 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0] * (len(b) + 1)
        for j, y in enumerate(b):
            if x == y:
                cur[j + 1] = prev[j] + 1
                best = max(best, cur[j + 1])
        prev = cur
    return best


def _fuzzy(idx: GoldIndex, q: QuoteMention, toks: list[str], scope: Scope) -> QuoteMatch:
    content = {t for t in toks if t not in STOPWORDS}
    counts: dict[int, int] = {}
    for t in content:
        for ai in idx.anchors_by_token.get(t, ()):
            counts[ai] = counts.get(ai, 0) + 1
    wordings = _wordings(idx)
    best: tuple[float, int] | None = None  # (similarity, anchor index)
    best_lcs = 0
    need = max(1, int(0.4 * len(content)))
    for ai, n in sorted(counts.items()):
        if n < need:
            continue
        qa = idx.quote_anchors[ai]
        lcs = _lcs(toks, wordings[ai].words)
        sim = lcs / len(toks)
        key = (sim, scope.covers(qa.span.source))
        if best is None or key > (best[0], scope.covers(idx.quote_anchors[best[1]].span.source)):
            best, best_lcs = (sim, ai), lcs
    if (
        best is not None
        and best_lcs >= min(2, len(toks))
        and (
            best[0] >= ALTERED_MIN_SIMILARITY
            or (best[0] >= 0.5 and _longest_run(toks, idx.quote_anchors[best[1]].norms) >= 3)
        )
        and _content_overlap(toks, wordings[best[1]]) >= ALTERED_MIN_CONTENT
    ):
        qa = idx.quote_anchors[best[1]]
        outside = () if scope.covers(qa.span.source) else _outside(idx, qa.quote, scope)
        if outside and any(scope.covers(a.source) for a in qa.quote.anchors):
            outside = ()
        return QuoteMatch(q, "altered", qa.quote, [qa.span], outside)
    narration = _near_prose(idx, toks, scope)
    if narration is not None:
        return QuoteMatch(q, "narration", None, [narration])
    return QuoteMatch(q, "invented")


def _content_overlap(toks: list[str], wording: _Wording) -> float:
    """Share of the quote's content words (not function words) found, in order, in a wording.

    Function words make up half of most short quotes, so a quote can share 60% of its words
    with a long wording through "a", "of", "the" alone; it is close only when its content
    words are there too.
    """
    content = [t for t in toks if t not in STOPWORDS]
    if not content:
        return 1.0
    return _lcs(content, wording.content) / len(content)


def _outside(idx: GoldIndex, quote: Quote, scope: Scope) -> tuple[str, ...]:
    return tuple(sorted({a.source for a in quote.anchors if not scope.covers(a.source)}))


def _near_prose(idx: GoldIndex, toks: list[str], scope: Scope) -> Span | None:
    """A stretch of in-scope story text containing most of the quote's words in order."""
    if len(toks) < 4:
        return None
    trigrams = [tuple(toks[k : k + 3]) for k in range(len(toks) - 2)]
    tables = _quote_tables(idx)
    need = max(2, 0.5 * len(trigrams))
    held: dict[str, int] = {}  # source -> how many of the trigrams its story text holds
    for tg in trigrams:
        for sid in tables.sources_with.get(tg, ()):
            held[sid] = held.get(sid, 0) + 1
    for sid, st in idx.sources.items():
        if held.get(sid, 0) < need or not scope.covers(sid):
            continue  # (most quotes this far are invented: no source holds enough of them)
        positions = tables.source_words[sid].positions
        found = [positions[tg][0] for tg in trigrams if tg in positions]  # each one's first token
        a = min(found)
        b = min(len(st.tokens), max(found) + 3)
        window = [t.norm for t in st.tokens[max(0, a - 3) : b + 3]]
        if _lcs(toks, window) / len(toks) >= NARRATION_MIN_SIMILARITY and not any(st.excluded[a:b]):
            return st.span(a, b)
    return None


def _evidence(spans: list[Span]) -> tuple[Evidence, ...]:
    return tuple(Evidence(source=s.source, start=s.start, end=s.end, text=s.text) for s in spans)


def _short(s: str, n: int = 80) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def score_quotes(idx: GoldIndex, an: SummaryAnalysis, scope: Scope) -> tuple[list[Finding], list[QuoteMatch]]:
    """Findings for the quotes themselves, and what each quote matched."""
    text = an.text
    findings: list[Finding] = []
    matches: list[QuoteMatch] = []
    for q in an.quotes:
        m = match_quote(idx, text, q, scope)
        matches.append(m)
        if m.status in ("verified", "source_quote"):
            continue  # the source's words: nothing to report
        ev = _evidence(m.evidence)
        extra: dict[str, object] = {"evidence": ev}
        if m.quote is not None:
            extra["quote_id"] = m.quote.id
            extra["gold_speaker"] = m.quote.speaker
        if m.status == "unverified":
            assert m.quote is not None
            reason = m.quote.status_reason or "the gold set marks it unverified"
            findings.append(
                make_finding(
                    "unverified_quote",
                    q.start,
                    q.end,
                    text,
                    f"Quote is unverified: {_short(reason, 200)}",
                    **extra,
                )
            )
        elif m.status == "narration":
            src = m.evidence[0].source
            findings.append(
                make_finding(
                    "quoted_narration",
                    q.start,
                    q.end,
                    text,
                    f"Quoted words are the reporter's prose in {src}, not anyone's quoted words.",
                    **extra,
                )
            )
        elif m.status == "altered":
            assert m.quote is not None
            ev0 = m.evidence[0]
            msg = f"Quote differs from the source wording ({ev0.source}: “{_short(ev0.text)}”)."
            if m.outside_sources:
                msg += f" It is found only in {', '.join(m.outside_sources)}, outside this task's sources."
                extra["outside_task_sources"] = True
            findings.append(make_finding("altered_quote", q.start, q.end, text, msg, **extra))
        elif m.status == "outside":
            where = ", ".join(m.outside_sources)
            findings.append(
                make_finding(
                    "invented_quote",
                    q.start,
                    q.end,
                    text,
                    f"Quote is not in this task's sources; it is found only in {where}.",
                    outside_task_sources=True,
                    **extra,
                )
            )
        elif m.status == "invented":
            findings.append(
                make_finding(
                    "invented_quote", q.start, q.end, text, "No source contains these quoted words.", **extra
                )
            )
    return findings, matches
