"""Fixtures for `harness run` tests: a tiny gold set with three tasks, a fake scorer.

The fake scorer stands in for `harness.scorers.check` where a test is about
the run machinery, not about scoring; it has the same signature and checks
quotes against the task's sources verbatim.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from harness.findings import SummaryResult, make_finding
from harness.goldset.model import GoldSet

sys.path.insert(0, str(Path(__file__).parent))  # fake_openai, for tests in subfolders

ALPHA = """Chinese labs see a widening gap
Lin Junyang of Alibaba said the chance of overtaking US labs is "less than 20%" in five years.
He said US compute is one to two orders of magnitude larger. Alibaba will keep releasing open models.
Related: Ten gadgets you must buy this year. Celebrity chef opens a noodle bar.
"""

BETA = """Open source narrows the gap
Tang Jie of Zhipu AI said Chinese developers embraced open-source strategies.
"The gap may actually be widening," Tang said at the Beijing summit. Zhipu raised 4 billion yuan.
"""

GOLDSET_YAML = """schema_version: 1
id: run-mini
title: A tiny gold set for run tests
sources:
  - id: alpha
    file: sources/alpha.txt
    title: Chinese labs see a widening gap
    outlet: Example News
    reliability: {level: high, reason: named outlet}
    excluded:
      - {start: "Related:", end: "<EOF>", reason: related-article teasers}
  - id: beta
    file: sources/beta.txt
    title: Open source narrows the gap
    reliability: {level: medium, reason: aggregator}
entities:
  - id: lin-junyang
    name: Lin Junyang
    kind: person
    anchors: [{source: alpha, text: Lin Junyang}]
  - id: tang-jie
    name: Tang Jie
    kind: person
    anchors: [{source: beta, text: Tang Jie}]
quotes:
  - id: q-widening
    text: The gap may actually be widening
    speaker: tang-jie
    status: verified
    anchors: [{source: beta, text: "The gap may actually be widening"}]
claims:
  - id: c-chance
    text: Lin puts the chance of overtaking the US at less than 20%.
    speaker: lin-junyang
    key: true
    numbers: [{text: less than 20%, value: 20, unit: percent, qualifier: less_than}]
    anchors: [{source: alpha, text: "less than 20%"}]
  - id: c-open
    text: Chinese developers embraced open source.
    speaker: tang-jie
    key: true
    anchors: [{source: beta, text: embraced open-source strategies}]
tasks:
  - id: brief
    kind: multi_document_brief
    sources: [alpha, beta]
    max_words: 60
    reference: references/brief.md
  - id: single-alpha
    kind: single_article_summary
    sources: [alpha]
    max_words: 40
    reference: references/single-alpha.md
  - id: single-beta
    kind: single_article_summary
    sources: [beta]
    max_words: 40
"""

REFERENCES = {
    "brief.md": 'Lin Junyang of Alibaba put the chance of overtaking US labs at "less than 20%". '
    'Tang Jie of Zhipu AI said "The gap may actually be widening".\n',
    "single-alpha.md": "Lin Junyang said US compute is one to two orders of magnitude larger.\n",
}


def write_mini_goldset(folder: Path) -> Path:
    (folder / "sources").mkdir(parents=True)
    (folder / "references").mkdir()
    (folder / "sources" / "alpha.txt").write_text(ALPHA, encoding="utf-8")
    (folder / "sources" / "beta.txt").write_text(BETA, encoding="utf-8")
    for name, text in REFERENCES.items():
        (folder / "references" / name).write_text(text, encoding="utf-8")
    (folder / "goldset.yaml").write_text(GOLDSET_YAML, encoding="utf-8")
    return folder


@pytest.fixture
def mini_dir(tmp_path: Path) -> Path:
    return write_mini_goldset(tmp_path / "goldset")


@pytest.fixture
def mini(mini_dir: Path) -> GoldSet:
    from harness.goldset.load import load_goldset

    return load_goldset(mini_dir)


_QUOTE = re.compile(r'"([^"]+)"|“([^”]+)”')


def fake_check(text: str, goldset: GoldSet, task: str | None = None, path: str = "-") -> SummaryResult:
    """Quotes not in the task's sources are invented; key claims covered when their anchor text appears."""
    t = goldset.task(task)
    ids = t.sources if t else tuple(goldset.source_by_id)
    corpus = "\n".join(goldset.source_by_id[s].text for s in ids)
    findings = []
    quotes = verbatim = 0
    for m in _QUOTE.finditer(text):
        quotes += 1
        if (m.group(1) or m.group(2)) in corpus:
            verbatim += 1
        else:
            findings.append(make_finding("invented_quote", m.start(), m.end(), text, "not in the sources"))
    key = [c for c in goldset.claims if c.key and any(a.source in ids for a in c.anchors)]
    covered = sum(any(a.text.lower() in text.lower() for a in c.anchors) for c in key)
    return SummaryResult(
        path=path,
        task=task,
        findings=findings,
        stats={
            "words": len(text.split()),
            "quotes": quotes,
            "quotes_verbatim": verbatim,
            "key_claims": len(key),
            "key_claims_covered": covered,
            "invented_quote": len(findings),
        },
    )


@pytest.fixture
def scorer():  # type: ignore[no-untyped-def]
    return fake_check
