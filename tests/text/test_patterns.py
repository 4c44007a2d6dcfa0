"""`word_trie` must match exactly what a longest-first alternation of the same words matches."""

import re

from hypothesis import given
from hypothesis import strategies as st

from harness.text.attribution import SPEECH_VERBS
from harness.text.numbers import QUALIFIER_WORDS, WORD_VALUES
from harness.text.patterns import word_trie

TEXT = (
    "Lin Junyang said that less than 20% of the budget, up to three to five years, was "
    "at least doubled; Tang Jie, who says he saw no more than  seventy-five models, "
    "noted it. Saying so, the sayer stated as much as he states. Said: 'no less than'."
)


def _alternation(words):
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _spans(pattern, text):
    return [m.span() for m in re.finditer(rf"\b(?:{pattern})\b", text, re.IGNORECASE)]


def test_the_trie_finds_what_the_alternation_finds_in_news_text():
    for words in (SPEECH_VERBS, list(QUALIFIER_WORDS), list(WORD_VALUES)):
        assert _spans(word_trie(words), TEXT) == _spans(_alternation(words), TEXT)
    assert _spans(word_trie(SPEECH_VERBS), TEXT)  # the text does hold speech verbs


def test_each_word_matches_whole_and_nothing_else_does():
    pattern = re.compile(word_trie(["say", "said", "saying", "says", "no more than"]))
    for w in ("say", "said", "saying", "says", "no more than", "no  more\nthan"):
        assert pattern.fullmatch(w), w
    for w in ("sa", "sayings", "no more", "s", ""):
        assert not pattern.fullmatch(w), w


def test_an_empty_list_matches_nothing():
    assert re.search(word_trie([]), "anything") is None


@given(
    st.lists(st.text("abc ", min_size=1, max_size=5), min_size=1, max_size=8),
    st.text("abc ,", max_size=40),
)
def test_random_word_lists(words, text):
    words = [w for w in words if w.strip() == w and "  " not in w] or ["a"]
    assert _spans(word_trie(words, space=" "), text) == [
        m.span()
        for m in re.finditer(
            rf"\b(?:{'|'.join(sorted(map(re.escape, words), key=len, reverse=True))})\b", text, re.IGNORECASE
        )
    ]
