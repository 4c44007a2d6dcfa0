"""Who an article says said what: quotes and reported speech with speakers.

Builds on `harness.text` (quote extraction, name/pronoun mentions,
`find_attributions`, `find_reported_speech`) and adds what articles need on
top of a summary: the entities extracted from the articles themselves as
the alias table, and unnamed speakers ("one executive bluntly stated",
"as one Zhipu AI engineer noted", "these executives estimated") as
speakers of their own, so a quote is not pinned on the organisation that
happens to be named in the description. He/she resolve as in
`harness.text.attribution` (the speaker or subject of the sentence before,
not the nearest name: "Omar Said disagreed with Hart. '...,' he asserted."
is Said's), to named people only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from harness.goldset.model import UNNAMED
from harness.sourceonly.entities import EntityDraft, SourceText
from harness.text.attribution import Attribution, ReportedSpeech, find_attributions, find_reported_speech
from harness.text.mentions import AliasTable, NameMention, TextWords, find_mentions
from harness.text.quotes import QuoteMention, extract_quotes

T = TypeVar("T")

_UNNAMED_HEAD = (
    r"executives?|engineers?|officials?|spokes(?:man|woman|person|people)|analysts?|experts?|sources?|"
    r"insiders?|researchers?|scientists?|observers?|critics?|people|residents?|witnesses?|leaders?|"
    r"investors?|economists?|diplomats?|aides?|staff(?:ers)?|employees?|workers?|speakers?|panellists?|"
    r"panelists?|figures|insider|developers?|founders?|managers?|lawmakers?|authorities|police|officers?"
)
_UNNAMED_RE = re.compile(
    r"\b(?:one|an?|another|some|several|many|two|three|four|the|these|those|other|senior|industry|"
    r"unnamed|anonymous)[ \u00a0]+(?:[\w’'-]+[ \u00a0]+){0,3}?(?:" + _UNNAMED_HEAD + r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class QuoteFact:
    """A quotation in one source with the speaker the article gives it."""

    source: str
    quote: QuoteMention
    speaker: str  # entity id or UNNAMED
    speaker_description: str | None
    cue: str


@dataclass(frozen=True)
class SpeechFact:
    """Reported speech: `speaker` said what text[start:end] reports."""

    source: str
    speaker: str
    start: int
    end: int
    text: str


class SpeakerResolver:
    """Resolves speakers against the entities extracted from the sources."""

    def __init__(self, entities: list[EntityDraft]) -> None:
        self.entities = {e.id: e for e in entities}
        table = AliasTable()
        for e in entities:
            for name in e.surfaces:
                table.add(name, e.id)
            for d in e.descriptions:
                table.add(d, e.id, description=True)
        self.table = table.finalize()

    def is_person(self, m: NameMention) -> bool:
        if m.kind == "pronoun" or m.key == UNNAMED:
            return True
        e = self.entities.get(m.key or "")
        return e is not None and e.kind == "person"

    def gender_of(self, m: NameMention) -> str | None:
        e = self.entities.get(m.key or "")
        return e.gender if e is not None else None

    def mentions(self, source: SourceText, words: TextWords | None = None) -> list[NameMention]:
        """Known names, pronouns and unnamed-speaker phrases, in order, without overlaps
        (`words`: the source's `TextWords`, when the caller has them)."""
        text = source.text
        known = find_mentions(text, self.table, words)
        name_ends = {k.end for k in known if k.kind == "name" and self.is_person(k)}
        unnamed = []
        for m in _UNNAMED_RE.finditer(text):
            comma = len(text[: m.start()].rstrip(" \u00a0")) - 1
            if comma >= 0 and text[comma] == "," and comma in name_ends:
                continue  # an appositive ("Tang Jie, the founder ...") describes a named person
            unnamed.append(NameMention(m.start(), m.end(), m.group(), UNNAMED, "description"))
        out = list(unnamed)
        for k in known:
            overlapping = [u for u in unnamed if u.start < k.end and k.start < u.end]
            if not overlapping:
                out.append(k)
            elif self.is_person(k) and k.kind != "pronoun":
                # A named person wins over a generic phrase around it.
                out = [o for o in out if o not in overlapping]
                out.append(k)
        out.sort(key=lambda m: m.start)
        return [m for m in out if not any(a <= m.start < b for a, b in source.skip)]

    def is_antecedent(self, m: NameMention) -> bool:
        """Who he/she may stand for: a named person, not an unnamed-speaker phrase."""
        return m.key != UNNAMED and self.is_person(m)

    def key_of(self, text: str, m: NameMention | None) -> tuple[str, str | None]:
        """(speaker id or UNNAMED, description for an unnamed speaker)."""
        if m is None or m.key is None:
            return UNNAMED, None
        if m.key == UNNAMED:
            return UNNAMED, m.text
        return m.key, None


def _with_speakers(
    find: Callable[..., list[T]], source: SourceText, resolver: SpeakerResolver, quotes: list[QuoteMention]
) -> list[T]:
    """`find_attributions` or `find_reported_speech` over a source, with the resolver's
    speakers; the source's words are read once for the names and the speech verbs."""
    words = TextWords.of(source.text)
    return find(
        source.text,
        quotes,
        resolver.mentions(source, words),
        resolver.is_person,
        resolver.gender_of,
        is_antecedent=resolver.is_antecedent,
        words=words,
    )


def quote_facts(source: SourceText, resolver: SpeakerResolver) -> list[QuoteFact]:
    """Every quotation in the story text of a source, with its speaker."""
    text = source.text
    quotes = [
        q
        for q in extract_quotes(text)
        if not any(a < q.close_end and q.open_start < b for a, b in source.skip)
    ]
    attributions: list[Attribution] = _with_speakers(find_attributions, source, resolver, quotes)
    out: list[QuoteFact] = []
    for att in attributions:
        resolved = att.resolved
        if att.cue == "continuation" and out and out[-1].speaker != UNNAMED:
            out.append(QuoteFact(source.id, att.quote, out[-1].speaker, None, att.cue))
            continue
        speaker, description = resolver.key_of(text, resolved)
        out.append(QuoteFact(source.id, att.quote, speaker, description, att.cue))
    return out


def speech_facts(
    source: SourceText, resolver: SpeakerResolver, quotes: list[QuoteMention]
) -> list[SpeechFact]:
    """Indirect speech with a named speaker (the claims a summary may attribute)."""
    text = source.text
    found: list[ReportedSpeech] = _with_speakers(find_reported_speech, source, resolver, quotes)
    out = []
    for r in found:
        if any(a < r.end and r.start < b for a, b in source.skip):
            continue
        speaker, _ = resolver.key_of(text, r.resolved)
        if speaker != UNNAMED and resolver.entities[speaker].kind != "person":
            continue  # "China argues", "Beijing said": too often a place standing for someone unnamed
        if len(r.text.split()) < 3:
            continue
        out.append(SpeechFact(source.id, speaker, r.start, r.end, r.text))
    return out
