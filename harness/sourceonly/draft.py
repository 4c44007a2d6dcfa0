"""Write a draft gold set (`goldset.yaml` + `sources/`) from raw articles.

The draft is the source-only extraction written the way a curator writes a
gold set: anchors are exact source text (with `occurrence` where the text
repeats), never offsets, and `draft: true` marks it as unreviewed. It is
validated with the ordinary loader before this module reports success, so
a draft always loads; reviewing it (speakers, exclusions, statuses,
conflicts, key claims) is a person's job (docs/goldsets.md).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from harness.errors import HarnessError, InputErrors
from harness.goldset.load import GOLDSET_FILE, validate_goldset
from harness.goldset.model import GoldSet, Span
from harness.goldset.spec import SPEC_VERSION, GoldSetSpec
from harness.sourceonly.boilerplate import Boilerplate
from harness.sourceonly.build import (
    NOT_CURATED,
    Extraction,
    default_task,
    extract,
    read_sources,
    source_paths,
)

HEADER = """\
# DRAFT gold set, machine-extracted by `harness goldset draft` from the files in sources/.
# Nothing here is reviewed. Before use, a person should (see docs/goldsets.md):
#   - check every quote's speaker against the article, and mark quotes nobody is
#     reported as saying (scare quotes, headings) `status: unverified` with a reason;
#   - merge entities the extractor split, fix kinds, aliases and affiliations;
#   - exclude page furniture the extractor missed, set each source's reliability;
#   - rewrite claims as plain facts, mark the key ones, record conflicts;
#   - then delete `draft: true` and run `harness goldset validate`.
"""


def anchor(text: str, span: Span) -> dict[str, Any]:
    """An anchor naming `span` by its exact text (and occurrence, when the text repeats)."""
    # str.find semantics, as the loader counts: overlapping matches count too.
    positions, pos = [], text.find(span.text)
    while pos >= 0:
        positions.append(pos)
        pos = text.find(span.text, pos + 1)
    out: dict[str, Any] = {"source": span.source, "text": span.text}
    if len(positions) > 1:
        out["occurrence"] = positions.index(span.start)
    return out


def _excluded(text: str, b: Boilerplate) -> dict[str, Any]:
    spec = anchor(text, Span(source="", start=b.start, end=b.start + len(b.marker), text=b.marker))
    out: dict[str, Any] = {"start": b.marker}
    if "occurrence" in spec:
        out["occurrence"] = spec["occurrence"]
    if b.to_eof:
        out["end"] = "<EOF>"
    out["reason"] = b.reason
    return out


def draft_spec(ex: Extraction, *, goldset_id: str, title: str | None = None) -> dict[str, Any]:
    """The draft as a plain dict in `goldset.yaml` form (valid against `GoldSetSpec`)."""
    text_of = {s.id: s.text for s in ex.sources}

    def anchors(spans: Sequence[Span]) -> list[dict[str, Any]]:
        return [anchor(text_of[s.source], s) for s in spans]

    sources = []
    for s in ex.sources:
        entry: dict[str, Any] = {"id": s.id, "file": f"sources/{s.path}"}
        if s.title:
            entry["title"] = s.title
        entry["reliability"] = {"level": "medium", "reason": f"{NOT_CURATED}: set after review"}
        if ex.boilerplate[s.id]:
            entry["excluded"] = [_excluded(s.text, b) for b in ex.boilerplate[s.id]]
        sources.append(entry)
    entities = []
    for e in ex.entities:
        ent: dict[str, Any] = {"id": e.id, "name": e.name, "kind": e.kind}
        if e.aliases:
            ent["aliases"] = e.aliases
        if e.descriptions:
            ent["descriptions"] = e.descriptions
        if e.gender:
            ent["gender"] = e.gender
        if e.affiliations:
            ent["affiliations"] = [
                {
                    "org": a.org,
                    **({"role": a.role} if a.role else {}),
                    "current": a.current,
                    "anchors": anchors(a.anchors),
                }
                for a in e.affiliations
            ]
        ent["anchors"] = anchors(e.anchors())
        entities.append(ent)
    quotes = []
    for q in ex.quotes:
        quote: dict[str, Any] = {"id": q.id, "text": q.text, "speaker": q.speaker}
        if q.speaker_description:
            quote["speaker_description"] = q.speaker_description
        quote["status"] = "verified"
        quote["anchors"] = anchors(q.anchors)
        quotes.append(quote)
    claims = []
    for c in ex.claims:
        claim: dict[str, Any] = {"id": c.id, "text": c.text}
        if c.speaker:
            claim["speaker"] = c.speaker
        if c.numbers:
            claim["numbers"] = [_number(n) for n in c.numbers]
        claim["anchors"] = anchors(
            [Span(source=c.source, start=c.start, end=c.end, text=text_of[c.source][c.start : c.end])]
        )
        claims.append(claim)
    task = default_task(ex.source_ids)
    spec = {
        "schema_version": SPEC_VERSION,
        "id": goldset_id,
        "title": title or f"DRAFT: {ex.sources[0].title or goldset_id}",
        "description": f"Machine-drafted from {len(ex.sources)} article(s); not yet reviewed.",
        "draft": True,
        "sources": sources,
        "entities": entities,
        "quotes": quotes,
        "claims": claims,
        "tasks": [
            {"id": task.id, "kind": task.kind, "sources": list(task.sources), "max_words": task.max_words}
        ],
    }
    GoldSetSpec.model_validate(spec)  # the draft must be a valid spec, whatever the articles hold
    return spec


def _number(n: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"text": n.text}
    if n.value is not None:
        out["value"] = _plain(n.value)
    else:
        out["low"], out["high"] = _plain(n.low), _plain(n.high)
    out["unit"] = n.unit
    if n.qualifier != "exact":
        out["qualifier"] = n.qualifier
    return out


def _plain(x: float) -> float | int:
    return int(x) if float(x).is_integer() else x


def _goldset_id(folder: Path) -> str:
    ident = re.sub(r"[^a-z0-9-]+", "-", folder.resolve().name.lower()).strip("-")
    return ident if ident and ident[0].isalnum() else "draft"


def write_draft(
    paths: Sequence[str | Path], out_dir: str | Path, *, goldset_id: str | None = None, force: bool = False
) -> GoldSet:
    """Extract from the articles, write `out_dir/goldset.yaml` and `out_dir/sources/`, validate.

    Refuses to overwrite an existing `goldset.yaml` unless `force`. Returns
    the loaded draft; raises `InputErrors` if it does not validate (a bug).
    """
    out = Path(out_dir)
    files = source_paths(paths)
    if (out / GOLDSET_FILE).exists() and not force:
        raise HarnessError(str(out / GOLDSET_FILE), "already exists (use --force to overwrite)")
    raws = read_sources(files)
    ex = extract(raws)
    ident = goldset_id or _goldset_id(out)
    spec = draft_spec(ex, goldset_id=ident)
    (out / "sources").mkdir(parents=True, exist_ok=True)
    for path, raw in zip(files, raws, strict=True):
        target = out / "sources" / raw.path
        if path.resolve() != target.resolve():
            shutil.copyfile(path, target)
    body = yaml.safe_dump(spec, allow_unicode=True, sort_keys=False, width=100)
    (out / GOLDSET_FILE).write_text(HEADER + body, encoding="utf-8")
    goldset, problems = validate_goldset(out)
    if problems:
        raise InputErrors(problems)
    assert goldset is not None
    return goldset
