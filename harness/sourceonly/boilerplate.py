"""Obvious page furniture in scraped articles, to exclude from the inventory.

Only markers an editor would never mistake for story text are detected: a
"Related Articles" / "Must Read" block (to the end of the file: what follows
is teasers for other stories), a closing "Sources" list, comment forms, a
"Source: URL" line, "Scroll to Top", a "Table of
Contents" label, an AI-content disclaimer line, and unrendered link
placeholders. Anything subtler is left in: a source-only inventory errs on
the side of keeping text, and a reviewer can exclude more in the draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A marker line (alone on its line, maybe indented) and whether it starts a
# block that runs to the end of the file.
_LINE_MARKERS: tuple[tuple[str, bool, str], ...] = (
    (r"related (?:articles|stories|posts|news|coverage)", True, "related-article teasers"),
    (r"(?:you )?(?:may|might) also like", True, "related-article teasers"),
    (r"read (?:more|next)|more (?:stories|from [\w ]+)", True, "related-article teasers"),
    (r"must read", True, "site widget and what follows it"),
    (r"(?:leave|post|add) a (?:comment|reply)", True, "comment form and page chrome"),
    (r"comments?", True, "comment form and page chrome"),
    (r"sources|references|further reading", True, "citation list and what follows it"),
    (r"scroll to top", False, "page chrome"),
    (r"table of contents", False, "table-of-contents widget label"),
    (
        r"(?:share|share this(?: article| story)?|advertisement|story continues below advertisement)",
        False,
        "page chrome",
    ),
)
_MARKER_RE = [
    (re.compile(rf"^[ \t\u00a0]*(?:{pattern})[ \t\u00a0:.]*$", re.IGNORECASE | re.MULTILINE), to_eof, reason)
    for pattern, to_eof, reason in _LINE_MARKERS
]
_DISCLAIMER_RE = re.compile(
    r"^[^\n]*\b(?:this (?:content|article) (?:is|was) (?:ai|automatically)[- ]generated|"
    r"generated (?:by|with) (?:ai|artificial intelligence))\b[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
_PLACEHOLDER_RE = re.compile(r"\[\[[A-Z_]+:[^\]\n]*\]\]")
_SOURCE_LINE_RE = re.compile(
    r"^[ \t]*(?:source|via|original(?: article)?):[ \t]*https?://\S+[ \t]*$", re.I | re.M
)


@dataclass(frozen=True)
class Boilerplate:
    """[start, end) of text that is not story, and what it is."""

    start: int
    end: int
    reason: str
    marker: str  # exact text the region starts with (the whole region unless to_eof)
    to_eof: bool


def find_boilerplate(text: str) -> list[Boilerplate]:
    """Non-overlapping boilerplate regions, in order.

    A to-end-of-file marker only counts in the last third of the text, so a
    story that merely mentions "comments" on a line of its own early on
    keeps its body.
    """
    found: list[Boilerplate] = []
    for regex, to_eof, reason in _MARKER_RE:
        for m in regex.finditer(text):
            start = m.start() + (len(m.group()) - len(m.group().lstrip(" \t\u00a0")))
            marker = text[start : m.end()].rstrip()
            end = start + len(marker)
            if to_eof:
                if start < len(text) * 2 / 3:
                    continue
                end = len(text)
            found.append(Boilerplate(start, end, reason, marker, to_eof))
    for m in _DISCLAIMER_RE.finditer(text):
        found.append(Boilerplate(m.start(), m.end(), "AI-generated content disclaimer", m.group(), False))
    for m in _PLACEHOLDER_RE.finditer(text):
        found.append(Boilerplate(m.start(), m.end(), "unrendered link placeholder", m.group(), False))
    for m in _SOURCE_LINE_RE.finditer(text):
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        found.append(Boilerplate(start, m.end(), "source URL line (metadata)", text[start : m.end()], False))
    found.sort(key=lambda b: (b.start, -b.end))
    merged: list[Boilerplate] = []
    for region in found:
        if merged and region.start < merged[-1].end:
            continue  # inside an earlier region (e.g. Scroll to Top after Leave a Comment)
        merged.append(region)
    return merged
