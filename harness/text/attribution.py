"""Who a text says said what.

`find_attributions` gives each quotation its speaker as written (a name, a
description, a pronoun) and, for pronouns, the earlier mention it refers to.
It covers `X said "..."`, `"...," X said`, `"...," said X`, `X: "..."`,
`according to X`, `X warned that "..."`, titles and appositives between
the name and the verb ("Tang Jie, founder of Zhipu AI, said"), and a quote
that continues the previous sentence's quote.

`find_reported_speech` finds indirect speech without quote marks ("X
estimated that ...", "according to X, ...", "..., X said") and the span of
the reported content, so it can be compared with known claims.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from harness.text.mentions import NameMention
from harness.text.quotes import QuoteMention
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

_VERB_RE = re.compile(
    r"\b(?:according\s+to|pointed\s+out|points\s+out|put\s+it|puts\s+it|" + "|".join(SPEECH_VERBS) + r")\b",
    re.IGNORECASE,
)
# Verbs that introduce a reported clause (not just a quoted phrase).
_CLAUSE_VERBS = frozenset(
    [
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
        "suggested",
        "suggests",
        "acknowledged",
        "acknowledges",
        "concluded",
        "concludes",
        "declared",
        "declares",
        "emphasised",
        "emphasized",
        "stressed",
        "stresses",
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
        "highlighted",
        "highlights",
        "put",
        "puts",
        "putting",
        "pegged",
        "pegs",
        "pointed",
        "out",
        "points",
        "out",
        "mentioned",
        "revealed",
        "announced",
        "reported",
        "urged",
        "urges",
        "urging",
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
        "suggest",
        "acknowledge",
        "stress",
        "see",
        "think",
        "expect",
        "seeing",
        "adding",
        "noting",
        "arguing",
        "predicting",
        "admitting",
        "cautioning",
        "insisting",
        "stressing",
    ]
)
_NOT_SPEECH_AFTER = re.compile(r"\s+(?:on|off|up|out|by|for|in)\b", re.IGNORECASE)  # "called on", "put up"


_WORD_RE = re.compile(r"[A-Za-z]+")
_VERB_SET = frozenset(SPEECH_VERBS)
_VERB_FIRST = frozenset({"according", "pointed", "points"})
_VERB_OR_FIRST = _VERB_SET | _VERB_FIRST


def _speech_verbs(text: str) -> list[re.Match[str]]:
    """Speech verbs in `text` (a set lookup per word; the regex runs only on hits)."""
    out = []
    for w in [w for w in _WORD_RE.finditer(text) if w.group().lower() in _VERB_OR_FIRST]:
        m = _VERB_RE.match(text, w.start())
        if m is not None and (w.start() == 0 or not text[w.start() - 1].isalnum()):
            out.append(m)
    return out


@dataclass(frozen=True, slots=True)
class Attribution:
    """The speaker a text gives one quotation.

    `speaker` is the mention as written ("he", "Lin", "Alibaba's Qwen
    lead"), `resolved` the mention it stands for (the antecedent of a
    pronoun; the speaker itself otherwise); both None for an unattributed
    quote. `cue` says how it was found: verb, colon, possessive,
    continuation.
    """

    quote: QuoteMention
    speaker: NameMention | None
    resolved: NameMention | None
    cue: str


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
    ) -> None:
        self.text = text
        self.quotes_in = quotes
        self.mentions_in_arg = mentions
        self.is_speaker_org = is_speaker_org
        self.quotes = list(quotes)
        self.is_person = is_person
        self.gender_of = gender_of
        self.sentences = list(sentence_spans(text, quotes) if sentences is None else sentences)
        self.sentence_starts = [s for s, _ in self.sentences]
        inside = [(q.open_start, q.close_end) for q in quotes]
        self.mentions = [m for m in mentions if not any(a <= m.start < b for a, b in inside)]
        self.mention_starts = [m.start for m in self.mentions]
        self.verbs = [
            v
            for v in _speech_verbs(text)
            if not any(a <= v.start() < b for a, b in inside) and not _NOT_SPEECH_AFTER.match(text, v.end())
        ]

    def sentence_of(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.sentence_starts, pos) - 1
        return self.sentences[max(i, 0)] if self.sentences else (0, len(self.text))

    def mentions_in(self, a: int, b: int) -> list[NameMention]:
        i = bisect_right(self.mention_starts, a - 1)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < b:
            if self.mentions[i].end <= b:
                out.append(self.mentions[i])
            i += 1
        return out

    def resolve(self, m: NameMention | None) -> NameMention | None:
        """A pronoun's antecedent: the nearest earlier person of a fitting gender."""
        if m is None or m.kind != "pronoun":
            return m
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
            if cand.kind != "pronoun" and self.is_person(cand):
                g = self.gender_of(cand)
                if g is None or m.gender is None or g == m.gender:
                    return cand
            i -= 1
        return None

    def subject_before(self, a: int, b: int) -> NameMention | None:
        """The speaker of a verb at `b`: the last person named in [a, b),
        skipping one named inside an appositive ("Wang Lei, a Baidu researcher, said")."""
        cands = [m for m in self.mentions_in(a, b) if self.can_speak(m)]
        people = [m for m in cands if self.is_person(m)]
        if people:
            best = people[-1]
            for earlier in reversed(people[:-1]):
                between = self.text[earlier.end : best.start]
                after = self.text[best.end : b]
                if between.lstrip().startswith(",") and len(between.split()) <= 6 and "," in after:
                    best = earlier
                    break
            return best
        others = [m for m in cands if not m.possessive]
        return others[-1] if others else None

    def can_speak(self, m: NameMention) -> bool:
        return self.is_person(m) or self.is_speaker_org(m)

    def subject_after(self, a: int, b: int) -> NameMention | None:
        """The speaker of an inverted verb ("said Lin"): the first person after it, before a comma."""
        stop = a
        while (
            stop < b
            and self.text[stop] not in '.;!?\n"“”'
            and not (self.text[stop] == "," and stop > a + 1 and self._named_between(a, stop))
        ):
            stop += 1
        cands = [m for m in self.mentions_in(a, stop) if self.can_speak(m)]
        people = [m for m in cands if self.is_person(m)]
        if people:
            return people[0]
        return cands[0] if cands else None

    def _named_between(self, a: int, b: int) -> bool:
        return bool(self.mentions_in(a, b))


_LAST_CONTEXT: list[_Context] = []


def _context(
    text: str,
    quotes: Sequence[QuoteMention],
    mentions: Sequence[NameMention],
    is_person: Callable[[NameMention], bool],
    gender_of: Callable[[NameMention], str | None],
    is_speaker_org: Callable[[NameMention], bool],
    sentences: Sequence[tuple[int, int]] | None,
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
        ):
            return c
    c = _Context(text, quotes, mentions, is_person, gender_of, is_speaker_org, sentences)
    _LAST_CONTEXT[:] = [c]
    return c


def _clause_start(text: str, lo: int, pos: int, quotes: Sequence[QuoteMention]) -> int:
    """Where the clause ending at `pos` begins: sentence start, a ';' or a quote's end."""
    start = lo
    semi = text.rfind(";", lo, pos)
    if semi >= 0:
        start = semi + 1
    for q in quotes:
        if start <= q.close_end <= pos:
            start = q.close_end
    return start


def find_attributions(
    text: str,
    quotes: Sequence[QuoteMention],
    mentions: Sequence[NameMention],
    is_person: Callable[[NameMention], bool] = _default_is_person,
    gender_of: Callable[[NameMention], str | None] = lambda m: None,
    is_speaker_org: Callable[[NameMention], bool] = lambda m: False,
    *,
    sentences: Sequence[tuple[int, int]] | None = None,
) -> list[Attribution]:
    """One `Attribution` per quotation, in the order given.

    `mentions` are the names, descriptions, pronouns and unknown names found
    in `text` (see `harness.text.mentions`); `is_person` says which can be
    speakers; `is_speaker_org` which organisations may speak when no person
    does (places and products never do); `gender_of` helps resolve he/she.
    `sentences` are `sentence_spans(text, quotes)` when the caller has them.
    """
    ctx = _context(text, quotes, mentions, is_person, gender_of, is_speaker_org, sentences)
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
        resolved = ctx.resolve(speaker) if cue != "continuation" or previous is None else previous.resolved
        att = Attribution(q, speaker, resolved, cue if speaker is not None else "")
        out.append(att)
        previous = att
    return out


def _speaker_for(ctx: _Context, q: QuoteMention) -> tuple[NameMention | None, str]:
    text = ctx.text
    s_start, s_end = ctx.sentence_of(q.open_start)
    s_end = max(s_end, q.close_end)
    next_quote = min((o.open_start for o in ctx.quotes if o.open_start >= q.close_end), default=len(text))
    prev_quote_end = max((o.close_end for o in ctx.quotes if o.close_end <= q.open_start), default=0)
    lo = max(s_start, prev_quote_end, text.rfind(";", s_start, q.open_start) + 1)
    before = [v for v in ctx.verbs if lo <= v.start() and v.end() <= q.open_start]
    # 1. A verb right before the quote: `Tang warned that "..."`, `Lin called it "..."`.
    if before:
        v = before[-1]
        lead = text[v.end() : q.open_start]
        if len(lead.split()) <= 6 and not re.search(r"[.;!?]", lead):
            subject = _verb_subject(ctx, v, lo, s_start, q.open_start)
            if subject is not None:
                return subject, "verb"
    # 2. After the quote: `"...," Lin said` / `"...," said Lin` / `"...," he added`.
    for v in ctx.verbs:
        if v.start() < q.close_end:
            continue
        if v.start() >= min(s_end, next_quote):
            break
        gap = text[q.close_end : v.start()]
        words = re.findall(r"[\w’'-]+", gap)
        if len(words) > 9 or re.search(r"[.;!?]", gap.strip(" ,\"”’'")[:-1] if gap.strip() else ""):
            break
        if words and words[0].casefold() in _CONJUNCTIONS:
            break
        subject = ctx.subject_before(q.close_end, v.start())
        if subject is not None:
            return subject, "verb"
        if not gap.strip(" ,\"”’'—–-"):
            after = ctx.subject_after(v.end(), min(s_end, next_quote))
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
        cands = [m for m in ctx.mentions_in(lo, lo + len(lead)) if ctx.can_speak(m)]
        people = [m for m in cands if ctx.is_person(m)]
        if people or cands:
            return (people or cands)[-1], "colon"
    # 5. `In Tang's words, "..."`: a possessive person before the quote.
    poss = [m for m in ctx.mentions_in(lo, q.open_start) if m.possessive and ctx.is_person(m)]
    if poss:
        return poss[-1], "possessive"
    return None, ""


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


def _verb_subject(ctx: _Context, v: re.Match[str], lo: int, s_start: int, limit: int) -> NameMention | None:
    """Who does the speaking verb `v`: `according to X`, `X said`, `said X`,
    or for a participle (`..., warning that`) the sentence's subject."""
    if v.group().casefold().startswith("according"):
        return ctx.subject_after(v.end(), limit)
    clause = _clause_start(ctx.text, lo, v.start(), ctx.quotes)
    subject = ctx.subject_before(clause, v.start()) or ctx.subject_after(v.end(), limit)
    if subject is None:
        # "..., warning that" / "..., but admits": the sentence's subject speaks.
        subject = ctx.subject_before(s_start, v.start())
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
_CONTENT_STOP_RE = re.compile(
    r";|\n|\s[—–]\s|,?\s+(?:while|whereas|even\s+as)\s|,\s+(?:but|though|although|and|as|pointing|citing|adding|"
    r"saying|noting|arguing|warning|calling|urging)\s|[\"“”]",
    re.IGNORECASE,
)


def find_reported_speech(
    text: str,
    quotes: Sequence[QuoteMention],
    mentions: Sequence[NameMention],
    is_person: Callable[[NameMention], bool] = _default_is_person,
    gender_of: Callable[[NameMention], str | None] = lambda m: None,
    is_speaker_org: Callable[[NameMention], bool] = lambda m: False,
    *,
    sentences: Sequence[tuple[int, int]] | None = None,
) -> list[ReportedSpeech]:
    """Indirect speech: who is reported as saying what, with the content's span."""
    ctx = _context(text, quotes, mentions, is_person, gender_of, is_speaker_org, sentences)
    out: list[ReportedSpeech] = []
    for v in ctx.verbs:
        verb = re.sub(r"\s+", " ", v.group().casefold())
        s_start, s_end = ctx.sentence_of(v.start())
        if verb == "according to":
            speaker = ctx.subject_after(v.end(), s_end)
            if speaker is None:
                continue
            comma = text.find(",", speaker.end, s_end)
            if comma >= 0 and comma - speaker.end < 60:
                start, end = comma + 1, s_end
            else:  # "..., according to X."
                start, end = s_start, v.start()
        elif verb in _CLAUSE_VERBS:
            clause = _clause_start(text, s_start, v.start(), quotes)
            stop = _CONTENT_STOP_RE.search(text, clause, v.start())
            while stop:
                clause = stop.end()
                stop = _CONTENT_STOP_RE.search(text, clause, v.start())
            subject = ctx.subject_before(clause, v.start())
            rest = text[v.end() : s_end].strip(" .!?\"”’'*_")
            tail = len(rest.split()) <= 5 and not rest.casefold().startswith("that")
            if tail:
                # "Compute is scarce, Lin said." / "..., said Lin."
                speaker = subject or ctx.subject_after(v.end(), s_end)
                if speaker is None:
                    continue
                comma = text.rfind(",", s_start, min(speaker.start, v.start()))
                if comma <= s_start:
                    continue
                start, end = s_start, comma
            else:
                if subject is None:
                    continue
                speaker = subject
                m = _THAT_RE.match(text, v.end())
                start, end = (m.end() if m else v.end()), s_end
                stop = _CONTENT_STOP_RE.search(text, start, end)
                if stop:
                    end = stop.start()
        else:
            continue
        while end > start and text[end - 1] in " .,;:!?\"”’'*_)":
            end -= 1
        while start < end and text[start] in " ,:\"“‘'*_(":
            start += 1
        if end - start < 8:
            continue
        out.append(ReportedSpeech(speaker, ctx.resolve(speaker), verb, start, end, text[start:end]))
    return out
