"""Render the versioned prompt templates in `prompts/` for a task.

A template is `prompts/<task kind>.v<N>.txt`: optional `#` comment lines, then
a `=== system ===` section and a `=== user ===` section with `${name}`
placeholders. Sources go in as delimited DATA (`<<<ARTICLE ...>>>` ...
`<<<END ARTICLE ...>>>`), story text only (excluded regions such as
related-article teasers are left out), and any delimiter-like text inside a
source is defused so an article cannot close its own block.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from string import Template

from harness.errors import HarnessError
from harness.goldset.model import GoldSet, Source, Task


def _templates_dir() -> Path:
    """The templates a wheel installs as `harness/prompts`, else a checkout's `prompts/`."""
    installed = Path(__file__).resolve().parents[1] / "prompts"
    return installed if installed.is_dir() else Path(__file__).resolve().parents[2] / "prompts"


PROMPTS_DIR = _templates_dir()
_SECTION = re.compile(r"^=== (system|user) ===$", re.MULTILINE)
_TEMPLATE_FILE = re.compile(r"^(?P<kind>[a-z0-9_]+)\.v(?P<version>\d+)\.txt$")


@dataclass(frozen=True)
class RenderedPrompt:
    template_id: str  # e.g. "multi_document_brief.v1"
    messages: tuple[dict[str, str], ...]

    @property
    def hash(self) -> str:
        """sha256 of the messages as sent (canonical JSON)."""
        blob = json.dumps(list(self.messages), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return "sha256:" + hashlib.sha256(blob.encode()).hexdigest()


def template_path(kind: str, prompts_dir: Path = PROMPTS_DIR, version: int | None = None) -> Path:
    """The template for a task kind: the given version, else the highest one present."""
    if version is not None:
        path = prompts_dir / f"{kind}.v{version}.txt"
        if not path.is_file():
            raise HarnessError(str(path), f"no prompt template v{version} for task kind {kind!r}")
        return path
    found = []
    for path in prompts_dir.glob(f"{kind}.v*.txt"):
        m = _TEMPLATE_FILE.match(path.name)
        if m and m["kind"] == kind:
            found.append((int(m["version"]), path))
    if not found:
        raise HarnessError(str(prompts_dir), f"no prompt template for task kind {kind!r} ({kind}.v1.txt)")
    return max(found)[1]


def parse_template(text: str, location: str) -> tuple[str, str]:
    """(system, user) template strings from a template file's text."""
    parts = _SECTION.split(text)
    sections = dict(zip(parts[1::2], parts[2::2], strict=True))
    preamble = [line for line in parts[0].splitlines() if line.strip()]
    if (
        set(sections) != {"system", "user"}
        or len(parts) != 5
        or any(not ln.startswith("#") for ln in preamble)
    ):
        raise HarnessError(
            location, "a template is '#' comments, then '=== system ===' and '=== user ===' sections"
        )
    return sections["system"].strip("\n"), sections["user"].strip("\n")


def defuse(text: str) -> str:
    """Neutralise our delimiters inside source text (an article cannot close its block)."""
    return text.replace("<<<", "‹‹‹").replace(">>>", "›››")


def story_text(source: Source) -> str:
    """The source's story text: excluded regions (teasers, menus) left out."""
    pieces = [source.text[a:b].strip("\n") for a, b in source.story_regions()]
    return "\n[…]\n".join(p for p in pieces if p.strip())


def render_sources(sources: list[Source]) -> str:
    blocks = []
    n = len(sources)
    for i, src in enumerate(sources, 1):
        header = [f"{i} of {n}", f"id: {src.id}"]
        for label, value in (("title", src.title), ("outlet", src.outlet), ("date", src.date)):
            if value:
                header.append(f"{label}: {defuse(value)}")
        blocks.append(
            f"<<<ARTICLE {' | '.join(header)}>>>\n{defuse(story_text(src))}\n<<<END ARTICLE {i} of {n}>>>"
        )
    return "\n\n".join(blocks)


def render(task: Task, goldset: GoldSet, prompts_dir: Path = PROMPTS_DIR) -> RenderedPrompt:
    """The chat messages for one task, from the template for its kind."""
    path = template_path(task.kind, prompts_dir)
    system_t, user_t = parse_template(path.read_text(encoding="utf-8"), str(path))
    sources = [goldset.source_by_id[s] for s in task.sources]
    values = {
        "max_words": str(task.max_words),
        "n_sources": str(len(sources)),
        "instructions": defuse(task.instructions.strip()) + "\n" if task.instructions else "",
        "sources": render_sources(sources),
    }
    try:
        system = Template(system_t).substitute(values)
        user = Template(user_t).substitute(values)
    except (KeyError, ValueError) as exc:
        raise HarnessError(str(path), f"bad placeholder in template: {exc}") from None
    user = re.sub(r"\n{3,}", "\n\n", user)
    return RenderedPrompt(
        template_id=path.name.removesuffix(".txt"),
        messages=({"role": "system", "content": system}, {"role": "user", "content": user}),
    )
