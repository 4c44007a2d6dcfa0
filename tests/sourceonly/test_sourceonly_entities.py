from harness.sourceonly.entities import EntityDraft, SourceText, extract_entities

A = (
    "Tech leaders met in Paris on Monday.\n\n"
    "Maria Keller, chief executive of Nordwind Energy, said the market was weak. "
    "Keller added that prices would fall. She expects a recovery next year.\n\n"
    "Tom Brandt, a former Siemens engineer now leading research at Nordwind, disagreed. "
    "Nordwind's chief economist Ana Ruiz said growth would return.\n"
)
B = (
    "Markets were calm in Berlin.\n\n"
    "Keller Maria, who runs Nordwind Energy, told reporters that demand is rising. "
    "Peter Smith, head of Atlas Bank, warned of risks. Smith said rates matter.\n"
)
C = "A different story.\n\nJohn Smith, captain of Rovers FC, said the team was ready.\n"


def _entities(*texts: str) -> dict[str, EntityDraft]:
    """Entities by every one of their names."""
    ents = extract_entities([SourceText(f"s{i}", t) for i, t in enumerate(texts)])
    return {name: e for e in ents for name in e.surfaces}


def test_people_orgs_places_and_short_forms() -> None:
    ents = _entities(A)
    keller = ents["Maria Keller"]
    assert keller.kind == "person"
    assert "Keller" in keller.aliases
    assert keller.gender == "female"
    assert ents["Nordwind Energy"].kind == "organisation"
    assert ents["Nordwind"] is ents["Nordwind Energy"]  # short form of an organisation
    assert ents["Paris"].kind == "place"


def test_affiliations_from_appositives_and_premodifiers() -> None:
    ents = _entities(A)
    org = ents["Nordwind Energy"].id
    [aff] = ents["Maria Keller"].affiliations
    assert (aff.org, aff.role, aff.current) == (org, "chief executive of Nordwind Energy", True)
    assert aff.anchors[0].text == "Maria Keller, chief executive of Nordwind Energy"
    brandt = {(a.org, a.current) for a in ents["Tom Brandt"].affiliations}
    assert brandt == {(ents["Siemens"].id, False), (org, True)}
    [ruiz] = ents["Ana Ruiz"].affiliations
    assert ruiz.org == org and ruiz.role == "chief economist"


def test_name_order_variant_and_shared_org_merge_across_sources() -> None:
    ents = _entities(A, B)
    keller = ents["Maria Keller"]
    assert ents["Keller Maria"] is keller
    assert {m.source for m in keller.mentions} == {"s0", "s1"}


def test_same_surname_in_unrelated_articles_is_not_merged() -> None:
    ents = _entities(B, C)
    assert "Peter Smith" in ents and "John Smith" in ents
    assert ents["Peter Smith"].id != ents["John Smith"].id
    peter_sources = {m.source for m in ents["Peter Smith"].mentions}
    assert peter_sources == {"s0"}  # "Smith" in s0 is Peter; John's "Smith" stays with John


def test_sentence_initial_words_and_headlines_are_not_entities() -> None:
    text = (
        "Why The Market Fell Again Today\n\nMeanwhile, Despite the rain, crowds came. Restrictions remain.\n"
    )
    ents = _entities(text)
    assert not {"Why", "Market", "Meanwhile", "Despite", "Restrictions"} & set(ents)
