"""Key-fact coverage: which of the task's key claims the summary states.

A key claim is covered by a sentence (or two adjacent sentences) that
shares enough of its keywords, names its speaker when it has one, and
carries one of its numbers when it has any. Deterministic and crude by
design: it counts facts, it does not judge paraphrase.
"""

from __future__ import annotations

from harness.goldset.model import UNNAMED, Claim
from harness.scorers.analysis import SummaryAnalysis
from harness.scorers.index import GoldIndex, keywords
from harness.scorers.numbers import agrees
from harness.scorers.scope import Scope

MIN_SHARED = 3
MIN_SHARE_OF_CLAIM = 0.25


def key_claims(idx: GoldIndex, scope: Scope) -> list[Claim]:
    return [c for c in idx.goldset.claims if c.key and any(scope.covers(a.source) for a in c.anchors)]


def score_coverage(idx: GoldIndex, an: SummaryAnalysis, scope: Scope) -> dict[str, int]:
    claims = key_claims(idx, scope)
    text = an.text
    sents = an.sentences
    windows = [(a, b) for a, b in sents] + [(sents[i][0], sents[i + 1][1]) for i in range(len(sents) - 1)]
    wkw = [keywords(text[a:b]) for a, b in windows]
    covered = 0
    for c in claims:
        ckw = keywords(c.text)
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
    return {"key_claims": len(claims), "key_claims_covered": covered}
