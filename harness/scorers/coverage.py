"""Key-fact coverage: which of the task's key claims the summary states.

A key claim is covered by a sentence (or two adjacent sentences) that
shares enough of its keywords, names its speaker when it has one, and
carries one of its numbers when it has any. Deterministic and crude by
design: it counts facts, it does not judge paraphrase.
"""

from __future__ import annotations

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


def score_coverage(idx: GoldIndex, an: SummaryAnalysis, scope: Scope) -> dict[str, int]:
    entries = _key_claim_entries(idx, scope)
    sents = an.sentences
    # Sentences are separated by white space only, so a pair's keywords are the union of theirs.
    skw = an.sentence_keywords
    windows = [(a, b) for a, b in sents] + [(sents[i][0], sents[i + 1][1]) for i in range(len(sents) - 1)]
    wkw = skw + [skw[i] | skw[i + 1] for i in range(len(sents) - 1)]
    covered = 0
    for entry in entries:
        c, ckw = entry.claim, entry.text_keywords
        for (a, b), kw in zip(windows, wkw, strict=True):
            shared = len(ckw & kw)
            if shared < MIN_SHARED or shared < MIN_SHARE_OF_CLAIM * len(ckw):
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
