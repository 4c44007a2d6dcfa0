"""Who a text says said what.

`find_attributions` gives each quotation its speaker as written (a name, a
description, a pronoun) and, for pronouns, the earlier mention it refers to.
It covers `X said "..."`, `"...," X said`, `"...," said X`, `X: "..."`,
`according to X`, `X warned that "..."`, titles and appositives between
the name and the verb ("Tang Jie, founder of Zhipu AI, said"), citations
(`In the words of X, "..."`, `"...," as X put it`, `"...," in X's words`),
and a quote that continues the previous sentence's quote. He/she resolve to
the speaker or subject of their sentence or the one before, not to the
nearest name (often an object).

`find_reported_speech` finds indirect speech without quote marks ("X
estimated that ...", "according to X, ...", "..., X said") and the span of
the reported content, so it can be compared with known claims.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count

from harness.text.memo import WordMemo
from harness.text.mentions import NameMention, TextWords
from harness.text.patterns import word_trie
from harness.text.quotes import QuoteMention
from harness.text.records import quick_init
from harness.text.sentences import sentence_spans

SPEECH_VERBS = [
    "said",
    "says",
    "say",
    "saying",
    "stated",
    "states",
    "told",
    "tells",
    "added",
    "adds",
    "noted",
    "notes",
    "warned",
    "warns",
    "warning",
    "argued",
    "argues",
    "explained",
    "explains",
    "asserted",
    "asserts",
    "estimated",
    "estimates",
    "estimating",
    "predicted",
    "predicts",
    "believes",
    "believed",
    "observed",
    "observes",
    "admitted",
    "admits",
    "conceded",
    "concedes",
    "cautioned",
    "cautions",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "called",
    "calls",
    "calling",
    "described",
    "describes",
    "wrote",
    "writes",
    "remarked",
    "remarks",
    "urged",
    "urges",
    "highlighted",
    "highlights",
    "suggested",
    "suggests",
    "framed",
    "frames",
    "acknowledged",
    "acknowledges",
    "concluded",
    "concludes",
    "declared",
    "declares",
    "emphasised",
    "emphasized",
    "emphasises",
    "emphasizes",
    "stressed",
    "stresses",
    "lamented",
    "laments",
    "contended",
    "contends",
    "maintained",
    "maintains",
    "reckoned",
    "reckons",
    "expects",
    "expected",
    "forecast",
    "forecasts",
    "projected",
    "projects",
    "thinks",
    "thought",
    "sees",
    "saw",
    "questioned",
    "questions",
    "asked",
    "asks",
    "replied",
    "replies",
    "continued",
    "continues",
    "mentioned",
    "quipped",
    "joked",
    "recalled",
    "countered",
    "echoed",
    "agreed",
    "agrees",
    "dubbed",
    "labelled",
    "labeled",
    "termed",
    "offered",
    "announced",
    "announces",
    "revealed",
    "reveals",
    "judged",
    "judges",
    "put",
    "puts",
    "putting",
    "pegged",
    "pegs",
    "reported",
    "reports",
    "warn",
    "argue",
    "note",
    "add",
    "estimate",
    "predict",
    "believe",
    "admit",
    "concede",
    "caution",
    "claim",
    "insist",
    "describe",
    "urge",
    "suggest",
    "acknowledge",
    "declare",
    "stress",
    "see",
    "think",
    "expect",
    "seeing",
    "adding",
    "noting",
    "calling",
    "arguing",
    "describing",
    "urging",
    "suggesting",
    "predicting",
    "admitting",
    "cautioning",
    "insisting",
    "stressing",
]
"""Verbs that introduce speech or an opinion, as they appear in news copy."""

# As a trie (longest first where verbs share a prefix): with the closing `\b` at most one
# verb fits at a position, "put it" before "put", so it matches what the plain
# alternation of the verbs would, only faster.
_MULTIWORD_VERBS = ["according to", "pointed out", "points out", "put it", "puts it"]
_VERB_RE = re.compile(r"\b" + word_trie([*_MULTIWORD_VERBS, *SPEECH_VERBS]) + r"\b", re.IGNORECASE)
# Speech verbs that take a quoted phrase or a description, not a reported clause
# ("called it 'a race'", "described the gap as ...").
_PHRASE_ONLY_VERBS = frozenset(
    [
        "called",
        "calls",
        "calling",
        "described",
        "describes",
        "wrote",
        "writes",
        "remarked",
        "remarks",
        "framed",
        "frames",
        "emphasises",
        "emphasizes",
        "lamented",
        "laments",
        "questioned",
        "questions",
        "asked",
        "asks",
        "replied",
        "replies",
        "continued",
        "continues",
        "quipped",
        "joked",
        "recalled",
        "countered",
        "echoed",
        "agreed",
        "agrees",
        "dubbed",
        "labelled",
        "labeled",
        "termed",
        "offered",
        "announces",
        "reveals",
        "judged",
        "judges",
        "reports",
        "describe",
        "urge",
        "declare",
        "describing",
        "suggesting",
    ]
)
# Verbs that introduce a reported clause (not just a quoted phrase).
_CLAUSE_VERBS = frozenset(SPEECH_VERBS) - _PHRASE_ONLY_VERBS
_NOT_SPEECH_AFTER = re.compile(r"\s+(?:on|off|up|out|by|for|in)\b", re.IGNORECASE)  # "called on", "put up"
_PHRASAL_ONLY_AFTER = re.compile(r"\s+(?:off|up|out|by|for)\b", re.IGNORECASE)
# Verbs of saying that "on"/"in" do not turn into another verb: "said on Tuesday",
# "warned in an interview that ..." (unlike "called on", "put in", "reported on").
_ON_IN_ADVERBIAL = frozenset(
    [
        "said",
        "says",
        "say",
        "stated",
        "states",
        "told",
        "tells",
        "noted",
        "notes",
        "warned",
        "warns",
        "argued",
        "argues",
        "explained",
        "explains",
        "asserted",
        "asserts",
        "estimated",
        "estimates",
        "predicted",
        "predicts",
        "admitted",
        "admits",
        "conceded",
        "concedes",
        "cautioned",
        "cautions",
        "insisted",
        "insists",
        "wrote",
        "writes",
        "remarked",
        "acknowledged",
        "acknowledges",
        "declared",
        "declares",
        "stressed",
        "stresses",
        "emphasised",
        "emphasized",
        "contended",
        "contends",
        "maintained",
        "maintains",
        "added",
        "adds",
        "suggested",
        "suggests",
        "observed",
        "observes",
        "concluded",
        "concludes",
    ]
)


_SPACES_RE = re.compile(r"\s+")


@dataclass(slots=True)
class _Verb:
    """A speech verb in the text: its span and which verb it is ("said", "according to")."""

    start: int
    end: int
    name: str  # case-folded, white space as one space


@lru_cache(maxsize=4096)
def _verb_name(written: str) -> str:
    """The verb as `_Verb.name` gives it, for the verb as written ("According  to")."""
    return _SPACES_RE.sub(" ", written.casefold())


_VERB_FIRST = frozenset({"according", "pointed", "points"})
# The ASCII words that are speech verbs or start one (ASCII-only case folding: "ſaid" is
# no "said"); `_VERB_RE` then reads the verb there.
_VERB_WORDS = frozenset({*SPEECH_VERBS, *_VERB_FIRST})
# The verbs of one word that start no verb of several ("put it"): where the text has one
# of these between two `\b`, `_VERB_RE` matches just it.
_ONE_WORD_VERBS = frozenset(SPEECH_VERBS) - {v.split()[0] for v in _MULTIWORD_VERBS}
# Keeps ASCII letters, lower-cased, and makes every other byte a space.
_LETTERS_ONLY = bytes(
    ord(chr(c).lower()) if chr(c).isascii() and chr(c).isalpha() else ord(" ") for c in range(256)
)
_ASCII_LETTERS_RE = re.compile(r"[A-Za-z]+")


def _spaced_letters(text: str) -> bytes:
    """A space, then `text` with ASCII letters lower-cased and every other character a
    space, one byte per character: searched for letters in either case at bytes speed."""
    return b" " + text.encode("ascii", "replace").translate(_LETTERS_ONLY)


def _verb_words_in(word: str) -> tuple[tuple[int, str], ...]:
    """The speech verbs (or first words of one) that may start in `word`, a word of
    `TextWords`, each as (offset in the word, the verb lower-cased): a run of ASCII letters
    that is one, at the word's start or after an apostrophe in it ("o'said"). Those are
    the places in a text where a run of ASCII letters follows no letter or digit."""
    found = []
    at = 0
    while True:
        run = _ASCII_LETTERS_RE.match(word, at)
        if run is not None and run.group().lower() in _VERB_WORDS:
            found.append((at, run.group().lower()))
        at = word.find("'", at) + 1  # `TextWords` unifies apostrophes as "'"
        if at == 0:
            return tuple(found)


# Word -> `_verb_words_in(word)`: most words hold none, and a text's words are read one lookup each.
_VERB_WORDS_IN = WordMemo(_verb_words_in)


def _speech_verbs(text: str, words: TextWords, quoted: bytearray) -> list[_Verb]:
    """Speech verbs in `text` outside quotations (`words` are its `TextWords`, `quoted`
    its `_quoted_mask`), each where `_VERB_RE` matches, but for phrasal verbs
    ("called on"). Found from the words that may start one (`_verb_words_in`): a
    dictionary lookup a word, cheaper than searching the text for them."""
    out = []
    n = len(text)
    starts = words.starts
    found = list(map(_VERB_WORDS_IN.__getitem__, words.texts))
    for k in compress(count(), found):
        for offset, name in found[k]:
            at = starts[k] + offset
            # A word starts after a character that is no letter or digit, but "_" leaves
            # no `\b` before it: no verb starts there.
            if quoted[at] or (at > 0 and text[at - 1] == "_"):
                continue
            end = at + len(name)
            if name not in _ONE_WORD_VERBS or (end < n and (text[end].isalnum() or text[end] == "_")):
                # Not simply the verb in ASCII letters with a `\b` after it (where `_VERB_RE`
                # would match just it, under this name): `_VERB_RE` reads what is there.
                m = _VERB_RE.match(text, at)
                if m is None:
                    continue
                name, end = _verb_name(m.group()), m.end()
            # "called on", "put up": a phrasal verb, not speech.
            phrasal = _PHRASAL_ONLY_AFTER if name in _ON_IN_ADVERBIAL else _NOT_SPEECH_AFTER
            if phrasal.match(text, end) is None:
                out.append(_Verb(at, end, name))
    return out


@quick_init
@dataclass(frozen=True, slots=True)
class Attribution:
    """The speaker a text gives one quotation.

    `speaker` is the mention as written ("he", "Lin", "Alibaba's Qwen
    lead"), `resolved` the mention it stands for (the antecedent of a
    pronoun; the speaker itself otherwise); both None for an unattributed
    quote. `cue` says how it was found: words (a citation: "in the words of
    X"), verb, colon, possessive, continuation.
    """

    quote: QuoteMention
    speaker: NameMention | None
    resolved: NameMention | None
    cue: str


@quick_init
@dataclass(frozen=True, slots=True)
class ReportedSpeech:
    """Indirect speech: `speaker` (resolved like `Attribution.resolved`)
    said what `text[start:end]` reports."""

    speaker: NameMention
    resolved: NameMention | None
    verb: str
    start: int
    end: int
    text: str


def _default_is_person(m: NameMention) -> bool:
    return m.kind in ("unknown", "pronoun")


_APPOSITION_RE = re.compile(r"\s*,\s*(?:(?:a|an|the)\s+)?", re.IGNORECASE)
_AFTER_PREPOSITION_RE = re.compile(
    r"\b(?:of|from|at|with|for|to|by|about|than)\s+(?:the\s+)?$", re.IGNORECASE
)
# Where the subject after an inverted verb ends: a sentence mark, a quote mark,
# or a comma after a name ("said Lin, the Qwen lead").
_SUBJECT_END_RE = re.compile(r'[.;!?\n"“”,]')
_ANTECEDENT_SENTENCES = 3
"""How many sentences before a pronoun's own are searched for its antecedent."""
# An introductory phrase before the subject: "Unlike Tang, ...", "After meeting Lin, ...".
_INTRO_RE = re.compile(
    r"[\"“‘'(*_\s]*(?:after|before|unlike|like|despite|while|whereas|with|for|in|at|on|as|although|though|"
    r"when|since|unless|if|because|following|compared|besides|beyond|alongside|against|during|until|"
    r"echoing|responding|addressing|asked|speaking|meeting|citing|quoting)\b[^,;:.!?\"“”]*,",
    re.IGNORECASE,
)


def _quoted_mask(n: int, quotes: Sequence[QuoteMention]) -> bytearray:
    """One byte per character of a text of length `n`: 1 inside a quotation (marks included)."""
    mask = bytearray(n)
    for q in quotes:
        a, b = q.open_start, q.close_end
        a, b = (a if a > 0 else 0), (b if b < n else n)
        if a < b:
            mask[a:b] = b"\x01" * (b - a)
    return mask


class _Context:
    """Shared pre-computation for one text."""

    def __init__(
        self,
        text: str,
        quotes: Sequence[QuoteMention],
        mentions: Sequence[NameMention],
        is_person: Callable[[NameMention], bool],
        gender_of: Callable[[NameMention], str | None],
        is_speaker_org: Callable[[NameMention], bool] = lambda m: False,
        sentences: Sequence[tuple[int, int]] | None = None,
        is_antecedent: Callable[[NameMention], bool] | None = None,
        words: TextWords | None = None,
    ) -> None:
        self.text = text
        self.is_antecedent = is_person if is_antecedent is None else is_antecedent
        self._resolved: dict[int, NameMention | None] = {}
        self._subjects_before: dict[tuple[int, int], NameMention | None] = {}
        self.quotes_in = quotes
        self.mentions_in_arg = mentions
        self.is_speaker_org = is_speaker_org
        self.is_person = is_person
        self.gender_of = gender_of
        self.sentences = list(sentence_spans(text, quotes) if sentences is None else sentences)
        self.sentence_starts = [s for s, _ in self.sentences]
        self.quote_opens = sorted([q.open_start for q in quotes])
        self.quote_closes = sorted([q.close_end for q in quotes])
        quoted = _quoted_mask(len(text), quotes)
        self.mentions = [m for m in mentions if not quoted[m.start]]
        self.mention_starts = [m.start for m in self.mentions]
        # Asked of the same mentions again and again: once each here.
        self.person_at = list(map(is_person, self.mentions))
        self.speaker_at = [p or is_speaker_org(m) for p, m in zip(self.person_at, self.mentions, strict=True)]
        self.verbs = _speech_verbs(text, TextWords.of(text) if words is None else words, quoted)
        # The verbs do not overlap, so both lists are in increasing order.
        self.verb_starts = [v.start for v in self.verbs]
        self.verb_ends = [v.end for v in self.verbs]
        # Whether the text can hold the citation cues at all: `_WORDS_OF_RE` needs "word" or
        # "quot", `_OWN_WORDS_RE` "word" or "phra" (letters that match only themselves in
        # either case, unlike i, k, s), so a bytes search is exact and far cheaper than the regex.
        letters = _spaced_letters(text)
        word = b"word" in letters
        self.may_cite_words_of = word or b"quot" in letters
        self.may_cite_own_words = word or b"phra" in letters
        self.may_cite = self.may_cite_words_of or self.may_cite_own_words

    def sentence_of(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.sentence_starts, pos) - 1
        return self.sentences[i if i > 0 else 0] if self.sentences else (0, len(self.text))

    def next_quote_start(self, pos: int) -> int:
        """Where the first quote opening at or after `pos` opens (the text's end if none)."""
        i = bisect_left(self.quote_opens, pos)
        return self.quote_opens[i] if i < len(self.quote_opens) else len(self.text)

    def last_quote_end(self, pos: int) -> int:
        """Where the last quote closing at or before `pos` closes (0 if none)."""
        i = bisect_right(self.quote_closes, pos)
        return self.quote_closes[i - 1] if i else 0

    def clause_start(self, lo: int, pos: int) -> int:
        """Where the clause ending at `pos` begins: `lo` (a sentence start), a ';' or a quote's end."""
        start = self.text.rfind(";", lo, pos) + 1 or lo  # after the last ';', else `lo`
        i = bisect_right(self.quote_closes, pos)  # `last_quote_end(pos)`, asked for every verb
        last = self.quote_closes[i - 1] if i else 0
        return last if last >= start else start

    def mentions_in(self, a: int, b: int) -> list[NameMention]:
        i = bisect_right(self.mention_starts, a - 1)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < b:
            if self.mentions[i].end <= b:
                out.append(self.mentions[i])
            i += 1
        return out

    def speakers_in(self, a: int, b: int) -> tuple[list[NameMention], list[NameMention]]:
        """The mentions in [a, b) that can speak (`can_speak`), and the people among them."""
        mentions = self.mentions
        i = bisect_right(self.mention_starts, a - 1)
        speakers = []
        people = []
        while i < len(mentions) and mentions[i].start < b:
            m = mentions[i]
            if m.end <= b and self.speaker_at[i]:
                speakers.append(m)
                if self.person_at[i]:
                    people.append(m)
            i += 1
        return speakers, people

    def verbs_in(self, a: int, b: int) -> list[_Verb]:
        """The speech verbs inside [a, b)."""
        return self.verbs[bisect_left(self.verb_starts, a) : bisect_right(self.verb_ends, b)]

    def resolve(self, m: NameMention | None) -> NameMention | None:
        """A pronoun's antecedent, as news style implies: in the pronoun's own
        sentence, the speaker of a speech verb before it, else the subject (the
        first person named there); otherwise, in the nearest of the previous
        sentences that names a fitting person, its most recent speaker, else its
        subject. A person named after the verb is usually an object ("X disagreed
        with Hart. '...,' he asserted" is X's). Failing that, the nearest earlier
        person of a fitting gender."""
        if m is None or m.kind != "pronoun":
            return m
        if m.start in self._resolved:
            return self._resolved[m.start]
        self._resolved[m.start] = None  # guards against a cycle while resolving
        found = self._antecedent(m)
        self._resolved[m.start] = found
        return found

    def _fits(self, pronoun: NameMention, cand: NameMention) -> bool:
        if cand.kind == "pronoun" or not self.is_antecedent(cand):
            return False
        g = self.gender_of(cand)
        return g is None or pronoun.gender is None or g == pronoun.gender

    def _antecedent(self, m: NameMention) -> NameMention | None:
        i = bisect_right(self.sentence_starts, m.start) - 1
        for k in range(i, max(i - _ANTECEDENT_SENTENCES - 1, -1), -1):
            a, b = self.sentences[k] if k >= 0 else (0, len(self.text))
            b = min(b, m.start)
            found = self._speaker_in(m, a, b) or self._subject_in(m, a, b)
            if found is not None:
                return found
        return self._nearest(m)

    def _speaker_in(self, pronoun: NameMention, a: int, b: int) -> NameMention | None:
        """The most recent fitting speaker of a speech verb in [a, b)."""
        for v in reversed(self.verbs_in(a, b)):
            who = _verb_subject(self, v, a, a, b)
            if who is not None and who.kind == "pronoun" and who.start < pronoun.start:
                who = self.resolve(who)
            if who is not None and who.end <= b and self._fits(pronoun, who):
                return who
        return None

    def _subject_in(self, pronoun: NameMention, a: int, b: int) -> NameMention | None:
        """The first fitting person named in [a, b), passing over people named in an
        introductory phrase ("Unlike Tang, Lin ..."; "After meeting Lin, Tang ...")."""
        people = [c for c in self.mentions_in(a, b) if self._fits(pronoun, c)]
        if not people:
            return None
        intro = _INTRO_RE.match(self.text, a, b)
        if intro is not None:
            rest = [c for c in people if c.start >= intro.end()]
            if rest:
                return rest[0]
        return people[0]

    def _nearest(self, m: NameMention) -> NameMention | None:
        """The nearest earlier person of a fitting gender."""
        i = bisect_right(self.mention_starts, m.start - 1) - 1
        while i >= 0:
            cand = self.mentions[i]
            if (
                cand.kind == "description"
                and i > 0
                and _APPOSITION_RE.fullmatch(self.text, self.mentions[i - 1].end, cand.start)
            ):
                i -= 1  # "Lin, a former OpenAI researcher": the description is Lin here
                continue
            if self._fits(m, cand):
                return cand
            i -= 1
        return None

    def subject_before(self, a: int, b: int) -> NameMention | None:
        """The speaker of a verb at `b`: the last person named in [a, b),
        skipping one named inside an appositive ("Wang Lei, a Baidu researcher, said").
        Quotes and reported speech ask for the same spans: remembered per span."""
        span = (a, b)
        if span not in self._subjects_before:
            self._subjects_before[span] = self._subject_before(a, b)
        return self._subjects_before[span]

    def _subject_before(self, a: int, b: int) -> NameMention | None:
        # `speakers_in(a, b)`, unrolled: this runs for nearly every speech verb.
        text = self.text
        mentions, speaker_at, person_at = self.mentions, self.speaker_at, self.person_at
        people = []
        other = None  # the last speaker that is neither a person nor possessive
        for i in range(bisect_left(self.mention_starts, a), bisect_left(self.mention_starts, b)):
            m = mentions[i]
            if m.end <= b and speaker_at[i]:
                if person_at[i]:
                    people.append(m)
                elif not m.possessive:
                    other = m
        if not people:
            return other
        if len(people) == 1:
            return people[0]  # (the filter below keeps a lone person either way)
        # A name after a preposition is no subject ("Tang Jie of Baidu warned"). (One named
        # at `a` has nothing before it in the span.)
        people = [
            m
            for m in people
            if m.start <= a or not _AFTER_PREPOSITION_RE.search(text, max(a, m.start - 12), m.start)
        ] or people
        best = people[-1]
        if len(people) > 1 and text.find(",", best.end, b) >= 0:
            for earlier in reversed(people[:-1]):
                between = text[earlier.end : best.start]
                if between.lstrip().startswith(",") and len(between.split()) <= 6:
                    return earlier
        return best

    def can_speak(self, m: NameMention) -> bool:
        return self.is_person(m) or self.is_speaker_org(m)

    def subject_after(self, a: int, b: int) -> NameMention | None:
        """The speaker of an inverted verb ("said Lin"): the first person after it, before a comma."""
        stop = max(a, b)
        for mark in _SUBJECT_END_RE.finditer(self.text, a, b):
            if mark.group() != "," or (mark.start() > a + 1 and self._named_between(a, mark.start())):
                stop = mark.start()
                break
        # The first person in `speakers_in(a, stop)`, else the first speaker there.
        mentions, speaker_at, person_at = self.mentions, self.speaker_at, self.person_at
        first = None
        for i in range(bisect_left(self.mention_starts, a), bisect_left(self.mention_starts, stop)):
            if mentions[i].end <= stop and speaker_at[i]:
                if person_at[i]:
                    return mentions[i]
                if first is None:
                    first = mentions[i]
        return first

    def _named_between(self, a: int, b: int) -> bool:
        """Whether a mention lies inside [a, b) (`mentions_in(a, b)` is not empty)."""
        mentions = self.mentions
        for i in range(bisect_left(self.mention_starts, a), bisect_left(self.mention_starts, b)):
            if mentions[i].end <= b:
                return True
        return False


_LAST_CONTEXT: list[_Context] = []


def _context(
    text: str,
    quotes: Sequence[QuoteMention],
    mentions: Sequence[NameMention],
    is_person: Callable[[NameMention], bool],
    gender_of: Callable[[NameMention], str | None],
    is_speaker_org: Callable[[NameMention], bool],
    sentences: Sequence[tuple[int, int]] | None,
    is_antecedent: Callable[[NameMention], bool] | None,
    words: TextWords | None,
) -> _Context:
    """The pre-computation for a text, reused when the same objects come back
    (find_attributions then find_reported_speech on one summary)."""
    if _LAST_CONTEXT:
        c = _LAST_CONTEXT[0]
        if (
            c.text is text
            and c.quotes_in is quotes
            and c.mentions_in_arg is mentions
            and c.is_person is is_person
            and c.is_antecedent is (is_person if is_antecedent is None else is_antecedent)
        ):
            return c
    c = _Context(
        text, quotes, mentions, is_person, gender_of, is_speaker_org, sentences, is_antecedent, words
    )
    _LAST_CONTEXT[:] = [c]
    return c


def find_attributions(
    text: str,
    quotes: Sequence[QuoteMention],
    mentions: Sequence[NameMention],
    is_person: Callable[[NameMention], bool] = _default_is_person,
    gender_of: Callable[[NameMention], str | None] = lambda m: None,
    is_speaker_org: Callable[[NameMention], bool] = lambda m: False,
    *,
    sentences: Sequence[tuple[int, int]] | None = None,
    is_antecedent: Callable[[NameMention], bool] | None = None,
    words: TextWords | None = None,
) -> list[Attribution]:
    """One `Attribution` per quotation, in the order given.

    `mentions` are the names, descriptions, pronouns and unknown names found
    in `text` (see `harness.text.mentions`); `is_person` says which can be
    speakers; `is_speaker_org` which organisations may speak when no person
    does (places and products never do); `gender_of` helps resolve he/she,
    and `is_antecedent` (default `is_person`) says who he/she may stand for.
    `sentences` are `sentence_spans(text, quotes)` and `words` `TextWords.of(text)` when
    the caller has them.
    """
    ctx = _context(
        text, quotes, mentions, is_person, gender_of, is_speaker_org, sentences, is_antecedent, words
    )
    out: list[Attribution] = []
    previous: Attribution | None = None
    for q in quotes:
        speaker, cue = _speaker_for(ctx, q)
        if (
            speaker is None
            and previous is not None
            and previous.speaker is not None
            and (_continues(ctx, previous.quote, q) or _same_sentence_pair(ctx, previous.quote, q))
        ):
            speaker, cue = previous.speaker, "continuation"
        if cue == "continuation" and previous is not None:
            resolved = previous.resolved
        else:
            resolved = speaker if speaker is None or speaker.kind != "pronoun" else ctx.resolve(speaker)
        att = Attribution(q, speaker, resolved, cue if speaker is not None else "")
        out.append(att)
        previous = att
    return out


_SENTENCE_MARK_RE = re.compile(r"[.;!?]")
_GAP_WORD_RE = re.compile(r"[\w’'-]+")


def _speaker_for(ctx: _Context, q: QuoteMention) -> tuple[NameMention | None, str]:
    text = ctx.text
    s_start, s_end = ctx.sentence_of(q.open_start)
    s_end = max(s_end, q.close_end)
    next_quote = ctx.next_quote_start(q.close_end)
    lo = max(s_start, ctx.last_quote_end(q.open_start), text.rfind(";", s_start, q.open_start) + 1)
    before = ctx.verbs_in(lo, q.open_start)
    # 0. `In the words of Lin, "..."`, `"...," in Lin's words`, `To quote Tang, "..."`.
    if ctx.may_cite:
        cited = _cited_before(ctx, lo, q.open_start) or _cited_after(ctx, q.close_end, min(s_end, next_quote))
        if cited is not None:
            return cited, "words"
    # 1. A verb right before the quote: `Tang warned that "..."`, `Lin called it "..."`.
    if before:
        v = before[-1]
        lead = text[v.end : q.open_start]
        if len(lead.split()) <= 6 and not _SENTENCE_MARK_RE.search(lead):
            subject = _verb_subject(ctx, v, lo, s_start, q.open_start)
            if subject is not None:
                return subject, "verb"
    # 2. After the quote: `"...," Lin said` / `"...," said Lin` / `"...," he added`.
    for v in ctx.verbs[bisect_left(ctx.verb_starts, q.close_end) :]:
        if v.start >= min(s_end, next_quote):
            break
        gap = text[q.close_end : v.start]
        words = _GAP_WORD_RE.findall(gap)
        if len(words) > 9 or _SENTENCE_MARK_RE.search(gap.strip(" ,\"”’'")[:-1] if gap.strip() else ""):
            break
        if (
            words
            and words[0].casefold() in _CONJUNCTIONS
            and not (words[0].casefold() == "as" and _AS_PUT_IT_END_RE.match(text, v.end))
        ):
            break  # `"...," as Lin put it.` is an attribution; `"...," as Yao urged focus` is not
        subject = ctx.subject_before(q.close_end, v.start)
        if subject is not None:
            return subject, "verb"
        if not gap.strip(" ,\"”’'—–-"):
            after = ctx.subject_after(v.end, min(s_end, next_quote))
            if after is not None:
                return after, "verb"
        break
    # 3. Before the quote: the nearest speech verb in the same clause.
    for v in reversed(before):
        subject = _verb_subject(ctx, v, lo, s_start, q.open_start)
        if subject is not None:
            return subject, "verb"
    # 4. `Lin: "..."`, `**Tang Jie (Zhipu AI):** "..."`.
    lead = text[lo : q.open_start].rstrip(" *_\t")
    colon = lead.rfind(":")
    if colon >= 0 and len(lead[colon + 1 :].split()) <= 3:
        lead = lead[: colon + 1]
        cands, people = ctx.speakers_in(lo, lo + len(lead))
        if people or cands:
            return (people or cands)[-1], "colon"
    # 5. `In Tang's words, "..."`: a possessive person before the quote.
    poss = [m for m in ctx.speakers_in(lo, q.open_start)[1] if m.possessive]
    if poss:
        return poss[-1], "possessive"
    return None, ""


_WORDS_OF_RE = re.compile(r"\b(?:in\s+the\s+(?:\w+\s+)?words\s+of|to\s+quote|quoting)\s+", re.IGNORECASE)
_IN_POSS_WORDS_RE = re.compile(r"\b(?:in|to\s+use)\s+(?:(his|her)\s+)?", re.IGNORECASE)
_OWN_WORDS_RE = re.compile(r"\s+(?:own\s+)?(?:words|phrase|phrasing)\b", re.IGNORECASE)
_AS_PUT_IT_END_RE = re.compile(r"(?:\s+it)?(?:\s+\w+ly)?\s*(?:[.,;!?)\]]|$)")
_POSSESSIVE_PRONOUNS = {"his": "male", "her": "female"}
_POSSESSIVE_END_RE = re.compile(r"[’']s?")


def _cited_before(ctx: _Context, lo: int, open_start: int) -> NameMention | None:
    """The person a quote is cited from before it: `In the words of Lin, "..."`,
    `To quote Tang: "..."`, `In his own words, "..."` (the possessive `In Lin's words`
    is the general possessive cue)."""
    text = ctx.text

    def near(who: NameMention | None) -> bool:
        # Close to the quote, with no speech verb of someone else in between
        # ("To quote Tang, Lin said "..."" is Lin's quotation).
        return (
            who is not None
            and len(text[who.end : open_start].split()) <= 8
            and not any(who.end <= v.start < open_start for v in ctx.verbs)
        )

    found: NameMention | None = None
    for m in _WORDS_OF_RE.finditer(text, lo, open_start) if ctx.may_cite_words_of else ():
        who = ctx.subject_after(m.end(), open_start)
        if near(who):
            found = who
    if found is None and ctx.may_cite_own_words:
        for m in _IN_POSS_WORDS_RE.finditer(text, lo, open_start):
            who = _possessive_words(ctx, m)
            if near(who):
                found = who
    return found


def _cited_after(ctx: _Context, close_end: int, limit: int) -> NameMention | None:
    """The same constructions right after the quote: `"...," in the words of Lin.`,
    `"...," in Tang's words.`, `"...," in his words.`"""
    text = ctx.text
    pos = close_end
    while pos < limit and text[pos] in " ,\u00a0—–-":
        pos += 1
    m = _WORDS_OF_RE.match(text, pos) if ctx.may_cite_words_of else None
    if m is not None:
        return ctx.subject_after(m.end(), limit)
    m = _IN_POSS_WORDS_RE.match(text, pos) if ctx.may_cite_own_words else None
    return _possessive_words(ctx, m) if m is not None else None


def _possessive_words(ctx: _Context, m: re.Match[str]) -> NameMention | None:
    """`in his words` / `in Lin's words` at match `m` (of `_IN_POSS_WORDS_RE`): the speaker."""
    text = ctx.text
    if m.group(1):  # "in his words": a pronoun to resolve like he/she
        if not _OWN_WORDS_RE.match(text, m.end(1)):
            return None
        low = m.group(1).casefold()
        return NameMention(
            m.start(1), m.end(1), m.group(1), None, "pronoun", gender=_POSSESSIVE_PRONOUNS[low]
        )
    poss = [p for p in ctx.mentions_in(m.end(), m.end() + 80) if p.start == m.end()]
    if poss and poss[0].possessive and ctx.is_person(poss[0]):
        end = _POSSESSIVE_END_RE.match(text, poss[0].end)
        if end is not None and _OWN_WORDS_RE.match(text, end.end()):
            return poss[0]
    return None


def _same_sentence_pair(ctx: _Context, prev: QuoteMention, q: QuoteMention) -> bool:
    """`X said "A" and that "B"`: a second quote in the sentence with no new name before it."""
    if ctx.sentence_of(prev.open_start) != ctx.sentence_of(q.open_start):
        return False
    return (
        not ctx.mentions_in(prev.close_end, q.open_start)
        and len(ctx.text[prev.close_end : q.open_start]) < 60
    )


_CONJUNCTIONS = frozenset(
    ["and", "while", "but", "as", "even", "whereas", "though", "although", "yet", "so", "because"]
)


def _verb_subject(ctx: _Context, v: _Verb, lo: int, s_start: int, limit: int) -> NameMention | None:
    """Who does the speaking verb `v`: `according to X`, `X said`, `said X`,
    or for a participle (`..., warning that`) the sentence's subject."""
    if v.name == "according to":
        return ctx.subject_after(v.end, limit)
    clause = ctx.clause_start(lo, v.start)
    subject = ctx.subject_before(clause, v.start) or ctx.subject_after(v.end, limit)
    if subject is None:
        # "..., warning that" / "..., but admits": the sentence's subject speaks.
        subject = ctx.subject_before(s_start, v.start)
    return subject


def _continues(ctx: _Context, prev: QuoteMention, q: QuoteMention) -> bool:
    """True when `q` directly continues `prev` (next sentence, same paragraph, mostly quote)."""
    between = ctx.text[prev.close_end : q.open_start]
    if "\n" in between or len(between) > 120:
        return False
    s_start, s_end = ctx.sentence_of(q.open_start)
    if ctx.mentions_in(s_start, s_end) and any(
        not (q.open_start <= m.start < q.close_end) and ctx.is_person(m)
        for m in ctx.mentions_in(s_start, s_end)
    ):
        return False
    return (q.close_end - q.open_start) >= 0.5 * (s_end - s_start)


_THAT_RE = re.compile(
    r"\s*(?:,\s*)?(?:(?:reporters|the\s+audience|the\s+panel|attendees)\s+)?(?:that\s+)?", re.IGNORECASE
)
# Where reported content ends: a semicolon, a line break, a dash between spaces, a
# contrast (", while", "even as"), a new clause after a comma (", but", ", adding"), a
# quote mark. Each of these begins with a character of `[;\n\s,"“”]`: the pattern
# consumes that character first and then checks it with a look-behind, so the regex
# engine skips straight to such characters (about twice as fast as trying every
# alternative at every position; the matches are the same). One look-behind per kind
# of character: the engine tries three alternatives at each space, not five. After a
# space, a look-ahead at the next character (white space, a dash, or the first letter
# of a contrast) turns most spaces down at once.
_CONTRAST = r"(?:while|whereas|even\s+as)"
_CONTENT_STOP_RE = re.compile(
    r"[;\n\s,\"“”]"
    r"(?:(?<=[;\n\"“”])"
    r"|(?<=\s)(?=[\s—–we])(?:[—–]|\s*" + _CONTRAST + r")\s"
    r"|(?<=,)\s+(?:" + _CONTRAST + r"|but|though|although|and|as|"
    r"pointing|citing|adding|saying|noting|arguing|warning|calling|urging)\s)",
    re.IGNORECASE,
)


_ADVERBIAL_RE = re.compile(
    r"(?:on|in|at|during|last|this|earlier|later|yesterday|today|recently|after|before|over|via|through|"
    r"when)\b",
    re.IGNORECASE,
)
_AUDIENCE_RE = re.compile(
    r"\s+(?:to\s+)?(?:reporters|journalists|the\s+audience|the\s+panel|attendees|delegates)\b", re.IGNORECASE
)
_ASIDE_THAT_RE = re.compile(r",[^,;:!?\"“”—–]{0,40},\s*that\s+", re.IGNORECASE)  # ", however, that"
_ADVERBIAL_THAT_RE = re.compile(r"[^,;:!?\"“”—–]{0,60}?\bthat\s+", re.IGNORECASE)
_CLAUSE_END_RE = re.compile(r"[^,;:!?\"“”—–]{0,60}?\s*(?:[,;—–]|$)")
# A finite verb form that makes words after a speech verb a clause, not an adverbial.
_FINITE_RE = re.compile(
    r"\b(?:is|are|was|were|will|would|can|could|may|might|must|should|shall|has|have|had|does|do|did)\b",
    re.IGNORECASE,
)
_CLOSING = " .!?\"”’'*_)"
# Marks trimmed from the end and the start of reported content.
_CONTENT_END_MARKS = " .,;:!?\"”’'*_)"
_CONTENT_START_MARKS = " ,:\"“‘'*_("


def _after_verb(ctx: _Context, v: _Verb, s_end: int, inverted: bool, lead: bool) -> tuple[bool, int]:
    """Whether a speech verb closes a report whose content came before it, and
    else where the content after it starts.

    (True, _): "Compute is scarce, Lin said." / "..., said Lin, the Qwen lead." /
    "..., Lin told reporters at the summit." (False, start): "Lin said demand would
    recover by 2027", "Lin said in an interview that ...", "Lin said, however, that ...".
    Judged by the words after the verb, not their number. `inverted`: no subject
    precedes the verb ("said Lin"); `lead`: a comma precedes the reporting clause,
    so content may come before it.
    """
    text = ctx.text
    pos = v.end
    if inverted:  # "said Lin", "said he": skip the subject
        who = ctx.subject_after(pos, s_end)
        if who is not None and len(text[pos : who.start].split()) <= 4:
            pos = who.end
            poss = _POSSESSIVE_END_RE.match(text, pos) if who.possessive else None
            pos = poss.end() if poss else pos
    m = _AUDIENCE_RE.match(text, pos)  # "told reporters"
    if m is not None:
        pos = m.end()
    rest = text[pos:s_end].rstrip(_CLOSING)  # what is left of the sentence
    rest_end = pos + len(rest)
    rest = rest.lstrip()
    if not rest:
        return True, rest_end  # nothing after the verb
    pos = rest_end - len(rest)
    if rest[0] in ",;—–":
        m = _ASIDE_THAT_RE.match(text, pos)
        return (False, m.end()) if m else (True, pos)
    if _ADVERBIAL_RE.match(text, pos):
        m = _ADVERBIAL_THAT_RE.match(text, pos, rest_end)
        if m is not None:  # "said in an interview that ..."
            return False, m.end()
        end = _CLAUSE_END_RE.match(text, pos, rest_end)
        if lead and end is not None and not _FINITE_RE.search(text, pos, end.end()):
            return True, pos  # "..., Lin said on Tuesday."
    return False, pos


def find_reported_speech(
    text: str,
    quotes: Sequence[QuoteMention],
    mentions: Sequence[NameMention],
    is_person: Callable[[NameMention], bool] = _default_is_person,
    gender_of: Callable[[NameMention], str | None] = lambda m: None,
    is_speaker_org: Callable[[NameMention], bool] = lambda m: False,
    *,
    sentences: Sequence[tuple[int, int]] | None = None,
    is_antecedent: Callable[[NameMention], bool] | None = None,
    words: TextWords | None = None,
) -> list[ReportedSpeech]:
    """Indirect speech: who is reported as saying what, with the content's span."""
    ctx = _context(
        text, quotes, mentions, is_person, gender_of, is_speaker_org, sentences, is_antecedent, words
    )
    out: list[ReportedSpeech] = []
    for v in ctx.verbs:
        verb = v.name
        if verb not in _CLAUSE_VERBS and verb != "according to":
            continue
        s_start, s_end = ctx.sentence_of(v.start)
        if verb == "according to":
            speaker = ctx.subject_after(v.end, s_end)
            if speaker is None:
                continue
            comma = text.find(",", speaker.end, s_end)
            if comma >= 0 and comma - speaker.end < 60:
                start, end = comma + 1, s_end
            else:  # "..., according to X."
                start, end = s_start, v.start
        else:
            clause = ctx.clause_start(s_start, v.start)
            stop = _CONTENT_STOP_RE.search(text, clause, v.start)
            while stop:
                clause = stop.end()
                stop = _CONTENT_STOP_RE.search(text, clause, v.start)
            subject = ctx.subject_before(clause, v.start)
            lead = text.rfind(",", s_start, subject.start if subject else v.start) > s_start
            tail, content = _after_verb(ctx, v, s_end, subject is None, lead)
            if tail:
                # "Compute is scarce, Lin said." / "..., said Lin."
                speaker = subject or ctx.subject_after(v.end, s_end)
                if speaker is None:
                    continue
                comma = text.rfind(",", s_start, min(speaker.start, v.start))
                if comma <= s_start:
                    continue
                start, end = s_start, comma
            else:
                if subject is None:
                    continue
                speaker = subject
                m = _THAT_RE.match(text, content)
                start, end = (m.end() if m else content), s_end
                stop = _CONTENT_STOP_RE.search(text, start, end)
                if stop:
                    end = stop.start()
        # The content without the marks around it.
        content_text = text[start:end].rstrip(_CONTENT_END_MARKS)
        end = start + len(content_text)
        content_text = content_text.lstrip(_CONTENT_START_MARKS)
        if len(content_text) < 8:
            continue
        resolved = speaker if speaker.kind != "pronoun" else ctx.resolve(speaker)
        out.append(ReportedSpeech(speaker, resolved, verb, end - len(content_text), end, content_text))
    return out
