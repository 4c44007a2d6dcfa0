"""One human-labelled (document, summary) pair, whatever the dataset."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class MetaItem:
    """A summary of one document with the human verdict per error type.

    `errors` maps each of the dataset's error types (plus the overall
    `any_error`) to True when the humans found that error in the summary.
    `document_id` groups summaries of the same document, so the inventory
    of a document is built once.
    """

    id: str
    document_id: str
    document: str
    summary: str
    errors: dict[str, bool]
    meta: dict[str, str] = field(default_factory=dict)
