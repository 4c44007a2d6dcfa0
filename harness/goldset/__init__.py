"""Gold sets: the curated spec, its loader, and the resolved model scorers read."""

from harness.goldset.load import load_goldset, validate_goldset
from harness.goldset.model import (
    UNNAMED,
    Affiliation,
    Claim,
    Conflict,
    Entity,
    GoldSet,
    Number,
    Quote,
    Source,
    Span,
    Task,
)

__all__ = [
    "UNNAMED",
    "Affiliation",
    "Claim",
    "Conflict",
    "Entity",
    "GoldSet",
    "Number",
    "Quote",
    "Source",
    "Span",
    "Task",
    "load_goldset",
    "validate_goldset",
]
