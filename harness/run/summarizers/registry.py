"""Summarizer kinds by name: the built-ins plus the `harness.summarizers` entry points.

A plugin package declares, in its pyproject.toml,

    [project.entry-points."harness.summarizers"]
    echo = "my_package.echo:factory"

where `factory(spec: ModelSpec, options: RunOptions) -> Summarizer`; then
`--model echo:ARG` works. A plugin may not replace a built-in kind.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from importlib.metadata import entry_points

from harness.errors import HarnessError
from harness.run.summarizers.base import ModelSpec, RunOptions, Summarizer

GROUP = "harness.summarizers"
Factory = Callable[[ModelSpec, RunOptions], Summarizer]

BUILTINS: dict[str, str] = {
    "baseline": "harness.run.summarizers.baseline:factory",
    "file": "harness.run.summarizers.file:factory",
    "human": "harness.run.summarizers.human:factory",
    "local": "harness.run.summarizers.local:factory",
    "openai": "harness.run.summarizers.openai_chat:factory",
}


def _load(target: str) -> Factory:
    module, _, attr = target.partition(":")
    factory: Factory = getattr(importlib.import_module(module), attr)
    return factory


def plugin_kinds() -> dict[str, str]:
    """kind -> "module:attr" for every installed `harness.summarizers` entry point."""
    return {ep.name: ep.value for ep in entry_points(group=GROUP) if ep.name not in BUILTINS}


def known_kinds() -> list[str]:
    return sorted({*BUILTINS, *plugin_kinds()})


def create(spec: ModelSpec, options: RunOptions) -> Summarizer:
    """Build the summarizer a spec names; HarnessError for an unknown kind or bad spec."""
    target = BUILTINS.get(spec.kind) or plugin_kinds().get(spec.kind)
    if target is None:
        raise HarnessError(
            f"--model {spec.raw!r}",
            f"unknown summarizer kind {spec.kind!r} (known: {', '.join(known_kinds())})",
        )
    try:
        factory = _load(target)
    except (ImportError, AttributeError) as exc:
        raise HarnessError(f"--model {spec.raw!r}", f"cannot load summarizer {target}: {exc}") from None
    summarizer = factory(spec, options)
    if not isinstance(summarizer, Summarizer):
        raise HarnessError(f"--model {spec.raw!r}", f"{target} did not return a Summarizer")
    return summarizer
