"""The resolved gold set: what scorers read and `harness goldset export` prints.

Every anchor here carries Python string offsets into its source's text as
read (UTF-8). A `GoldSet` is built by `harness.goldset.load` from a curated
`goldset.yaml`, or by source-only extraction from raw articles; scorers do
not care which.
"""

from __future__ import annotations

from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field

from harness.goldset.spec import EntityKind, Qualifier, QuoteStatus, ReliabilityLevel, Unit

UNNAMED = "unnamed"


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Frozen):
    """Characters [start, end) of a source, with the text they hold."""

    source: str = Field(description="Source id.")
    start: int
    end: int
    text: str


class Region(Frozen):
    """An excluded region of a source: supports nothing."""

    start: int
    end: int
    reason: str


class Reliability(Frozen):
    level: ReliabilityLevel
    reason: str


class Source(Frozen):
    """An article: its full text and what in it is not story."""

    id: str
    path: str = Field(description="Path relative to the gold-set folder.")
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    reliability: Reliability
    excluded: tuple[Region, ...] = ()
    text: str = Field(exclude=True, repr=False, description="Full text as read.")

    def is_excluded(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps an excluded region."""
        return any(start < r.end and r.start < end for r in self.excluded)

    def story_regions(self) -> list[tuple[int, int]]:
        """The [start, end) stretches of text that are not excluded."""
        regions, pos = [], 0
        for r in sorted(self.excluded, key=lambda r: r.start):
            if r.start > pos:
                regions.append((pos, r.start))
            pos = max(pos, r.end)
        if pos < len(self.text):
            regions.append((pos, len(self.text)))
        return regions


class Affiliation(Frozen):
    org: str = Field(description="Entity id of the organisation.")
    role: str | None = None
    current: bool = True
    anchors: tuple[Span, ...] = ()


class Entity(Frozen):
    id: str
    name: str
    kind: EntityKind
    aliases: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()
    gender: str | None = None
    affiliations: tuple[Affiliation, ...] = ()
    anchors: tuple[Span, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Canonical name first, then aliases."""
        return (self.name, *self.aliases)


class Quote(Frozen):
    id: str
    text: str
    speaker: str = Field(description="Entity id or 'unnamed'.")
    speaker_description: str | None = None
    status: QuoteStatus
    status_reason: str | None = None
    anchors: tuple[Span, ...] = Field(description="Every wording of the remark in the sources.")


class Number(Frozen):
    text: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: Unit
    qualifier: Qualifier = "exact"
    spans: tuple[Span, ...] = Field(default=(), description="Where the number stands in the sources.")


class Claim(Frozen):
    id: str
    text: str
    speaker: str | None = None
    speaker_description: str | None = None
    key: bool = False
    numbers: tuple[Number, ...] = ()
    anchors: tuple[Span, ...] = ()


class Conflict(Frozen):
    id: str
    topic: str
    claims: tuple[str, ...]
    preferred: str | None = None
    reason: str


class Task(Frozen):
    id: str
    kind: str
    sources: tuple[str, ...]
    max_words: int
    instructions: str | None = None
    reference: str | None = Field(default=None, description="Reference summary text, if shipped.")


class GoldSet(Frozen):
    """A resolved gold set. Immutable; lookups are cached."""

    id: str
    title: str
    description: str | None = None
    draft: bool = False
    content_hash: str = Field(default="", description="sha256 over goldset.yaml and sources.")
    sources: tuple[Source, ...]
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    tasks: tuple[Task, ...] = ()

    @cached_property
    def source_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    @cached_property
    def entity_by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}

    @cached_property
    def task_by_id(self) -> dict[str, Task]:
        return {t.id: t for t in self.tasks}

    def task(self, task_id: str | None) -> Task | None:
        """The task with this id; None for None. KeyError names the known ids."""
        if task_id is None:
            return None
        try:
            return self.task_by_id[task_id]
        except KeyError:
            known = ", ".join(sorted(self.task_by_id)) or "none"
            raise KeyError(f"unknown task {task_id!r} (known: {known})") from None
