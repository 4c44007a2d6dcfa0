"""Load a gold-set folder: parse `goldset.yaml`, read sources, resolve anchors.

A curator names text, never offsets; this module finds the text and fails,
with every problem listed, when it is missing, ambiguous or excluded.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from harness.errors import HarnessError, InputErrors, field_path
from harness.goldset.model import (
    UNNAMED,
    Affiliation,
    Claim,
    Conflict,
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
from harness.goldset.spec import AnchorSpec, GoldSetSpec

GOLDSET_FILE = "goldset.yaml"
EOF_MARK = "<EOF>"

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_text(path: Path, location: str) -> str:
    """Read a UTF-8 text file exactly (no newline translation)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise HarnessError(location, f"file not found: {path}") from None
    except OSError as exc:
        raise HarnessError(location, f"cannot read {path}: {exc.strerror}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HarnessError(
            location, f"{path.name} is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


def parse_yaml(text: str, filename: str) -> Any:
    """Parse YAML, turning syntax errors into `file: line N: problem`."""
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f"line {mark.line + 1}: " if mark else ""
        raise HarnessError(filename, f"{line}invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise HarnessError(filename, f"invalid YAML: {exc}") from None


def load_goldset(folder: str | Path) -> GoldSet:
    """Load and resolve a gold set; raise `InputErrors` listing every problem."""
    goldset, problems = _load(Path(folder))
    if problems:
        raise InputErrors(problems)
    assert goldset is not None
    return goldset


def validate_goldset(folder: str | Path) -> tuple[GoldSet | None, list[HarnessError]]:
    """Every problem in a gold set (empty list when it is valid)."""
    return _load(Path(folder))


def _load(folder: Path) -> tuple[GoldSet | None, list[HarnessError]]:
    spec_path = folder / GOLDSET_FILE
    if not folder.is_dir():
        return None, [HarnessError(str(folder), "not a gold-set folder (no such directory)")]
    try:
        raw_text = read_text(spec_path, GOLDSET_FILE)
        raw = parse_yaml(raw_text, GOLDSET_FILE)
    except HarnessError as exc:
        return None, [exc]
    if not isinstance(raw, dict):
        return None, [HarnessError(GOLDSET_FILE, "top level must be a mapping of fields")]
    try:
        spec = GoldSetSpec.model_validate(raw)
    except ValidationError as exc:
        return None, [
            HarnessError(f"{GOLDSET_FILE}: {field_path(e['loc']) or '(top)'}", _pydantic_message(e))
            for e in exc.errors()
        ]
    return _Resolver(folder, spec, raw_text).resolve()


def _pydantic_message(error: Any) -> str:
    msg = str(error["msg"])
    if error["type"] == "extra_forbidden":
        return "unknown field"
    if error["type"] == "missing":
        return "required field missing"
    return msg[0].lower() + msg[1:] if msg else msg


class _Resolver:
    """Resolves one validated spec, collecting problems instead of stopping."""

    def __init__(self, folder: Path, spec: GoldSetSpec, raw_text: str) -> None:
        self.folder = folder
        self.spec = spec
        self.raw_text = raw_text
        self.problems: list[HarnessError] = []
        self.sources: dict[str, Source] = {}

    def problem(self, path: str, message: str) -> None:
        self.problems.append(HarnessError(f"{GOLDSET_FILE}: {path}", message))

    def resolve(self) -> tuple[GoldSet | None, list[HarnessError]]:
        spec = self.spec
        hasher = hashlib.sha256(self.raw_text.encode())
        for i, src in enumerate(spec.sources):
            source = self._source(i, src)
            if source is not None:
                hasher.update(src.id.encode() + b"\0" + source.text.encode())
        self._unique("sources", [s.id for s in spec.sources])
        self._unique("entities", [e.id for e in spec.entities])
        self._unique("quotes", [q.id for q in spec.quotes])
        self._unique("claims", [c.id for c in spec.claims])
        self._unique("tasks", [t.id for t in spec.tasks])
        entity_ids = {e.id for e in spec.entities}
        entities = tuple(self._entity(i, e, entity_ids) for i, e in enumerate(spec.entities))
        quotes = tuple(self._quote(i, q, entity_ids) for i, q in enumerate(spec.quotes))
        claims = tuple(self._claim(i, c, entity_ids) for i, c in enumerate(spec.claims))
        claim_ids = {c.id for c in spec.claims}
        conflicts = tuple(self._conflict(i, c, claim_ids) for i, c in enumerate(spec.conflicts))
        tasks = tuple(self._task(i, t) for i, t in enumerate(spec.tasks))
        if self.problems:
            return None, self.problems
        goldset = GoldSet(
            id=spec.id,
            title=spec.title,
            description=spec.description,
            draft=spec.draft,
            content_hash=hasher.hexdigest(),
            sources=tuple(self.sources[s.id] for s in spec.sources),
            entities=entities,
            quotes=quotes,
            claims=claims,
            conflicts=conflicts,
            tasks=tasks,
        )
        return goldset, []

    def _unique(self, section: str, ids: list[str]) -> None:
        seen: set[str] = set()
        for i, ident in enumerate(ids):
            if ident in seen:
                self.problem(f"{section}[{i}].id", f"duplicate id {ident!r}")
            seen.add(ident)

    def _source(self, i: int, src: Any) -> Source | None:
        path = f"sources[{i}]"
        try:
            text = read_text(self.folder / src.file, f"{GOLDSET_FILE}: {path}.file")
        except HarnessError as exc:
            self.problems.append(exc)
            return None
        regions = []
        for j, ex in enumerate(src.excluded):
            region = self._region(f"{path}.excluded[{j}]", src.id, text, ex)
            if region is not None:
                regions.append(region)
        source = Source(
            id=src.id,
            path=src.file,
            title=src.title,
            outlet=src.outlet,
            date=src.date,
            url=src.url,
            reliability=Reliability(level=src.reliability.level, reason=src.reliability.reason),
            excluded=tuple(sorted(regions, key=lambda r: r.start)),
            text=text,
        )
        self.sources[src.id] = source
        return source

    def _region(self, path: str, source_id: str, text: str, ex: Any) -> Region | None:
        start = _find(text, ex.start, ex.occurrence)
        if isinstance(start, str):
            self.problem(f"{path}.start", start.format(where=f"in source {source_id}"))
            return None
        if ex.end is None:
            end = start + len(ex.start)
        elif ex.end == EOF_MARK:
            end = len(text)
        else:
            found = text.find(ex.end, start)
            if found < 0:
                self.problem(f"{path}.end", f"text not found after start in source {source_id}")
                return None
            end = found + len(ex.end)
        return Region(start=start, end=end, reason=ex.reason)

    def _anchor(self, path: str, anchor: AnchorSpec) -> Span | None:
        source = self.sources.get(anchor.source)
        if source is None:
            if anchor.source not in {s.id for s in self.spec.sources}:
                self.problem(f"{path}.source", f"unknown source {anchor.source!r}")
            return None  # an unreadable source was already reported
        start = _find(source.text, anchor.text, anchor.occurrence)
        if isinstance(start, str):
            self.problem(path, start.format(where=f"in source {anchor.source}"))
            return None
        end = start + len(anchor.text)
        for region in source.excluded:
            if start < region.end and region.start < end:
                self.problem(
                    path, f"text falls in an excluded region of source {anchor.source} ({region.reason})"
                )
                return None
        return Span(source=anchor.source, start=start, end=end, text=anchor.text)

    def _anchors(self, path: str, anchors: list[AnchorSpec]) -> tuple[Span, ...]:
        spans = (self._anchor(f"{path}.anchors[{j}]", a) for j, a in enumerate(anchors))
        return tuple(s for s in spans if s is not None)

    def _speaker(self, path: str, speaker: str | None, entity_ids: set[str]) -> None:
        if speaker is not None and speaker != UNNAMED and speaker not in entity_ids:
            self.problem(path, f"unknown entity {speaker!r}")

    def _entity(self, i: int, e: Any, entity_ids: set[str]) -> Entity:
        path = f"entities[{i}]"
        affiliations = []
        for j, a in enumerate(e.affiliations):
            apath = f"{path}.affiliations[{j}]"
            if a.org not in entity_ids:
                self.problem(f"{apath}.org", f"unknown entity {a.org!r}")
            affiliations.append(
                Affiliation(
                    org=a.org, role=a.role, current=a.current, anchors=self._anchors(apath, a.anchors)
                )
            )
        return Entity(
            id=e.id,
            name=e.name,
            kind=e.kind,
            aliases=tuple(e.aliases),
            descriptions=tuple(e.descriptions),
            gender=e.gender,
            affiliations=tuple(affiliations),
            anchors=self._anchors(path, e.anchors),
        )

    def _quote(self, i: int, q: Any, entity_ids: set[str]) -> Quote:
        path = f"quotes[{i}]"
        self._speaker(f"{path}.speaker", q.speaker, entity_ids)
        if q.status == "unverified" and not q.status_reason:
            self.problem(f"{path}.status_reason", "required when status is unverified")
        return Quote(
            id=q.id,
            text=q.text,
            speaker=q.speaker,
            speaker_description=q.speaker_description,
            status=q.status,
            status_reason=q.status_reason,
            anchors=self._anchors(path, q.anchors),
        )

    def _claim(self, i: int, c: Any, entity_ids: set[str]) -> Claim:
        path = f"claims[{i}]"
        self._speaker(f"{path}.speaker", c.speaker, entity_ids)
        anchors = self._anchors(path, c.anchors)
        numbers = []
        for j, n in enumerate(c.numbers):
            npath = f"{path}.numbers[{j}]"
            if n.value is None and (n.low is None or n.high is None):
                self.problem(npath, "give value, or low and high")
            elif n.low is not None and n.high is not None and n.low > n.high:
                self.problem(npath, "low is greater than high")
            spans = tuple(
                Span(source=a.source, start=a.start + k, end=a.start + k + len(n.text), text=n.text)
                for a in anchors
                if (k := a.text.find(n.text)) >= 0
            )
            if anchors and not spans:
                self.problem(f"{npath}.text", f"{n.text!r} not found in the claim's anchors")
            numbers.append(
                Number(
                    text=n.text,
                    value=n.value,
                    low=n.low,
                    high=n.high,
                    unit=n.unit,
                    qualifier=n.qualifier,
                    spans=spans,
                )
            )
        return Claim(
            id=c.id,
            text=c.text,
            speaker=c.speaker,
            speaker_description=c.speaker_description,
            key=c.key,
            numbers=tuple(numbers),
            anchors=anchors,
        )

    def _conflict(self, i: int, c: Any, claim_ids: set[str]) -> Conflict:
        path = f"conflicts[{i}]"
        for j, cid in enumerate(c.claims):
            if cid not in claim_ids:
                self.problem(f"{path}.claims[{j}]", f"unknown claim {cid!r}")
        if c.preferred is not None and c.preferred not in c.claims:
            self.problem(f"{path}.preferred", f"{c.preferred!r} is not one of the conflict's claims")
        return Conflict(
            id=c.id, topic=c.topic, claims=tuple(c.claims), preferred=c.preferred, reason=c.reason
        )

    def _task(self, i: int, t: Any) -> Task:
        path = f"tasks[{i}]"
        known = {s.id for s in self.spec.sources}
        for j, sid in enumerate(t.sources):
            if sid not in known:
                self.problem(f"{path}.sources[{j}]", f"unknown source {sid!r}")
        reference = None
        if t.reference is not None:
            try:
                reference = read_text(self.folder / t.reference, f"{GOLDSET_FILE}: {path}.reference")
            except HarnessError as exc:
                self.problems.append(exc)
        return Task(
            id=t.id,
            kind=t.kind,
            sources=tuple(t.sources),
            max_words=t.max_words,
            instructions=t.instructions,
            reference=reference,
        )


def _find(text: str, needle: str, occurrence: int | None) -> int | str:
    """Offset of the chosen occurrence of needle, or a message (with a {where}) saying why not."""
    positions = []
    pos = text.find(needle)
    while pos >= 0:
        positions.append(pos)
        pos = text.find(needle, pos + 1)
    if not positions:
        return "text not found {where}"
    if occurrence is None:
        if len(positions) > 1:
            last = len(positions) - 1
            return f"text is ambiguous: it occurs {len(positions)} times {{where}}; add occurrence: 0-{last}"
        return positions[0]
    if occurrence >= len(positions):
        return f"occurrence {occurrence} out of range: text occurs {len(positions)} time(s) {{where}}"
    return positions[occurrence]
