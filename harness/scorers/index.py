"""The per-gold-set index the scorers read: built once, cached, immutable.

Building it tokenises every source (story text only: excluded regions
support nothing), locates each gold quote wording in its source's tokens,
builds alias tables for names and descriptions, number tables (by unit), a
token index over claims with each claim's keywords, and each person's role
families, so checking one summary is a handful of lookups: nothing that
depends only on the gold set is worked out again per summary.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar, cast

from harness.goldset.model import Claim, Entity, GoldSet, Quote, Source, Span
from harness.scorers.roles import roles_of
from harness.text.memo import WordMemo
from harness.text.mentions import AliasTable, name_words
from harness.text.normalize import STOPWORDS, Token, stem, tokenize, words
from harness.text.numbers import NumberMention, parse_numbers
from harness.text.quotes import extract_quotes

T = TypeVar("T")


@dataclass
class SourceTokens:
    """One source's normalised tokens, and which are excluded or quoted."""

    source: Source
    tokens: list[Token]
    excluded: list[bool]
    quoted: list[bool]  # token is inside quote marks in the source
    starts: list[int] = field(default_factory=list)

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Tokens [i, j) lying inside characters [start, end) of the source."""
        i = bisect_left(self.starts, start)
        j = i
        while j < len(self.tokens) and self.tokens[j].end <= end:
            j += 1
        return i, j

    def span(self, i: int, j: int) -> Span:
        a, b = self.tokens[i].start, self.tokens[j - 1].end
        return Span(source=self.source.id, start=a, end=b, text=self.source.text[a:b])


@dataclass(frozen=True)
class QuoteAnchor:
    quote: Quote
    span: Span
    i: int
    j: int
    norms: tuple[str, ...]


@dataclass
class ClaimEntry:
    claim: Claim
    keywords: frozenset[str]  # of the claim and its anchors' text
    sources: frozenset[str]
    text_keywords: frozenset[str] = frozenset()  # of the claim's own text only
    units: frozenset[str] = frozenset()  # units of its numbers


@dataclass(frozen=True)
class FamilyClaims:
    """The claims with a number of one unit family, and for each keyword its weight
    and which of these claims have it: scoring a number's context against them is
    one lookup a keyword."""

    claims: tuple[ClaimEntry, ...]  # in the order of their ids
    postings: dict[str, tuple[float, tuple[int, ...]]]  # keyword -> (weight, positions in `claims`)
    unknown_weight: float  # of a keyword no claim uses

    def hits(self, keywords: set[str]) -> tuple[list[float], float]:
        """The keyword weight each claim explains, and the keywords' whole weight: a
        claim's score is their ratio (`GoldIndex.claim_scores` reckons it so), and
        0.0 when it explains none."""
        hits = [0.0] * len(self.claims)
        postings, unknown = self.postings, (self.unknown_weight, ())
        total = 0.0
        for k in sorted(keywords):  # a fixed order: float sums must not depend on hash seeds
            w, positions = postings.get(k, unknown)
            total += w
            for j in positions:
                hits[j] += w
        return hits, total


@dataclass
class GoldIndex:
    goldset: GoldSet
    sources: dict[str, SourceTokens] = field(default_factory=dict)
    quote_anchors: list[QuoteAnchor] = field(default_factory=list)
    anchors_by_token: dict[str, set[int]] = field(default_factory=dict)
    aliases: AliasTable = field(default_factory=AliasTable)
    org_names: AliasTable = field(default_factory=AliasTable)  # organisation names only
    persons: frozenset[str] = frozenset()
    organisations: frozenset[str] = frozenset()
    vocabulary: frozenset[str] = frozenset()
    ordinary_words: frozenset[str] = frozenset()  # words the story text writes in lower case
    claims: list[ClaimEntry] = field(default_factory=list)
    key_claims: list[ClaimEntry] = field(default_factory=list)  # claims marked key, in gold-set order
    idf: dict[str, float] = field(default_factory=dict)
    claims_by_keyword: dict[str, list[int]] = field(default_factory=dict)
    # The same, per unit family, listing only claims with a number of that family.
    claims_by_keyword_in_family: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    family_claims: dict[str, FamilyClaims] = field(default_factory=dict)  # the same, for scoring
    source_numbers: list[tuple[str, NumberMention]] = field(default_factory=list)
    source_numbers_by_unit: dict[str, list[tuple[str, NumberMention]]] = field(default_factory=dict)
    person_roles: dict[str, frozenset[str]] = field(default_factory=dict)  # entity id -> role families
    # Tables a scorer derives from the index for itself, built on first use (see `derived`).
    _derived: dict[str, object] = field(default_factory=dict, repr=False)

    def derived(self, name: str, build: Callable[[GoldIndex], T]) -> T:
        """The table `build(self)` under `name`: built once per gold set, on first use, by
        the scorer that needs it (so this module need not know every scorer's tables)."""
        if name not in self._derived:
            self._derived[name] = build(self)
        return cast(T, self._derived[name])

    # --- lookups -----------------------------------------------------------
    def entity(self, key: str | None) -> Entity | None:
        return self.goldset.entity_by_id.get(key) if key else None

    def is_person_key(self, key: str | None) -> bool:
        return key in self.persons

    def name_of(self, key: str | None) -> str:
        e = self.entity(key)
        return e.name if e else (key or "no one")

    max_idf: float = 1.0  # weight of a word no claim uses

    def claim_scores(
        self, keywords: set[str], min_score: float = 0.0, unit_family: str | None = None
    ) -> list[tuple[float, ClaimEntry]]:
        """Claims sharing keywords with a clause, scored by the share of the
        clause's keyword weight they explain (1.0 = every keyword), best
        first. Claims scoring under `min_score` are left out, and with
        `unit_family` so are claims with no number of that family."""
        if not keywords:
            return []
        idf, default = self.idf, self.max_idf
        if unit_family is None:
            by_kw = self.claims_by_keyword
        else:
            by_kw = self.claims_by_keyword_in_family.get(unit_family, {})
        total = 0.0
        hits: dict[int, float] = {}
        for k in sorted(keywords):  # a fixed order: float sums must not depend on hash seeds
            w = idf.get(k, default)
            total += w
            for ci in by_kw.get(k, ()):
                hits[ci] = hits.get(ci, 0.0) + w
        claims = self.claims
        scored = [(s, claims[ci]) for ci, w in hits.items() if (s := w / total) >= min_score]
        if len(scored) > 1:
            scored.sort(key=lambda x: (-x[0], x[1].claim.id))
        return scored


_CURRENCY = frozenset({"usd", "hkd", "cny"})


def unit_family(unit: str) -> str:
    """Units compared with each other: every currency is one family."""
    return "currency" if unit in _CURRENCY else unit


def keywords(text: str) -> set[str]:
    """Content-word stems of a text, without numbers (compared separately)."""
    return keywords_of_chunks(text.split())


def keywords_of_chunks(chunks: list[str]) -> set[str]:
    """`keywords` of a text already split at white space.

    No word spans white space, so a text's keywords are those of its chunks,
    and each chunk (a word with its punctuation) is read once, not per text.
    """
    found: set[str] = set()
    found.update(*map(_CHUNK_KEYWORDS.__getitem__, chunks))
    return found


def keywords_of_words(normalised: list[str]) -> set[str]:
    """`keywords` of a text already split into normalised words."""
    found = set(map(_KEYWORD_OF.__getitem__, normalised))
    found.discard("")
    return found


def _keyword_of(word: str) -> str:
    """The keyword a normalised word counts as ("" for function words, numbers, letters)."""
    if word in STOPWORDS or word[:1].isdigit() or len(word) <= 1:
        return ""
    return stem(word)


def _chunk_keywords(chunk: str) -> frozenset[str]:
    """`keywords` of a chunk of text without white space."""
    return frozenset(keywords_of_words(words(chunk)))


_KEYWORD_OF = WordMemo(_keyword_of)
_CHUNK_KEYWORDS = WordMemo(_chunk_keywords)


def build_index(goldset: GoldSet) -> GoldIndex:
    """Index a gold set (slow part, done once per gold set)."""
    idx = GoldIndex(goldset=goldset)
    vocab: set[str] = set()
    ordinary: set[str] = set()
    for source in goldset.sources:
        toks = tokenize(source.text)
        excluded = [source.is_excluded(t.start, t.end) for t in toks]
        quoted = [False] * len(toks)
        starts = [t.start for t in toks]
        for q in extract_quotes(source.text):
            i = bisect_left(starts, q.start)
            while i < len(toks) and toks[i].end <= q.end:
                quoted[i] = True
                i += 1
        st = SourceTokens(source, toks, excluded, quoted, starts)
        idx.sources[source.id] = st
        for t, ex in zip(toks, excluded, strict=True):
            if not ex:
                vocab.add(t.norm)
        for a, b in source.story_regions():
            for w in name_words(source.text[a:b]):
                vocab.add(w.text.casefold())
                if w.text.islower():
                    ordinary.add(w.text)
            for number in parse_numbers(source.text[a:b]):
                idx.source_numbers.append((source.id, number.shifted(a)))
    for sid, number in idx.source_numbers:
        idx.source_numbers_by_unit.setdefault(number.unit, []).append((sid, number))
    # Quote wordings.
    for quote in goldset.quotes:
        for span in quote.anchors:
            st = idx.sources[span.source]
            i, j = st.token_range(span.start, span.end)
            if j <= i:
                continue
            anchor = QuoteAnchor(quote, span, i, j, tuple(t.norm for t in st.tokens[i:j]))
            idx.quote_anchors.append(anchor)
            for norm in set(anchor.norms):
                if norm not in STOPWORDS:
                    idx.anchors_by_token.setdefault(norm, set()).add(len(idx.quote_anchors) - 1)
    # Names.
    persons, orgs = set(), set()
    for e in goldset.entities:
        if e.kind == "person":
            persons.add(e.id)
        elif e.kind == "organisation":
            orgs.add(e.id)
        for name in e.names:
            idx.aliases.add(name, e.id)
            if e.kind == "organisation":
                idx.org_names.add(name, e.id)
            for w in name_words(name):
                vocab.add(w.text.casefold())
        for d in e.descriptions:
            idx.aliases.add(d, e.id, description=True)
    idx.aliases.finalize()
    idx.org_names.finalize()
    idx.persons, idx.organisations = frozenset(persons), frozenset(orgs)
    idx.person_roles = {e.id: frozenset(roles_of(e)) for e in goldset.entities}
    idx.vocabulary = frozenset(vocab)
    idx.ordinary_words = frozenset(ordinary)
    # Claims.
    df: dict[str, int] = {}
    # Claim texts may cite a source by id ("s000's subtitle: ..."); an id is no keyword.
    source_ids = {k for s in goldset.sources for k in keywords(s.id)}
    for c in goldset.claims:
        kw = keywords(c.text) | {k for a in c.anchors for k in keywords(a.text)}
        kw -= source_ids
        entry = ClaimEntry(
            c,
            frozenset(kw),
            frozenset(a.source for a in c.anchors),
            frozenset(keywords(c.text)),
            frozenset(g.unit for g in c.numbers),
        )
        idx.claims.append(entry)
        if c.key:
            idx.key_claims.append(entry)
        for k in kw:
            df[k] = df.get(k, 0) + 1
    n = len(idx.claims)
    idx.idf = {k: math.log((n + 1) / (d + 0.5)) + 0.5 for k, d in df.items()}
    idx.max_idf = math.log(n + 1) + 1.0
    for ci, entry in enumerate(idx.claims):
        for k in entry.keywords:
            idx.claims_by_keyword.setdefault(k, []).append(ci)
        for family in sorted({unit_family(u) for u in entry.units}):
            by_kw = idx.claims_by_keyword_in_family.setdefault(family, {})
            for k in entry.keywords:
                by_kw.setdefault(k, []).append(ci)
    for family, by_kw in idx.claims_by_keyword_in_family.items():
        idx.family_claims[family] = _family_claims(idx, by_kw)
    return idx


def _family_claims(idx: GoldIndex, claims_by_keyword: dict[str, list[int]]) -> FamilyClaims:
    """The `FamilyClaims` of the claims listed in `claims_by_keyword` (one family's)."""
    members = sorted(
        {ci for cis in claims_by_keyword.values() for ci in cis}, key=lambda ci: idx.claims[ci].claim.id
    )
    position = {ci: j for j, ci in enumerate(members)}
    postings = {
        k: (w, tuple(position[ci] for ci in claims_by_keyword.get(k, ()))) for k, w in idx.idf.items()
    }
    return FamilyClaims(tuple(idx.claims[ci] for ci in members), postings, idx.max_idf)


_CACHE: dict[tuple[int, str], tuple[GoldSet, GoldIndex]] = {}


def index_for(goldset: GoldSet) -> GoldIndex:
    """The cached index of a gold set (keyed by object identity and content hash)."""
    key = (id(goldset), goldset.content_hash)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is goldset:
        return hit[1]
    if len(_CACHE) > 8:
        _CACHE.clear()
    idx = build_index(goldset)
    _CACHE[key] = (goldset, idx)
    return idx


def speaker_anchor(idx: GoldIndex, key: str | None, prefer_source: str | None = None) -> Span | None:
    """A source span naming an entity, from the preferred source when possible."""
    e = idx.entity(key)
    if e is None or not e.anchors:
        return None
    for a in e.anchors:
        if a.source == prefer_source:
            return a
    return e.anchors[0]
