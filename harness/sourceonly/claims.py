"""Claims as articles state them: sentences with numbers or reported speech.

With no curator to say what the facts are, a claim is a story sentence that
carries a number (parsed by `harness.text.numbers`) or reports what a named
person said, quoted or not ("Lin Junyang ... stated there's a less than 20%
chance ..."; "“But the real answer is that the gap may actually be
widening.”"). The sentence is the claim's anchor, its numbers are
structured values, and the reported (else quoted) speaker is its speaker.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from harness.goldset.model import UNNAMED
from harness.sourceonly.attribution import QuoteFact, SpeechFact
from harness.sourceonly.entities import SourceText
from harness.text.numbers import NumberMention, parse_numbers
from harness.text.quotes import QuoteMention
from harness.text.sentences import sentence_spans


@dataclass
class ClaimDraft:
    """A sentence-level claim in one source."""

    id: str
    source: str
    start: int
    end: int
    text: str
    speaker: str | None = None
    numbers: list[NumberMention] = field(default_factory=list)  # offsets into the source


def extract_claims(
    source: SourceText, quote_facts: list[QuoteFact], speech: list[SpeechFact]
) -> list[ClaimDraft]:
    """Claims of one source, in order; ids are `c-<source>-<n>`."""
    text = source.text
    quotes: list[QuoteMention] = [f.quote for f in quote_facts]
    out: list[ClaimDraft] = []
    for a, b in sentence_spans(text, quotes):
        if any(x < b and a < y for x, y in source.skip):
            # Keep the part of a sentence before any excluded region (rare).
            cut = min((x for x, y in source.skip if a < x < b), default=None)
            if cut is None:
                continue
            b = cut
            while b > a and text[b - 1].isspace():
                b -= 1
            if b <= a:
                continue
        sentence = text[a:b]
        numbers = [n.shifted(a) for n in parse_numbers(sentence)]
        speakers = [s.speaker for s in speech if a <= s.start < b] + [
            f.speaker for f in quote_facts if a <= f.quote.start < b and f.speaker != UNNAMED
        ]
        if not numbers and not speakers:
            continue
        claim_text = " ".join(sentence.split())
        out.append(
            ClaimDraft(
                id=f"c-{source.id}-{len(out) + 1}".replace("_", "-"),
                source=source.id,
                start=a,
                end=b,
                text=claim_text,
                speaker=speakers[0] if speakers else None,
                numbers=numbers,
            )
        )
    return out
