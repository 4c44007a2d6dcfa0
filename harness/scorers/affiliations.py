"""Affiliations: a person tied to an organisation or role they never held.

Ties are read from tight constructions only: "Tang Jie of/from/at ORG",
"ORG's [role] Tang Jie", "ORG chief AI scientist Yao Shunyu", "Tang Jie
(ORG)", and an appositive "Tang Jie, founder of ORG,". A tie is wrong when
the organisation is one the gold set knows but does not give the person
(former ties count as held), or when a specific role (founder, CEO, chief
scientist, CTO, chair) is none of theirs. An organisation no source
mentions is not judged here: it is an `unknown_entity`, and a tie to it
cannot be checked (only its role can). The finding spans only the wrong
words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from harness.findings import Evidence, Finding, make_finding
from harness.goldset.model import Entity
from harness.scorers.analysis import SummaryAnalysis
from harness.scorers.index import GoldIndex
from harness.scorers.roles import CHECKED_ROLES, ROLE_FAMILIES, roles_of
from harness.text.mentions import NameMention

__all__ = ["CHECKED_ROLES", "ROLE_FAMILIES", "Tie", "find_ties", "roles_of", "score_affiliations"]

_ROLE_WORDS = re.compile(r"^[\s\w’'&-]*$")
_POSSESSIVE_MARK_RE = re.compile(r"^[’']s?")
_OPEN_PARENTHESIS_RE = re.compile(r"\s*\(\s*")


def _any_of(patterns: Iterable[re.Pattern[str]]) -> re.Pattern[str]:
    """One pattern found wherever one of `patterns` (all case-insensitive) is: one search
    instead of one per role family."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE)


_ANY_ROLE_RE = _any_of(ROLE_FAMILIES.values())
_CHECKED_ROLE_RE = _any_of(ROLE_FAMILIES[fam] for fam in CHECKED_ROLES)
_AFTER_PREP_RE = re.compile(r"\s+(?:of|from|at|with)\s+(?:the\s+)?$")
_APPOSITIVE_RE = re.compile(
    r",\s+([^,.;:()\n\"“”«»]{3,110}?)(?=[,.;:)\n]|\s+(?:said|says|warned|noted|argued|estimated|put|added)\b)"
)


@dataclass(frozen=True)
class Tie:
    person: NameMention
    org: NameMention | None
    role_start: int
    role_end: int


def _orgs(idx: GoldIndex, an: SummaryAnalysis) -> list[NameMention]:
    """Organisation names outside quotations (quoted words tie no one to anything)."""
    return [m for m in an.org_mentions if an.in_quote(m.start, m.end) is None]


def find_ties(idx: GoldIndex, an: SummaryAnalysis) -> list[Tie]:
    text = an.text
    orgs = _orgs(idx, an)
    names = [m for m in an.mentions if m.kind == "name"]
    people = [m for m in names if idx.is_person_key(m.key)]
    ties: list[Tie] = []
    for p in people:
        if an.in_quote(p.start, p.end) is not None:
            continue
        # ORG's [role] P   /   ORG role P
        before = [o for o in orgs if o.end <= p.start and p.start - o.end <= 60]
        if before:
            o = before[-1]
            between = text[o.end : p.start]
            if o.possessive:
                between = _POSSESSIVE_MARK_RE.sub("", between)
            if _ROLE_WORDS.fullmatch(between) and not any(
                m.start >= o.end and m.end <= p.start for m in names
            ):
                has_role = _ANY_ROLE_RE.search(between) is not None
                if o.possessive or has_role:
                    a = o.end + (len(text[o.end : p.start]) - len(between))
                    ties.append(Tie(p, o, a, p.start))
        # P of/from/at ORG
        after = [o for o in orgs if o.start >= p.end and o.start - p.end <= 12]
        if after and _AFTER_PREP_RE.fullmatch(text[p.end : after[0].start]):
            ties.append(Tie(p, after[0], p.end, p.end))
            continue
        if after and _OPEN_PARENTHESIS_RE.fullmatch(text[p.end : after[0].start]):
            ties.append(Tie(p, after[0], p.end, p.end))
            continue
        # P, role of ORG,
        m = _APPOSITIVE_RE.match(text, p.end)
        if m:
            a, b = m.span(1)
            # Organisations no source mentions are unknown entities, not ties to judge.
            inner = [o for o in orgs if a <= o.start and o.end <= b and o.key in idx.organisations]
            if any(a <= x.start < b for x in people):
                continue
            if inner or _ANY_ROLE_RE.search(text, a, b):
                ties.append(Tie(p, inner[0] if inner else None, a, b))
    return ties


def score_affiliations(idx: GoldIndex, an: SummaryAnalysis) -> list[Finding]:
    text = an.text
    findings: list[Finding] = []
    seen: set[tuple[int, int]] = set()
    for tie in find_ties(idx, an):
        person = idx.entity(tie.person.key)
        if person is None:
            continue
        held = {a.org for a in person.affiliations}
        o = tie.org
        if o is not None and o.key in idx.organisations and o.key not in held:
            if (o.start, o.end) not in seen:
                seen.add((o.start, o.end))
                org_name = idx.name_of(o.key) if o.key else o.text
                real = (
                    ", ".join(sorted({idx.name_of(a.org) for a in person.affiliations})) or "no organisation"
                )
                findings.append(
                    make_finding(
                        "wrong_affiliation",
                        o.start,
                        o.end,
                        text,
                        f"{person.name} is tied to {org_name}; the sources tie {person.name} to {real}.",
                        entity_id=person.id,
                        claimed_speaker=None,
                        evidence=_evidence(person),
                    )
                )
            continue
        # An organisation the gold set does not know is reported as an unknown entity only;
        # the role the tie gives ("CEO of <unknown>") is still checked.
        gold_roles = idx.person_roles[person.id]
        role_text = text[tie.role_start : tie.role_end]
        if not _CHECKED_ROLE_RE.search(role_text):
            continue  # no role specific enough to be wrong
        for fam in CHECKED_ROLES:
            rm = ROLE_FAMILIES[fam].search(role_text)
            if rm and fam not in gold_roles:
                a, b = tie.role_start + rm.start(), tie.role_start + rm.end()
                if (a, b) in seen:
                    continue
                seen.add((a, b))
                roles = "; ".join(a.role for a in person.affiliations if a.role) or "no such role"
                findings.append(
                    make_finding(
                        "wrong_affiliation",
                        a,
                        b,
                        text,
                        f"{person.name} is called “{rm.group()}”; the sources give: {roles}.",
                        entity_id=person.id,
                        evidence=_evidence(person),
                    )
                )
    return findings


def _evidence(person: Entity) -> tuple[Evidence, ...]:
    """Where the sources tie the person to each of their organisations."""
    return tuple(
        Evidence(source=s.source, start=s.start, end=s.end, text=s.text)
        for a in person.affiliations
        for s in a.anchors[:1]
    )
