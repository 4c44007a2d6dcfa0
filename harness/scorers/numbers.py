"""Numbers: mismatched against the gold claim a statement makes, or unsupported.

Each number in the summary is read as value/range, unit and qualifier. Its
clause is compared with the gold claims carrying a number of the same kind
of unit: when the clause is about such a claim, the number must agree with
it ("less than 20%" is not "20%" nor "less than 30%"); when it is about no
claim, some source must still state it. Currencies count as one kind, so
"$4.35 billion" for "HK$4.35 billion" is a mismatch.
"""

from __future__ import annotations

import math
import re
from operator import itemgetter

from harness.findings import Evidence, Finding, make_finding
from harness.goldset.model import Claim, Number, Span
from harness.scorers.analysis import SummaryAnalysis
from harness.scorers.index import ClaimEntry, GoldIndex, keywords, keywords_of_chunks, unit_family
from harness.scorers.scope import Scope
from harness.text.normalize import char_positions
from harness.text.numbers import NumberMention

CLAIM_MIN_SCORE = 0.3
"""Share of the clause's keyword weight a claim must explain to be 'the' claim."""

_QUALIFIER_GROUP = {
    "exact": "exact",
    "about": "exact",
    "less_than": "upper",
    "at_most": "upper",
    "more_than": "lower",
    "at_least": "lower",
}


_CLOSE = 1e-9
"""Relative tolerance of `_close`."""


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= _CLOSE * max(1.0, abs(a), abs(b))


def agrees(n: NumberMention, g: Number) -> bool:
    """Same unit, same value or range, compatible qualifier."""
    unit = n.unit
    if unit != g.unit:
        return False
    value, gold_value = n.value, g.value
    if unit == "calendar_year":
        return _close(value if value is not None else n.low, gold_value if gold_value is not None else g.low)
    if value is not None:
        if gold_value is None:
            return False
        # `_close(value, gold_value)` written out: this runs for every number of every candidate claim.
        if not abs(value - gold_value) <= _CLOSE * max(1.0, abs(value), abs(gold_value)):
            return False
    elif gold_value is not None or not (_close(n.low, g.low) and _close(n.high, g.high)):
        return False
    return _QUALIFIER_GROUP[n.qualifier] == _QUALIFIER_GROUP[g.qualifier]


def _source_agrees(n: NumberMention, s: NumberMention) -> bool:
    """A source number read as a gold number (it has the same fields `agrees` reads)."""
    return agrees(n, s)  # type: ignore[arg-type]


def _agreeing_source_numbers(idx: GoldIndex, n: NumberMention) -> list[tuple[str, NumberMention]]:
    """(source id, number) of every source number that agrees with `n`, in index order.

    `agrees` holds only between numbers whose keys (see `_value_key`) are close, so
    only source numbers whose key lies near that of `n` are compared.
    """
    keyed = idx.derived("numbers.keyed_source_numbers", _keyed_source_numbers).get(n.unit, ())
    key = _value_key(n)
    if key is None:
        return [(sid, s) for _, sid, s in keyed if _source_agrees(n, s)]
    # `_close(a, b)` bounds |a - b| by just over 1e-9 * max(1, |a|): ten times that is safe.
    slack = 10 * _CLOSE * max(1.0, abs(key))
    return [(sid, s) for k, sid, s in keyed if (k is None or abs(k - key) <= slack) and _source_agrees(n, s)]


def _value_key(n: NumberMention) -> float | None:
    """The value of a number, or the low end of a range: `agrees` holds only between
    numbers whose keys are `_close`. None when it is no finite number (`_close` of an
    infinite number and a finite one holds, so such a key bounds nothing)."""
    key = n.value if n.value is not None else n.low
    return key if key is not None and math.isfinite(key) else None


def _keyed_source_numbers(idx: GoldIndex) -> dict[str, list[tuple[float | None, str, NumberMention]]]:
    """`GoldIndex.source_numbers_by_unit`, each number with its `_value_key`."""
    return {
        unit: [(_value_key(s), sid, s) for sid, s in numbers]
        for unit, numbers in idx.source_numbers_by_unit.items()
    }


_CLAUSE_CUT_RE = re.compile(r";|\s[—–]\s|, (?:while|whereas|but|and) ")
_CLAUSE_CUT_CHARS = ";,—–"  # a cut starts at a ';' or ',', or just before a dash


def _clause_cuts(sentence: str) -> list[tuple[int, int]]:
    """The spans of `_CLAUSE_CUT_RE.finditer(sentence)`, matched only where a cut can
    start (a pattern tried at every character is slow)."""
    found = []
    end = 0
    for at in char_positions(sentence, _CLAUSE_CUT_CHARS):
        start = at if sentence[at] in ";," else at - 1
        if start >= end and (m := _CLAUSE_CUT_RE.match(sentence, start)) is not None:
            found.append(m.span())
            end = m.end()
    return found


class _Contexts:
    """Where the numbers of one summary stand: their clauses and the words around them.

    Numbers often share a sentence or a clause, so a sentence's clause cuts and
    a clause's keywords are read once per summary; most clauses are whole
    sentences, whose keywords the analysis has.
    """

    def __init__(self, an: SummaryAnalysis) -> None:
        self.an = an
        self.text = an.text
        self._cuts: dict[tuple[int, int], tuple[int, list[tuple[int, int]]]] = {}
        self._clause_keywords = dict(zip(an.sentences, an.sentence_keywords, strict=True))

    def clause(self, sentence: tuple[int, int], n: NumberMention) -> tuple[int, int]:
        """[start, end) of the clause around a number: its sentence, cut at ';' and the like."""
        a = sentence[0]
        length, cuts = self._sentence_cuts(sentence)
        if not cuts:
            return a, a + length
        rel = n.start - a
        lo = max([e for _, e in cuts if e <= rel], default=0)
        hi = min([s for s, _ in cuts if s >= rel + len(n.text)], default=length)
        return a + lo, a + max(lo, hi)

    def _sentence_cuts(self, sentence: tuple[int, int]) -> tuple[int, list[tuple[int, int]]]:
        """The length of a sentence and the spans of its clause cuts, from its start."""
        read = self._cuts.get(sentence)
        if read is None:
            s = self.text[sentence[0] : sentence[1]]
            read = self._cuts[sentence] = (len(s), _clause_cuts(s))
        return read

    def clause_keywords(self, clause: tuple[int, int]) -> set[str]:
        """`keywords` of a clause."""
        kws = self._clause_keywords.get(clause)
        if kws is None:
            kws = self._clause_keywords[clause] = keywords(self.text[clause[0] : clause[1]])
        return kws

    def window_keywords(self, sentence: tuple[int, int], n: NumberMention, width: int = 6) -> set[str]:
        """Keywords of the few words either side of a number, within its sentence."""
        a, b = sentence
        left = self.text[a : n.start].rsplit(None, width)[-width:]
        right = self.text[n.end : b].split(None, width)[:width]
        return keywords_of_chunks(left + right)


def _candidates(
    idx: GoldIndex, contexts: _Contexts, n: NumberMention, family: str
) -> tuple[list[tuple[float, ClaimEntry]], set[str]]:
    """Claims with a number of this unit family that the number's context (its clause or
    the words around it, whichever scores a claim higher) is about, best first, and the
    keywords of the number's clause."""
    sentence = contexts.an.sentence_of(n.start)
    clause_keywords = contexts.clause_keywords(contexts.clause(sentence, n))
    family_claims = idx.family_claims.get(family)
    if family_claims is None:
        return [], clause_keywords
    by_clause, clause_weight = family_claims.hits(clause_keywords)
    by_window, window_weight = family_claims.hits(contexts.window_keywords(sentence, n))
    best = []
    for h, k, c in zip(by_clause, by_window, family_claims.claims, strict=True):
        if h or k:  # (a claim with no hit scores 0.0)
            s = h / clause_weight if h else 0.0
            t = k / window_weight if k else 0.0
            if s >= CLAIM_MIN_SCORE or t >= CLAIM_MIN_SCORE:
                best.append((max(s, t), c))
    best.sort(key=itemgetter(0), reverse=True)  # (a stable sort: equal scores stay in claim id order)
    return best, clause_keywords


SIBLING_OVERLAP = 0.6
"""Share of the smaller claim's keywords two claims must share to be sibling facts."""


def _swapped_into(
    n: NumberMention, candidates: list[tuple[float, ClaimEntry]], owner: ClaimEntry, clause_keywords: set[str]
) -> ClaimEntry | None:
    """The claim a number was moved into, when it belongs to a sibling claim.

    "1.2% of usage last year" where the source has 1.2% in late 2024 and 30%
    last year: the number agrees with its `owner` claim (late 2024), but a
    sibling claim (one stating much the same with another number: "30% ...
    last year") has a number of this kind with another value, and
    the clause names something only the sibling has ("last year") and
    nothing only the owner has ("late"). Judged on words, not on ranking:
    siblings often tie.
    """
    if n.unit in ("count", "calendar_year"):
        return None  # "100 nations" and "20,000 fighters" are not one quantity
    family = unit_family(n.unit)
    for _, other in candidates:
        if other is owner or not (clause_keywords & other.keywords) - owner.keywords:
            continue
        shared = len(other.keywords & owner.keywords)
        if shared < SIBLING_OVERLAP * min(len(other.keywords), len(owner.keywords)):
            continue
        gold = [g for g in other.claim.numbers if unit_family(g.unit) == family]
        if (
            gold
            and not any(_same_value(n, g) for g in gold)
            and not (clause_keywords & owner.keywords) - other.keywords
        ):
            return other
    return None


def _same_value(n: NumberMention, g: Number) -> bool:
    """Same value or range, whatever the qualifier ("44%" and "no more than 44%")."""
    return _close(n.value, g.value) and _close(n.low, g.low) and _close(n.high, g.high)


def _first_agreeing(
    n: NumberMention, candidates: list[tuple[float, ClaimEntry]]
) -> tuple[float, ClaimEntry] | None:
    """The best candidate claim with a number that agrees with `n`."""
    for s, c in candidates:
        if n.unit in c.units:  # (`agrees` needs the same unit)
            for g in c.claim.numbers:
                if agrees(n, g):
                    return s, c
    return None


def _is_trivial(n: NumberMention) -> bool:
    """Small spelled-out counts ("two companies") are not figures worth checking."""
    return n.unit == "count" and n.written and (n.value or 0) < 10


def score_numbers(idx: GoldIndex, an: SummaryAnalysis, scope: Scope) -> tuple[list[Finding], dict[str, int]]:
    text = an.text
    findings: list[Finding] = []
    total = ok = 0
    contexts = _Contexts(an)
    for n in an.numbers:
        if _is_trivial(n) or an.in_heading(n.start):
            continue
        total += 1
        family = unit_family(n.unit)
        candidates, clause = _candidates(idx, contexts, n, family)
        agreeing = _first_agreeing(n, candidates)
        if agreeing is not None and agreeing[0] >= 0.5 * candidates[0][0]:
            c = agreeing[1]
            swapped = _swapped_into(n, candidates, c, clause)
            if swapped is not None:
                findings.append(_mismatch(text, n, swapped.claim, family, scope, owner=c.claim))
                continue
            if any(map(scope.covers, c.sources)):
                ok += 1
                continue
            elsewhere = _agreeing_source_numbers(idx, n)
            if _in_scope(elsewhere, scope):
                ok += 1
                continue
            findings.append(_outside(text, n, c.claim.anchors, elsewhere, idx, scope))
            continue
        if n.unit == "count":
            candidates = [(s, c) for s, c in candidates if s >= 0.5]
        if candidates:
            best = candidates[0][1].claim
            gold_nums = [g for g in best.numbers if unit_family(g.unit) == family]
            # A clause about this claim but with a different number.
            if n.unit == "calendar_year" and not any(g.unit == "calendar_year" for g in gold_nums):
                pass
            elif n.unit in ("calendar_year", "count") and _in_scope(_agreeing_source_numbers(idx, n), scope):
                ok += 1
                continue
            else:
                findings.append(_mismatch(text, n, best, family, scope))
                continue
        elsewhere = _agreeing_source_numbers(idx, n)
        if _in_scope(elsewhere, scope):
            ok += 1
            continue
        if elsewhere:
            findings.append(_outside(text, n, [], elsewhere, idx, scope))
            continue
        findings.append(
            make_finding("unsupported_number", n.start, n.end, text, f"No source states “{n.text}”.")
        )
    return findings, {"numbers": total, "numbers_correct": ok}


def _mismatch(
    text: str, n: NumberMention, claim: Claim, family: str, scope: Scope, owner: Claim | None = None
) -> Finding:
    """`n` states `claim` with another number (`owner`: the claim the number belongs to)."""
    g = next(g for g in claim.numbers if unit_family(g.unit) == family)
    spans = [sp for sp in g.spans if scope.covers(sp.source)] or list(g.spans)
    message = f"“{n.text}” does not match the source: {g.text!r} ({claim.text[:120].strip()})."
    if owner is not None:
        message += f" {n.text.strip()} belongs to another fact ({owner.text[:120].strip()})."
    return make_finding(
        "number_mismatch",
        n.start,
        n.end,
        text,
        message,
        claim_id=claim.id,
        evidence=tuple(
            Evidence(source=sp.source, start=sp.start, end=sp.end, text=sp.text) for sp in spans[:2]
        ),
    )


def _in_scope(agreeing: list[tuple[str, NumberMention]], scope: Scope) -> bool:
    """Whether a source of the task states one of these (source id, number)."""
    return any(scope.covers(sid) for sid, _ in agreeing)


def _outside(
    text: str,
    n: NumberMention,
    anchors: tuple[Span, ...] | list[Span],
    agreeing: list[tuple[str, NumberMention]],
    idx: GoldIndex,
    scope: Scope,
) -> Finding:
    """`n` is stated (`agreeing`: the source numbers stating it) only outside the task's sources."""
    where = sorted({a.source for a in anchors} | {sid for sid, _ in agreeing})
    where = [w for w in where if not scope.covers(w)]
    ev = [
        Evidence(source=sid, start=s.start, end=s.end, text=idx.sources[sid].source.text[s.start : s.end])
        for sid, s in agreeing
    ][:1]
    return make_finding(
        "unsupported_number",
        n.start,
        n.end,
        text,
        f"“{n.text}” is not in this task's sources; "
        f"it is found only in {', '.join(where) or 'other sources'}.",
        outside_task_sources=True,
        evidence=tuple(ev),
    )
