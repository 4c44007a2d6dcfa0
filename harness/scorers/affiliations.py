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
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from harness.findings import Evidence, Finding, make_finding
from harness.goldset.model import Entity
from harness.scorers.analysis import SummaryAnalysis
from harness.scorers.index import GoldIndex
from harness.scorers.roles import CHECKED_ROLES, ROLE_FAMILIES, roles_of
from harness.text.mentions import NameMention

__all__ = ["CHECKED_ROLES", "ROLE_FAMILIES", "Tie", "find_ties", "roles_of", "score_affiliations"]

_ROLE_WORDS = re.compile(r"^[\s\w’'&-]*$")
_OPEN_PARENTHESIS_RE = re.compile(r"\s*\(\s*")


def _any_of(patterns: Iterable[re.Pattern[str]]) -> re.Pattern[str]:
    """One pattern found wherever one of `patterns` (all case-insensitive) is: one search
    instead of one per role family."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE)


_ANY_ROLE_RE = _any_of(ROLE_FAMILIES.values())
_AFTER_PREP_RE = re.compile(r"\s+(?:of|from|at|with)\s+(?:the\s+)?$")
_APPOSITIVE_RE = re.compile(
    r",\s+([^,.;:()\n\"“”«»]{3,110}?)(?=[,.;:)\n]|\s+(?:said|says|warned|noted|argued|estimated|put|added)\b)"
)


class Tie(NamedTuple):
    """A person tied to an organisation (None: a role only) by the words role_start:role_end."""

    person: NameMention
    org: NameMention | None
    role_start: int
    role_end: int


def _orgs(idx: GoldIndex, an: SummaryAnalysis) -> list[NameMention]:
    """Organisation names outside quotations (quoted words tie no one to anything)."""
    return [m for m in an.org_mentions if an.in_quote(m.start, m.end) is None]


def find_ties(idx: GoldIndex, an: SummaryAnalysis) -> list[Tie]:
    text = an.text
    orgs = _orgs(idx, an)  # in order of start, as are names
    org_starts = [o.start for o in orgs]
    names = [m for m in an.mentions if m.kind == "name"]
    name_starts = [m.start for m in names]
    people = [m for m in names if m.key in idx.persons]
    people_starts = [m.start for m in people]
    ties: list[Tie] = []
    for p in people:
        if an.in_quote(p.start, p.end) is not None:
            continue
        # ORG's [role] P   /   ORG role P   (an organisation ending before P starts before it):
        # the last to start before P of those ending at most 60 characters before it.
        lo, hi = p.start - 60, p.start
        for o in reversed(orgs[: bisect_left(org_starts, p.start)]):
            if lo <= o.end <= hi:
                break
        else:
            o = None
        if o is not None:
            between = text[o.end : p.start]
            cut = _possessive_mark(between) if o.possessive else 0
            a, between = o.end + cut, between[cut:]
            if (
                _ROLE_WORDS.fullmatch(between)
                and not _name_within(names, name_starts, o.end, p.start)
                and (o.possessive or _ANY_ROLE_RE.search(between))
            ):
                ties.append(Tie(p, o, a, p.start))
        # P of/from/at ORG
        k = bisect_left(org_starts, p.end)  # the first organisation starting after P
        after = orgs[k] if k < len(orgs) and orgs[k].start - p.end <= 12 else None
        if after is not None and _AFTER_PREP_RE.fullmatch(text[p.end : after.start]):
            ties.append(Tie(p, after, p.end, p.end))
            continue
        if after is not None and _OPEN_PARENTHESIS_RE.fullmatch(text[p.end : after.start]):
            ties.append(Tie(p, after, p.end, p.end))
            continue
        # P, role of ORG,
        m = _APPOSITIVE_RE.match(text, p.end)
        if m:
            a, b = m.span(1)
            if bisect_left(people_starts, a) < bisect_left(people_starts, b):
                continue  # a person starts within
            # Organisations no source mentions are unknown entities, not ties to judge.
            within = orgs[bisect_left(org_starts, a) : bisect_left(org_starts, b)]
            inner = [o for o in within if o.end <= b and o.key in idx.organisations]
            if inner or _ANY_ROLE_RE.search(text, a, b):
                ties.append(Tie(p, inner[0] if inner else None, a, b))
    return ties


def _possessive_mark(text: str) -> int:
    """The length of the possessive mark ("’s", "'s", "’", "'") `text` starts with, or 0."""
    if text[:1] in ("’", "'"):
        return 2 if text[1:2] == "s" else 1
    return 0


def _name_within(names: list[NameMention], starts: list[int], a: int, b: int) -> bool:
    """Whether one of `names` (in order of start, at `starts`) lies inside [a, b)."""
    i, j = bisect_left(starts, a), bisect_left(starts, b)
    return i < j and any(m.end <= b for m in names[i:j])


def score_affiliations(idx: GoldIndex, an: SummaryAnalysis) -> list[Finding]:
    text = an.text
    findings: list[Finding] = []
    seen: set[tuple[int, int]] = set()
    held_by = _held_by(idx)
    for tie in find_ties(idx, an):
        key = tie.person.key
        held = held_by.get(key) if key else None  # None: no entity of the gold set
        if held is None:
            continue
        person = held.person
        o = tie.org
        if o is not None and o.key in idx.organisations and o.key not in held.orgs:
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
        role_text = text[tie.role_start : tie.role_end]
        if held.unheld_re is None or not held.unheld_re.search(role_text):
            continue  # no role that is specific enough to be wrong and not theirs
        for fam in held.unheld_families:
            rm = ROLE_FAMILIES[fam].search(role_text)
            if rm:
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


@dataclass(frozen=True)
class _Held:
    """What the gold set gives a person (`person`, kept so a tie costs one lookup), as a tie is
    judged: the organisations they are (or were) with, and the checked role families
    (`CHECKED_ROLES`) they do not hold, in that order, with one pattern finding any of them
    (None: they hold them all): a tie's words are searched once for a role that would be
    wrong, not once per family."""

    person: Entity
    orgs: frozenset[str]
    unheld_families: tuple[str, ...]
    unheld_re: re.Pattern[str] | None


def _held_by(idx: GoldIndex) -> dict[str, _Held]:
    """Entity id -> `_Held` of each entity of the gold set (built once per gold set, see
    `GoldIndex.derived`)."""
    return idx.derived("affiliations.held", _build_held_by)


def _build_held_by(idx: GoldIndex) -> dict[str, _Held]:
    out = {}
    for person_id, roles in idx.person_roles.items():
        person = idx.entity(person_id)
        if person is None:
            continue
        orgs = frozenset(a.org for a in person.affiliations)
        families = tuple(fam for fam in CHECKED_ROLES if fam not in roles)
        any_re = _any_of(ROLE_FAMILIES[fam] for fam in families) if families else None
        out[person_id] = _Held(person, orgs, families, any_re)
    return out


def _evidence(person: Entity) -> tuple[Evidence, ...]:
    """Where the sources tie the person to each of their organisations."""
    return tuple(
        Evidence(source=s.source, start=s.start, end=s.end, text=s.text)
        for a in person.affiliations
        for s in a.anchors[:1]
    )
