"""A small HTML scanner for report tests: tags, attributes, ids and the text of highlights."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser


class Scan(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()
        self.script_bodies: list[str] = []
        self._in_script = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        d = dict(attrs)
        self.tags.append((tag, d))
        if d.get("id"):
            self.ids.add(str(d["id"]))
        if tag == "script":
            self._in_script = True
            self.script_bodies.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.script_bodies[-1] += data

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


HL = re.compile(
    r'<span class="(hl [^"]*)" tabindex="0" id="([^"]+)" data-start="(\d+)" data-end="(\d+)" '
    r'data-refs="([^"]*)" data-kinds="([^"]*)" aria-describedby="([^"]+)"><span class="t">(.*?)</span>'
    r'<span class="tip" role="tooltip" id="([^"]+)">'
)


def highlights(html: str, section: str) -> list[dict[str, str]]:
    """Highlights inside the section with this id, in document order."""
    start = html.index(f'<section class="card summary" id="{section}"')
    end = html.index("</section>", start)
    out = []
    for m in HL.finditer(html, start, end):
        out.append(
            {
                "classes": m[1], "id": m[2], "start": m[3], "end": m[4], "refs": m[5], "kinds": m[6],
                "describedby": m[7], "text": unescape(m[8]), "tip_id": m[9],
            }
        )  # fmt: skip
    return out


_TAG = re.compile(r"<(/?)([a-zA-Z0-9]+)[^>]*?(/?)>")
_VOID = {"br", "img", "meta", "link", "input", "hr", "rect", "line"}


def element(html: str, element_id: str) -> str:
    """The outer HTML of the element with this id (balanced by tag nesting)."""
    start = html.index(f'id="{element_id}"')
    start = html.rindex("<", 0, start)
    depth = 0
    for m in _TAG.finditer(html, start):
        closing, name, selfclosing = m[1], m[2].lower(), m[3]
        if selfclosing or name in _VOID:
            continue
        depth += -1 if closing else 1
        if depth == 0:
            return html[start : m.end()]
    raise ValueError(f"unbalanced element {element_id}")
