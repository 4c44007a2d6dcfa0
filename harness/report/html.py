"""Self-contained HTML reports: one file, inline CSS and JS, no network, works from file://.

`render_check_report` shows each summary with its findings highlighted in place;
`render_run_report` adds a run's leaderboard, scorecards and a per-kind chart.

Everything that comes from summaries, sources or gold sets goes through `esc`
(html.escape with quote=True) and is only ever placed in text or attribute
positions; the small script never builds HTML from data. Output is
deterministic: the same inputs give the same bytes except the generated-at line.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from harness.findings import CheckReport, Finding, SummaryResult
from harness.goldset.model import GoldSet
from harness.report.common import (
    evidence_view,
    finding_facts,
    kind_label,
    kind_sort_key,
    segment,
    severity_counts,
    sorted_findings,
    worst_severity,
)
from harness.report.runview import METRICS, Row, RunView


def esc(value: object) -> str:
    """Escape for HTML text and (double- or single-quoted) attribute values."""
    return html.escape(str(value), quote=True)


def script_json(data: Any) -> str:
    """JSON safe inside <script type="application/json">: no `</`, `<!--` or U+2028/9 can end it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def generated_line(generated_at: str | None) -> str:
    stamp = generated_at or datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f'<footer class="page"><p class="generated">Generated at {esc(stamp)}</p></footer>'


CSS = """
:root{--ink:#1b1b1b;--muted:#595959;--line:#d0d0d0;--paper:#fff;--bg:#f5f5f3;
--err:#a4161a;--err-bg:#fbdcdc;--warn:#7a5200;--warn-bg:#fdecb8;--info:#1d4f91;--info-bg:#dde9f8;--focus:#111}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,
"Helvetica Neue",Arial,sans-serif}
header.page,main{max-width:76rem;margin:0 auto;padding:0 1.25rem}
header.page{padding-top:1.25rem}
h1{font-size:1.6rem;margin:.2rem 0 .4rem}
h2{font-size:1.2rem;margin:0 0 .3rem;overflow-wrap:anywhere}
h3{font-size:1rem;margin:0 0 .5rem}
.meta,.generated{color:var(--muted);margin:.2rem 0}
.legend{display:flex;flex-wrap:wrap;gap:.4rem .9rem;margin:.6rem 0;padding:0;list-style:none}
.legend li{display:flex;align-items:center;gap:.35rem}
a{color:#0b4fa0}
a:focus-visible,button:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.card{background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:1rem 1.2rem;
margin:1rem 0}
.layout{display:grid;grid-template-columns:minmax(0,1fr) minmax(15rem,22rem);gap:1.4rem;align-items:start}
.text{white-space:pre-wrap;overflow-wrap:break-word;font:1.07rem/1.75 Georgia,"Times New Roman",serif;
margin:0}
.missing{color:var(--muted);font-style:italic}
.hl{position:relative;border-radius:2px;border-bottom:2px solid;cursor:help;
-webkit-print-color-adjust:exact;print-color-adjust:exact}
.hl.sev-error{background:var(--err-bg);border-color:var(--err)}
.hl.sev-warning{background:var(--warn-bg);border-color:var(--warn)}
.hl.sev-info{background:var(--info-bg);border-color:var(--info)}
.hl.multi{border-bottom:3px double var(--ink)}
.hl:focus{outline:3px solid var(--focus);outline-offset:1px}
.hl.pin .t{font:700 .9em system-ui,sans-serif;padding:0 .1em}
.tip{display:none;position:absolute;z-index:20;left:0;top:100%;margin-top:6px;width:min(32rem,86vw);
background:var(--paper);color:var(--ink);border:1px solid #777;border-radius:6px;
box-shadow:0 6px 22px rgba(0,0,0,.22);padding:.6rem .8rem;white-space:normal;cursor:auto;text-align:left;
font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
.tip.flip{left:auto;right:0}
.hl:hover>.tip,.hl:focus-within>.tip{display:block}
.tip .fd+.fd{border-top:1px solid var(--line);margin-top:.55rem;padding-top:.55rem}
.fd-head{display:block;font-weight:600}
.fd-msg,.fd-facts,.ev,.ev-src,.ev-text{display:block}
.fd-msg{margin:.2rem 0}
.fd-facts{color:var(--muted);font-size:.92em}
.ev{margin-top:.35rem;border-left:3px solid var(--line);padding-left:.55rem}
.ev-src{font-size:.88em;color:var(--muted)}
.ev-text{font-family:Georgia,"Times New Roman",serif}
.ev-none{display:block;margin-top:.3rem;font-style:italic;color:var(--muted)}
mark{background:#ffe45c;color:inherit;padding:0 .1em;
-webkit-print-color-adjust:exact;print-color-adjust:exact}
.badge{display:inline-block;font:600 .72rem/1.5 system-ui,sans-serif;text-transform:uppercase;
letter-spacing:.03em;padding:0 .4em;border-radius:3px;color:#fff;vertical-align:1px;
-webkit-print-color-adjust:exact;print-color-adjust:exact}
.badge.sev-error{background:var(--err)}.badge.sev-warning{background:var(--warn)}.badge.sev-info{background:var(--info)}
.side ol{margin:0;padding-left:1.6rem}
.side li{margin:0 0 .6rem}
.side li:target{background:#fff7c7}
.side a.goto{text-decoration:none}.side a.goto .k{text-decoration:underline}
.side q{font-family:Georgia,serif;color:#333}
.side .msg{display:block;color:var(--muted);font-size:.92em}
.print-only{display:none}
.ok{color:#1d6b2f;font-weight:600}
.counts{display:flex;flex-wrap:wrap;gap:.3rem .8rem;margin:.2rem 0 .6rem;padding:0;list-style:none}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{padding:.35rem .55rem;border-bottom:1px solid var(--line);text-align:right;white-space:nowrap}
th:first-child,td:first-child,th.l,td.l{text-align:left}
thead th{background:#ececea}
thead th{white-space:normal;vertical-align:bottom;line-height:1.25}
th button{all:unset;cursor:pointer;font-weight:700}
.card table.compact th,.card table.compact td{padding:.2rem .35rem;font-size:.92em}
footer.page{max-width:76rem;margin:0 auto;padding:0 1.25rem 1.5rem}
th button::after{content:" \\2195";color:var(--muted);font-weight:400}
th[aria-sort=ascending] button::after{content:" \\2191"}
th[aria-sort=descending] button::after{content:" \\2193"}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(20rem,1fr));gap:1rem}
.grid .card{margin:0}
dl.metrics{display:grid;grid-template-columns:auto auto;gap:.1rem 1rem;margin:0 0 .6rem}
dl.metrics dt{color:var(--muted)}dl.metrics dd{margin:0;text-align:right;font-variant-numeric:tabular-nums}
.chart svg{max-width:100%;height:auto;font:12px system-ui,sans-serif}
nav.toc ul{columns:18rem;margin:.3rem 0;padding-left:1.2rem}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:52rem){.layout{grid-template-columns:1fr}}
@media print{
body{background:#fff;font-size:11pt}
header.page,main{max-width:none;padding:0}
.card{border:none;border-top:1px solid #999;border-radius:0;padding:.6rem 0;margin:.6rem 0}
.layout{display:block}
.tip{display:none!important}
.hl{cursor:auto}
.hl::after{content:"[" attr(data-refs) "]";font:600 .7em system-ui,sans-serif;vertical-align:super;color:#000}
.side{margin-top:.8rem}
.side li{break-inside:avoid}
.print-only{display:block}
.print-only .fd-head,.print-only .fd-msg,.legend .hint{display:none}
.legend .hl::after{content:none}
a{color:inherit;text-decoration:none}
th button::after{content:""}
section.summary{break-inside:auto}
h2,h3{break-after:avoid}
}
"""

JS = """
(function(){
function go(e){var a=e.target.closest&&e.target.closest('a.goto');if(!a)return;
var id=a.getAttribute('href').slice(1),el=document.getElementById(id);if(!el)return;
e.preventDefault();el.scrollIntoView({block:'center'});el.focus({preventScroll:true});
try{history.replaceState(null,'','#'+id)}catch(_){}}
document.addEventListener('click',go);
function place(e){var h=e.target.closest&&e.target.closest('.hl');if(!h)return;var t=h.querySelector('.tip');
if(!t)return;t.classList.remove('flip');var r=h.getBoundingClientRect();
if(r.left+Math.min(512,window.innerWidth*0.86)>window.innerWidth)t.classList.add('flip');}
document.addEventListener('mouseover',place);document.addEventListener('focusin',place);
document.addEventListener('keydown',function(e){var a=document.activeElement;
if(e.key==='Escape'&&a&&a.classList&&a.classList.contains('hl'))a.blur();});
document.querySelectorAll('table.sortable').forEach(function(tb){
tb.querySelectorAll('th[data-col] button').forEach(function(b){b.addEventListener('click',function(){
var th=b.parentNode,col=+th.getAttribute('data-col'),num=th.hasAttribute('data-num');
var cur=th.getAttribute('aria-sort'),asc=cur?cur==='descending':!num;
tb.querySelectorAll('th[data-col]').forEach(function(o){o.removeAttribute('aria-sort')});
th.setAttribute('aria-sort',asc?'ascending':'descending');
var body=tb.tBodies[0],rows=Array.prototype.slice.call(body.rows);
rows.sort(function(x,y){var a=x.cells[col].getAttribute('data-v'),c=y.cells[col].getAttribute('data-v');
if(num){var p=parseFloat(a),q=parseFloat(c),pn=isNaN(p),qn=isNaN(q);
if(pn||qn)return pn-qn;return asc?p-q:q-p;}
return asc?a.localeCompare(c):c.localeCompare(a);});
rows.forEach(function(r){body.appendChild(r)});});});});
})();
"""


def page(title: str, body: str, data: Any, generated_at: str | None) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"{body}"
        f"{generated_line(generated_at)}\n"
        f'<script type="application/json" id="report-data">{script_json(data)}</script>\n'
        f"<script>{JS}</script>\n</body>\n</html>\n"
    )


def legend() -> str:
    items = "".join(
        f'<li><span class="hl sev-{s}" aria-hidden="true">&nbsp;{label}&nbsp;</span></li>'
        for s, label in (("error", "error"), ("warning", "warning"), ("info", "info"))
    )
    return (
        '<ul class="legend" aria-label="Legend">'
        f"{items}"
        '<li><span class="hl sev-error multi" aria-hidden="true">&nbsp;overlapping findings&nbsp;</span></li>'
        '<li class="hint">Hover or focus (Tab) a highlight for the evidence; Esc closes.</li></ul>\n'
    )


# --- one summary --------------------------------------------------------------------------


def finding_detail(f: Finding, goldset: GoldSet | None, ref: str, number: int) -> str:
    """Kind, message, facts and evidence for one finding (phrasing content only)."""
    facts = finding_facts(f, goldset)
    facts_html = (
        '<span class="fd-facts">' + " · ".join(f"{esc(k)}: {esc(v)}" for k, v in facts) + "</span>"
        if facts
        else ""
    )
    evidence = "".join(evidence_html(ev, goldset) for ev in f.evidence)
    if not f.evidence:
        evidence = '<span class="ev-none">No source text supports these words.</span>'
    return (
        '<span class="fd">'
        f'<span class="fd-head"><span class="badge sev-{esc(f.severity)}">{esc(f.severity)}</span> '
        f'{esc(kind_label(f.kind))} <a class="ref" href="#{esc(ref)}">#{number}</a></span>'
        f'<span class="fd-msg">{esc(f.message)}</span>{facts_html}{evidence}</span>'
    )


def evidence_html(ev: Any, goldset: GoldSet | None) -> str:
    view = evidence_view(ev, goldset)
    src = [f"<b>{esc(view.source_id)}</b>"]
    if view.title:
        src.append(f"“{esc(view.title)}”")
    if view.outlet:
        src.append(esc(view.outlet))
    if view.reliability:
        reason = f' title="{esc(view.reliability_reason)}"' if view.reliability_reason else ""
        src.append(f"<span{reason}>reliability: {esc(view.reliability)}</span>")
    if not view.located:
        src.append("(offsets not checked against the source)")
    return (
        f'<span class="ev"><span class="ev-src">{" · ".join(src)}</span>'
        f'<span class="ev-text">{esc(view.before)}<mark>{esc(view.marked)}</mark>'
        f"{esc(view.after)}</span></span>"
    )


def summary_section(
    prefix: str,
    heading: str,
    result: SummaryResult,
    text: str | None,
    goldset: GoldSet | None,
    level: int = 2,
    missing: str = "The summary text is not available; findings are listed only.",
) -> str:
    findings = sorted_findings(result.findings)
    numbers = {id(f): i + 1 for i, f in enumerate(findings)}
    counts = severity_counts(findings)
    meta = []
    if result.task:
        meta.append(f"task <b>{esc(result.task)}</b>")
    meta.append(_sev_text(counts))
    meta.extend(stats_bits(result.stats))
    first_segment: dict[int, str] = {}
    body: list[str] = []
    if text is None:
        body.append(f'<p class="missing">{esc(missing)}</p>')
    else:
        body.append('<div class="text">')
        for k, seg in enumerate(segment(len(text), [(f.start, f.end) for f in findings])):
            piece = text[seg.start : seg.end]
            if not seg.findings:
                body.append(esc(piece))
                continue
            seg_id = f"{prefix}-g{k}"
            covering = [findings[i] for i in seg.findings]
            for i in seg.findings:
                first_segment.setdefault(i, seg_id)
            refs = ",".join(str(i + 1) for i in seg.findings)
            classes = f"hl sev-{worst_severity(covering)}"
            if len(covering) > 1:
                classes += " multi"
            if seg.start == seg.end:
                classes += " pin"
            tip = "".join(
                finding_detail(f, goldset, f"{prefix}-f{numbers[id(f)]}", numbers[id(f)]) for f in covering
            )
            shown = esc(piece) if piece else '<span aria-label="finding here">⁁</span>'
            body.append(
                f'<span class="{classes}" tabindex="0" id="{seg_id}" data-start="{seg.start}" '
                f'data-end="{seg.end}" data-refs="{refs}" '
                f'data-kinds="{esc(" ".join(f.kind for f in covering))}" '
                f'aria-describedby="{seg_id}-tip"><span class="t">{shown}</span>'
                f'<span class="tip" role="tooltip" id="{seg_id}-tip">{tip}</span></span>'
            )
        body.append("</div>")
        mismatched = sum(1 for f in findings if text[f.start : f.end] != f.text)
        if mismatched:
            body.append(
                f'<p class="missing">{mismatched} finding(s) quote text that differs from the summary '
                "at their "
                "offsets; the highlights follow the offsets.</p>"
            )
    side = [f'<aside class="side" aria-labelledby="{prefix}-list"><h{level + 1} id="{prefix}-list">']
    side.append(f"Findings ({len(findings)})</h{level + 1}>")
    if findings:
        side.append("<ol>")
        for i, f in enumerate(findings):
            n = i + 1
            target = first_segment.get(i)
            head = (
                f'<span class="badge sev-{esc(f.severity)}">{esc(f.severity)}</span> '
                f'<span class="k">{esc(kind_label(f.kind))}</span>'
            )
            link = f'<a class="goto" href="#{target}">{head}</a>' if target else head
            side.append(
                f'<li id="{prefix}-f{n}" value="{n}">{link} <q>{esc(_clip(f.text, 90))}</q>'
                f'<span class="msg">{esc(f.message)}</span>'
                f'<span class="print-only">{finding_detail(f, goldset, f"{prefix}-f{n}", n)}</span></li>'
            )
        side.append("</ol>")
    else:
        side.append('<p class="ok">No findings.</p>')
    side.append("</aside>")
    h = f"h{level}"
    return (
        f'<section class="card summary" id="{prefix}" aria-labelledby="{prefix}-h">\n'
        f'<{h} id="{prefix}-h">{esc(heading)}</{h}>\n<p class="meta">{" · ".join(meta)}</p>\n'
        f'<div class="layout"><div>{"".join(body)}</div>{"".join(side)}</div>\n</section>\n'
    )


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def stats_bits(stats: Mapping[str, float | int]) -> list[str]:
    """Short readable counts from a summary's stats, where present."""
    out = []
    if "words" in stats:
        out.append(f"{stats['words']:g} words")
    pairs = (
        ("quotes_verbatim", "quotes", "quotes verbatim"),
        ("attributions_correct", "attributed_quotes", "attributions correct"),
        ("numbers_correct", "numbers", "numbers correct"),
        ("key_claims_covered", "key_claims", "key facts covered"),
    )
    for num, den, label in pairs:
        if den in stats and num in stats:
            out.append(f"{stats[num]:g}/{stats[den]:g} {label}")
    return [esc(b) for b in out]


# --- check report ----------------------------------------------------------------------------


def render_check_report(
    report: CheckReport, goldset: GoldSet, texts: dict[str, str], *, generated_at: str | None = None
) -> str:
    """One HTML page for `harness check --format html`: every summary with its findings in place."""
    total = severity_counts([f for r in report.summaries for f in r.findings])
    head = (
        '<header class="page">\n<h1>Faithfulness report</h1>\n'
        f'<p class="meta">Gold set <b>{esc(report.goldset)}</b> ({esc(goldset.title)}) · scorer '
        f"{esc(report.scorer)} · {_plural(len(report.summaries))} · "
        f"{_sev_text(total)}</p>\n"
        f"{legend()}</header>\n"
    )
    sections = [
        summary_section(f"s{i}", r.path, r, texts.get(r.path), goldset)
        for i, r in enumerate(report.summaries)
    ]
    toc = ""
    if len(report.summaries) > 1:
        items = "".join(
            f'<li><a href="#s{i}">{esc(r.path)}</a> — {_counts_text(r.findings)}</li>'
            for i, r in enumerate(report.summaries)
        )
        toc = f'<nav class="card toc" aria-label="Summaries"><h2>Summaries</h2><ul>{items}</ul></nav>\n'
    body = f"{head}<main>\n{toc}{''.join(sections)}</main>\n"
    data = report.model_dump(mode="json")
    return page(f"Faithfulness report — {report.goldset}", body, data, generated_at)


def _plural(n: int) -> str:
    return f"{n} summar{'y' if n == 1 else 'ies'}"


def _counts_text(findings: Sequence[Finding]) -> str:
    if not findings:
        return '<span class="ok">no findings</span>'
    return _sev_text(severity_counts(findings), ", ")


def _sev_text(c: Mapping[str, int], sep: str = " · ") -> str:
    e, w = c.get("error", 0), c.get("warning", 0)
    return f"{e} error{'s' * (e != 1)}{sep}{w} warning{'s' * (w != 1)}{sep}{c.get('info', 0)} info"


# --- run report ------------------------------------------------------------------------------

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#8C6D1F", "#000000")


def _num(value: float | None, pct: bool = False) -> str:
    if value is None:
        return "–"
    return f"{value * 100:.0f}%" if pct else f"{value:.3g}"


def _data_v(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def leaderboard_html(view: RunView) -> str:
    metrics = [m for m in METRICS if any(r.metrics.get(m.key) is not None for r in view.rows)]
    show_failures = any(r.failures for r in view.rows)
    cols = [
        ("#", True, "l"),
        ("Model", False, "l"),
        ("Score", True, ""),
        ("Summaries", True, ""),
        *([("Failed", True, "")] if show_failures else []),
        ("Errors per summary", True, ""),
    ] + [(m.label, True, "") for m in metrics]
    head = []
    for i, (label, num, cls) in enumerate(cols):
        sort = ' aria-sort="descending"' if label == "Score" else ""
        head.append(
            f'<th scope="col" data-col="{i}"{" data-num" if num else ""}{sort}'
            f"{f' class={chr(34)}{cls}{chr(34)}' if cls else ''}>"
            f'<button type="button">{esc(label)}</button></th>'
        )
    body = []
    for rank, row in enumerate(view.rows, 1):
        cells = [
            f'<td class="l" data-v="{rank}">{rank}</td>',
            f'<th scope="row" class="l" data-v="{esc(row.model)}">'
            f'<a href="#m-{rank}">{esc(row.model)}</a></th>',
            f'<td data-v="{_data_v(row.score)}"><b>{_num(row.score)}</b></td>',
            f'<td data-v="{row.n_summaries}">{row.n_summaries}</td>',
            *([f'<td data-v="{row.failures}">{row.failures}</td>'] if show_failures else []),
            f'<td data-v="{_data_v(row.errors_per_summary)}">{_num(row.errors_per_summary)}</td>',
        ]
        for m in metrics:
            v = row.metrics.get(m.key)
            cells.append(f'<td data-v="{_data_v(v)}">{_num(v, m.pct)}</td>')
        body.append(f"<tr>{''.join(cells)}</tr>")
    return (
        '<section class="card" aria-labelledby="lb-h"><h2 id="lb-h">Leaderboard</h2>'
        '<p class="meta">Sorted by score; choose a column heading to sort by it.</p>'
        '<div style="overflow-x:auto"><table class="sortable" id="leaderboard">'
        f"<thead><tr>{''.join(head)}</tr></thead><tbody>{''.join(body)}</tbody></table></div></section>\n"
    )


def kind_chart_svg(view: RunView) -> str:
    """Grouped horizontal bars: for each finding kind, one bar per model (findings per summary)."""
    kinds = view.kinds_present()
    rows = view.rows
    if not kinds or not rows:
        return '<p class="ok">No findings in this run.</p>'
    label_w, plot_w, bar_h, gap, group_gap, top = 200, 440, 14, 3, 14, 34
    vmax = max((r.kind_rates.get(k, 0.0) for r in rows for k in kinds), default=0.0) or 1.0
    step = _nice_step(vmax / 4)
    axis_max = step * max(1, -(-vmax // step))
    group_h = len(rows) * (bar_h + gap) - gap
    height = top + len(kinds) * (group_h + group_gap) + 20
    width = label_w + plot_w + 70
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {int(height)}" width="{width}" '
        f'height="{int(height)}" role="img" aria-labelledby="chart-t chart-d">'
        '<title id="chart-t">Findings per summary, by kind and model</title>'
        f'<desc id="chart-d">Bars compare models for each of {len(kinds)} finding kinds; '
        "the table below the chart has the numbers.</desc>"
    ]
    x = label_w
    for i, row in enumerate(rows):  # legend
        colour = PALETTE[i % len(PALETTE)]
        out.append(
            f'<rect x="{x}" y="6" width="12" height="12" fill="{colour}"/>'
            f'<text x="{x + 16}" y="16">{esc(row.model)}</text>'
        )
        x += 16 + 7 * len(row.model) + 18
    ticks = round(axis_max / step)
    for t in range(ticks + 1):
        value = step * t
        tx = label_w + plot_w * value / axis_max
        out.append(
            f'<line x1="{tx:.1f}" y1="{top - 4}" x2="{tx:.1f}" y2="{height - 18:.0f}" stroke="#ddd"/>'
            f'<text x="{tx:.1f}" y="{height - 4:.0f}" text-anchor="middle" fill="#555">{value:g}</text>'
        )
    y = top
    for kind in kinds:
        out.append(
            f'<text x="{label_w - 8}" y="{y + group_h / 2 + 4:.1f}" text-anchor="end">'
            f"{esc(kind_label(kind))}</text>"
        )
        for i, row in enumerate(rows):
            rate = row.kind_rates.get(kind, 0.0)
            count = row.kind_counts.get(kind, 0.0)
            w = plot_w * rate / axis_max
            colour = PALETTE[i % len(PALETTE)]
            by = y + i * (bar_h + gap)
            out.append(
                f'<rect class="bar" x="{label_w}" y="{by}" width="{w:.1f}" height="{bar_h}" fill="{colour}" '
                f'data-model="{esc(row.model)}" data-kind="{esc(kind)}" data-rate="{rate:g}">'
                f"<title>{esc(row.model)}: {esc(kind_label(kind))}, {rate:.3g} per summary "
                f"({count:g} findings)</title></rect>"
                f'<text x="{label_w + w + 4:.1f}" y="{by + bar_h - 3}" fill="#333">{rate:.2g}</text>'
            )
        y += group_h + group_gap
    out.append("</svg>")
    table_head = "".join(f'<th scope="col">{esc(r.model)}</th>' for r in rows)
    table_rows = "".join(
        f'<tr><th scope="row" class="l">{esc(kind_label(k))}</th>'
        + "".join(f"<td>{r.kind_rates.get(k, 0.0):.3g} ({r.kind_counts.get(k, 0.0):g})</td>" for r in rows)
        + "</tr>"
        for k in kinds
    )
    return (
        f'<div class="chart">{"".join(out)}</div>'
        "<details><summary>Chart data (findings per summary, and count)</summary>"
        '<div style="overflow-x:auto">'
        f'<table><thead><tr><th class="l">Kind</th>{table_head}</tr></thead>'
        f"<tbody>{table_rows}</tbody></table>"
        "</div></details>"
    )


def _nice_step(raw: float) -> float:
    if raw <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(raw))
    for mult in (1, 2, 2.5, 5, 10):
        if raw <= mult * magnitude:
            return mult * magnitude
    return 10 * magnitude


def scorecard_html(rank: int, row: Row) -> str:
    items = [
        ("Score", _num(row.score)),
        ("Summaries", str(row.n_summaries)),
        ("Errors per summary", _num(row.errors_per_summary)),
    ]
    items += [
        (m.label, _num(row.metrics.get(m.key), m.pct)) for m in METRICS if row.metrics.get(m.key) is not None
    ]
    dl = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in items)
    kinds = sorted((k for k, c in row.kind_counts.items() if c), key=kind_sort_key)
    if kinds:
        trs = "".join(
            f'<tr><th scope="row" class="l">{esc(kind_label(k))}</th><td>{row.kind_counts[k]:g}</td>'
            f"<td>{row.kind_rates.get(k, 0.0):.3g}</td></tr>"
            for k in kinds
        )
        table = (
            '<table class="compact"><thead><tr><th class="l">Kind</th><th>Count</th><th>Per summary</th></tr>'
            f"</thead><tbody>{trs}</tbody></table>"
        )
    else:
        table = '<p class="ok">No findings.</p>'
    return (
        f'<section class="card" id="m-{rank}" aria-labelledby="m-{rank}-h"><h3 id="m-{rank}-h">'
        f'{esc(row.model)}</h3><dl class="metrics">{dl}</dl>{table}</section>'
    )


def render_run_report(view: RunView, *, generated_at: str | None = None) -> str:
    """One HTML page for `harness report RUN_DIR`: leaderboard, chart, scorecards, annotated summaries."""
    run = view.run
    meta = []
    if view.goldset_label:
        meta.append(f"gold set <b>{esc(view.goldset_label)}</b>")
    for key in ("created_at", "started_at", "scorer"):
        if isinstance(run.manifest.get(key), str):
            meta.append(f"{esc(key.replace('_', ' '))} {esc(run.manifest[key])}")
    meta.append(f"{len(view.rows)} model(s) · {len(run.summaries)} summaries")
    if view.goldset is None:
        meta.append("gold set not found: evidence is shown without its source sentence")
    head = (
        f'<header class="page">\n<h1>Faithfulness run {esc(run.run_id)}</h1>\n'
        f'<p class="meta">{" · ".join(meta)}</p>\n{legend()}</header>\n'
    )
    chart = (
        '<section class="card" aria-labelledby="chart-h"><h2 id="chart-h">Findings by kind</h2>'
        '<p class="meta">Findings per summary for each kind; longer is worse.</p>'
        f"{kind_chart_svg(view)}</section>\n"
    )
    cards = "".join(scorecard_html(i, row) for i, row in enumerate(view.rows, 1))
    cards_html = (
        f'<section aria-labelledby="cards-h"><h2 id="cards-h" style="margin-top:1.2rem">Scorecards</h2>'
        f'<div class="grid">{cards}</div></section>\n'
    )
    order = {row.model: i for i, row in enumerate(view.rows)}
    summaries = sorted(enumerate(run.summaries), key=lambda p: (order.get(p[1].model, len(order)), p[0]))
    toc_items, sections = [], []
    for n, (_, s) in enumerate(summaries):
        heading = s.key
        toc_items.append(f'<li><a href="#s{n}">{esc(heading)}</a> — {_counts_text(s.result.findings)}</li>')
        missing = f"No summary: {s.error}" if s.error else "The summary text is not in summaries.jsonl."
        sections.append(summary_section(f"s{n}", heading, s.result, s.text, view.goldset, missing=missing))
    toc = (
        (
            f'<nav class="card toc" aria-labelledby="toc-h"><h2 id="toc-h">Summaries</h2>'
            f"<ul>{''.join(toc_items)}</ul></nav>\n"
        )
        if toc_items
        else ""
    )
    body = f"{head}<main>\n{leaderboard_html(view)}{chart}{cards_html}{toc}{''.join(sections)}</main>\n"
    data = {
        "run_id": run.run_id,
        "scorecards": {r.model: r.card for r in view.rows},
    }
    return page(f"Faithfulness run — {run.run_id}", body, data, generated_at)
