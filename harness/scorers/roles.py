"""Role families ("founder", "CEO", ...) and the ones the gold set gives a person.

Shared by the affiliation scorer (roles a summary gives someone) and the
index (roles each gold person holds, worked out once per gold set).
"""

from __future__ import annotations

import re

from harness.goldset.model import Entity

ROLE_FAMILIES: dict[str, re.Pattern[str]] = {
    "founder": re.compile(r"\b(?:co-?)?found(?:er|ed|ing)\b", re.IGNORECASE),
    "ceo": re.compile(r"\b(?:CEO|chief executive(?: officer)?)\b", re.IGNORECASE),
    "chief_scientist": re.compile(r"\bchief (?:AI )?scientist\b", re.IGNORECASE),
    "cto": re.compile(r"\b(?:CTO|chief technology officer)\b", re.IGNORECASE),
    "chair": re.compile(r"\b(?:chairman|chairwoman|chairperson|president)\b", re.IGNORECASE),
    "lead": re.compile(r"\b(?:lead|leads|leader|leading|head|heads|headed|director|runs)\b", re.IGNORECASE),
    "researcher": re.compile(r"\b(?:researcher|scientist|engineer)\b", re.IGNORECASE),
}
CHECKED_ROLES = ("founder", "ceo", "chief_scientist", "cto", "chair")
"""Roles specific enough to be wrong; 'lead' and 'researcher' are too loose."""


def roles_of(entity: Entity) -> set[str]:
    """Role families the gold set gives a person (from roles and descriptions)."""
    texts = [a.role or "" for a in entity.affiliations] + list(entity.descriptions)
    return {fam for fam, rx in ROLE_FAMILIES.items() for t in texts if rx.search(t)}
