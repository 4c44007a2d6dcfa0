"""Text analysis for news text: shared by the scorers and source-only extraction.

Everything here works on any news text (a summary or a raw article) and
returns spans as Python string offsets into the text given.

Normalisation (`harness.text.normalize`)
    tokenize(text) -> list[Token]          normalised words with spans
    words(text), content_words(text)       normalised words / minus function words
    split_elisions(text, start, end)       stretches between `...`, `…`, `[...]`
    word_count(text)
Quotations (`harness.text.quotes`)
    extract_quotes(text) -> list[QuoteMention]
        straight/curly/single quotes and guillemets; apostrophes are not quotes
Numbers (`harness.text.numbers`)
    parse_numbers(text) -> list[NumberMention]
        value or low/high, unit (spec.Unit), qualifier (spec.Qualifier), span
Sentences (`harness.text.sentences`)
    sentence_spans(text, quotes=()) -> list[(start, end)]
Names (`harness.text.mentions`)
    AliasTable().add(surface, key, description=False); .finalize()
    find_mentions(text, table) -> list[NameMention]   known names, descriptions, he/she
    find_proper_names(text) -> list[NameCandidate]    capitalised runs (maybe names)
Attribution (`harness.text.attribution`)
    find_attributions(text, quotes, mentions, is_person, gender_of) -> list[Attribution]
    find_reported_speech(text, quotes, mentions, ...) -> list[ReportedSpeech]
"""

from harness.text.attribution import (
    SPEECH_VERBS,
    Attribution,
    ReportedSpeech,
    find_attributions,
    find_reported_speech,
)
from harness.text.mentions import AliasTable, NameCandidate, NameMention, find_mentions, find_proper_names
from harness.text.normalize import (
    STOPWORDS,
    Token,
    content_words,
    normalize_word,
    split_elisions,
    stem,
    tokenize,
    word_count,
    words,
)
from harness.text.numbers import NumberMention, parse_numbers
from harness.text.quotes import QuoteMention, extract_quotes
from harness.text.sentences import line_spans, sentence_spans

__all__ = [
    "SPEECH_VERBS",
    "STOPWORDS",
    "AliasTable",
    "Attribution",
    "NameCandidate",
    "NameMention",
    "NumberMention",
    "QuoteMention",
    "ReportedSpeech",
    "Token",
    "content_words",
    "extract_quotes",
    "find_attributions",
    "find_mentions",
    "find_proper_names",
    "find_reported_speech",
    "line_spans",
    "normalize_word",
    "parse_numbers",
    "sentence_spans",
    "split_elisions",
    "stem",
    "tokenize",
    "word_count",
    "words",
]
