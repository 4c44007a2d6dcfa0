"""Generated reports in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

Skipped, with the reason, only when /usr/bin/chromium is absent (CI installs it:
`apt-get install -y chromium`). Set HARNESS_SCREENSHOT_DIR to keep the screenshots.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pngstats import decode_png, non_blank
from report_samples import BAD, INJECT_ATTR, INJECT_SCRIPT, sample_check_report

from harness.goldset import GoldSet
from harness.report.html import render_check_report, render_run_report
from harness.report.rundata import load_run
from harness.report.runview import build_view

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(),
        reason=f"{CHROMIUM} is absent: install Debian's chromium (apt-get install -y chromium) "
        "to run the browser tests",
    ),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


class Page:
    """A page plus what it did: requests, console errors, dialogs."""

    def __init__(self, browser: Any, url: str, width: int = 1200, height: int = 800) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(url)

    def close(self) -> None:
        self.context.close()


def keep(shot: Path) -> None:
    target = os.environ.get("HARNESS_SCREENSHOT_DIR")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(target) / shot.name)


def assert_not_blank(png: bytes) -> None:
    colours, share = non_blank(decode_png(png))
    assert colours >= 12, f"screenshot has only {colours} colours"
    assert share >= 0.02, f"screenshot is {100 * (1 - share):.1f}% one colour"


@pytest.fixture
def check_page(browser: Any, tmp_path: Path, mini_goldset: GoldSet) -> Iterator[Page]:
    report, texts = sample_check_report(mini_goldset)
    path = tmp_path / "check-report.html"
    path.write_text(render_check_report(report, mini_goldset, texts), encoding="utf-8")
    page = Page(browser, path.as_uri())
    yield page
    assert page.errors == [], page.errors
    page.close()


@pytest.fixture
def run_page(browser: Any, run_dir: Path, mini_goldset: GoldSet) -> Iterator[Page]:
    path = run_dir / "report.html"
    path.write_text(render_run_report(build_view(load_run(run_dir), mini_goldset)), encoding="utf-8")
    page = Page(browser, path.as_uri(), height=900)
    yield page
    assert page.errors == [], page.errors
    page.close()


def hl(page: Any, text: str) -> Any:
    """The highlight segment of the bad summary whose words are exactly `text`."""
    return page.locator("#s1 .hl").filter(has=page.locator(".t", has_text=text)).filter(has_text=text).first


def test_highlights_sit_on_the_right_words(check_page: Page) -> None:
    page = check_page.page
    segs = page.eval_on_selector_all(
        "#s1 .hl",
        "els => els.map(e => [+e.dataset.start, +e.dataset.end, e.querySelector('.t').textContent,"
        " e.getBoundingClientRect().width, e.tabIndex])",
    )
    assert len(segs) >= 8
    for start, end, text, width, tabindex in segs:
        assert text == BAD[start:end]
        assert width > 0 and tabindex == 0
    texts = {s[2] for s in segs}
    assert {"Alibaba's Tang Jie", "50%", "wildly optimistic", INJECT_ATTR.strip()} <= texts
    assert page.locator("#s0 .hl").count() == 0
    # what a reader sees is the summary itself, tooltips hidden
    visible = page.inner_text("#s1 .text")
    assert visible.replace("\n", " ").strip() == BAD.replace("\n", " ").strip()


def test_hover_shows_kind_message_and_marked_evidence(check_page: Page) -> None:
    page = check_page.page
    seg = page.locator("#s1 .hl[data-kinds='invented_quote number_mismatch']")
    tip = seg.locator(".tip")
    assert tip.is_hidden()
    seg.hover()
    tip.wait_for(state="visible")
    text = tip.inner_text()
    assert "Number mismatch" in text and "Invented quote" in text
    assert "The sources give less than 20%, not 50%." in text
    mark = tip.locator("mark")
    assert mark.first.is_visible() and mark.first.inner_text() == "less than 20%"
    assert "alpha" in text and "reliability: high" in text and "Example Daily" in text
    box = tip.bounding_box()
    assert box is not None and box["width"] > 200 and box["height"] > 60
    page.mouse.move(5, 5)
    tip.wait_for(state="hidden")


def test_keyboard_focus_shows_the_tooltip_and_escape_closes_it(check_page: Page) -> None:
    page = check_page.page
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('hl')"):
            break
    else:
        pytest.fail("no highlight reachable with Tab")
    tip_id = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    tip = page.locator(f"#{tip_id}")
    assert tip.is_visible() and tip.get_attribute("role") == "tooltip"
    page.keyboard.press("Escape")
    assert tip.is_hidden()


def test_side_list_link_focuses_its_highlight(check_page: Page) -> None:
    page = check_page.page
    link = page.locator("#s1-f3 a.goto")  # third finding in reading order: the number mismatch
    assert "Number mismatch" in link.inner_text()
    link.focus()
    page.keyboard.press("Enter")
    active = page.evaluate("[document.activeElement.dataset.kinds, document.activeElement.id]")
    assert "number_mismatch" in active[0] and link.get_attribute("href") == f"#{active[1]}"
    assert page.locator(f"#{active[1]} .tip").is_visible()


def test_injection_attempts_stay_inert(check_page: Page) -> None:
    page = check_page.page
    for i in range(page.locator(".hl").count()):
        page.locator(".hl").nth(i).hover()
    page.mouse.move(5, 5)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert check_page.dialogs == []
    assert page.locator("img").count() == 0
    assert page.evaluate("document.scripts.length") == 2
    assert page.evaluate("[...document.querySelectorAll('*')].some(e => [...e.attributes].some("
                         "a => a.name.startsWith('on')))") is False  # fmt: skip
    body = page.inner_text("#s1 .text")
    assert INJECT_SCRIPT in body and INJECT_ATTR.strip() in body
    title = page.locator("#s1 .hl[data-kinds='invented_quote number_mismatch'] .ev-src").inner_text()
    assert "<script>alert('title')</script>" in title  # the source title, shown as text
    # self-contained: the only request is the file itself
    assert [u for u in check_page.requests if not u.startswith("file://")] == []


def test_print_shows_all_details_inline(check_page: Page, tmp_path: Path) -> None:
    page = check_page.page
    page.emulate_media(media="print")
    assert page.locator(".tip").first.is_hidden()
    detail = page.locator("#s1-f3 .print-only")
    assert detail.is_visible() and "less than 20%" in detail.inner_text()
    after = page.eval_on_selector("#s1 .hl[data-kinds='invented_quote number_mismatch']",
                                  "e => getComputedStyle(e, '::after').content")  # fmt: skip
    assert after == '"[2,3]"'
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000


def test_check_report_screenshot_is_not_blank(check_page: Page, tmp_path: Path) -> None:
    page = check_page.page
    hl(page, "50%").hover()
    shot = tmp_path / "check-report.png"
    png = page.screenshot(path=str(shot))
    keep(shot)
    assert_not_blank(png)


def test_run_report_leaderboard_sorts_and_chart_draws(run_page: Page, tmp_path: Path) -> None:
    page = run_page.page

    def models() -> list[str]:
        return page.eval_on_selector_all("#leaderboard tbody th", "els => els.map(e => e.textContent)")

    assert models() == ["human:reference", "baseline:lead", "local:smollm2"]
    page.click("#leaderboard th[data-col='1'] button")  # Model: text sorts ascending first
    assert models() == ["baseline:lead", "human:reference", "local:smollm2"]
    assert page.get_attribute("#leaderboard th[data-col='1']", "aria-sort") == "ascending"
    page.click("#leaderboard th[data-col='1'] button")
    assert models() == ["local:smollm2", "human:reference", "baseline:lead"]
    page.click("#leaderboard th[data-col='2'] button")  # Score: numbers sort descending first
    assert models() == ["human:reference", "baseline:lead", "local:smollm2"]
    assert page.get_attribute("#leaderboard th[data-col='1']", "aria-sort") is None
    page.focus("#leaderboard th[data-col='2'] button")
    page.keyboard.press("Enter")  # keyboard works too
    assert models() == ["local:smollm2", "baseline:lead", "human:reference"]
    assert page.get_attribute("#leaderboard th[data-col='2']", "aria-sort") == "ascending"

    widths = page.eval_on_selector_all(
        "svg rect.bar",
        "els => els.map(e => [e.dataset.model, e.dataset.kind, e.getBoundingClientRect().width])",
    )
    by = {(m, k): w for m, k, w in widths}
    assert by[("local:smollm2", "wrong_affiliation")] > by[("baseline:lead", "wrong_affiliation")] > 0
    assert by[("human:reference", "wrong_affiliation")] == 0
    # a summary of the run: hover shows evidence there too
    seg = page.locator(".summary .hl[data-kinds~='wrong_affiliation']").first
    seg.scroll_into_view_if_needed()
    seg.hover()
    assert seg.locator(".tip mark").first.is_visible()
    page.mouse.move(5, 5)
    page.evaluate("window.scrollTo(0, 0)")
    shot = tmp_path / "run-report.png"
    png = page.screenshot(path=str(shot))
    keep(shot)
    assert_not_blank(png)
    assert [u for u in run_page.requests if not u.startswith("file://")] == []
