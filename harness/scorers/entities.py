"""Unknown entities: names in the summary that no source's story text uses.

A capitalised run counts when, after removing known names and words the
sources use anywhere (titles, ordinary words), a word is left that no story
text contains. Headings and a lone capitalised first word of a sentence are
skipped: capitals there prove nothing.
"""

from __future__ import annotations

from harness.findings import Finding, make_finding
from harness.scorers.analysis import SummaryAnalysis


def score_entities(an: SummaryAnalysis) -> list[Finding]:
    return [
        make_finding(
            "unknown_entity", m.start, m.end, an.text, f"No source mentions “{m.text}”.", claimed_speaker=None
        )
        for m in an.unknown_names
    ]
