"""Splitting overlapping findings into segments, and evidence context."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from harness.findings import Evidence
from harness.goldset import GoldSet
from harness.report.common import evidence_view, segment, sentence_bounds


def covered(segments: list, spans: list[tuple[int, int]]) -> dict[int, set[int]]:
    out: dict[int, set[int]] = {}
    for seg in segments:
        for pos in range(seg.start, seg.end):
            out.setdefault(pos, set()).update(seg.findings)
    return out


def test_overlapping_spans_split_into_pieces_with_all_covering_findings() -> None:
    # "Alibaba's Tang Jie said" ; finding 0 = [0, 18), finding 1 = [10, 23), finding 2 = [10, 18)
    segs = segment(30, [(0, 18), (10, 23), (10, 18)])
    assert [(s.start, s.end, s.findings) for s in segs] == [
        (0, 10, (0,)),
        (10, 18, (0, 1, 2)),
        (18, 23, (1,)),
        (23, 30, ()),
    ]


def test_nested_and_identical_spans() -> None:
    segs = segment(10, [(2, 8), (4, 6), (2, 8)])
    assert [(s.start, s.end, s.findings) for s in segs] == [
        (0, 2, ()),
        (2, 4, (0, 2)),
        (4, 6, (0, 1, 2)),
        (6, 8, (0, 2)),
        (8, 10, ()),
    ]


def test_zero_width_and_out_of_range_spans() -> None:
    segs = segment(5, [(3, 3), (4, 99), (-5, 1)])
    assert [(s.start, s.end, s.findings) for s in segs] == [
        (0, 1, (2,)),
        (1, 3, ()),
        (3, 3, (0,)),  # a pin before the text at offset 3
        (3, 4, ()),
        (4, 5, (1,)),
    ]


def test_empty_text() -> None:
    assert [(s.start, s.end, s.findings) for s in segment(0, [(0, 0)])] == [(0, 0, (0,))]


@given(
    st.integers(min_value=1, max_value=60).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.lists(st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted).map(tuple), max_size=8),
        )
    )
)
def test_segments_tile_the_text_and_carry_exactly_the_covering_findings(case: tuple) -> None:
    n, spans = case
    segs = [s for s in segment(n, spans) if s.start < s.end]
    assert segs[0].start == 0 and segs[-1].end == n
    assert all(a.end == b.start for a, b in itertools.pairwise(segs))
    cov = covered(segs, spans)
    for pos in range(n):
        expected = {i for i, (s, e) in enumerate(spans) if s <= pos < e}
        assert cov.get(pos, set()) == expected, (pos, spans)


def test_sentence_bounds_pick_the_sentence_around_the_words() -> None:
    text = 'First one. Lin said it is "highly optimistic". Last one!'
    start = text.index("highly")
    left, right = sentence_bounds(text, start, start + len("highly optimistic"))
    assert text[left:right] == 'Lin said it is "highly optimistic".'


def test_evidence_view_marks_words_inside_their_source_sentence(mini_goldset: GoldSet) -> None:
    text = mini_goldset.source_by_id["alpha"].text
    start = text.index("less than 20%")
    view = evidence_view(
        Evidence(source="alpha", start=start, end=start + 13, text="less than 20%"), mini_goldset
    )
    assert view.located and view.marked == "less than 20%"
    assert view.before.startswith("Lin Junyang, technical lead")
    assert view.after.endswith("in the next 3 to 5 years.")
    assert view.reliability == "high" and view.title is not None and view.title.startswith("China's AI gap")


def test_evidence_with_stale_offsets_is_found_by_its_text(mini_goldset: GoldSet) -> None:
    view = evidence_view(Evidence(source="alpha", start=0, end=5, text="highly optimistic"), mini_goldset)
    assert view.located and view.marked == "highly optimistic" and "He called that estimate" in view.before


def test_evidence_from_an_unknown_source_shows_only_its_words(mini_goldset: GoldSet) -> None:
    view = evidence_view(Evidence(source="nope", start=0, end=3, text="abc"), mini_goldset)
    assert not view.located and view.marked == "abc" and view.before == view.after == ""
