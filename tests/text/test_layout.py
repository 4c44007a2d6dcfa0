"""Hard-wrapped summaries read like unwrapped ones; lists and headings keep their lines."""

from __future__ import annotations

import re
import textwrap
from collections import Counter

import pytest

from harness.calibration import load_briefs
from harness.goldset.model import GoldSet
from harness.scorers import check
from harness.text.layout import heading_lines, read, unwrap

CALIBRATION = "goldsets/china-ai-gap-2026/calibration"


def _hard_wrap(text: str, width: int) -> str:
    """Wrap each paragraph and bullet at `width` as an editor's tool would (same length when
    words are single-spaced: each wrap turns a space into a line break)."""
    out = []
    for line in text.split("\n"):
        indent = "  " if line.startswith(("- ", "* ", "• ")) else ""
        out.append(textwrap.fill(line, width, subsequent_indent=indent) if line.strip() else line)
    return "\n".join(out)


@pytest.mark.parametrize("width", [60, 72, 80])
@pytest.mark.parametrize("briefs", ["briefs.yaml", "heldout.yaml"])
def test_hard_wrapped_briefs_get_the_findings_of_the_unwrapped_ones(
    goldset: GoldSet, briefs: str, width: int
) -> None:
    _, labelled = load_briefs(f"{CALIBRATION}/{briefs}")
    compared = 0
    for b in labelled:
        wrapped = _hard_wrap(b.text, width)
        if len(wrapped) != len(b.text) or wrapped == b.text:
            continue  # bullets gain an indent: offsets would differ
        compared += 1
        want = [(f.kind, f.start, f.end) for f in check(b.text, goldset, b.task).findings]
        got = check(wrapped, goldset, b.task).findings
        assert [(f.kind, f.start, f.end) for f in got] == want, b.id
        assert all(f.text == wrapped[f.start : f.end] for f in got), b.id  # line breaks kept
    assert compared >= 0.7 * len(labelled)


def test_a_quote_cut_by_a_wrap_keeps_its_speaker(goldset: GoldSet) -> None:
    brief = (
        'Zhipu AI founder Tang Jie was blunter. "But the real answer is that the gap may\n'
        'actually be widening," Yao Shunyu said.\n'
    )
    (f,) = check(brief, goldset, "brief").findings
    assert (f.kind, f.claimed_speaker, f.gold_speaker) == ("misattributed_quote", "yao-shunyu", "tang-jie")
    assert "may\nactually" in f.text


def test_lines_of_a_list_without_bullets_stay_apart() -> None:
    text = (
        "Key statistics:\n"
        "1.2% global usage of open models in late 2024\n"
        "30% global usage of open models last year (2025 study by OpenRouter)\n"
        "Over 400 open Qwen models released by Alibaba\n"
    )
    assert unwrap(text) == text


def test_blocks_keep_their_breaks_and_offsets_hold() -> None:
    text = (
        "## China's AI leaders\n"
        "Justin Lin of Alibaba's Qwen team put the odds of a Chinese firm\n"
        "overtaking US leaders at less than 20%.\n"
        "- Tang Jie warned that the gap\n"
        "  may be widening.\n"
        "- Yao Shunyu was upbeat.\r\n"
        "\r\n"
        "> A block quote\n"
        "1. A numbered item\n"
    )
    out = unwrap(text)
    assert len(out) == len(text)
    assert out.split("\n") == [
        "## China's AI leaders",
        "Justin Lin of Alibaba's Qwen team put the odds of a Chinese firm overtaking US leaders "
        "at less than 20%.",
        "- Tang Jie warned that the gap   may be widening.",
        "- Yao Shunyu was upbeat.\r",
        "\r",
        "> A block quote",
        "1. A numbered item",
        "",
    ]


def test_a_wrap_before_a_capitalised_word_is_read_through() -> None:
    text = (
        "Alibaba's Qwen lead Lin Junyang estimates a less than 20% chance that\n"
        "a Chinese company overtakes OpenAI, Anthropic or Google DeepMind within\n"
        "three to five years, while Zhipu AI founder and chief AI scientist Tang\n"
        "Jie warned that the gap may actually be widening.\n"
    )
    assert unwrap(text).count("\n") == 1


def test_heading_lines() -> None:
    text = "# Brief\nChina's AI Leaders Temper Expectations\nLin said the odds are low.\n**Bottom line:**\n"
    assert [text[a:b] for a, b in heading_lines(text)] == [
        "# Brief",
        "China's AI Leaders Temper Expectations",
        "**Bottom line:**",
    ]


# How real summaries dress their text: none of it may change what the checker finds.
DRESSINGS = {
    "CRLF line ends": lambda t: t.replace("\n", "\r\n"),
    "byte-order mark": lambda t: "\ufeff" + t,
    "no-break spaces": lambda t: t.replace(" ", "\u00a0"),
    "two spaces after full stops": lambda t: re.sub(r"\. ", ".  ", t),
    "bold names": lambda t: re.sub(r"\b(Tang Jie|Justin Lin|Lin Junyang|Yao Shunyu)\b", r"**\1**", t),
    "bold organisations": lambda t: re.sub(r"\b(Alibaba|Zhipu AI|Tencent|OpenAI)\b", r"**\1**", t),
    "italic quotations": lambda t: re.sub(r'("[^"\n]+")', r"*\1*", t),
    "underscore italics": lambda t: re.sub(r'("[^"\n]+")', r"_\1_", t),
    "citation marks": lambda t: re.sub(r"\.(\s|$)", r".[1]\1", t, count=2),
    "a link": lambda t: re.sub(
        r"\b(Zhipu AI|Tencent|Alibaba)\b", r"[\1](https://example.com/a?id=4)", t, count=1
    ),
    "a block quote": lambda t: "\n".join("> " + line if line.strip() else ">" for line in t.split("\n")),
}


@pytest.mark.parametrize("dressing", DRESSINGS)
def test_markup_and_odd_spaces_change_no_verdict(goldset: GoldSet, dressing: str) -> None:
    dress = DRESSINGS[dressing]
    briefs = load_briefs(f"{CALIBRATION}/briefs.yaml")[1] + load_briefs(f"{CALIBRATION}/heldout.yaml")[1]
    changed = []
    for b in briefs:
        dressed = dress(b.text)
        plain = Counter(f.kind for f in check(b.text, goldset, b.task).findings)
        if Counter(f.kind for f in check(dressed, goldset, b.task).findings) != plain:
            changed.append(b.id)
    assert changed == []


def test_reading_keeps_offsets_and_blanks_markup() -> None:
    text = (
        '\ufeff**Yao Shunyu**, Alibaba\'s chief, said *"the gap"* is real[1]. See '
        "[Zhipu AI](https://example.com/z)'s filing at https://example.com/x?y=1.\n"
        "> Quoted\u00a0line"
    )
    reading = read(text)
    assert len(reading.text) == len(text)
    assert reading.text == (
        '   Yao Shunyu,   Alibaba\'s chief, said  "the gap"  is real   . See '
        " Zhipu AI's                         filing at " + " " * len("https://example.com/x?y=1") + ".\n"
        "  Quoted line"
    )
    # Words keep their offsets.
    for word in ("Yao Shunyu", "Alibaba's", "gap", "Zhipu AI", "filing", "Quoted"):
        assert reading.text.index(word) == text.index(word)
