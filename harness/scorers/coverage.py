"""Key-fact coverage: which of the task's key claims the summary states.

A key claim is covered by a sentence (or two adjacent sentences) that
shares enough of its keywords, names its speaker when it has one, and
carries one of its numbers when it has any. Deterministic and crude by
design: it counts facts, it does not judge paraphrase.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from dataclasses import dataclass
from itertools import repeat

from harness.goldset.model import UNNAMED, Claim, Number
from harness.scorers.analysis import SummaryAnalysis
from harness.scorers.index import ClaimEntry, GoldIndex
from harness.scorers.numbers import agrees
from harness.scorers.scope import Scope

MIN_SHARED = 3
MIN_SHARE_OF_CLAIM = 0.25


def key_claims(idx: GoldIndex, scope: Scope) -> list[Claim]:
    return [e.claim for e in _key_claim_entries(idx, scope)]


def _key_claim_entries(idx: GoldIndex, scope: Scope) -> list[ClaimEntry]:
    return [e for e in idx.key_claims if any(scope.covers(a.source) for a in e.claim.anchors)]


@dataclass(frozen=True)
class _KeyClaim:
    """A key claim as the check reads it: its text keywords as bits of an int (a window's
    keywords and a claim's are compared with one `&` and a bit count: a set intersection per
    pair costs far more)."""

    entry: ClaimEntry
    keywords: int  # keyword bits
    need: int  # keywords a window must share with it (MIN_SHARED, MIN_SHARE_OF_CLAIM)
    sources: frozenset[str]  # the sources its anchors are in
    speaker: str | None  # the speaker a window must name (None: unnamed or no speaker)
    numbers: tuple[Number, ...]  # a window must carry one of these (when there are any)
    units: frozenset[str]  # their units (a number of another unit agrees with none of them)


@dataclass(frozen=True)
class _KeyClaimTable:
    """The gold set's key claims, in gold-set order, and the bit of each of their keywords."""

    bit: dict[str, int]  # keyword -> its bit
    claims: tuple[_KeyClaim, ...]


def _key_claim_table(idx: GoldIndex) -> _KeyClaimTable:
    """`_KeyClaimTable` of the gold set (built once per gold set, see `GoldIndex.derived`)."""
    return idx.derived("coverage.key_claims", _build_key_claim_table)


def _build_key_claim_table(idx: GoldIndex) -> _KeyClaimTable:
    vocabulary = sorted({k for e in idx.key_claims for k in e.text_keywords})
    bit = {k: 1 << i for i, k in enumerate(vocabulary)}
    claims = tuple(
        _KeyClaim(
            entry=e,
            keywords=sum(bit[k] for k in e.text_keywords),
            # A count of shared keywords is below MIN_SHARE_OF_CLAIM * n exactly when it is
            # below that number rounded up.
            need=max(MIN_SHARED, math.ceil(MIN_SHARE_OF_CLAIM * len(e.text_keywords))),
            sources=frozenset(a.source for a in e.claim.anchors),
            speaker=e.claim.speaker if e.claim.speaker and e.claim.speaker != UNNAMED else None,
            numbers=tuple(e.claim.numbers),
            units=frozenset(n.unit for n in e.claim.numbers),
        )
        for e in idx.key_claims
    )
    return _KeyClaimTable(bit, claims)


def score_coverage(idx: GoldIndex, an: SummaryAnalysis, scope: Scope) -> dict[str, int]:
    table = _key_claim_table(idx)
    # The key claims anchored in a source the summary may draw on (as `_key_claim_entries`).
    claims = [c for c in table.claims if not c.sources.isdisjoint(scope.sources)]
    windows, window_keywords = _windows(an, table.bit)
    mention_starts = [m.start for m in an.mentions]
    # What a speaker test reads of each name: True for a pronoun (it may be anyone), else
    # its key; a window names a speaker when `True` or the speaker's key is in its slice.
    speaker_marks: list[str | bool | None] = [True if m.kind == "pronoun" else m.key for m in an.mentions]
    number_starts = [n.start for n in an.numbers]
    number_units = [n.unit for n in an.numbers]
    covered = 0
    for claim in claims:
        claim_keywords, need, speaker = claim.keywords, claim.need, claim.speaker
        for w, keywords in enumerate(window_keywords):
            if (claim_keywords & keywords).bit_count() < need:
                continue  # as most windows: their words are elsewhere
            a, b = windows[w]
            if speaker is not None:
                marks = speaker_marks[bisect_left(mention_starts, a) : bisect_left(mention_starts, b)]
                if True not in marks and speaker not in marks:
                    continue
            if claim.numbers:
                i, j = bisect_left(number_starts, a), bisect_left(number_starts, b)
                # A number of another unit agrees with none of the claim's.
                if claim.units.isdisjoint(number_units[i:j]) or not any(
                    agrees(n, g) for n in an.numbers[i:j] for g in claim.numbers
                ):
                    continue
            covered += 1
            break
    return {"key_claims": len(claims), "key_claims_covered": covered}


def _windows(an: SummaryAnalysis, bit: dict[str, int]) -> tuple[list[tuple[int, int]], list[int]]:
    """The stretches to look for key claims in, with their keyword bits: each two adjacent
    sentences (or the one sentence of a one-sentence summary).

    A claim may be stated in one sentence or in two adjacent ones; but what a sentence states
    (its keywords, names, numbers) a pair of sentences around it states too, so looking in
    each pair finds every claim looking in each sentence would.
    """
    sents = an.sentences
    skw = [sum(map(bit.get, kw, repeat(0))) for kw in an.sentence_keywords]
    if len(sents) < 2:
        return sents, skw
    pairs = range(len(sents) - 1)
    # Sentences are separated by white space only, so a pair's keywords are the union of theirs.
    return [(sents[i][0], sents[i + 1][1]) for i in pairs], [skw[i] | skw[i + 1] for i in pairs]
