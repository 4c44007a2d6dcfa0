"""Fixtures: small articles written for these tests (no real data needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

ARTICLE_A = """Chipmakers Warn of Slow Recovery

Chipmakers gathered in Taipei on Tuesday for the annual industry forum.

Lena Hart, chief executive of Vexa Labs, said demand for its chips would recover by 2027 at the latest. \
"We are ahead of schedule," Hart stated. "Nobody expected it."

Vexa Labs raised $2 billion last year, and its shares rose 15% after the results.

Related Articles
Another story about something else entirely, with a "quote" of its own.
"""

ARTICLE_B = """Vexa Labs Bets on New Chips

Omar Said, a former Vexa engineer now at Corta Systems, disagreed with Hart. \
"The numbers do not add up," he asserted.

Analysts expect the market to grow by about 8% a year for the next five years.
"""


@pytest.fixture()
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return folder
