"""Extraction quality: source-only quotes and speakers against a curated gold set.

For every curated quote, is there an extracted quote over the same source
text, and does the extractor credit the same speaker? Sources are matched
by their text, entities by name (the extracted speaker's name must be one
of the curated speaker's names), and "unnamed" agrees only with "unnamed".

    python -m harness.sourceonly.compare goldsets/china-ai-gap-2026
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from harness.goldset.load import load_goldset
from harness.goldset.model import UNNAMED, GoldSet, Quote, Span
from harness.text.quotes import extract_quotes


@dataclass(frozen=True)
class QuoteMatch:
    """How one curated quote fared: `agree`, `speaker` (differs) or `missed`."""

    quote_id: str
    curated_speaker: str
    extracted_speaker: str | None
    outcome: str
    text: str


@dataclass(frozen=True)
class Agreement:
    matches: tuple[QuoteMatch, ...]
    extra: tuple[str, ...]  # extracted quote ids matching no curated quote
    anchors_total: int  # curated anchors that stand in quote marks in their source
    anchors_agree: int  # ... of which the extractor found, with the curated speaker

    @property
    def total(self) -> int:
        return len(self.matches)

    @property
    def agreed(self) -> int:
        return sum(m.outcome == "agree" for m in self.matches)

    @property
    def rate(self) -> float:
        """Share of curated quotes found with the curated speaker."""
        return self.agreed / self.total if self.total else 1.0

    @property
    def anchor_rate(self) -> float:
        return self.anchors_agree / self.anchors_total if self.anchors_total else 1.0


def _names(goldset: GoldSet, key: str) -> set[str]:
    e = goldset.entity_by_id.get(key)
    return {n.casefold() for n in e.names} if e else set()


def same_speaker(extracted: GoldSet, ex_key: str, curated: GoldSet, cu_key: str) -> bool:
    if UNNAMED in (ex_key, cu_key):
        return ex_key == cu_key
    ex_entity = extracted.entity_by_id.get(ex_key)
    return ex_entity is not None and ex_entity.name.casefold() in _names(curated, cu_key)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def compare_quotes(extracted: GoldSet, curated: GoldSet) -> Agreement:
    """Agreement of extracted quotes and speakers with the curated ones."""
    by_text = {s.text: s.id for s in extracted.sources}
    source_map = {s.id: by_text.get(s.text) for s in curated.sources}

    def hits(span: Span) -> list[Quote]:
        target = source_map.get(span.source)
        return [q for q in extracted.quotes for a in q.anchors if a.source == target and _overlaps(a, span)]

    matches: list[QuoteMatch] = []
    matched_ids: set[str] = set()
    anchors_total = anchors_agree = 0
    for q in curated.quotes:
        found = [x for a in q.anchors for x in hits(a)]
        matched_ids.update(x.id for x in found)
        agreeing = [x for x in found if same_speaker(extracted, x.speaker, curated, q.speaker)]
        if agreeing:
            outcome, speaker = "agree", agreeing[0].speaker
        elif found:
            outcome, speaker = "speaker", found[0].speaker
        else:
            outcome, speaker = "missed", None
        matches.append(QuoteMatch(q.id, q.speaker, speaker, outcome, q.text))
        for a in q.anchors:
            if not _quoted(curated, a):
                continue
            anchors_total += 1
            if any(same_speaker(extracted, x.speaker, curated, q.speaker) for x in hits(a)):
                anchors_agree += 1
    extra = tuple(q.id for q in extracted.quotes if q.id not in matched_ids)
    return Agreement(tuple(matches), extra, anchors_total, anchors_agree)


def _quoted(goldset: GoldSet, span: Span) -> bool:
    """True when the anchor stands inside quote marks in its source (not a paraphrase variant)."""
    text = goldset.source_by_id[span.source].text
    return any(q.open_start <= span.start and span.end <= q.close_end for q in extract_quotes(text))


def render(agreement: Agreement) -> str:
    lines = ["| curated quote | curated speaker | extracted speaker | outcome |", "|---|---|---|---|"]
    for m in agreement.matches:
        lines.append(f"| {m.quote_id} | {m.curated_speaker} | {m.extracted_speaker or '-'} | {m.outcome} |")
    lines.append("")
    lines.append(
        f"quotes found with the curated speaker: {agreement.agreed}/{agreement.total} "
        f"= {agreement.rate:.3f}; "
        f"quoted anchors: {agreement.anchors_agree}/{agreement.anchors_total} = {agreement.anchor_rate:.3f}; "
        f"extracted quotes matching no curated quote: {len(agreement.extra)}"
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "goldset", metavar="DIR", help="a curated gold-set folder (its sources/ are re-extracted)"
    )
    args = parser.parse_args(argv)
    from harness.sourceonly.build import build_goldset_from_sources

    curated = load_goldset(args.goldset)
    extracted = build_goldset_from_sources([Path(args.goldset) / s.path for s in curated.sources])
    print(render(compare_quotes(extracted, curated)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
