from harness.goldset.model import UNNAMED
from harness.sourceonly.attribution import SpeakerResolver, quote_facts
from harness.sourceonly.entities import SourceText, extract_entities

TEXT = (
    "Analysts gathered in London.\n\n"
    "Lena Hart, who leads Vexa Labs, said the rollout was on track. "
    "\u201cWe are ahead of schedule,\u201d Hart stated. \u201cNobody expected it.\u201d\n\n"
    "Omar Said, a former Vexa engineer, disagreed. \u201cThe numbers do not add up,\u201d he asserted.\n\n"
    "One executive bluntly stated, \u201cThis will fail.\u201d "
    "As one Vexa Labs engineer noted, \u201cIt is the toolchain that is missing.\u201d\n\n"
    "The company called it a \u201cmilestone\u201d in a statement.\n"
)


def _facts() -> dict[str, tuple[str, str | None]]:
    src = SourceText("s", TEXT)
    resolver = SpeakerResolver(extract_entities([src]))
    names = {e.id: e.name for e in resolver.entities.values()}
    return {
        f.quote.text.rstrip(",."): (names.get(f.speaker, f.speaker), f.speaker_description)
        for f in quote_facts(src, resolver)
    }


def test_article_attribution_patterns() -> None:
    facts = _facts()
    assert facts["We are ahead of schedule"][0] == "Lena Hart"  # ..." Hart stated.
    assert facts["Nobody expected it"][0] == "Lena Hart"  # continuation of the previous quote
    assert facts["The numbers do not add up"][0] == "Omar Said"  # he asserted -> Omar Said


def test_unnamed_speakers_are_not_pinned_on_an_organisation() -> None:
    facts = _facts()
    assert facts["This will fail"] == (UNNAMED, "One executive")
    assert facts["It is the toolchain that is missing"] == (UNNAMED, "one Vexa Labs engineer")


def test_scare_quote_without_a_speaker_is_unnamed() -> None:
    assert _facts()["milestone"][0] == UNNAMED
