"""Published JSON Schemas stay in step with the pydantic models they come from."""

from __future__ import annotations

import json

import pytest

from harness.schemas import PUBLISHED, SCHEMA_DIR, render


@pytest.mark.parametrize("filename", sorted(PUBLISHED))
def test_committed_schema_matches_model(filename: str) -> None:
    committed = (SCHEMA_DIR / filename).read_text(encoding="utf-8")
    assert committed == render(PUBLISHED[filename]), (
        f"schemas/{filename} is stale: run `python -m harness.schemas` and commit the result"
    )


def test_goldset_yaml_validates_against_published_schema(goldset_dir) -> None:  # type: ignore[no-untyped-def]
    import jsonschema
    import yaml

    schema = json.loads((SCHEMA_DIR / "goldset.schema.json").read_text(encoding="utf-8"))
    data = yaml.safe_load((goldset_dir / "goldset.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)


def test_schema_rejects_what_the_model_rejects() -> None:
    import jsonschema

    schema = json.loads((SCHEMA_DIR / "goldset.schema.json").read_text(encoding="utf-8"))
    bad = {"schema_version": 1, "id": "x", "title": "t", "sources": [], "colour": "red"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
