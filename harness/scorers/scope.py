"""What a summary may draw on: its task's sources (all sources without a task)."""

from __future__ import annotations

from dataclasses import dataclass

from harness.goldset.model import GoldSet, Task


@dataclass(frozen=True)
class Scope:
    task: Task | None
    sources: frozenset[str]

    @classmethod
    def of(cls, goldset: GoldSet, task: Task | None) -> Scope:
        ids = frozenset(task.sources) if task else frozenset(s.id for s in goldset.sources)
        return cls(task, ids)

    def covers(self, source_id: str) -> bool:
        return source_id in self.sources
