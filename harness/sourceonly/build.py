"""Build a resolved `GoldSet` from raw articles, with no curation.

`extract` runs every extractor once and keeps the result as an
`Extraction`; `to_goldset` turns it into the `GoldSet` the scorers read
(source-only checking), and `harness.sourceonly.draft` turns the same
extraction into a reviewable `goldset.yaml`. What only a curator can say is
absent: every quote is `verified`, there are no conflicts, sources are of
"medium" reliability ("not curated"), and there is a single task over all
sources.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from harness.errors import HarnessError
from harness.goldset.load import read_text
from harness.goldset.model import (
    UNNAMED,
    Affiliation,
    Claim,
    Entity,
    GoldSet,
    Number,
    Quote,
    Region,
    Reliability,
    Source,
    Span,
    Task,
)
from harness.sourceonly.attribution import QuoteFact, SpeakerResolver, quote_facts, speech_facts
from harness.sourceonly.boilerplate import Boilerplate, find_boilerplate
from harness.sourceonly.claims import ClaimDraft, extract_claims
from harness.sourceonly.entities import EntityDraft, SourceText, extract_entities
from harness.text.normalize import words

SOURCE_SUFFIXES = (".txt", ".md", ".text")
NOT_CURATED = "not curated"
TASK_ID = "all-sources"


@dataclass(frozen=True)
class RawSource:
    """An article as given: an id, its text, and where it came from."""

    id: str
    text: str
    path: str  # file name (as copied under sources/), or a label for in-memory text
    title: str | None = None


@dataclass
class QuoteGroup:
    """One remark: every anchor of the same words, and the speaker they share."""

    id: str
    text: str
    speaker: str
    speaker_description: str | None
    anchors: list[Span] = field(default_factory=list)


@dataclass
class Extraction:
    """Everything extracted from a set of sources, before rendering."""

    sources: list[RawSource]
    boilerplate: dict[str, list[Boilerplate]]
    entities: list[EntityDraft]
    quotes: list[QuoteGroup]
    claims: list[ClaimDraft]

    @property
    def source_ids(self) -> list[str]:
        return [s.id for s in self.sources]


# ---------------------------------------------------------------- inputs


def source_paths(paths: Sequence[str | Path]) -> list[Path]:
    """Files as given; a folder stands for its .txt/.md files (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in SOURCE_SUFFIXES)
            if not found:
                raise HarnessError(str(p), "folder has no .txt or .md source files")
            out.extend(found)
        elif p.is_file():
            out.append(p)
        else:
            raise HarnessError(str(p), "no such file or folder")
    if not out:
        raise HarnessError("--sources", "no source files given")
    return out


def source_id(stem: str, taken: set[str]) -> str:
    """A valid, unique source id from a file name ("000_e90352" stays as it is)."""
    ident = re.sub(r"[^a-z0-9_-]+", "-", stem.lower()).strip("-_") or "source"
    if not ident[0].isalnum():
        ident = "s" + ident
    base, n = ident, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    taken.add(ident)
    return ident


def read_sources(paths: Sequence[str | Path]) -> list[RawSource]:
    taken: set[str] = set()
    out = []
    for path in source_paths(paths):
        text = read_text(path, str(path))
        out.append(RawSource(source_id(path.stem, taken), text, path.name, _title(text)))
    names = [s.path for s in out]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        raise HarnessError("--sources", f"two sources share a file name: {', '.join(sorted(dupes))}")
    return out


def _title(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= 200 and not line.endswith(".") else None
    return None


# ---------------------------------------------------------------- extraction


def extract(sources: Sequence[RawSource]) -> Extraction:
    """Run every extractor over the sources."""
    boilerplate = {s.id: find_boilerplate(s.text) for s in sources}
    texts = [SourceText(s.id, s.text, tuple((b.start, b.end) for b in boilerplate[s.id])) for s in sources]
    entities = extract_entities(texts)
    resolver = SpeakerResolver(entities)
    facts: list[QuoteFact] = []
    claims: list[ClaimDraft] = []
    for st in texts:
        qf = quote_facts(st, resolver)
        facts.extend(qf)
        quotes = [f.quote for f in qf]
        claims.extend(extract_claims(st, qf, speech_facts(st, resolver, quotes)))
    return Extraction(list(sources), boilerplate, entities, _group_quotes(facts, sources), claims)


_TRAILING = ",;:"


def _group_quotes(facts: list[QuoteFact], sources: Sequence[RawSource]) -> list[QuoteGroup]:
    """Group identical wordings (case and punctuation aside); one named speaker wins over 'unnamed'."""
    text_of = {s.id: s.text for s in sources}
    groups: dict[tuple[str, ...], list[QuoteFact]] = {}
    for f in facts:
        key = tuple(words(f.quote.text))
        if key:
            groups.setdefault(key, []).append(f)
    out: list[QuoteGroup] = []
    used: set[str] = set()
    for members in groups.values():
        named = sorted({f.speaker for f in members if f.speaker != UNNAMED})
        buckets: dict[str, list[QuoteFact]] = {}
        for f in members:
            owner = f.speaker if f.speaker != UNNAMED else (named[0] if named else UNNAMED)
            buckets.setdefault(owner, []).append(f)
        for speaker, fs in buckets.items():
            anchors = [_quote_span(f, text_of[f.source]) for f in fs]
            description = next((f.speaker_description for f in fs if f.speaker_description), None)
            qid = _quote_id(speaker, anchors[0].text, used)
            out.append(
                QuoteGroup(
                    qid, anchors[0].text, speaker, description if speaker == UNNAMED else None, anchors
                )
            )
    out.sort(key=lambda g: (g.anchors[0].source, g.anchors[0].start))
    return out


def _quote_span(f: QuoteFact, text: str) -> Span:
    start, end = f.quote.start, f.quote.end
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return Span(source=f.source, start=start, end=end, text=text[start:end])


def _quote_id(speaker: str, text: str, used: set[str]) -> str:
    head = "-".join(re.sub(r"[^a-z0-9]+", "", w) for w in words(text)[:4]).strip("-")
    head = re.sub(r"-+", "-", head) or "quote"
    who = speaker.split("-")[0] if speaker != UNNAMED else "unnamed"
    base = f"q-{who}-{head}"
    ident, n = base, 2
    while ident in used:
        ident, n = f"{base}-{n}", n + 1
    used.add(ident)
    return ident


# ---------------------------------------------------------------- the GoldSet


def to_goldset(ex: Extraction, *, goldset_id: str = "source-only", title: str | None = None) -> GoldSet:
    """The resolved gold set the scorers read, straight from an extraction."""
    hasher = hashlib.sha256(b"source-only\0")
    sources = []
    for s in ex.sources:
        hasher.update(s.id.encode() + b"\0" + s.text.encode())
        sources.append(
            Source(
                id=s.id,
                path=f"sources/{s.path}",
                title=s.title,
                reliability=Reliability(level="medium", reason=NOT_CURATED),
                excluded=tuple(
                    Region(start=b.start, end=b.end, reason=b.reason) for b in ex.boilerplate[s.id]
                ),
                text=s.text,
            )
        )
    entities = tuple(
        Entity(
            id=e.id,
            name=e.name,
            kind=e.kind,
            aliases=tuple(e.aliases),
            descriptions=tuple(e.descriptions),
            gender=e.gender,
            affiliations=tuple(
                Affiliation(org=a.org, role=a.role, current=a.current, anchors=tuple(a.anchors))
                for a in e.affiliations
            ),
            anchors=tuple(e.anchors()),
        )
        for e in ex.entities
    )
    quotes = tuple(
        Quote(
            id=q.id,
            text=q.text,
            speaker=q.speaker,
            speaker_description=q.speaker_description,
            status="verified",
            anchors=tuple(q.anchors),
        )
        for q in ex.quotes
    )
    claims = tuple(_claim(c, ex) for c in ex.claims)
    return GoldSet(
        id=goldset_id,
        title=title or _default_title(ex),
        description="Built on the fly from raw articles (source-only mode); nothing here is curated.",
        draft=True,
        content_hash=hasher.hexdigest(),
        sources=tuple(sources),
        entities=entities,
        quotes=quotes,
        claims=claims,
        tasks=(default_task(ex.source_ids),),
    )


def default_task(source_ids: list[str]) -> Task:
    """One task over all sources: a brief for several, a summary for one."""
    multi = len(source_ids) > 1
    return Task(
        id=TASK_ID,
        kind="multi_document_brief" if multi else "single_article_summary",
        sources=tuple(source_ids),
        max_words=150 if multi else 100,
    )


def _claim(c: ClaimDraft, ex: Extraction) -> Claim:
    text = next(s.text for s in ex.sources if s.id == c.source)
    return Claim(
        id=c.id,
        text=c.text,
        speaker=c.speaker,
        numbers=tuple(
            Number(
                text=n.text,
                value=n.value,
                low=n.low,
                high=n.high,
                unit=n.unit,
                qualifier=n.qualifier,
                spans=(Span(source=c.source, start=n.start, end=n.end, text=text[n.start : n.end]),),
            )
            for n in c.numbers
        ),
        anchors=(Span(source=c.source, start=c.start, end=c.end, text=text[c.start : c.end]),),
    )


def _default_title(ex: Extraction) -> str:
    titles = [s.title for s in ex.sources if s.title]
    if len(ex.sources) == 1 and titles:
        return titles[0]
    return f"Source-only inventory of {len(ex.sources)} article(s)"


def build_goldset_from_sources(
    paths: Sequence[str | Path], *, goldset_id: str = "source-only", title: str | None = None
) -> GoldSet:
    """Read article files (or folders of them) and build a source-only `GoldSet`."""
    return to_goldset(extract(read_sources(paths)), goldset_id=goldset_id, title=title)


def build_goldset_from_texts(
    texts: Sequence[tuple[str, str]], *, goldset_id: str = "source-only", title: str | None = None
) -> GoldSet:
    """Build a source-only `GoldSet` from in-memory (id, text) pairs (meta-evaluation)."""
    taken: set[str] = set()
    sources = [RawSource(source_id(i, taken), t, f"{i}.txt", _title(t)) for i, t in texts]
    return to_goldset(extract(sources), goldset_id=goldset_id, title=title)
