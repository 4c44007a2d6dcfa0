"""Summarizer kinds: one module per kind, found through `registry`."""

from harness.run.summarizers.base import (
    ModelSpec,
    Output,
    Request,
    RunOptions,
    Summarizer,
    SummarizerUnavailable,
    SummaryFailed,
    parse_spec,
)

__all__ = [
    "ModelSpec",
    "Output",
    "Request",
    "RunOptions",
    "Summarizer",
    "SummarizerUnavailable",
    "SummaryFailed",
    "parse_spec",
]
