"""Published JSON Schemas, generated from the pydantic models.

`python -m harness.schemas` rewrites `schemas/*.schema.json`; a test fails
when the committed files drift from the models.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"

# file name -> "module:Model"
PUBLISHED = {
    "goldset.schema.json": "harness.goldset.spec:GoldSetSpec",
    "check.schema.json": "harness.findings:CheckReport",
    "scorecard.schema.json": "harness.run.scorecard:Scorecard",
    "manifest.schema.json": "harness.run.manifest:Manifest",
    "summary-record.schema.json": "harness.run.records:SummaryRecord",
    "findings-record.schema.json": "harness.run.records:FindingsRecord",
}


def schema_for(target: str) -> dict[str, Any]:
    module, name = target.split(":")
    model = getattr(importlib.import_module(module), name)
    schema: dict[str, Any] = model.model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return schema


def render(target: str) -> str:
    return json.dumps(schema_for(target), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> int:
    SCHEMA_DIR.mkdir(exist_ok=True)
    for filename, target in PUBLISHED.items():
        (SCHEMA_DIR / filename).write_text(render(target), encoding="utf-8")
        print(f"wrote schemas/{filename}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
