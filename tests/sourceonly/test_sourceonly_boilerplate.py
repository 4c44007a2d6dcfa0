from harness.sourceonly.boilerplate import find_boilerplate

STORY = "Headline\n\n" + "The story has several sentences about the thing. " * 20 + "\n"


def test_related_block_runs_to_end_of_file() -> None:
    text = STORY + "Related Articles\nAnother story about something else.\nAnd another.\n"
    [region] = find_boilerplate(text)
    assert text[region.start : region.start + len("Related Articles")] == "Related Articles"
    assert region.end == len(text)
    assert region.to_eof


def test_markers_and_placeholders_are_exact_regions() -> None:
    text = "Title\nTable of Contents\n" + STORY + "See [[INTERNAL_LINK:foo-bar]] here.\nScroll to Top\n"
    regions = find_boilerplate(text)
    assert [text[r.start : r.end] for r in regions] == [
        "Table of Contents",
        "[[INTERNAL_LINK:foo-bar]]",
        "Scroll to Top",
    ]


def test_comment_form_swallows_page_chrome_after_it() -> None:
    text = STORY + "Leave a Comment\n\nYour email address will not be published.\n\nScroll to Top\n"
    regions = find_boilerplate(text)
    assert len(regions) == 1
    assert text[regions[0].start :].startswith("Leave a Comment") and regions[0].end == len(text)


def test_an_early_marker_line_does_not_cut_the_story() -> None:
    text = "Comments\n" + STORY
    assert find_boilerplate(text) == []


def test_ai_disclaimer_and_source_line() -> None:
    text = (
        STORY
        + "This content is AI-generated based on source articles. Verify it.\nSource: https://example.com/a\n"
    )
    reasons = [r.reason for r in find_boilerplate(text)]
    assert reasons == ["AI-generated content disclaimer", "source URL line (metadata)"]


def test_prose_mentioning_markers_is_kept() -> None:
    text = STORY + "He said the related articles were wrong and asked readers to leave a comment.\n"
    assert find_boilerplate(text) == []
