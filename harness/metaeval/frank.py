"""FRANK (Pagnoni et al., NAACL 2021): 2,246 summaries with error-type labels.

Layout (see the benchdata README): `human_annotations.json` has one row per
(article `hash`, `model_name`) with a score per error type, 1.0 meaning no
annotator found that error; `articles/<hash>.json` holds the article and
each model's summary under the model's name. The label file goes through
`datasets`; the 501 article files have differing keys per model family, so
they are read with `json` (one small file each).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from harness.errors import HarnessError
from harness.metaeval.benchdata import load_json_records
from harness.metaeval.items import MetaItem
from harness.metaeval.recase import names_table, restore

# The error types FRANK annotates; `any_error` is Factuality < 1.
FRANK_TYPES = ("EntE", "OutE", "CircE", "RelE", "CorefE", "LinkE", "GramE", "Other")
LabelRule = Literal["any", "majority"]


def _has_error(score: float, rule: LabelRule) -> bool:
    """`any`: at least one annotator found it (score < 1.0, as the README reads the
    file); `majority`: at least half did (score <= 0.5)."""
    return score < 1.0 - 1e-9 if rule == "any" else score <= 0.5 + 1e-9


def load_frank(
    path: str | Path,
    *,
    limit: int | None = None,
    restore_case: bool = True,
    label_rule: LabelRule = "any",
) -> list[MetaItem]:
    """FRANK items in file order (first `limit` when given).

    With `restore_case`, summaries are detokenised and truecased from their
    own article, falling back to the names every FRANK article capitalises
    (`harness.metaeval.recase`), so an invented name gets its capitals too;
    BART outputs use the cased copy FRANK ships (`bart_cased`).
    """
    folder = Path(path)
    labels_path = folder / "human_annotations.json"
    if not labels_path.is_file():
        raise HarnessError(str(folder), "not a FRANK folder (no human_annotations.json)")
    rows = load_json_records(labels_path)
    if limit is not None:
        rows = rows[:limit]
    articles: dict[str, dict[str, object]] = {}
    fallback: dict[str, str] = {}
    if restore_case:
        corpus = [
            json.loads(p.read_text(encoding="utf-8")) for p in sorted((folder / "articles").glob("*.json"))
        ]
        fallback = names_table([str(a.get("article", "")) for a in corpus])
    items = []
    for row in rows:
        doc_hash = str(row["hash"])
        model = str(row["model_name"])
        if doc_hash not in articles:
            article_path = folder / "articles" / f"{doc_hash}.json"
            try:
                articles[doc_hash] = json.loads(article_path.read_text(encoding="utf-8"))
            except FileNotFoundError:
                raise HarnessError(str(article_path), "article file missing") from None
        article = articles[doc_hash]
        document = str(article["article"])
        summary = (
            str(article.get(f"{model}_cased") or article[model]) if restore_case else str(article[model])
        )
        if restore_case:
            summary = restore(summary, document, fallback)
        errors = {t: _has_error(float(row[t]), label_rule) for t in FRANK_TYPES}
        errors["any_error"] = _has_error(float(row["Factuality"]), label_rule)
        items.append(
            MetaItem(
                id=f"{doc_hash}/{model}",
                document_id=doc_hash,
                document=document,
                summary=summary,
                errors=errors,
                meta={"dataset": str(row["dataset"]), "model": model, "split": str(row["split"])},
            )
        )
    return items
