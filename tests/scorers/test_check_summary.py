"""check() on realistic briefs against the bundled gold set: one table row per problem kind."""

from __future__ import annotations

import pytest

from harness.findings import KINDS
from harness.goldset.model import GoldSet
from harness.scorers import SCORER, check

# (brief, task, kind, flagged words)
FLAGGED = [
    (
        'Tang Jie said "the gap is definitely widening fast and we cannot stop it."',
        "brief",
        "invented_quote",
        "the gap is definitely widening fast and we cannot stop it.",
    ),
    (
        'Tang Jie warned that "the real answer is that the gap may well be widening."',
        "brief",
        "altered_quote",
        "the real answer is that the gap may well be widening.",
    ),
    (
        "The so-called “AI tiger” startups MiniMax and Zhipu AI listed in Hong Kong.",
        "brief",
        "unverified_quote",
        "AI tiger",
    ),
    (
        'Justin Lin said the summit was "a rare moment of public candor."',
        "brief",
        "quoted_narration",
        "a rare moment of public candor.",
    ),
    (
        'Yao Shunyu said: "Meaningless internal competition serves no purpose."',
        "brief",
        "misattributed_quote",
        "Meaningless internal competition serves no purpose.",
    ),
    (
        "Tang Jie estimated that US computing resources are one to two orders of magnitude "
        "larger than China's.",
        "brief",
        "misattributed_claim",
        "US computing resources are one to two orders of magnitude larger than China's",
    ),
    (
        '"Meaningless internal competition serves no purpose." That was the mood in Beijing.',
        "brief",
        "unattributed_quote",
        "Meaningless internal competition serves no purpose.",
    ),
    (
        "Wang Lei, Baidu's chief technology officer, said: "
        '"Chips are all that stand between us and the frontier."',
        "brief",
        "unknown_speaker",
        "Wang Lei",
    ),
    ("Rivals such as Baidu were not on the panel.", "brief", "unknown_entity", "Baidu"),
    ("Tang Jie of Alibaba said the gap may be widening.", "brief", "wrong_affiliation", "Alibaba"),
    ("Justin Lin, founder of Alibaba's Qwen team, spoke first.", "brief", "wrong_affiliation", "founder"),
    (
        "Lin put the chance of a Chinese firm overtaking US leaders within three to five years "
        "at less than 30%.",
        "brief",
        "number_mismatch",
        "less than 30%",
    ),
    (
        "Lin said US compute is three to four orders of magnitude larger than China's.",
        "brief",
        "number_mismatch",
        "three to four orders of magnitude",
    ),
    ("Zhipu AI raised HK$5.35 billion in its IPO.", "brief", "number_mismatch", "HK$5.35 billion"),
    ("The AGI-Next summit drew 3,000 attendees.", "brief", "unsupported_number", "3,000"),
    # ORG ROLE NAME: an unknown organisation before a title and an unknown person.
    (
        "Baidu CTO Wang Haifeng argued that China's application ecosystem will let it catch up.",
        "brief",
        "unknown_entity",
        "Baidu",
    ),
    (
        "Rivals were upbeat: Baidu chief technology officer Wang Haifeng argued that China will catch up.",
        "brief",
        "unknown_entity",
        "Baidu",
    ),
    # A short quote sharing only a function word or two and one content word with a
    # long gold quote is invented, not altered.
    (
        'Zhipu AI\'s chief executive, Zhang Peng, said the IPO would fund "a new wave of research."',
        "brief",
        "invented_quote",
        "a new wave of research.",
    ),
    # A claim with a named speaker in the sources (Tang Jie), credited to Lin.
    (
        "Lin also noted that Chinese developers have overwhelmingly embraced open-source strategies "
        "while US models remain closed.",
        "brief",
        "misattributed_claim",
        "Chinese developers have overwhelmingly embraced open-source strategies",
    ),
    # Short reported content right after the verb is read (not taken for a trailing "..., X said").
    (
        "Tang Jie said US computing resources are one to two orders of magnitude larger.",
        "brief",
        "misattributed_claim",
        "US computing resources are one to two orders of magnitude larger",
    ),
    # he/she: the subject of the sentence before, not the nearest name.
    (
        'Lin Junyang disagreed with Tang Jie. "The real answer is that the gap may actually be '
        'widening," he said.',
        "brief",
        "misattributed_quote",
        "The real answer is that the gap may actually be widening,",
    ),
]


@pytest.mark.parametrize(("brief", "task", "kind", "words"), FLAGGED)
def test_flags(goldset: GoldSet, brief: str, task: str, kind: str, words: str) -> None:
    result = check(brief, goldset, task)
    hits = [f for f in result.findings if f.kind == kind]
    assert [f.text for f in hits] == [words], result.findings
    f = hits[0]
    assert brief[f.start : f.end] == words


CLEAN = [
    "Alibaba's Qwen lead Lin Junyang put the chance of any Chinese company "
    "leapfrogging US leaders in the next "
    'three to five years at less than 20%, calling even that "highly optimistic."',
    '"We just released some open-source models, and some might feel excited, thinking Chinese models have '
    'surpassed the US," Tang Jie said. "But the real answer is that the gap may actually be widening."',
    "- **Yao Shunyu (Tencent):** a “high likelihood” that a Chinese firm becomes the "
    "world's leading AI company "
    "within three to five years.\n- Zhipu AI and MiniMax collectively raised more than $1 billion.",
    "MiniMax shares more than doubled on their debut, while Zhipu climbed 36%. Tang "
    "Jie, founder of Zhipu AI, said "
    "'meaningless internal competition serves no purpose.'",
    "According to Lin Junyang, “a massive amount of OpenAI's compute is dedicated to "
    "next-generation research, "
    "whereas we are stretched thin [...] just meeting delivery demands consumes most of our resources.”",
]


# Exactly these findings (kind, words): an organisation no source mentions is an unknown
# entity, never a wrong affiliation; a role tied to it is still checked.
EXACT = [
    (
        "Yao Shunyu, a Princeton-trained former OpenAI researcher now at Tencent, urged a focus on "
        "long-term memory.",
        [("unknown_entity", "Princeton")],
    ),
    ("Tang Jie of Baidu warned that the gap may be widening.", [("unknown_entity", "Baidu")]),
    (
        "Tang Jie, chief executive of Baidu, warned that the gap may be widening.",
        [("wrong_affiliation", "chief executive"), ("unknown_entity", "Baidu")],
    ),
    ("Tang Jie of Alibaba warned that the gap may be widening.", [("wrong_affiliation", "Alibaba")]),
    (
        "Rivals were upbeat: Baidu's CTO Wang Haifeng argued that China will catch up.",
        [("unknown_entity", "Baidu"), ("unknown_speaker", "Wang Haifeng")],
    ),
    (
        "Tang Jie noted that while US models remain closed, Chinese developers have overwhelmingly "
        "embraced open-source strategies.",
        [],
    ),
]


@pytest.mark.parametrize(("brief", "expected"), EXACT)
def test_exact_findings(goldset: GoldSet, brief: str, expected: list[tuple[str, str]]) -> None:
    findings = check(brief, goldset, "brief").findings
    assert sorted((f.kind, f.text) for f in findings) == sorted(expected)


# Quotes cited from their speaker are attributed: no finding at all, not even unattributed_quote.
CITED = [
    "In the words of Alibaba's Justin Lin, \u201cA massive amount of OpenAI's compute is dedicated to "
    "next-generation research, whereas we are stretched thin \u2014 just meeting delivery demands "
    "consumes most of our resources.\u201d",
    'In Tang Jie\'s words, "the gap may actually be widening."',
    'As Tang Jie put it, "the gap may actually be widening."',
    '"The gap may actually be widening," as Tang Jie put it.',
    '"The gap may actually be widening," in the words of Tang Jie.',
    'Tang Jie put it this way: "the gap may actually be widening."',
    'To quote Tang Jie, "meaningless internal competition serves no purpose."',
]


@pytest.mark.parametrize("brief", CITED)
def test_cited_quotes_are_attributed(goldset: GoldSet, brief: str) -> None:
    assert check(brief, goldset, "brief").findings == []


@pytest.mark.parametrize("brief", CLEAN)
def test_clean_briefs_have_no_errors_or_warnings(goldset: GoldSet, brief: str) -> None:
    findings = check(brief, goldset, "brief").findings
    assert [f for f in findings if f.severity != "info"] == []


def test_quote_from_another_article_is_outside_the_task(goldset: GoldSet) -> None:
    brief = 'Tang Jie said "meaningless internal competition serves no purpose."'
    (f,) = [f for f in check(brief, goldset, "single-s004").findings if f.kind == "invented_quote"]
    assert f.outside_task_sources is True
    assert "s001" in f.message
    assert f.evidence and f.evidence[0].source == "s001"
    assert check(brief, goldset, "single-s001").findings == []


def test_a_value_moved_to_a_sibling_fact_is_a_mismatch(goldset: GoldSet) -> None:
    # s002: "1.2% global usage of open models in late 2024" / "30% ... last year".
    brief = "- 1.2% global usage of open models last year (2025 study by OpenRouter)\n"
    (f,) = check(brief, goldset, "single-s002").findings
    assert (f.kind, f.text, f.claim_id) == ("number_mismatch", "1.2%", "c-open-usage-2025")
    assert "belongs to another fact" in f.message and "late 2024" in f.message
    (e,) = f.evidence
    assert (e.source, e.text) == ("s002", "30%")
    # The same value with its own period is fine, and so are both facts in one sentence.
    assert (
        check(
            brief.replace("last year (2025 study by OpenRouter)", "in late 2024"), goldset, "single-s002"
        ).findings
        == []
    )
    both = "Open models went from 1.2% of global usage in late 2024 to 30% last year, OpenRouter found."
    assert check(both, goldset, "single-s002").findings == []


def test_evidence_points_into_sources(goldset: GoldSet) -> None:
    brief = 'Yao Shunyu said "the gap may actually be widening."'
    (f,) = [f for f in check(brief, goldset, "brief").findings if f.kind == "misattributed_quote"]
    assert (f.claimed_speaker, f.gold_speaker, f.quote_id) == (
        "yao-shunyu",
        "tang-jie",
        "q-tang-gap-widening",
    )
    for e in f.evidence:
        assert goldset.source_by_id[e.source].text[e.start : e.end] == e.text


def test_excluded_text_supports_nothing(goldset: GoldSet) -> None:
    # "$300 million" and Greg Brockman appear only in s000's related-article teasers.
    findings = check("OpenAI's Greg Brockman backed a PAC with $300 million.", goldset, "brief").findings
    assert {(f.kind, f.text) for f in findings} >= {
        ("unknown_entity", "Greg Brockman"),
        ("unsupported_number", "$300 million"),
    }


def test_stats(goldset: GoldSet) -> None:
    brief = (goldset_reference := goldset.task("brief").reference) or ""  # type: ignore[union-attr]
    assert goldset_reference
    stats = check(brief, goldset, "brief").stats
    assert stats["quotes"] == stats["quotes_verbatim"] == stats["attributions_correct"] == 3
    assert stats["numbers"] == stats["numbers_correct"] > 0
    assert stats["key_claims"] == 10 and stats["key_claims_covered"] >= 8
    assert all(stats[k] == 0 for k in KINDS)
    assert stats["words"] > 100


def test_deterministic(goldset: GoldSet) -> None:
    brief = 'Tang Jie of Alibaba said "China will win" and put the odds at 45%.'
    a = check(brief, goldset, "brief").model_dump_json()
    b = check(brief, goldset, "brief").model_dump_json()
    assert a == b and SCORER == "harness.scorers.v1"


def test_unknown_task(goldset: GoldSet) -> None:
    with pytest.raises(KeyError, match="known: brief"):
        check("text", goldset, "nope")


def test_library_entry_point(goldset: GoldSet) -> None:
    import harness

    assert harness.check("Nothing to see.", goldset).findings == []
