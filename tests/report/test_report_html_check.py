"""`render_check_report`: findings in place, evidence, escaping, links, determinism."""

from __future__ import annotations

import json
import re

import pytest
from htmlscan import Scan, element, highlights
from report_samples import BAD, INJECT_ATTR, INJECT_SCRIPT

from harness.findings import CheckReport, SummaryResult
from harness.goldset import GoldSet
from harness.report.common import sorted_findings
from harness.report.html import render_check_report, script_json


@pytest.fixture
def page(check_sample: tuple[CheckReport, dict[str, str]], mini_goldset: GoldSet) -> str:
    report, texts = check_sample
    return render_check_report(report, mini_goldset, texts, generated_at="2026-01-01 00:00 UTC")


def test_every_highlight_covers_the_right_words_and_every_finding_is_highlighted(
    page: str, check_sample: tuple[CheckReport, dict[str, str]]
) -> None:
    report, _ = check_sample
    bad = report.summaries[1]
    findings = sorted_findings(bad.findings)
    hls = highlights(page, "s1")
    assert hls, "no highlights rendered"
    for h in hls:
        assert h["text"] == BAD[int(h["start"]) : int(h["end"])]
    # each finding's span is exactly the union of the segments that list it
    for n, f in enumerate(findings, 1):
        mine = [h for h in hls if str(n) in h["refs"].split(",")]
        assert mine, f"finding {n} ({f.kind}) has no highlight"
        assert int(mine[0]["start"]) == f.start and int(mine[-1]["end"]) == f.end
        assert "".join(h["text"] for h in mine) == f.text
        assert all(f.kind in h["kinds"].split() for h in mine)
    assert highlights(page, "s0") == []  # the good summary has none


def test_overlapping_findings_share_a_segment_that_lists_both(page: str) -> None:
    hls = highlights(page, "s1")
    fifty = [h for h in hls if h["text"] == "50%"]
    assert len(fifty) == 1
    assert set(fifty[0]["kinds"].split()) == {"invented_quote", "number_mismatch"}
    assert "multi" in fifty[0]["classes"] and "sev-error" in fifty[0]["classes"]
    # the invented quote continues on both sides of "50%"
    assert any(h["text"] == "a " for h in hls) and any(
        h["text"].startswith(" chance of overtaking") for h in hls
    )


def test_severity_colours_and_accessible_tooltips(page: str) -> None:
    scan = Scan(page)
    hls = highlights(page, "s1")
    by_text = {h["text"]: h for h in hls}
    assert "sev-error" in by_text["Alibaba's Tang Jie"]["classes"]
    assert "sev-warning" in by_text[INJECT_ATTR.strip()]["classes"]
    assert "sev-info" in by_text['"']["classes"]  # quote marks around "wildly optimistic": info only
    for h in hls:
        assert h["describedby"] == h["tip_id"] and h["tip_id"] in scan.ids


def test_tooltip_shows_kind_message_and_marked_evidence_with_source_details(page: str) -> None:
    hls = highlights(page, "s1")
    seg = next(h for h in hls if h["text"] == "50%")
    tip = element(page, seg["tip_id"])
    assert tip.startswith('<span class="tip" role="tooltip"') and tip.count('<span class="fd">') == 2
    assert "Number mismatch" in tip and "Invented quote" in tip
    assert "The sources give less than 20%, not 50%." in tip
    assert "<mark>less than 20%</mark>" in tip
    assert "Lin Junyang, technical lead of Alibaba&#x27;s Qwen team, said there is a " in tip
    assert "<b>alpha</b>" in tip and "reliability: high" in tip and "Example Daily" in tip
    assert "No source text supports these words." in tip  # the invented quote has no evidence


def test_side_list_links_to_each_highlight(page: str) -> None:
    scan = Scan(page)
    links = [a["href"] for a in scan.find("a") if "goto" in str(a.get("class"))]
    assert len(links) == 8
    for href in links:
        assert href and href.startswith("#") and href[1:] in scan.ids
    assert {"s1-f1", "s1-f8"} <= scan.ids


def test_injection_in_summary_source_title_and_message_stays_text(page: str) -> None:
    scan = Scan(page)
    # only our two scripts: the JSON data block and the inline JS
    scripts = scan.find("script")
    assert len(scripts) == 2 and scripts[0].get("type") == "application/json"
    assert not scan.find("img")
    for tag, attrs in scan.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
    assert INJECT_SCRIPT not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in page  # source title
    assert "onmouseover=&quot;window.__pwned=2&quot;" in page
    data = json.loads(scan.script_bodies[0])
    assert data["summaries"][1]["path"] == "briefs/bad.md"


def test_embedded_json_cannot_close_its_script() -> None:
    nasty = {"x": "</script><script>alert(1)</script><!-- \u2028 & >"}
    text = script_json(nasty)
    assert "</" not in text and "<!--" not in text and "\u2028" not in text
    assert json.loads(text) == nasty


def test_no_network_resources(page: str) -> None:
    scan = Scan(page)
    for tag, attrs in scan.tags:
        assert "src" not in attrs, tag
        href = attrs.get("href")
        assert href is None or href.startswith("#"), (tag, href)
    assert (
        "@import" not in page
        and "url(" not in page
        and "http://" not in page.replace("http://www.w3.org", "")
    )
    assert "default-src 'none'" in page  # CSP: the page cannot fetch anything


def test_output_is_deterministic_except_the_generated_line(
    check_sample: tuple[CheckReport, dict[str, str]], mini_goldset: GoldSet
) -> None:
    report, texts = check_sample
    a = render_check_report(report, mini_goldset, texts, generated_at="A")
    b = render_check_report(report, mini_goldset, texts, generated_at="A")
    c = render_check_report(report, mini_goldset, texts, generated_at="B")
    assert a == b
    diff = [(x, y) for x, y in zip(a.splitlines(), c.splitlines(), strict=True) if x != y]
    assert len(diff) == 1 and "Generated at" in diff[0][0]
    assert re.search(
        r"Generated at \d{4}-\d\d-\d\d \d\d:\d\d UTC", render_check_report(report, mini_goldset, texts)
    )


def test_print_styles_show_details_inline(page: str) -> None:
    css = page[page.index("<style>") : page.index("</style>")]
    print_css = css[css.index("@media print") :]
    assert ".print-only{display:block}" in print_css and ".tip{display:none!important}" in print_css
    assert 'content:"[" attr(data-refs) "]"' in print_css
    # the full detail of each finding is in the side list for print
    assert page.count('<span class="print-only"><span class="fd">') == 8


def test_summary_without_text_lists_its_findings(
    check_sample: tuple[CheckReport, dict[str, str]], mini_goldset: GoldSet
) -> None:
    report, _ = check_sample
    out = render_check_report(report, mini_goldset, {}, generated_at="x")
    assert "The summary text is not available" in out
    assert out.count('<li id="s1-f') == 8 and 'class="hl ' not in out.split("</header>", 1)[1]


def test_offsets_that_disagree_with_the_text_are_flagged(mini_goldset: GoldSet) -> None:
    from harness.findings import make_finding

    f = make_finding("invented_quote", 0, 5, "Hello world", "x")
    report = CheckReport(goldset="mini", scorer="t", summaries=[SummaryResult(path="a", findings=[f])])
    out = render_check_report(report, mini_goldset, {"a": "Howdy world"}, generated_at="x")
    assert "1 finding(s) quote text that differs from the summary" in out
