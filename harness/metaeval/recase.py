"""Undo the tokenisation and lower-casing of old summarisation outputs.

FRANK's CNN/DM and XSum summaries are lower-cased and PTB-tokenised
(`kilmarnock 's`, `did n't`, ```` `` ````). Our scorers find names by their
capitals and quotes by their marks, so before checking we restore both,
using only the summary and its own article: tokens are re-joined, and each
word takes the casing the article most often gives it. This is
preprocessing the docs report separately, not a change to the labels.
"""

from __future__ import annotations

import re
from collections import Counter

_PTB = (
    (re.compile(r"-lrb-", re.I), "("),
    (re.compile(r"-rrb-", re.I), ")"),
    (re.compile(r"-lsb-", re.I), "["),
    (re.compile(r"-rsb-", re.I), "]"),
    (re.compile(r"-lcb-", re.I), "{"),
    (re.compile(r"-rcb-", re.I), "}"),
    (re.compile(r"``\s*"), "\u201c"),
    (re.compile(r"\s*''"), "\u201d"),
    (re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", re.I), r"\1"),
    (re.compile(r" ([.,;:!?%)\]])"), r"\1"),
    (re.compile(r"([(\[$]) "), r"\1"),
    (re.compile(r"\u201c "), "\u201c"),
    (re.compile(r" \u201d"), "\u201d"),
)
_WORD = re.compile(r"[^\W\d_][\w.-]*")
_CALENDAR = {
    w.lower(): w
    for w in [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
}
_SENTENCE_START = re.compile(r"(^|[.!?]\s+|[\u201c\"]\s*)([a-z])")


def detokenise(text: str) -> str:
    """Re-join PTB tokens: `it 's` -> `it's`, ```` `` x '' ```` -> `“x”`, `-lrb-` -> `(`."""
    for pattern, repl in _PTB:
        text = pattern.sub(repl, text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def _case_counts(article: str) -> tuple[dict[str, Counter[str]], dict[str, Counter[str]]]:
    """(mid-sentence forms, all forms) of each lower-cased word."""
    mid: dict[str, Counter[str]] = {}
    anywhere: dict[str, Counter[str]] = {}
    for match in _WORD.finditer(article):
        word = match.group(0).rstrip(".")
        if not word:
            continue
        key = word.lower()
        anywhere.setdefault(key, Counter())[word] += 1
        before = article[max(0, match.start() - 2) : match.start()]
        if match.start() > 0 and not re.search(r"[.!?\n\"“‘']\s*$|^\s*$", before):
            mid.setdefault(key, Counter())[word] += 1
    return mid, anywhere


def case_table(article: str) -> dict[str, str]:
    """lower-case word -> its commonest form in the article, counting mid-sentence uses first."""
    mid, anywhere = _case_counts(article)
    table = {}
    for key, forms in anywhere.items():
        best = mid.get(key) or forms
        table[key] = best.most_common(1)[0][0]
    return table


def names_table(articles: list[str], min_count: int = 2, min_share: float = 0.8) -> dict[str, str]:
    """Words a corpus of articles capitalises mid-sentence nearly always (names):
    the fallback for summary words that their own article lacks (invented names)."""
    mid: dict[str, Counter[str]] = {}
    for article in articles:
        for key, forms in _case_counts(article)[0].items():
            mid.setdefault(key, Counter()).update(forms)
    table = {}
    for key, forms in mid.items():
        total = sum(forms.values())
        form, n = forms.most_common(1)[0]
        if total >= min_count and form[:1].isupper() and n / total >= min_share:
            table[key] = form
    return table


def truecase(summary: str, article: str, fallback: dict[str, str] | None = None) -> str:
    """Give each word of a lower-cased summary the casing its article uses
    (else the `fallback` table's, e.g. `names_table` over the whole corpus)."""
    if any(c.isupper() for c in summary.replace("UNK", "")):
        return summary  # already cased (e.g. FRANK's bart_cased)
    table = case_table(article)
    fallback = fallback or {}

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        core = word.rstrip(".")
        low = core.lower()
        form = table.get(low) or _CALENDAR.get(low) or fallback.get(low)
        if form is None or form.lower() != core.lower():
            return word
        return form + word[len(core) :]

    text = _WORD.sub(fix, summary)
    return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)


def restore(summary: str, article: str, fallback: dict[str, str] | None = None) -> str:
    """Detokenise, then truecase from the article (and the fallback table)."""
    return truecase(detokenise(summary), article, fallback)
