"""Which of our finding kinds count as predicting each human error type.

Our scorers look for quotes, speakers, affiliations and numbers; they have
no notion of a wrong predicate, a negation or a broken discourse link. The
mapping below is deliberately narrow: a kind counts for a type only when a
finding of that kind is, by construction, an instance of the type. Types no
kind can predict are listed with an empty tuple and reported as such.
"""

from __future__ import annotations

from harness.findings import KINDS

_ENTITY = (
    "misattributed_quote",
    "misattributed_claim",
    "wrong_affiliation",
    "unknown_entity",
    "unknown_speaker",
)
_UNSUPPORTED = ("invented_quote", "unknown_entity", "unknown_speaker", "unsupported_number")
_NUMBER = ("number_mismatch", "unsupported_number")
# Every kind that says "this is wrong" (info-level unattributed_quote is advice, not a verdict).
ANY_ERROR = tuple(k for k in KINDS if k != "unattributed_quote")

# FRANK: EntE = wrong entity (who/what), OutE = information not in the article,
# CircE = wrong circumstance (time, place, number). RelE, CorefE, LinkE, GramE
# and Other are out of the scorers' reach.
FRANK_MAP: dict[str, tuple[str, ...]] = {
    "EntE": _ENTITY,
    "OutE": _UNSUPPORTED,
    "CircE": _NUMBER,
    "RelE": (),
    "CorefE": (),
    "LinkE": (),
    "GramE": (),
    "Other": (),
    "any_error": ANY_ERROR,
}

# SummEdits: entity_modification swaps a name, number or date; hallucinated
# insertion adds a fact the document lacks; antonym swaps and negations
# change predicates, which no kind detects.
SUMMEDITS_MAP: dict[str, tuple[str, ...]] = {
    "entity_modification": _ENTITY + _NUMBER,
    "hallucinated_fact_insertion": _UNSUPPORTED,
    "antonym_swap": (),
    "negation_insertion_removal": (),
    "any_error": ANY_ERROR,
}

MAPS = {"frank": FRANK_MAP, "summedits": SUMMEDITS_MAP}


def predicted(kinds: set[str], mapping: dict[str, tuple[str, ...]]) -> dict[str, bool]:
    """Per error type: does any finding kind that counts for it occur?"""
    return {etype: bool(kinds.intersection(counted)) for etype, counted in mapping.items()}
