"""The index's shortcuts give what the plain computation gives."""

from __future__ import annotations

import random

from harness.goldset.model import GoldSet
from harness.scorers.analysis import analyse
from harness.scorers.index import index_for, keywords, unit_family
from harness.scorers.quotes import _lcs
from harness.text import word_count


def _plain_lcs(a: list[str], b: list[str]) -> int:
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def test_bit_parallel_lcs_matches_the_table() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        vocab = "abcdef"[: rng.randint(1, 6)]
        a = [rng.choice(vocab) for _ in range(rng.randint(0, 20))]
        b = [rng.choice(vocab) for _ in range(rng.randint(0, 90))]  # longer than a machine word
        assert _lcs(a, b) == _plain_lcs(a, b)


def test_claim_scores_filters_like_the_full_ranking(goldset: GoldSet) -> None:
    idx = index_for(goldset)
    for claim in goldset.claims:
        kw = keywords(claim.text + " growth China chips")
        full = idx.claim_scores(kw)
        assert idx.claim_scores(kw, min_score=0.3) == [(s, c) for s, c in full if s >= 0.3]
        for family in ("percent", "currency", "count", "calendar_year"):
            expected = [
                (s, c) for s, c in full if s >= 0.3 and any(unit_family(u) == family for u in c.units)
            ]
            assert idx.claim_scores(kw, min_score=0.3, unit_family=family) == expected


def test_summary_words_and_sentence_keywords(goldset: GoldSet) -> None:
    idx = index_for(goldset)
    text = 'Tang Jie said "the gap is widening."  Sales rose 20%;  costs fell.\n\n- Baidu\'s lead: more.'
    an = analyse(text, idx)
    assert an.word_count == word_count(text)
    assert an.sentence_keywords == [keywords(text[a:b]) for a, b in an.sentences]


def test_source_ids_are_not_claim_keywords(goldset: GoldSet) -> None:
    # Claim texts may cite a source ("s000's subtitle: ..."); the id says nothing about content.
    idx = index_for(goldset)
    ids = {k for s in goldset.sources for k in keywords(s.id)}
    assert any(s.id in c.text for c in goldset.claims for s in goldset.sources)
    assert all(not (entry.keywords & ids) for entry in idx.claims)
    assert not ids & idx.idf.keys()
