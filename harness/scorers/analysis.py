"""One parse of the summary, shared by every scorer.

Quotes, names (known, unknown, pronouns), attributions, reported speech,
numbers, sentences and word tokens are found once per summary, against the
gold set's alias table, so each scorer only compares.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import partial
from itertools import chain
from operator import attrgetter

from harness.scorers.index import GoldIndex, keywords_of_chunks
from harness.text.attribution import Attribution, ReportedSpeech, find_attributions, find_reported_speech
from harness.text.layout import heading_lines
from harness.text.memo import WordMemo
from harness.text.mentions import (
    NameMention,
    TextWords,
    Word,
    find_mentions_and_names,
    name_words,
    proper_name_runs,
    starts_sentence,
)
from harness.text.normalize import words as normalised_words
from harness.text.numbers import NumberMention, parse_numbers
from harness.text.quotes import QuoteMention, extract_quotes
from harness.text.sentences import sentence_spans

# Capitalised words that are not names of anyone (titles, months, acronyms
# of the trade, Markdown labels).
COMMON_CAPITALISED = frozenset(
    [
        "i",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "ceo",
        "cto",
        "cfo",
        "coo",
        "vp",
        "svp",
        "president",
        "chairman",
        "chairwoman",
        "chair",
        "chief",
        "officer",
        "director",
        "head",
        "founder",
        "co",
        "cofounder",
        "senior",
        "vice",
        "minister",
        "premier",
        "secretary",
        "professor",
        "analyst",
        "analysts",
        "executive",
        "executives",
        "scientist",
        "scientists",
        "researcher",
        "researchers",
        "engineer",
        "engineers",
        "lead",
        "leader",
        "leaders",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "ai",
        "agi",
        "llm",
        "llms",
        "gpu",
        "gpus",
        "cpu",
        "ipo",
        "ipos",
        "r&d",
        "eu",
        "uk",
        "un",
        "ceo",
        "tl",
        "dr",
        "faq",
        "q",
        "a",
        "key",
        "summary",
        "takeaways",
        "takeaway",
        "brief",
        "briefing",
        "update",
        "note",
        "notes",
        "bottom",
        "line",
        "outlook",
        "background",
        "context",
        "analysis",
        "overview",
        "headline",
        "headlines",
        "highlights",
        "highlight",
        "why",
        "what",
        "how",
        "who",
        "when",
        "where",
        "sources",
        "source",
        "chinese",
        "american",
        "western",
        "eastern",
        "asian",
        "european",
        "english",
    ]
)
# Titles that stand between an organisation and a person ("Baidu CTO Wang Haifeng").
ROLE_TITLES = frozenset(
    [
        "ceo",
        "cto",
        "cfo",
        "coo",
        "vp",
        "svp",
        "president",
        "chairman",
        "chairwoman",
        "chairperson",
        "chair",
        "chief",
        "officer",
        "director",
        "head",
        "founder",
        "cofounder",
        "co-founder",
        "minister",
        "premier",
        "secretary",
        "professor",
        "analyst",
        "executive",
        "scientist",
        "researcher",
        "engineer",
        "lead",
        "leader",
        "spokesman",
        "spokeswoman",
        "spokesperson",
    ]
)


_start = attrgetter("start")


def _speaker_like(idx: GoldIndex, m: NameMention) -> bool:
    return m.kind in ("unknown", "pronoun") or m.key in idx.persons  # (`is_person_key`, uncalled)


@dataclass
class SummaryAnalysis:
    text: str
    quotes: list[QuoteMention]
    mentions: list[NameMention]  # known, unknown names and pronouns, in order
    org_mentions: list[NameMention]  # organisation names, even inside descriptions
    unknown_names: list[NameMention]
    attributions: list[Attribution]
    reported: list[ReportedSpeech]
    numbers: list[NumberMention]
    sentences: list[tuple[int, int]]
    heading_lines: list[tuple[int, int]]
    word_count: int  # as `harness.text.word_count` counts them
    sentence_keywords: list[set[str]]  # `keywords` of each sentence

    def in_quote(self, start: int, end: int) -> QuoteMention | None:
        for q in self.quotes:
            if q.start <= start and end <= q.end:
                return q
        return None

    def in_heading(self, pos: int) -> bool:
        # Most summaries have no headings: no generator is made for them.
        return bool(self.heading_lines) and any(a <= pos < b for a, b in self.heading_lines)

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The sentence holding `pos` ((pos, pos) if none), found by bisection: the
        sentences are in order and do not overlap."""
        i = bisect_right(self.sentences, (pos, len(self.text) + 1)) - 1  # the last to start at or before pos
        if i >= 0 and pos < self.sentences[i][1]:
            return self.sentences[i]
        return pos, pos


def analyse(text: str, idx: GoldIndex, headings: list[tuple[int, int]] | None = None) -> SummaryAnalysis:
    """Parse `text` once; `headings` are its heading lines when the caller found them
    (before blanking Markdown emphasis, see `harness.text.layout.read`)."""
    quotes = extract_quotes(text)
    words = TextWords.of(text)
    known, org_names = find_mentions_and_names(text, idx.aliases, idx.org_names, words)
    headings = heading_lines(text) if headings is None else headings
    runs = proper_name_runs(text, words)
    known = _drop_surname_clashes(idx, words, runs, known)
    unknown = unknown_names(text, idx, words, runs, known, headings)
    # Both lists are in order already: most summaries name no one unknown, and need no sort.
    mentions = sorted(known + unknown, key=_start) if unknown else known
    is_person = partial(_speaker_like, idx)  # asked of many mentions: no lambda in between
    is_org = lambda m: m.key in idx.organisations  # noqa: E731

    def gender_of(m: NameMention) -> str | None:
        e = idx.entity(m.key)
        return e.gender if e else None

    sentences = sentence_spans(text, quotes)
    # Sentences are separated by white space only, so their chunks (words with their
    # punctuation, read once per chunk rather than per text) are all the text's chunks.
    sentence_chunks = [text[a:b].split() for a, b in sentences]
    chunk_word_counts = map(_CHUNK_WORD_COUNT.__getitem__, chain.from_iterable(sentence_chunks))
    word_count = sum(chunk_word_counts) - text.count("%")  # '%' is a word of its own
    speech = (text, quotes, mentions, is_person, gender_of, is_org)
    attributions = find_attributions(*speech, sentences=sentences, words=words)
    reported = find_reported_speech(*speech, sentences=sentences, words=words)
    org_mentions = [m for m in org_names if m.kind == "name"]
    if unknown:
        org_mentions = sorted(org_mentions + unknown, key=_start)
    return SummaryAnalysis(
        text=text,
        quotes=quotes,
        mentions=mentions,
        org_mentions=org_mentions,
        unknown_names=unknown,
        attributions=attributions,
        reported=reported,
        numbers=parse_numbers(text),
        sentences=sentences,
        heading_lines=headings,
        word_count=word_count,
        sentence_keywords=list(map(keywords_of_chunks, sentence_chunks)),
    )


# How many words a chunk of text without white space holds (a word with its punctuation).
_CHUNK_WORD_COUNT = WordMemo(lambda chunk: len(normalised_words(chunk)))


def _drop_surname_clashes(
    idx: GoldIndex, words: TextWords, runs: list[tuple[int, int]], known: list[NameMention]
) -> list[NameMention]:
    """'Liu Yang' is not Yang Zhilin: a one-word alias next to a capitalised
    word no source uses belongs to another name. `runs` are the capitalised runs
    (first and last word)."""
    starts, ends = words.starts, words.ends
    out = []
    for m in known:
        if m.kind == "name" and " " not in m.text and idx.is_person_key(m.key):
            run = next(((i, j) for i, j in runs if starts[i] <= m.start and m.end <= ends[j]), None)
            if run is not None and run[1] > run[0]:
                first, last = run
                others = [w for w in words.texts[first : last + 1] if w not in m.text.split()]
                known_word = _known_words(idx)
                if not all(known_word[w] for w in others) and not any(
                    k is not m and k.kind == "name" and starts[first] <= k.start < ends[last] for k in known
                ):
                    continue
        out.append(m)
    return out


def unknown_names(
    text: str,
    idx: GoldIndex,
    words: TextWords,
    runs: list[tuple[int, int]],
    known: list[NameMention],
    headings: list[tuple[int, int]],
) -> list[NameMention]:
    """Capitalised runs (minus known names) with a word no source uses."""
    out = []
    texts = words.texts
    covered = _covered_words(words, known)
    known_word = _known_words(idx)
    for first, last in runs:
        # Most runs are known names, and most others are common words, such as a sentence's
        # first "The". (A last word with an apostrophe may read differently in a piece: see
        # `_uncovered_pieces`.) Most runs are one word, looked at without a loop.
        if first == last:
            if covered[first] or ("'" not in texts[first] and known_word[texts[first]]):
                continue
        elif all(covered[first : last + 1]) or (
            "'" not in texts[last] and all(covered[k] or known_word[texts[k]] for k in range(first, last + 1))
        ):
            continue
        run_start = words.starts[first]
        if any(a <= run_start < b for a, b in headings):
            continue
        for piece in _uncovered_pieces(text, words, first, last, covered):
            # "Baidu CTO Wang Haifeng": a title inside a run separates an organisation from a person.
            for group in _split_at_titles(piece):
                found = _unknown_run(text, idx, run_start, group)
                if found is not None:
                    out.append(found)
    return out


def _covered_words(words: TextWords, known: list[NameMention]) -> list[bool]:
    """Which words lie inside a known name or description (mentions start and end at words)."""
    starts = words.starts
    n = len(starts)
    covered = [False] * n
    for m in known:
        if m.kind != "pronoun":
            # Marked one by one: a mention is a word or two, fewer steps than finding its end.
            k = bisect_left(starts, m.start)
            while k < n and starts[k] < m.end:
                covered[k] = True
                k += 1
    return covered


def _uncovered_pieces(
    text: str, words: TextWords, first: int, last: int, covered: list[bool]
) -> list[list[Word]]:
    """The words `first`..`last` outside known names, split where a known name was."""
    pieces: list[list[Word]] = [[]]
    for k in range(first, last + 1):
        if not covered[k]:
            word = words.word(k)
            if word.possessive and "'" in word.text:  # "Tencent's’s"
                word = _without_second_possessive(text, word)
            pieces[-1].append(word)
        elif pieces[-1]:
            pieces.append([])
    return [p for p in pieces if p]


def _without_second_possessive(text: str, word: Word) -> Word:
    """A possessive word read again on its own: "Tencent's’s" is the word "Tencent's"
    of the text, and that, read alone, is the possessive "Tencent"."""
    again = name_words(text[word.start : word.end])[0]
    return Word(again.text, word.start, word.start + again.end, True)


def _split_at_titles(ws: list[Word]) -> list[list[Word]]:
    """The words of a run, split at role titles between other words ("ORG CTO NAME")."""
    groups: list[list[Word]] = [[]]
    for w in ws:
        if w.text.casefold() in ROLE_TITLES and not w.possessive:
            if groups[-1]:
                groups.append([])
        else:
            groups[-1].append(w)
    return [g for g in groups if g]


def _unknown_run(text: str, idx: GoldIndex, run_start: int, ws: list[Word]) -> NameMention | None:
    """The unknown name in words `ws` of a capitalised run starting at `run_start`, if any."""
    known_word = _known_words(idx)
    if all(known_word[w.text] for w in ws):
        return None
    # Trim titles and ordinary words ("Analyst", "Former"), never name words.
    lo, hi = 0, len(ws)
    while lo < hi and _ordinary_word(ws[lo].text, idx):
        lo += 1
    while hi > lo and _ordinary_word(ws[hi - 1].text, idx):
        hi -= 1
    if lo >= hi:
        return None
    start, end = ws[lo].start, ws[hi - 1].end
    run = ws[lo:hi]
    plain = run[0].text[:1].isupper() and run[0].text[1:].islower()
    if (
        len(run) == 1
        and plain
        and not run[0].possessive
        and start == run_start
        and starts_sentence(text, start)
        and not _followed_by_speech(text, end)
        and not _followed_by_title(text, end)
    ):
        return None  # a capitalised first word proves nothing
    if all(w.text.isdigit() for w in run):
        return None
    return NameMention(start, end, text[start:end], None, "unknown", run[-1].possessive)


def _ordinary_word(word: str, idx: GoldIndex) -> bool:
    w = word.casefold()
    return w in COMMON_CAPITALISED or w in idx.ordinary_words or len(w) <= 1


def _known_words(idx: GoldIndex) -> WordMemo[bool]:
    """Word -> `_known_word(word, idx)`, worked out once per word (per gold set, see
    `GoldIndex.derived`): the capitalised words of every summary are looked up."""
    return idx.derived("analysis.known_words", lambda idx: WordMemo(lambda word: _known_word(word, idx)))


def _known_word(word: str, idx: GoldIndex) -> bool:
    w = word.casefold()
    if w in idx.vocabulary or w in COMMON_CAPITALISED or len(w) <= 1:
        return True
    # "America" for "American", "Chinas" never: a demonym or plural of a known word.
    return len(w) >= 5 and any(w + suffix in idx.vocabulary for suffix in ("n", "ns", "s", "es"))


_SPEECH_NEXT_RE = re.compile(
    r"\s*(?:,[^,]{0,60},\s*)?(?:said|says|warned|argued|noted|added|stated|told|estimated|believes|predicted|claimed)\b"
)


def _followed_by_speech(text: str, end: int) -> bool:
    return bool(_SPEECH_NEXT_RE.match(text, end))


_TITLE_MODIFIERS = frozenset(
    ["senior", "vice", "deputy", "executive", "technology", "technical", "operating", "financial", "ai", "co"]
)
_TITLE_THEN_NAME_RE = re.compile(r"((?:[ \u00a0]+[A-Za-z-]+){1,4}?)[ \u00a0]+[A-Z]")


def _followed_by_title(text: str, end: int) -> bool:
    """A role title and a capitalised name follow ("Baidu CTO Wang", "Baidu chief
    technology officer Wang"): the word before is an organisation, not a sentence opener."""
    m = _TITLE_THEN_NAME_RE.match(text, end)
    if m is None:
        return False
    ws = m.group(1).casefold().split()
    return any(w in ROLE_TITLES for w in ws) and all(w in ROLE_TITLES or w in _TITLE_MODIFIERS for w in ws)
