"""What every summarizer kind implements, and the spec string that names one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

from harness.config import FileColumns
from harness.errors import HarnessError
from harness.goldset.model import GoldSet, Task
from harness.run.prompts import RenderedPrompt

_SPEC = re.compile(r"^(?P<kind>[a-z][a-z0-9_-]*):(?P<arg>\S.*)$")


@dataclass(frozen=True)
class ModelSpec:
    """A summarizer named by `kind:arg`, e.g. `openai:gpt-4o-mini@http://host/v1`."""

    raw: str
    kind: str
    arg: str

    @property
    def slug(self) -> str:
        """File-name-safe form (scorecards/<slug>.json)."""
        return re.sub(r"[^A-Za-z0-9._-]+", "_", self.raw).strip("_")


def parse_spec(raw: str, location: str = "--model") -> ModelSpec:
    m = _SPEC.match(raw.strip())
    if not m:
        raise HarnessError(
            f"{location} {raw!r}",
            "not a model spec: expected KIND:ARG, e.g. baseline:lead, local:smollm2, "
            "openai:gpt-4o-mini, file:summaries.jsonl, human:reference",
        )
    return ModelSpec(raw=raw.strip(), kind=m["kind"], arg=m["arg"].strip())


@dataclass(frozen=True)
class RunOptions:
    """Settings every summarizer factory receives (from config and flags)."""

    temperature: float = 0.0
    seed: int | None = 0
    max_tokens: int = 400
    timeout: float = 120.0
    max_retries: int = 3
    concurrency: int = 4
    api_key_env: str = "OPENAI_API_KEY"
    file_columns: FileColumns = field(default_factory=FileColumns)
    log_dir: str | None = None  # where a started server writes its log
    max_retry_after: float = 60.0
    backoff_base: float = 0.5


@dataclass(frozen=True)
class Request:
    goldset: GoldSet
    task: Task
    sample: int
    prompt: RenderedPrompt | None


@dataclass
class Output:
    text: str
    usage: dict[str, int] | None = None
    attempts: int = 1
    info: dict[str, Any] = field(default_factory=dict)


class SummaryFailed(Exception):
    """One summary could not be had (after retries); recorded, the run goes on."""

    def __init__(self, message: str, attempts: int = 1) -> None:
        super().__init__(message)
        self.attempts = attempts


class SummarizerUnavailable(Exception):
    """The kind cannot run here (e.g. an extra is not installed); the run skips it."""


class Summarizer:
    """Base class. Subclasses set the class flags and implement `summarize`.

    Lifecycle: `await start()` before the first request, `await close()` at the
    end, also on errors and Ctrl-C.
    """

    uses_prompt: ClassVar[bool] = False  # render a prompt (LLMs); else prompt fields stay empty
    cacheable: ClassVar[bool] = False  # outputs go through the disk cache (network models)
    deterministic: ClassVar[bool] = True  # one sample per task is all there is

    def __init__(self, spec: ModelSpec, options: RunOptions) -> None:
        self.spec = spec
        self.options = options

    @property
    def name(self) -> str:
        return self.spec.raw

    @property
    def concurrency(self) -> int:
        return 1

    def params(self) -> dict[str, Any]:
        """Generation parameters recorded with every summary (and in the cache key)."""
        return {}

    def samples_for(self, task: Task, requested: int) -> int:
        return 1 if self.deterministic else requested

    def prepare(self, goldset: GoldSet) -> None:
        """Called once before any work is scheduled (read files, check inputs); may raise HarnessError."""
        return None

    async def start(self) -> None:
        return None

    async def summarize(self, request: Request) -> Output:
        raise NotImplementedError

    async def close(self) -> None:
        return None
