from harness.metaeval.recase import detokenise, restore, truecase

ARTICLE = "Gary Locke will be confirmed as Kilmarnock's manager. The U.S. Army said it. Locke paid tribute."


def test_detokenise_ptb() -> None:
    assert detokenise("locke 's men did n't win , he said .") == "locke's men didn't win, he said."
    assert (
        detokenise("`` it 's over , '' he said -lrb- again -rrb- .")
        == "\u201cit's over,\u201d he said (again)."
    )


def test_truecase_from_the_article() -> None:
    text = truecase("gary locke joined kilmarnock's board in march. the u.s. army said so.", ARTICLE)
    assert text == "Gary Locke joined Kilmarnock's board in March. The U.S. Army said so."


def test_cased_summaries_are_left_alone() -> None:
    assert truecase("Gary locke", ARTICLE) == "Gary locke"
    assert restore("UNK joined locke .", ARTICLE) == "UNK joined Locke."
