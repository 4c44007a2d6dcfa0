"""Errors a user can cause: each names where (file, field path or line) and what.

The CLI prints `str(error)` as one line per problem and exits 2; it never
shows a traceback for these.
"""

from __future__ import annotations

from collections.abc import Iterable


class HarnessError(Exception):
    """A problem with the user's input, with a location and a plain message."""

    def __init__(self, location: str, message: str) -> None:
        super().__init__(f"{location}: {message}" if location else message)
        self.location = location
        self.message = message


class InputErrors(HarnessError):
    """Several problems found at once (a gold set that fails validation)."""

    def __init__(self, problems: Iterable[HarnessError]) -> None:
        self.problems = list(problems)
        first = self.problems[0] if self.problems else HarnessError("", "invalid input")
        super().__init__(first.location, first.message)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


def field_path(loc: Iterable[object]) -> str:
    """Render a pydantic error location as `quotes[3].anchors[0].text`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out
