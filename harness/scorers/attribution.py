"""Speakers: misattributed quotes and claims, unattributed quotes, unknown speakers.

A quote's speaker is resolved in the summary (names, aliases, descriptions,
he/she) and compared with the gold speaker of the wording it matched. An
organisation the gold speaker belongs to counts as a fair attribution
("Zhipu said"). Reported speech without quote marks is compared with the
gold claims: when its content is a claim, someone else's, and no claim by
the credited speaker fits about as well, it is misattributed.
"""

from __future__ import annotations

from harness.findings import Evidence, Finding, make_finding
from harness.goldset.model import UNNAMED, Span
from harness.scorers.analysis import SummaryAnalysis
from harness.scorers.index import GoldIndex, keywords, speaker_anchor
from harness.scorers.quotes import QuoteMatch
from harness.scorers.scope import Scope
from harness.text.attribution import ReportedSpeech
from harness.text.mentions import NameMention, find_mentions
from harness.text.quotes import QuoteMention

CLAIM_MIN_SCORE = 0.5
"""Share of the reported content's keyword weight a claim must explain."""
CLAIM_SAME_SPEAKER_MARGIN = 0.75
"""A claim by the credited speaker this close to the best one clears the attribution."""
_NEAR_MIN_SCORE = CLAIM_MIN_SCORE * CLAIM_SAME_SPEAKER_MARGIN
"""The lowest score a claim near a best one can have."""


def _ev(spans: list[Span | None]) -> tuple[Evidence, ...]:
    out = []
    seen = set()
    for s in spans:
        if s is None or (s.source, s.start, s.end) in seen:
            continue
        seen.add((s.source, s.start, s.end))
        out.append(Evidence(source=s.source, start=s.start, end=s.end, text=s.text))
    return tuple(out)


def speaker_fits(idx: GoldIndex, claimed: str, gold: str) -> bool:
    """The credited entity is the gold speaker or an organisation the speaker belongs to."""
    return claimed == gold or claimed in _affiliations(idx).get(gold, ())


def _affiliations(idx: GoldIndex) -> dict[str, frozenset[str]]:
    """Per entity id, the organisations it belongs to; built once per gold set (see `GoldIndex.derived`)."""
    return idx.derived("attribution.affiliations", _build_affiliations)


def _build_affiliations(idx: GoldIndex) -> dict[str, frozenset[str]]:
    return {key: frozenset(a.org for a in e.affiliations) for key, e in idx.goldset.entity_by_id.items()}


def score_attribution(
    idx: GoldIndex, an: SummaryAnalysis, matches: list[QuoteMatch], scope: Scope
) -> tuple[list[Finding], dict[str, int]]:
    text = an.text
    findings: list[Finding] = []
    attributed = correct = 0
    unknown_reported: set[tuple[int, int]] = set()
    for att, m in zip(an.attributions, matches, strict=True):
        q = att.quote
        resolved = att.resolved
        if att.speaker is not None and (resolved is not None or att.speaker.kind != "pronoun"):
            attributed += 1
        if resolved is not None and resolved.key is None and resolved.kind == "unknown":
            _unknown_speaker(findings, text, resolved, unknown_reported, "quote")
            continue
        if m.quote is None or m.status in ("invented", "narration", "source_quote"):
            continue
        gold = m.quote.speaker
        if resolved is None:
            if att.speaker is None and m.status in ("verified", "unverified", "altered") and gold != UNNAMED:
                findings.append(
                    make_finding(
                        "unattributed_quote",
                        q.start,
                        q.end,
                        text,
                        f"Quote is given to no one; the source attributes it to {idx.name_of(gold)}.",
                        gold_speaker=gold,
                        quote_id=m.quote.id,
                        evidence=_ev(
                            [
                                *m.evidence,
                                speaker_anchor(idx, gold, m.evidence[0].source if m.evidence else None),
                            ]
                        ),
                    )
                )
            continue
        claimed = resolved.key
        assert claimed is not None
        if gold == UNNAMED:
            continue
        if speaker_fits(idx, claimed, gold):
            correct += 1
            continue
        src = m.evidence[0].source if m.evidence else None
        findings.append(
            make_finding(
                "misattributed_quote",
                q.start,
                q.end,
                text,
                f"Quote is credited to {idx.name_of(claimed)} "
                f"(as “{att.speaker.text if att.speaker else resolved.text}”); "
                f"the source attributes it to {idx.name_of(gold)}.",
                claimed_speaker=claimed,
                gold_speaker=gold,
                quote_id=m.quote.id,
                evidence=_ev([*m.evidence, speaker_anchor(idx, gold, src)]),
            )
        )
    findings.extend(_reported_speech(idx, an, scope, unknown_reported))
    return findings, {"attributed_quotes": attributed, "attributions_correct": correct}


def _unknown_speaker(
    findings: list[Finding], text: str, who: NameMention, seen: set[tuple[int, int]], what: str
) -> None:
    if (who.start, who.end) in seen:
        return
    seen.add((who.start, who.end))
    findings.append(
        make_finding(
            "unknown_speaker",
            who.start,
            who.end,
            text,
            f"A {what} is attributed to {who.text!r}, whom no source mentions.",
            claimed_speaker=who.text,
        )
    )


def _reported_speech(
    idx: GoldIndex, an: SummaryAnalysis, scope: Scope, seen: set[tuple[int, int]]
) -> list[Finding]:
    text = an.text
    findings: list[Finding] = []
    for rs in an.reported:
        if _carried_by_quotes(rs, an.quotes):
            continue  # the quote scorer judges it
        who = rs.resolved
        if who is None:
            continue
        if who.key is None:
            if who.kind == "unknown":
                _unknown_speaker(findings, text, who, seen, "claim")
            continue
        if not idx.is_person_key(who.key):
            continue
        # Only claims near a best score of at least CLAIM_MIN_SCORE count, so none under
        # _NEAR_MIN_SCORE: the index need not list (and sort) them.
        scored = idx.claim_scores(keywords(rs.text), min_score=_NEAR_MIN_SCORE)
        if not scored or scored[0][0] < CLAIM_MIN_SCORE:
            continue
        near_score = scored[0][0] * CLAIM_SAME_SPEAKER_MARGIN
        near = [c.claim for s, c in scored if s >= near_score]
        if any(c.speaker and speaker_fits(idx, who.key, c.speaker) for c in near):
            continue
        if any(c.speaker is None and who.key in _claim_people(idx, c.text) for c in near):
            continue
        named = [c for c in near if c.speaker not in (None, UNNAMED)]
        if not named:
            continue
        claim = named[0]
        in_scope = [a for a in claim.anchors if scope.covers(a.source)] or list(claim.anchors)
        findings.append(
            make_finding(
                "misattributed_claim",
                rs.start,
                rs.end,
                text,
                f"{idx.name_of(who.key)} is reported as saying this, but the sources give it to "
                f"{idx.name_of(claim.speaker)}.",
                claimed_speaker=who.key,
                gold_speaker=claim.speaker,
                claim_id=claim.id,
                evidence=_ev([in_scope[0], speaker_anchor(idx, claim.speaker, in_scope[0].source)]),
            )
        )
    return findings


def _carried_by_quotes(rs: ReportedSpeech, quotes: list[QuoteMention]) -> bool:
    """The remark is mostly inside quote marks, or a quote follows right after it."""
    start, end = rs.start, rs.end
    quoted = 0
    for q in quotes:
        if 0 <= q.open_start - end <= 3:
            return True
        if q.start < end and start < q.end:  # they overlap
            quoted += (q.end if q.end < end else end) - (q.start if q.start > start else start)
    return quoted > 0.5 * (end - start)


def _claim_people(idx: GoldIndex, claim_text: str) -> frozenset[str]:
    """Entity ids a claim's own text names (a claim about several speakers): found once
    per claim of a gold set, in a table kept with the gold index (see `GoldIndex.derived`)."""
    known = idx.derived("attribution.claim_people", _new_claim_people_table)
    if claim_text not in known:
        known[claim_text] = frozenset(m.key for m in find_mentions(claim_text, idx.aliases) if m.key)
    return known[claim_text]


def _new_claim_people_table(idx: GoldIndex) -> dict[str, frozenset[str]]:
    return {}
