"""`human:reference`: the gold set's human-written reference summary of each task."""

from __future__ import annotations

from harness.errors import HarnessError
from harness.run.summarizers.base import ModelSpec, Output, Request, RunOptions, Summarizer, SummaryFailed


class HumanReference(Summarizer):
    def __init__(self, spec: ModelSpec, options: RunOptions) -> None:
        super().__init__(spec, options)
        if spec.arg != "reference":
            raise HarnessError(f"--model {spec.raw!r}", "the only human system is human:reference")

    async def summarize(self, request: Request) -> Output:
        if not request.task.reference or not request.task.reference.strip():
            raise SummaryFailed(f"task {request.task.id!r} has no reference summary in the gold set")
        return Output(text=request.task.reference.strip())


def factory(spec: ModelSpec, options: RunOptions) -> Summarizer:
    return HumanReference(spec, options)
