"""Key-fact coverage: which of the task's key claims the summary states.

A key claim is covered by a sentence (or two adjacent sentences) that
shares enough of its keywords, names its speaker when it has one, and
carries one of its numbers when it has any. Deterministic and crude by
design: it counts facts, it does not judge paraphrase.
"""

from __future__ import annotations

from dataclasses import dataclass

from harness.goldset.model import UNNAMED, Claim
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
class _KeyClaimTable:
    """The gold set's key claims, each with its text keywords as bits of an int (a window's
    keywords and a claim's are compared with one `&` and a bit count: a set intersection per
    pair costs far more) and the sources its anchors are in."""

    bit: dict[str, int]  # keyword -> its bit
    vocabulary: frozenset[str]  # the keywords that have a bit
    claims: tuple[tuple[ClaimEntry, int, frozenset[str]], ...]  # claim, keyword bits, sources


def _key_claim_table(idx: GoldIndex) -> _KeyClaimTable:
    """`_KeyClaimTable` of the gold set (built once per gold set, see `GoldIndex.derived`)."""
    return idx.derived("coverage.key_claims", _build_key_claim_table)


def _build_key_claim_table(idx: GoldIndex) -> _KeyClaimTable:
    vocabulary = sorted({k for e in idx.key_claims for k in e.text_keywords})
    bit = {k: 1 << i for i, k in enumerate(vocabulary)}
    claims = tuple(
        (e, sum(bit[k] for k in e.text_keywords), frozenset(a.source for a in e.claim.anchors))
        for e in idx.key_claims
    )
    return _KeyClaimTable(bit, frozenset(bit), claims)


def score_coverage(idx: GoldIndex, an: SummaryAnalysis, scope: Scope) -> dict[str, int]:
    table = _key_claim_table(idx)
    # The key claims anchored in a source the summary may draw on (as `_key_claim_entries`).
    entries = [(e, ckw) for e, ckw, sources in table.claims if not sources.isdisjoint(scope.sources)]
    sents = an.sentences
    # Sentences are separated by white space only, so a pair's keywords are the union of theirs.
    skw = [sum(map(table.bit.__getitem__, kw & table.vocabulary)) for kw in an.sentence_keywords]
    windows = [(a, b) for a, b in sents] + [(sents[i][0], sents[i + 1][1]) for i in range(len(sents) - 1)]
    wkw = skw + [skw[i] | skw[i + 1] for i in range(len(sents) - 1)]
    covered = 0
    for entry, ckw in entries:
        c = entry.claim
        for (a, b), kw in zip(windows, wkw, strict=True):
            shared = (ckw & kw).bit_count()
            if shared < MIN_SHARED or shared < MIN_SHARE_OF_CLAIM * len(entry.text_keywords):
                continue
            if (
                c.speaker
                and c.speaker != UNNAMED
                and not any(
                    a <= m.start < b and (m.key == c.speaker or m.kind == "pronoun") for m in an.mentions
                )
            ):
                continue
            if c.numbers and not any(
                a <= n.start < b and any(agrees(n, g) for g in c.numbers) for n in an.numbers
            ):
                continue
            covered += 1
            break
    return {"key_claims": len(entries), "key_claims_covered": covered}
