"""Frozen records that are cheap to make: `@quick_init` on a frozen slotted dataclass.

The scorers make a record for every quote, name, number, attribution and
reported clause of a summary, thousands a second. A frozen dataclass's
generated `__init__` sets each field through `object.__setattr__` (the
class's own `__setattr__` refuses); each slot's own descriptor sets it at
about half the cost. `quick_init` gives the class an `__init__` that does
that, with the same parameters and defaults, so the class stays frozen
(assignment still raises) and `dataclasses.replace`, equality and hashing
are unchanged.
"""

from __future__ import annotations

from dataclasses import MISSING, fields
from typing import TypeVar

T = TypeVar("T", bound=type)


def quick_init(cls: T) -> T:
    """Replace the `__init__` of `cls` (a `@dataclass(frozen=True, slots=True)`;
    apply this decorator above that one) with one that sets its slots directly."""
    params, lines = [], []
    namespace: dict[str, object] = {}
    for f in fields(cls):
        if f.default_factory is not MISSING or not f.init:
            raise TypeError(
                f"{cls.__name__}.{f.name}: quick_init takes plain fields with plain defaults only"
            )
        namespace[f"_set_{f.name}"] = getattr(cls, f.name).__set__  # the slot's own setter
        if f.default is MISSING:
            params.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        lines.append(f"    _set_{f.name}(self, {f.name})")
    # Generated from the fields, as `dataclasses` generates the `__init__` it replaces.
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(lines or ["    pass"]) + "\n"
    exec(source, namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    init.__doc__ = f"Set every field of {cls.__name__} (see `harness.text.records`)."  # type: ignore[attr-defined]
    cls.__init__ = init  # type: ignore[misc]
    return cls
