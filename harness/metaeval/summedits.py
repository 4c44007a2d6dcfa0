"""SummEdits, news domain (Laban et al., 2023): 819 minimally edited summaries.

`summedits_news.json` is a list of {id, doc, summary, label, edit_types, ...};
`label` 0 means humans judged the edited summary inconsistent, and the
`edit_types` say what kind of edit made it so.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from harness.errors import HarnessError
from harness.metaeval.benchdata import load_json_records
from harness.metaeval.items import MetaItem

SUMMEDITS_TYPES = (
    "entity_modification",
    "hallucinated_fact_insertion",
    "antonym_swap",
    "negation_insertion_removal",
)


def load_summedits(path: str | Path, *, limit: int | None = None) -> list[MetaItem]:
    """SummEdits items in file order (first `limit` when given)."""
    file = Path(path)
    if file.is_dir():
        file = file / "summedits_news.json"
    if not file.is_file():
        raise HarnessError(str(path), "SummEdits file not found (expected summedits_news.json)")
    rows = load_json_records(file)
    if limit is not None:
        rows = rows[:limit]
    items = []
    for row in rows:
        inconsistent = int(row["label"]) == 0
        edits = set(row.get("edit_types") or [])
        errors = {t: inconsistent and t in edits for t in SUMMEDITS_TYPES}
        errors["any_error"] = inconsistent
        doc = str(row["doc"])
        items.append(
            MetaItem(
                id=str(row["id"]),
                document_id=hashlib.sha1(doc.encode()).hexdigest()[:16],
                document=doc,
                summary=str(row["summary"]),
                errors=errors,
                meta={"split": str(row.get("split") or "")},
            )
        )
    return items
