"""Source-only mode: build the inventory from raw articles, with no curation.

`build_goldset_from_sources(paths)` reads articles and returns a resolved
`GoldSet` (quotes with speakers, entities with aliases and affiliations,
claims with numbers) for the same scorers a curated gold set feeds;
`harness.sourceonly.draft` writes the same extraction as a draft
`goldset.yaml` for a person to review.
"""

from harness.sourceonly.build import build_goldset_from_sources, build_goldset_from_texts

__all__ = ["build_goldset_from_sources", "build_goldset_from_texts"]
