"""The gold-set file as a curator writes it (`goldset.yaml`).

These models are the contract for the hand-written YAML: anchors name exact
source text, never offsets. `schemas/goldset.schema.json` is generated from
them (`python -m harness.schemas`) and a test keeps the two in step. The
loader (`harness.goldset.load`) turns a spec into a resolved `GoldSet`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SPEC_VERSION = 1

EntityKind = Literal["person", "organisation", "product", "place", "event"]
ReliabilityLevel = Literal["high", "medium", "low"]
QuoteStatus = Literal["verified", "unverified"]
Qualifier = Literal["exact", "less_than", "more_than", "at_least", "at_most", "about"]
Unit = Literal[
    "percent",  # 20%, 20 percent
    "usd",  # $1 billion, US$1bn (value in dollars)
    "hkd",  # HK$4.35 billion (value in Hong Kong dollars)
    "cny",  # 10 billion yuan
    "year",  # a duration: three to five years
    "month",
    "day",
    "calendar_year",  # a date: by 2030, in early 2025
    "order_of_magnitude",  # one to two orders of magnitude
    "generation",  # 1-2 generations behind
    "times",  # a multiple: more than doubled (value 2), tripled
    "count",  # a bare count of things: over 400 models, 1 billion downloads
]


class Strict(BaseModel):
    """Base: unknown keys are an error, so a typo never passes silently."""

    model_config = ConfigDict(extra="forbid")


class AnchorSpec(Strict):
    """Exact text of a source that supports something; offsets are computed."""

    source: str = Field(description="Id of the source (sources[].id).")
    text: str = Field(min_length=1, description="Exact text as it stands in the source file.")
    occurrence: int | None = Field(
        default=None,
        ge=0,
        description="Which occurrence (0-based) when the text appears more than once.",
    )


class ExcludedSpec(Strict):
    """A region of a source that is not part of the story (teasers, menus, footers)."""

    start: str = Field(min_length=1, description="Exact text the region begins with.")
    end: str | None = Field(
        default=None,
        description="Exact text the region ends with (inclusive); omitted: the region "
        "is just `start`; '<EOF>': to the end of the file.",
    )
    occurrence: int | None = Field(default=None, ge=0, description="Occurrence of `start`.")
    reason: str = Field(min_length=1, description="What the region is, e.g. related-article teasers.")


class ReliabilitySpec(Strict):
    """How far a source can be trusted, and why."""

    level: ReliabilityLevel
    reason: str = Field(min_length=1)


class SourceSpec(Strict):
    """One article, kept byte-for-byte under `sources/`."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    file: str = Field(description="Path relative to the gold-set folder.")
    title: str | None = None
    outlet: str | None = Field(default=None, description="Publisher, where the text says.")
    date: str | None = Field(default=None, description="Publication date, where the text says.")
    url: str | None = None
    reliability: ReliabilitySpec
    excluded: list[ExcludedSpec] = Field(default_factory=list)


class AffiliationSpec(Strict):
    """A person's tie to an organisation, anchored in the sources."""

    org: str = Field(description="Entity id of the organisation.")
    role: str | None = Field(default=None, description="e.g. 'founder', 'technical lead of Qwen'.")
    current: bool = Field(default=True, description="False for a former tie (ex-OpenAI).")
    anchors: list[AnchorSpec] = Field(min_length=1)


class EntitySpec(Strict):
    """A person, organisation, product, place or event named in the story."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(min_length=1, description="Canonical name.")
    kind: EntityKind
    aliases: list[str] = Field(
        default_factory=list,
        description="Every other name the sources use (Justin Lin, Lin Junyang, Lin).",
    )
    descriptions: list[str] = Field(
        default_factory=list,
        description='Descriptive phrases that refer to it ("Alibaba\'s Qwen lead").',
    )
    gender: Literal["female", "male"] | None = Field(
        default=None, description="For resolving he/she; only where the sources show it."
    )
    affiliations: list[AffiliationSpec] = Field(default_factory=list)
    anchors: list[AnchorSpec] = Field(
        default_factory=list, description="Where the sources name it (at least one)."
    )


class QuoteSpec(Strict):
    """A direct quotation: the words, who said them, and where sources carry them."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    text: str = Field(min_length=1, description="Canonical wording (usually the most reliable source's).")
    speaker: str = Field(description="Entity id, or 'unnamed'.")
    speaker_description: str | None = Field(
        default=None, description="For an unnamed speaker, the source's words ('one executive')."
    )
    status: QuoteStatus
    status_reason: str | None = Field(default=None, description="Required when unverified.")
    anchors: list[AnchorSpec] = Field(
        min_length=1,
        description="Each source wording of this remark; variants (translations, "
        "paraphrases presented as quotes) are further anchors with their own text.",
    )


class NumberSpec(Strict):
    """A number a claim states, as a structured value."""

    text: str = Field(min_length=1, description="Surface form inside the claim's anchors ('less than 20%').")
    value: float | None = Field(default=None, description="Point value (omit for a range).")
    low: float | None = Field(default=None, description="Range low end.")
    high: float | None = Field(default=None, description="Range high end.")
    unit: Unit
    qualifier: Qualifier = "exact"


class ClaimSpec(Strict):
    """A reported fact, including reported speech without quote marks."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    text: str = Field(min_length=1, description="The fact in plain words.")
    speaker: str | None = Field(
        default=None, description="Entity id of whoever estimated/warned/said it, or 'unnamed'."
    )
    speaker_description: str | None = None
    key: bool = Field(default=False, description="A fact a good brief must cover.")
    numbers: list[NumberSpec] = Field(default_factory=list)
    anchors: list[AnchorSpec] = Field(min_length=1)


class ConflictSpec(Strict):
    """Where sources disagree, and which side the better sources take."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    topic: str = Field(min_length=1)
    claims: list[str] = Field(min_length=2, description="Claim ids of the competing versions.")
    preferred: str | None = Field(default=None, description="Claim id the better sources support.")
    reason: str = Field(min_length=1)


class TaskSpec(Strict):
    """A summary the gold set asks for, and the sources it may draw on."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    kind: Literal["multi_document_brief", "single_article_summary"]
    sources: list[str] = Field(min_length=1)
    max_words: int = Field(gt=0)
    instructions: str | None = None
    reference: str | None = Field(
        default=None, description="Path (relative) of a human-written reference summary."
    )


class GoldSetSpec(Strict):
    """The whole `goldset.yaml`."""

    schema_version: Literal[1] = Field(description="Format version of this file.")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str
    description: str | None = None
    draft: bool = Field(default=False, description="Machine-drafted and not yet reviewed by a person.")
    sources: list[SourceSpec] = Field(min_length=1)
    entities: list[EntitySpec] = Field(default_factory=list)
    quotes: list[QuoteSpec] = Field(default_factory=list)
    claims: list[ClaimSpec] = Field(default_factory=list)
    conflicts: list[ConflictSpec] = Field(default_factory=list)
    tasks: list[TaskSpec] = Field(default_factory=list)
