"""People, organisations and places as the articles state them.

From the name mentions of every source this module builds entities: it
classifies each name (person, organisation, place, product, event) from the
words around it, groups the names that stand for one entity ("Lin" with
"Lin Junyang"; "Zhipu" with "Zhipu AI"; "US" with "United States"; "Yao
Shunyu" with "Shunyu Yao"), reads affiliations from appositives ("Tang Jie,
founder and chief AI scientist at Zhipu AI"; "Yao Shunyu, a former OpenAI
researcher"; "Tencent's chief AI scientist Yao Shunyu") and guesses gender
from the he/she that follows a person. Two people across sources with a
shared name word and a shared organisation ("Justin Lin" and "Lin Junyang",
both of Alibaba) are taken to be one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from harness.goldset.model import Span
from harness.goldset.spec import EntityKind
from harness.sourceonly.lexicon import (
    EVENT_WORDS,
    FORMER_WORDS,
    MALE_PRONOUNS,
    ORG_SUFFIXES,
    ORG_TAILS,
    PERSON_TITLES,
    PLACE_ALIASES,
    PLACES,
    ROLE_WORDS,
    SPEECH_VERBS,
)
from harness.sourceonly.names import NameMention, find_names


@dataclass(frozen=True)
class SourceText:
    """A source as extraction sees it: id, full text, and regions to ignore."""

    id: str
    text: str
    skip: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Mention:
    """A name mention located in one source."""

    source: str
    start: int
    end: int
    text: str
    possessive: bool
    sentence_initial: bool

    @property
    def surface(self) -> str:
        return self.text.replace("\u00a0", " ")

    def span(self) -> Span:
        return Span(source=self.source, start=self.start, end=self.end, text=self.text)


@dataclass
class AffiliationDraft:
    """A person's tie to an organisation, with the source text that states it."""

    org: str  # entity id
    role: str | None
    current: bool
    anchors: list[Span] = field(default_factory=list)


@dataclass
class EntityDraft:
    """An entity being built; `surfaces` are all its names."""

    id: str
    name: str
    kind: EntityKind
    surfaces: list[str]
    mentions: list[Mention]
    descriptions: list[str] = field(default_factory=list)
    gender: str | None = None
    affiliations: list[AffiliationDraft] = field(default_factory=list)

    @property
    def aliases(self) -> list[str]:
        return [s for s in self.surfaces if s != self.name]

    def anchors(self) -> list[Span]:
        """The first mention of each of its names in each source."""
        seen: set[tuple[str, str]] = set()
        out = []
        for m in sorted(self.mentions, key=lambda m: (m.source, m.start)):
            if (m.source, m.surface) not in seen:
                seen.add((m.source, m.surface))
                out.append(m.span())
        return out


# ---------------------------------------------------------------- cues

_WORD_RE = re.compile(r"[\w’'-]+")
_ROLE_HEAD = "|".join(sorted((re.escape(w) for w in ROLE_WORDS), key=len, reverse=True))
_APPOSITIVE_RE = re.compile(
    r",[ \u00a0]+(?P<app>(?:who|which)\b[^,.;:!?()“”\"]{3,160}|[^,.;:!?()“”\"]{2,160}?)"
    r"(?=,|\.(?:\s|$)|;|:|\)|[ \u00a0][—–-][ \u00a0]|[—–]|\s*$"
    r"|[ \u00a0](?:said|says|told|stated|noted|added)\b)"
)
_SPLIT_ROLES_RE = re.compile(r"[ \u00a0]+(?:and|now|while|but also|as well as)[ \u00a0]+")
_OWNED_NOUN_RE = re.compile(
    r"^[’']s?[ \u00a0]*(?:[\w-]+[ \u00a0]+){0,3}?(?:team|teams|model|models|series|chips?|assistant|lab|unit|"
    r"division|platform|app|ceo|founder|co-founder|chief|head|lead|leader|scientist|researcher|engineer|"
    r"shares|stock|ipo|listing|board|chairman|president|spokesman|spokeswoman|executive|employees|staff)\b",
    re.IGNORECASE,
)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD_RE.findall(text)]


def _is_role_phrase(phrase: str) -> bool:
    words = _words(phrase)
    if not words:
        return False
    if words[0] in ("who", "which"):
        return True
    return any(w in ROLE_WORDS or w in FORMER_WORDS for w in words[:8])


def _person_cue(text: str, m: Mention) -> bool:
    after = text[m.end : m.end + 80]
    before = text[max(0, m.start - 40) : m.start]
    if m.possessive:
        return False
    app = _APPOSITIVE_RE.match(after)
    if app and (app.group("app").lower().startswith("who ") or _is_role_phrase(app.group("app"))):
        return True
    if re.match(r",[ \u00a0]+\d{1,3},", after):  # "Brock Guzman, 8,"
        return True
    first_after = _words(after[:30])[:1]
    if first_after and first_after[0] in SPEECH_VERBS:
        return True
    last_before = _words(before)[-1:]
    return bool(last_before and (last_before[0] in PERSON_TITLES or last_before[0] in _SAID))


_SAID = frozenset({"said", "says", "added", "adds", "asked", "wrote", "writes", "continued", "explained"})
_FOLLOWING_KIND: dict[str, EntityKind] = {
    **{w: "event" for w in ("summit", "conference", "forum", "festival", "expo", "games", "championship")},
    **{
        w: "product"
        for w in (
            "model",
            "models",
            "chip",
            "chips",
            "assistant",
            "app",
            "platform",
            "framework",
            "cloud",
            "series",
            "software",
            "phone",
            "smartphone",
            "browser",
        )
    },
}


def _following_kind(text: str, m: Mention) -> EntityKind | None:
    """ "AGI-Next summit" -> event; "Qwen AI models", "R1 model" -> product: the first
    event or product noun among the three words after the name, before any punctuation."""
    if m.possessive:
        return None
    after = re.match(r"[\w \u00a0-]*", text[m.end : m.end + 40])
    for word in re.findall(r"[A-Za-z]+", after.group() if after else "")[:3]:
        kind = _FOLLOWING_KIND.get(word.lower())
        if kind is not None:
            return kind
    return None


def _org_cue(text: str, m: Mention) -> bool:
    if m.possessive and _OWNED_NOUN_RE.match(text, m.end):
        return True
    before = _words(text[max(0, m.start - 60) : m.start])[-6:]
    if before and before[-1] in ("at", "of", "for", "from", "joined", "with"):
        return any(w in ROLE_WORDS for w in before[:-1])
    return False


def _shape_kind(surface: str) -> EntityKind | None:
    words = surface.split()
    if surface in PLACES or any(surface in group for group in PLACE_ALIASES):
        return "place"
    if words[-1] in EVENT_WORDS or words[-1].lower() in {w.lower() for w in EVENT_WORDS}:
        return "event"
    if words[-1] in ORG_SUFFIXES and len(words) > 1:
        return "organisation"
    if any(ch.isdigit() for ch in surface):
        return "product"
    return None


def _is_plain_name(surface: str) -> bool:
    """Capitalised words with no inner capitals or digits: how people's names look."""
    words = surface.split()
    return 1 <= len(words) <= 4 and all(
        re.fullmatch(r"[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)*|(?:Mc|Mac|O’|O')[A-Z][a-z]+", w) for w in words
    )


# ---------------------------------------------------------------- building


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower().replace("’", "").replace("'", "")).strip("-")
    return slug or "entity"


class _Builder:
    def __init__(self, sources: list[SourceText]) -> None:
        self.sources = {s.id: s for s in sources}
        self.mentions: list[Mention] = []
        for src in sources:
            for n in find_names(src.text, list(src.skip)):
                self.mentions.append(_mention(src.id, n))
        self._drop_sentence_initial_singletons()
        self.by_surface: dict[str, list[Mention]] = defaultdict(list)
        for m in self.mentions:
            self.by_surface[m.surface].append(m)

    def _drop_sentence_initial_singletons(self) -> None:
        """A one-word 'name' seen only at sentence starts is most likely a common word."""
        counts: dict[str, list[Mention]] = defaultdict(list)
        for m in self.mentions:
            counts[m.surface].append(m)
        multi_tokens = {w for s in counts for w in s.split() if len(s.split()) > 1}
        keep = []
        for m in self.mentions:
            s = m.surface
            only_initial = all(x.sentence_initial for x in counts[s])
            plain = re.fullmatch(r"[A-Z][a-z]+", s) is not None
            if only_initial and plain and s not in PLACES and s not in multi_tokens:
                continue
            keep.append(m)
        self.mentions = keep

    def kinds(self) -> dict[str, EntityKind]:
        kinds: dict[str, EntityKind] = {}
        for surface, ms in self.by_surface.items():
            shape = _shape_kind(surface)
            if shape in ("place", "event"):
                kinds[surface] = shape
                continue
            following = Counter(k for m in ms if (k := _following_kind(self.sources[m.source].text, m)))
            if following and following.most_common(1)[0][1] * 2 > len(ms):
                kinds[surface] = following.most_common(1)[0][0]  # "Qwen AI models": a product
                continue
            if shape is not None:
                kinds[surface] = shape
                continue
            person = sum(_person_cue(self.sources[m.source].text, m) for m in ms)
            org = sum(_org_cue(self.sources[m.source].text, m) for m in ms)
            if person > org and _is_plain_name(surface):
                kinds[surface] = "person"
            elif org or not _is_plain_name(surface) or surface.isupper():
                kinds[surface] = "organisation"
            else:
                # A plain two-to-four-word name with no cue is a person only if a
                # one-word part of it is used alone as a person would be.
                multi = len(surface.split()) > 1
                kinds[surface] = "person" if multi and self._short_form_used(surface) else "organisation"
        return kinds

    def _short_form_used(self, surface: str) -> bool:
        words = surface.split()
        return any(
            any(_person_cue(self.sources[m.source].text, m) for m in self.by_surface.get(w, []))
            for w in (words[0], words[-1])
        )

    def build(self) -> list[EntityDraft]:
        kinds = self.kinds()
        surfaces = list(self.by_surface)
        persons = [s for s in surfaces if kinds[s] == "person" and len(s.split()) > 1]
        person_words = {w for p in persons for w in p.split()}
        # Nodes: one per name, except that a one-word part of a person's name
        # ("Lin") gets one node per source, since it may be a different person
        # in each article.
        nodes: dict[str, list[Mention]] = defaultdict(list)
        node_surface: dict[str, str] = {}
        for m in self.mentions:
            key = f"{m.surface}\x00{m.source}" if m.surface in person_words else m.surface
            nodes[key].append(m)
            node_surface[key] = m.surface
        parent = {k: k for k in nodes}

        def find(k: str) -> str:
            while parent[k] != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        def union(a: str, b: str) -> None:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[rb] = ra

        # Same words in another order ("Yao Shunyu" / "Shunyu Yao"); case variants ("NVIDIA" / "Nvidia").
        by_key: dict[tuple[str, ...], str] = {}
        for k in nodes:
            if "\x00" in k:
                continue
            words_key = tuple(sorted(k.lower().split())) if kinds[k] == "person" else (k.lower(),)
            if words_key in by_key:
                union(by_key[words_key], k)
            else:
                by_key[words_key] = k
        # One-word short forms of people: "Lin" -> the one person in that article with that word.
        for k, ms in nodes.items():
            if "\x00" not in k:
                continue
            word, source = node_surface[k], ms[0].source
            local = {p for p in persons if word in p.split() and any(m.source == source for m in nodes[p])}
            owners = {find(p) for p in persons if word in p.split()}
            if len(local) == 1:
                union(next(iter(local)), k)
            elif not local and len(owners) == 1:
                union(next(iter(owners)), k)
            else:
                union(word, k) if word in nodes else None
            if find(k) != k or len(local) == 1:
                kinds[word] = "person"
        # Organisation short forms: "Zhipu" -> "Zhipu AI", "MiniMax" -> "MiniMax Group".
        for s in surfaces:
            if kinds[s] in ("person", "place") or s not in nodes:
                continue
            for t in surfaces:
                tw, sw = t.split(), s.split()
                short_form = len(tw) > len(sw) and tw[: len(sw)] == sw and set(tw[len(sw) :]) <= ORG_TAILS
                if short_form and kinds[t] != "person" and t in nodes:
                    union(t, s)
        for group in PLACE_ALIASES:
            present = [s for s in surfaces if s in group and s in nodes]
            for s in present[1:]:
                union(present[0], s)
        clusters: dict[str, list[str]] = defaultdict(list)
        for k in nodes:
            clusters[find(k)].append(k)
        entities = []
        used_ids: set[str] = set()
        for keys in clusters.values():
            ms = sorted((m for k in keys for m in nodes[k]), key=lambda m: (m.source, m.start))
            names = sorted({node_surface[k] for k in keys})
            kind = _cluster_kind([kinds[n] for n in names])
            freq = Counter(m.surface for m in ms)
            if kind == "person":
                name = max(names, key=lambda n: (len(n.split()), freq[n], n))
            else:
                name = max(names, key=lambda n: (freq[n], len(n), n))
            ident = _slug(name)
            base, n = ident, 2
            while ident in used_ids:
                ident, n = f"{base}-{n}", n + 1
            used_ids.add(ident)
            ordered = sorted(names, key=lambda x: (x != name, -freq[x], x))
            # "U.S." in the article: a summary's "US" or "United States" names the same place.
            for group in PLACE_ALIASES:
                if group & set(names):
                    ordered += sorted(group - set(names))
            entities.append(EntityDraft(ident, name, kind, ordered, ms))
        entities.sort(key=lambda e: (_KIND_ORDER[e.kind], min((m.source, m.start) for m in e.mentions)))
        self._affiliations(entities)
        entities = self._merge_people_across_sources(entities)
        self._genders(entities)
        return entities

    # ------------------------------------------------------------ affiliations

    def _affiliations(self, entities: list[EntityDraft]) -> None:
        owner: dict[tuple[str, int], EntityDraft] = {}
        for e in entities:
            for m in e.mentions:
                owner[(m.source, m.start)] = e
        mentions_by_source: dict[str, list[Mention]] = defaultdict(list)
        for m in sorted(self.mentions, key=lambda m: m.start):
            mentions_by_source[m.source].append(m)
        for e in entities:
            if e.kind != "person":
                continue
            for m in e.mentions:
                text = self.sources[m.source].text
                inside = mentions_by_source[m.source]
                self._appositive(e, m, text, inside, owner)
                self._premodifier(e, m, text, inside, owner)

    def _appositive(
        self,
        e: EntityDraft,
        m: Mention,
        text: str,
        inside: list[Mention],
        owner: dict[tuple[str, int], EntityDraft],
    ) -> None:
        app = _APPOSITIVE_RE.match(text, m.end)
        if not app or m.possessive or not _is_role_phrase(app.group("app")):
            return
        a_start, a_end = app.start("app"), app.end("app")
        phrase = text[a_start:a_end].strip()
        if phrase not in e.descriptions:
            e.descriptions.append(phrase)
        anchor = Span(source=m.source, start=m.start, end=a_end, text=text[m.start : a_end])
        segments = []
        pos = a_start
        for sm in _SPLIT_ROLES_RE.finditer(text, a_start, a_end):
            segments.append((pos, sm.start()))
            pos = sm.end()
        segments.append((pos, a_end))
        found: list[tuple[int, int, EntityDraft | None]] = []
        for s0, s1 in segments:
            orgs = [
                (x, owner.get((x.source, x.start)))
                for x in inside
                if s0 <= x.start and x.end <= s1 and owner.get((x.source, x.start)) is not None
            ]
            orgs = [(x, o) for x, o in orgs if o is not None and o.kind in ("organisation", "product")]
            orgs.sort(key=lambda xo: (not xo[0].possessive, xo[0].start))
            found.append((s0, s1, _org_of(orgs[0][1]) if orgs else None))
        # A role with no organisation of its own shares the next one's ("founder and chief scientist at X").
        for i in range(len(found) - 2, -1, -1):
            if found[i][2] is None and found[i + 1][2] is not None:
                found[i] = (found[i][0], found[i][1], found[i + 1][2])
        for s0, s1, org in found:
            if org is None or org is e:
                continue
            seg = text[s0:s1]
            words = _words(seg)
            current = not any(w in FORMER_WORDS for w in words) and not re.search(
                r"\b(?:hire|alumn\w*|veteran)\b", seg, re.I
            )
            _add_affiliation(e, org.id, _role(seg), current, anchor)

    def _premodifier(
        self,
        e: EntityDraft,
        m: Mention,
        text: str,
        inside: list[Mention],
        owner: dict[tuple[str, int], EntityDraft],
    ) -> None:
        """ "Tencent's chief AI scientist Yao Shunyu", "Alibaba CEO Eddie Wu"."""
        prev = [x for x in inside if x.end <= m.start and m.start - x.end <= 60]
        if not prev:
            return
        x = prev[-1]
        org = owner.get((x.source, x.start))
        if org is None or org.kind not in ("organisation", "product"):
            return
        between = text[x.end : m.start]
        between_words = _words(between.lstrip("’'s "))
        if not between_words or not re.fullmatch(r"(?:[’']s)?[ \u00a0][\w \u00a0-]+[ \u00a0]", between):
            return
        if not any(w in ROLE_WORDS or w in PERSON_TITLES for w in between_words):
            return
        if any(w in ("and", "or", "the", "a", "an", "said", "says") for w in between_words):
            return
        anchor = Span(source=m.source, start=x.start, end=m.end, text=text[x.start : m.end])
        role = between.strip().removeprefix("’s").removeprefix("'s").strip()
        current = not any(w in FORMER_WORDS for w in between_words)
        description = text[x.start : m.start].strip()
        if description not in e.descriptions:
            e.descriptions.append(description)
        _add_affiliation(e, _org_of(org).id, role or None, current, anchor)

    # ------------------------------------------------------------ merging

    def _merge_people_across_sources(self, entities: list[EntityDraft]) -> list[EntityDraft]:
        """Merge two people who share a name word and an organisation ("Justin Lin" / "Lin Junyang")."""
        people = [e for e in entities if e.kind == "person" and e.affiliations]
        merged: dict[str, str] = {}
        for i, a in enumerate(people):
            for b in people[i + 1 :]:
                if b.id in merged or a.id in merged:
                    continue
                words_a = {w for s in a.surfaces for w in s.split()}
                words_b = {w for s in b.surfaces for w in s.split()}
                orgs_a = {f.org for f in a.affiliations}
                orgs_b = {f.org for f in b.affiliations}
                if words_a & words_b and orgs_a & orgs_b:
                    _absorb(a, b)
                    merged[b.id] = a.id
        return [e for e in entities if e.id not in merged]

    # ------------------------------------------------------------ gender

    def _genders(self, entities: list[EntityDraft]) -> None:
        person_at: dict[str, list[tuple[int, EntityDraft]]] = defaultdict(list)
        for e in entities:
            if e.kind == "person":
                for m in e.mentions:
                    person_at[m.source].append((m.start, e))
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for source_id, located in person_at.items():
            located.sort(key=lambda t: t[0])
            text = self.sources[source_id].text
            skip = self.sources[source_id].skip
            for pm in re.finditer(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", text, re.IGNORECASE):
                if any(a <= pm.start() < b for a, b in skip) or _inside_quote(text, pm.start()):
                    continue
                before = [e for start, e in located if start < pm.start() and pm.start() - start < 400]
                if not before:
                    continue
                word = pm.group().lower()
                votes[before[-1].id]["male" if word in MALE_PRONOUNS else "female"] += 1
        for e in entities:
            v = votes.get(e.id)
            if not v:
                continue
            (top, n), total = v.most_common(1)[0], sum(v.values())
            if n / total >= 0.8:
                e.gender = top


_KIND_ORDER = {"person": 0, "organisation": 1, "product": 2, "place": 3, "event": 4}


def _inside_quote(text: str, i: int) -> bool:
    """Rough: an odd number of double quote marks on the line before i."""
    line_start = text.rfind("\n", 0, i) + 1
    segment = text[line_start:i]
    opens = segment.count("“") + segment.count('"') // 1
    closes = segment.count("”")
    if "“" in segment or "”" in segment:
        return segment.count("“") > closes
    return opens % 2 == 1


def _cluster_kind(kinds: list[EntityKind]) -> EntityKind:
    counts = Counter(kinds)
    for k in ("person", "place", "event"):
        if counts[k]:
            return k
    if counts["organisation"] >= counts["product"]:
        return "organisation"
    return "product"


def _org_of(entity: EntityDraft | None) -> EntityDraft:
    assert entity is not None
    return entity


def _role(segment: str) -> str | None:
    role = re.sub(r"^(?:a|an|the)\s+", "", segment.strip(), flags=re.I)
    return role or None


def _add_affiliation(e: EntityDraft, org: str, role: str | None, current: bool, anchor: Span) -> None:
    for aff in e.affiliations:
        if aff.org == org and aff.role == role and aff.current == current:
            if anchor not in aff.anchors:
                aff.anchors.append(anchor)
            return
    e.affiliations.append(AffiliationDraft(org, role, current, [anchor]))


def _absorb(a: EntityDraft, b: EntityDraft) -> None:
    for s in b.surfaces:
        if s not in a.surfaces:
            a.surfaces.append(s)
    a.mentions = sorted(a.mentions + b.mentions, key=lambda m: (m.source, m.start))
    for d in b.descriptions:
        if d not in a.descriptions:
            a.descriptions.append(d)
    for aff in b.affiliations:
        for anchor in aff.anchors:
            _add_affiliation(a, aff.org, aff.role, aff.current, anchor)


def _mention(source: str, n: NameMention) -> Mention:
    return Mention(source, n.start, n.end, n.text, n.possessive, n.sentence_initial)


def extract_entities(sources: list[SourceText]) -> list[EntityDraft]:
    """Entities named in the sources, people first, each with its mentions."""
    return _Builder(sources).build()
